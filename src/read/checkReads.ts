import { parseA1 } from '../report/standard/a1';
import { CellId, dataCells, TABLE_IDS, TABLE_NUMBERS, TableId } from '../report/standard/formats';
import { Report } from '../report/standard/report';
import { absentTablesNote, checkSheetInput, SheetCheck, uncheckedOf } from '../report/sheet/sheetCheck';
import { checkProse } from '../report/prose/textCheck';
import { crossYearRefusal } from '../report/standard/rules';
import { validate } from '../report/standard/validate';
import { verdictOf } from '../report/standard/verdict';
import { NotAReportError } from './exchange';
import { errnoReason } from './kinds';
import { NoTablesError } from './pasted';
import { FileResult } from './result';
import type { ExchangeRead, ReadReport } from './types';

// What a file holds, checked: each report the readers found goes through the shared core
// (src/report/sheet/sheetCheck.ts, or the validator for the exchange format) and gets its verdict.
// The same for the command, the task pane's last year's report and the web page.

const NO_TABLES = '没有找到年报统计表格（表二、表三、表四）';

/** The reports of one file, each checked by the shared core, with its verdict. */
export function checkReads(file: string, reads: ReadReport[], lastYear?: Report): FileResult[] {
  const results: FileResult[] = [];
  const checked = reads.map((read) => ({ read, check: read.kind === 'sheet' ? checkSheetInput(read.input, { lastYear }) : null }));
  const holdsTables = (c: SheetCheck | null) => c !== null && (c.tables.length > 0 || c.lost.length > 0 || c.notes.length > 0);
  const several = checked.filter((c) => holdsTables(c.check)).length > 1;
  for (const { read, check } of checked) {
    if (read.kind === 'exchange') {
      results.push(checkExchange(file, read, lastYear));
      continue;
    }
    if (!check || !holdsTables(check)) continue;
    // What was not read or not checked: the reader's notes and the check's (a missing or unfilled table among them).
    const notes = [...read.notes, ...uncheckedOf(check)];
    // The document's own text against its tables: contradictions are warnings, what was not compared a remark.
    const prose = read.prose && check.report ? checkProse(read.prose, check.report) : null;
    const remarks = [...(read.remarks ?? []), ...check.remarks, ...(prose?.skipped ?? [])];
    const inWorkbook = read.input.sheet !== '';
    // A workbook's findings name their sheet and cells; pasted text names its lines.
    const findings = [
      ...check.findings.map(({ sheet, addresses, ...f }) =>
        // A document's tables (.html, .docx, .pdf) have no cell addresses or lines: the finding names its cells.
        !addresses.length || read.document
          ? f
          : inWorkbook
            ? { ...f, sheet, address: addresses }
            : {
                ...f,
                lines: [...new Set(addresses.map((a) => parseA1(a).row + 1))],
                // Line and column of each cell: text has no cell addresses, but its cells are tab-separated.
                positions: addresses.map((a) => ({ line: parseA1(a).row + 1, column: parseA1(a).col + 1 })),
              },
      ),
      ...(prose?.findings ?? []),
    ];
    results.push({
      // A workbook with tables on several sheets gives one result a sheet.
      file: several ? `${file}（工作表“${check.sheet}”）` : file,
      ...(inWorkbook ? { sheet: check.sheet } : {}),
      format: check.tables.length ? check.tables[0].version : null,
      tables: check.tables.filter((t) => t.damage.length === 0).map((t) => t.table),
      findings,
      notes,
      remarks,
      verdict: verdictOf({ tablesRead: check.tables.filter((t) => t.damage.length === 0).length, findings, unchecked: notes }),
      report: check.report,
      ...(check.unfilled ? { unfilled: check.unfilled } : {}),
      ...(read.rollup ? { rollup: read.rollup } : {}),
    });
  }
  if (results.length === 0) {
    const why = reads.flatMap((r) => r.notes);
    const what = reads.some((r) => r.kind === 'sheet' && r.input.sheet !== '')
      ? '工作簿'
      : reads.some((r) => r.kind === 'sheet' && r.document)
        ? '文档'
        : '文本';
    throw new NoTablesError([`${what}中${NO_TABLES}`, ...why].join('；'));
  }
  return results;
}

/**
 * A report in the exchange format: a blank cell is null (formats.md); a cell id left out was not
 * given, so the rules that need it are not checked and the report is incomplete.
 */
function checkExchange(file: string, read: ExchangeRead, lastYear?: Report): FileResult {
  const given = new Set(Object.keys(read.report.cells) as CellId[]);
  if (given.size === 0) throw new NotAReportError('JSON 中没有任何单元格（"cells" 是空的）');
  const notes = [...read.notes];
  // A table of which not one cell is given is missing, as on a sheet: never 通过 on two tables of three.
  const missing = TABLE_IDS.filter((t) => !read.tables.includes(t));
  if (missing.length) notes.push(absentTablesNote('', missing));
  for (const t of read.tables) {
    const absent = dataCells(read.report.format).filter((d) => d.table === t && !given.has(d.id));
    if (absent.length === 0) continue;
    const shown =
      absent
        .slice(0, 3)
        .map((d) => `${d.label}（${d.id}）`)
        .join('、') + (absent.length > 3 ? ' 等' : '');
    notes.push(`${TABLE_NUMBERS[t]}有 ${absent.length} 个单元格没有给出（${shown}），不参与校验；空白单元格请写 null`);
  }
  const refusal = lastYear ? crossYearRefusal(read.report.format, lastYear.format) : null;
  if (refusal) notes.push(refusal);
  const findings = validate(read.report, { lastYear, tables: read.tables, present: given });
  const verdict = verdictOf({ tablesRead: read.tables.length, findings, unchecked: notes });
  return {
    file,
    format: read.report.format,
    tables: read.tables,
    findings,
    notes,
    remarks: [],
    verdict,
    report: read.report,
    ...(read.rollup ? { rollup: read.rollup } : {}),
  };
}

/** Last year's report as read from a file: the first report that holds tables, its intact tables and its sheet. */
export interface LastYearRead {
  report: Report;
  tables: TableId[];
  sheet?: string;
}

/** Last year's report among what a file holds: the values of the first report that holds tables. */
export function lastYearOf(file: string, reads: ReadReport[]): LastYearRead {
  const results = checkReads(file, reads);
  const found = results.find((r) => r.report && r.tables.length > 0) ?? results.find((r) => r.report);
  if (!found?.report) throw new NoTablesError(NO_TABLES);
  // Cross-year rules compare numbers: a report without any would silently check nothing.
  if (!Object.values(found.report.cells).some((v) => typeof v === 'number'))
    throw new NotAReportError('上年报告中没有读到任何数字，无法核对跨年度规则');
  return { report: found.report, tables: found.tables, ...(found.sheet ? { sheet: found.sheet } : {}) };
}

/**
 * A Chinese reason for an error thrown while reading a file. A library's own words are English
 * (Maximum call stack size exceeded, Bad encoding in flate stream, unclosed xml tag…): they are not
 * shown; the reason says what it means for the user.
 */
export function describeError(e: unknown): string {
  if (e instanceof NotAReportError) return e.message;
  const known = errnoReason((e as NodeJS.ErrnoException)?.code);
  if (known) return known;
  if (e instanceof RangeError) return '文件的结构过深或过大，无法读取（可能已损坏，或不是年报文件）';
  return '文件已损坏或内容不符合其格式，无法读取；请用原来的软件打开后重新保存，再校验';
}
