import { readFileSync } from 'fs';
import { checkFile } from '../../src/cli/checkFile';
import { loadWorkbook, storedCells } from '../../src/read/readXlsx';
import { checkWorkbook, SheetCheck } from '../../src/excel/check';
import { createMemoryHost, MemoryHost } from '../../src/excel/memory';
import { recogniseActiveSheet } from '../../src/excel/pasted';
import { a1 } from '../../src/report/standard/a1';
import { parseNameReference, parseTableName } from '../../src/report/look/tableNames';

/**
 * Opens an .xlsx file in the in-memory Excel through the office.js calls a user's Excel would have
 * made: every stored value (text with a leading apostrophe, as Excel keeps it text), the merges and
 * the add-in's sheet-scoped names.
 */
export async function hostFromXlsx(file: string): Promise<MemoryHost> {
  const { wb, names, sheetOrder } = await loadWorkbook(readFileSync(file));
  const host = createMemoryHost();
  await host.run(async (context) => {
    for (const ws of wb.worksheets) {
      const sheet = context.workbook.worksheets.add(ws.name);
      for (const c of storedCells(ws)) {
        sheet.getRange(a1(c.row, c.col)).values = [[typeof c.value === 'string' ? `'${c.value}` : (c.value as number | boolean)]];
      }
      const merges = (ws.model as { merges?: string[] }).merges ?? [];
      for (const m of merges) sheet.getRange(m).merge();
    }
    for (const n of names) {
      if (!parseTableName(n.name) || n.ranges.length !== 1) continue;
      const ref = parseNameReference(n.ranges[0]);
      const scope = n.localSheetId !== undefined ? sheetOrder[n.localSheetId] : ref?.sheet;
      if (!ref || !scope) continue;
      const sheet = context.workbook.worksheets.getItem(scope);
      sheet.names.add(n.name, sheet.getRange(`${a1(ref.top, ref.left)}:${a1(ref.bottom, ref.right)}`));
    }
    await context.sync();
  });
  return host;
}

/** A sheet's check as a comparable record: verdict and findings with their cells on the sheet. */
function summary(s: {
  verdict: string;
  findings: { rule: string; instance: string; severity: string; message: string; addresses?: string[] }[];
}) {
  return {
    verdict: s.verdict,
    findings: s.findings
      .map((f) => `${f.severity} ${f.rule} ${f.instance} ${[...(f.addresses ?? [])].sort().join(',')} ${f.message}`)
      .sort(),
  };
}

/**
 * The add-in's check of a workbook file (tables it did not insert are first recognised on their sheet,
 * as a user would click 识别并校验当前工作表) and the command's, sheet by sheet.
 */
export async function addInAndCommand(file: string): Promise<{ addIn: Record<string, unknown>; command: Record<string, unknown> }> {
  const host = await hostFromXlsx(file);
  const run = host.run.bind(host);
  const named = new Set(host.names().map((n) => n.scope));
  for (const sheet of host.sheetNames()) {
    if (named.has(sheet)) continue;
    host.setActiveSheet(sheet);
    await recogniseActiveSheet(run);
  }
  const addIn: Record<string, unknown> = {};
  for (const s of (await checkWorkbook(run)).sheets as SheetCheck[]) addIn[s.sheet] = summary(s);
  const command: Record<string, unknown> = {};
  const outcome = await checkFile(file);
  for (const r of outcome.results) {
    command[r.sheet ?? ''] = summary({ verdict: r.verdict, findings: r.findings.map((f) => ({ ...f, addresses: f.address })) });
  }
  return { addIn, command };
}
