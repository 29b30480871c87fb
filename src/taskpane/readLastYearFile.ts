/*
 * Last year's report from a file picked in the task pane, read in the browser by the same readers
 * and behind the same guard as the command (src/read/): a zip bomb or a workbook whose merges would
 * exhaust memory is refused with the command's reason. The pane loads this module with a dynamic
 * import when a file is picked, so the readers never weigh on the first screen.
 */
import { READERS, readReportsFromBytes } from '../read/readers';
import { describeError, LastYearRead, lastYearOf } from '../read/checkReads';
import type { Done, Failed } from '../excel/outcome';

export type { LastYearRead };
export type LastYearFile = Done<LastYearRead> | Failed;

export async function readLastYearFile(name: string, data: ArrayBuffer): Promise<LastYearFile> {
  try {
    // Every kind the command reads but PDF (pdf.js would double the pane's code for a rare case).
    if (name.toLowerCase().endsWith('.pdf'))
      return {
        kind: 'failed',
        problem: { code: 'said', text: 'PDF 文件请用命令行工具校验，或把上年报告的表格复制到工作表中再“作为上年报告”。' },
      };
    const found = lastYearOf(name, await readReportsFromBytes(name, new Uint8Array(data), READERS));
    return { kind: 'done', ...found };
  } catch (e) {
    return { kind: 'failed', problem: { code: 'said', text: `无法读取“${name}”：${describeError(e)}` } };
  }
}
