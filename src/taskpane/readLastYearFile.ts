/*
 * Last year's report from a file picked in the task pane, read in the browser by the command's own
 * readers: .xlsx through ExcelJS (src/read/readXlsx.ts), .txt/.tsv through the decoder and the recogniser
 * (src/read/decode.ts, src/read/pasted.ts). The pane loads this module with a dynamic import when a
 * file is picked, so ExcelJS never weighs on the first screen.
 */
import { decodeTextDetailed } from '../read/decode';
import { readPastedText } from '../read/pasted';
import { loadWorkbook, workbookInputs } from '../read/readXlsx';
import { TableId } from '../report/standard/formats';
import { Report } from '../report/standard/report';
import type { Done, Failed } from '../excel/outcome';
import { checkSheetInput, SheetInput } from '../report/sheet/sheetCheck';

/** Last year's report as read from the file: its values, its intact tables and the sheet that held them. */
export interface LastYearRead {
  report: Report;
  tables: TableId[];
  sheet?: string;
}

export type LastYearFile = Done<LastYearRead> | Failed;

/** The largest file read in the pane (the command's own limit for .xlsx). */
const MAX_BYTES = 100 * 1024 * 1024;

const isZip = (b: Uint8Array) => b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** The first sheet that holds a report. */
function firstReport(inputs: SheetInput[]): LastYearFile | null {
  for (const input of inputs) {
    const check = checkSheetInput(input);
    if (check.report)
      return {
        kind: 'done',
        report: check.report,
        tables: check.tables.filter((t) => t.damage.length === 0).map((t) => t.table),
        sheet: input.sheet || undefined,
      };
  }
  return null;
}

export async function readLastYearFile(name: string, data: ArrayBuffer): Promise<LastYearFile> {
  const lower = name.toLowerCase();
  const bytes = new Uint8Array(data);
  if (bytes.length > MAX_BYTES) return { kind: 'failed', message: `文件“${name}”过大（超过 100 MB），不像年报。` };
  try {
    let found: LastYearFile | null;
    if (lower.endsWith('.xlsx') || lower.endsWith('.xlsm')) {
      const { wb, names, sheetOrder } = await loadWorkbook(data as unknown as Buffer);
      found = firstReport(workbookInputs(wb, names, sheetOrder));
    } else if (lower.endsWith('.txt') || lower.endsWith('.tsv')) {
      if (isZip(bytes))
        return {
          kind: 'failed',
          message: '这不是文本文件，而是一个压缩格式的文件（很可能是改了扩展名的 .xlsx 或 .docx），请改回原来的扩展名',
        };
      found = firstReport([readPastedText(decodeTextDetailed(bytes).text).input]);
    } else {
      return {
        kind: 'failed',
        message: `不支持的文件类型：请选择 .xlsx 工作簿或 .txt 文本（从上年年报复制的表格）。Word、PDF 和网页请先用命令行工具或复制表格到工作表中。`,
      };
    }
    return found ?? { kind: 'failed', message: `在文件“${name}”中没有找到年报统计表格（二、三、四）。` };
  } catch (e) {
    return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
  }
}
