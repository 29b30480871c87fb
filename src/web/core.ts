import ExcelJS from 'exceljs';
import { isFormatVersion } from '../report/standard/formats';
import { Report } from '../report/standard/report';
import { verdictLabel } from '../report/standard/verdictText';
import { checkReads, describeError, lastYearOf } from '../read/checkReads';
import { READERS, readReportsFromBytes, supportedExtensions } from '../read/readers';
import { templateHtml } from '../cli/html';
import { addUp, choose, rollupSummary, rollupWorkbook, setAsideDuplicates, SumUnit, unitsOf, versionOf } from '../cli/rollup';
import { templateWorkbook } from '../cli/templateXlsx';
import { readPdfHere } from './pdfReader';
import type { Answer, Outcome, Request } from './protocol';

// The web page's core: everything that reads a file or writes one, run in a Web Worker (a file that
// hangs is stopped with its worker) or, when the browser refuses workers, in the page. The same
// readers, guard, check and writers as the command: src/read, src/cli/rollup.ts, src/cli/templateXlsx.ts.

/** How the page tells the user to sum one version at a time (the command names its --format). */
/** Why a unit the user did not tick is not in the sum. */
const NOT_TICKED = '没有勾选';

const PAGE_VERSION_HINT = '请更正这些单位的年报，或只勾选同一版本的单位分别汇总';

/** The command's readers, PDF too: pdf.js comes with the page's PDF script, run in this thread when a PDF is met (pool.ts). */
const WEB_READERS = { ...READERS, '.pdf': readPdfHere };

const bytesOf = async (wb: ExcelJS.Workbook): Promise<Uint8Array> => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

/** One file checked as the command checks it (src/cli/checkFile.ts), from its bytes. Never throws. */
export async function checkBytes(name: string, bytes: Uint8Array, lastYear?: Report): Promise<Outcome> {
  try {
    return { file: name, results: checkReads(name, await readReportsFromBytes(name, bytes, WEB_READERS), lastYear) };
  } catch (e) {
    return { file: name, results: [], unreadable: describeError(e) };
  }
}

async function rollup(request: Extract<Request, { kind: 'rollup' }>): Promise<Answer> {
  const units: SumUnit[] = [];
  for (const { outcome, ticked } of request.files) {
    // A unit the user did not tick is listed, as every unit is, and left out; an incomplete one left
    // unticked without 计入部分未校验的单位 is left out for being incomplete, as `sum` says it.
    const asSum = (u: SumUnit) => u.verdict === 'incomplete' && !request.includeIncomplete;
    units.push(...unitsOf(outcome).map((u, i) => (u.leftOut || ticked.includes(i) || asSum(u) ? u : { ...u, leftOut: NOT_TICKED })));
  }
  choose(units, request.includeIncomplete);
  setAsideDuplicates(units);
  const lines = units.map((u) => ({
    name: u.name,
    file: u.file,
    verdict: verdictLabel(u.verdict, u),
    summed: u.leftOut ? `未计入：${u.leftOut}` : '计入',
  }));
  const version = versionOf(units, undefined, PAGE_VERSION_HINT);
  if (!isFormatVersion(version)) return { kind: 'rollup', lines, refusal: `无法汇总：${version}。` };
  const sum = addUp(version, units);
  const bytes = await bytesOf(rollupWorkbook(version, sum.report, units));
  return { kind: 'rollup', lines, summary: rollupSummary(sum, units, '已生成汇总表'), bytes };
}

/** Answers one request of the page. Never throws: a failure is a `failed` answer with the reason. */
export async function handle(request: Request): Promise<Answer> {
  try {
    switch (request.kind) {
      case 'ping':
        return { kind: 'pong', extensions: supportedExtensions(WEB_READERS) };
      case 'check':
        return { kind: 'check', outcome: await checkBytes(request.name, request.bytes, request.lastYear) };
      case 'lastYear':
        try {
          return { kind: 'lastYear', read: lastYearOf(request.name, await readReportsFromBytes(request.name, request.bytes, WEB_READERS)) };
        } catch (e) {
          return { kind: 'lastYear', unreadable: describeError(e) };
        }
      case 'template':
        return {
          kind: 'file',
          bytes:
            request.as === 'xlsx'
              ? await bytesOf(templateWorkbook(request.version))
              : new TextEncoder().encode(templateHtml(request.version)),
        };
      case 'rollup':
        return await rollup(request);
      case 'sheet': {
        const wb = new ExcelJS.Workbook();
        wb.creator = '年报助手';
        const ws = wb.addWorksheet(request.name);
        for (const row of request.rows) ws.addRow(row);
        ws.getRow(1).font = { bold: true };
        request.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
        return { kind: 'file', bytes: await bytesOf(wb) };
      }
    }
  } catch (e) {
    return { kind: 'failed', reason: describeError(e) };
  }
}
