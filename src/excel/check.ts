import { CellId, FormatVersion, TABLE_IDS, TABLE_NAMES, TABLE_NUMBERS, TableId } from '../report/formats';
import { a1, tableLayout } from '../report/layout';
import { PlacedTable, placedAddress, RawValue, readPlacedBlock } from '../report/placed';
import { Report } from '../report/report';
import { Finding, validate } from '../report/validate';
import { describeExcelError } from './errors';
import { ExcelRun } from './run';
import { readPastedBlock } from '../report/pasted';
import { parseNameReference, parsePastedName, parseTableName } from '../report/tableNames';

/** A template table found on a sheet through its name. */
export interface TableOnSheet extends PlacedTable {
  sheet: string;
  /** A1 address of the whole block (without the sheet name). */
  address: string;
  /** How the block no longer matches the standard; empty when intact. */
  damage: string[];
  /** A table the user pasted and asked to check in place (recognised, not inserted by the add-in). */
  pasted?: boolean;
}

/** A table whose name no longer points at cells (its rows were deleted). */
export interface LostTable {
  sheet: string;
  table: TableId;
  version: FormatVersion;
  message: string;
}

export interface LocatedFinding extends Finding {
  sheet: string;
  /** A1 addresses of the finding's cells on that sheet. */
  addresses: string[];
}

export interface SheetCheck {
  sheet: string;
  sheetId: string;
  tables: TableOnSheet[];
  lost: LostTable[];
  findings: LocatedFinding[];
  /** What the recogniser could not place in a pasted table (Chinese). */
  notes: string[];
}

export interface WorkbookCheck {
  sheets: SheetCheck[];
  /** Set when the check itself could not run (edit mode, …). */
  error?: string;
}

interface SheetProxies {
  ws: Excel.Worksheet;
  names: Excel.NamedItemCollection;
  used: Excel.Range;
}

/** Queues the loads one sheet's check needs: its table names and all its values. No sync. */
function queueSheetRead(ws: Excel.Worksheet): SheetProxies {
  ws.load('name,id');
  const names = ws.names;
  names.load('items/name,items/type,items/value');
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex');
  return { ws, names, used };
}

/** Rows × columns of raw values of a rectangle of the sheet, from its used range. */
function sliceBlock(p: SheetProxies, top: number, left: number, rows: number, cols: number): RawValue[][] {
  const values: RawValue[][] = p.used.isNullObject ? [] : (p.used.values as RawValue[][]);
  const r0 = p.used.isNullObject ? 0 : p.used.rowIndex;
  const c0 = p.used.isNullObject ? 0 : p.used.columnIndex;
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => values[top + r - r0]?.[left + c - c0] ?? ''),
  );
}

/** Builds one sheet's check from loaded proxies: pure work, no Excel calls. */
function evaluateSheet(p: SheetProxies): SheetCheck {
  const sheet = p.ws.name;
  const read: { table: TableOnSheet; cells: Report['cells'] }[] = [];
  const lost: LostTable[] = [];
  for (const item of p.names.items) {
    const id = parseTableName(item.name);
    if (!id) continue;
    const ref = item.type === 'Range' ? parseNameReference(String(item.value)) : null;
    if (!ref) {
      lost.push({
        ...id,
        sheet,
        message: `${TABLE_NUMBERS[id.table]}（${TABLE_NAMES[id.table]}，${id.version}版）的单元格已被删除，无法找到该表格。可以重新插入。`,
      });
      continue;
    }
    const block = sliceBlock(p, ref.top, ref.left, ref.bottom - ref.top + 1, ref.right - ref.left + 1);
    const { cells, damage } = readPlacedBlock(tableLayout(id.version, id.table), block);
    const address = `${a1(ref.top, ref.left)}:${a1(ref.bottom, ref.right)}`;
    read.push({ table: { ...id, sheet, row: ref.top, col: ref.left, address, damage }, cells });
  }
  read.sort((a, b) => TABLE_IDS.indexOf(a.table.table) - TABLE_IDS.indexOf(b.table.table));
  const tables = read.map((r) => r.table);
  const findings: LocatedFinding[] = [];
  // Tables of one version on one sheet form one report; a damaged table is not checked.
  for (const version of new Set(tables.map((t) => t.version))) {
    const intact = read.filter((r) => r.table.version === version && r.table.damage.length === 0);
    if (intact.length === 0) continue;
    const report: Report = { format: version, cells: Object.assign({}, ...intact.map((r) => r.cells)) };
    for (const f of validate(report, { tables: intact.map((r) => r.table.table) })) {
      const placed = intact.find((r) => r.table.table === f.table)!.table;
      findings.push({
        ...f,
        sheet,
        addresses: f.cells.map((c: CellId) => placedAddress(placed, c)).filter((x): x is string => x !== undefined),
      });
    }
  }
  const notes: string[] = [];
  for (const item of p.names.items) {
    const version = parsePastedName(item.name);
    const ref = version && item.type === 'Range' ? parseNameReference(String(item.value)) : null;
    if (!version || !ref) continue;
    const pasted = evaluatePasted(p, sheet, ref);
    tables.push(...pasted.tables);
    findings.push(...pasted.findings);
    notes.push(...pasted.notes);
  }
  return { sheet, sheetId: p.ws.id, tables, lost, findings, notes };
}

/** Recognises the pasted tables inside a marked block again and checks them in place. */
function evaluatePasted(
  p: SheetProxies,
  sheet: string,
  ref: { top: number; left: number; bottom: number; right: number },
): { tables: TableOnSheet[]; findings: LocatedFinding[]; notes: string[] } {
  const used = p.used.isNullObject ? null : { row: p.used.rowIndex, col: p.used.columnIndex, values: p.used.values };
  const left = used ? Math.min(ref.left, used.col) : ref.left;
  const right = used ? Math.max(ref.right, used.col + (used.values[0]?.length ?? 1) - 1) : ref.right;
  const block = sliceBlock(p, ref.top, left, ref.bottom - ref.top + 1, right - left + 1);
  const read = readPastedBlock(block, ref.top, left);
  if (!read.inPlace || read.tables.length === 0) {
    return { tables: [], findings: [], notes: ['此前识别的表格已无法识别，请重新点击“识别并校验当前工作表”。'] };
  }
  const version = read.inPlace.format;
  const tables: TableOnSheet[] = read.tables.map((table) => ({
    table,
    version,
    sheet,
    row: ref.top,
    col: left,
    address: `${a1(ref.top, left)}:${a1(ref.bottom, right)}`,
    damage: [],
    pasted: true,
  }));
  const findings = validate(read.inPlace, { tables: read.tables }).map((f) => ({
    ...f,
    sheet,
    addresses: f.cells.map((c) => read.sites.get(c)).filter((x) => x !== undefined).map((x) => a1(x.row, x.col)),
  }));
  return { tables, findings, notes: read.notes };
}

/** Checks every sheet that holds a template. Two syncs: list the sheets, then read them all. */
export async function checkWorkbook(run: ExcelRun): Promise<WorkbookCheck> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      const proxies = sheets.items.map((ws) => queueSheetRead(ws));
      await context.sync();
      return { sheets: proxies.map(evaluateSheet).filter((s) => s.tables.length > 0 || s.lost.length > 0 || s.notes.length > 0) };
    });
  } catch (e) {
    return { sheets: [], error: describeExcelError(e) };
  }
}

/** Checks one sheet (the live check after an edit): one sync. */
export async function checkSheet(run: ExcelRun, sheetId: string): Promise<SheetCheck> {
  return run(async (context) => {
    const p = queueSheetRead(context.workbook.worksheets.getItem(sheetId));
    await context.sync();
    return evaluateSheet(p);
  });
}

/** Replaces one sheet's part of a workbook check. */
export function mergeSheetCheck(check: WorkbookCheck, sheet: SheetCheck): WorkbookCheck {
  const others = check.sheets.filter((s) => s.sheetId !== sheet.sheetId);
  const keep = sheet.tables.length > 0 || sheet.lost.length > 0 || sheet.notes.length > 0;
  const sheets = keep ? [...others, sheet] : others;
  const order = new Map(check.sheets.map((s, i) => [s.sheetId, i]));
  sheets.sort((a, b) => (order.get(a.sheetId) ?? 1e9) - (order.get(b.sheetId) ?? 1e9));
  return { sheets };
}

/** Activates the sheet and selects the cells of a finding (their bounding range: ExcelApi 1.8 selects one area). */
export async function selectCells(run: ExcelRun, sheet: string, addresses: string[]): Promise<string | null> {
  if (addresses.length === 0) return null;
  const pos = addresses.map((a) => /^\$?([A-Z]+)\$?(\d+)$/.exec(a)!).map((m) => ({
    row: Number(m[2]) - 1,
    col: [...m[1]].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) - 1,
  }));
  const top = Math.min(...pos.map((p) => p.row));
  const left = Math.min(...pos.map((p) => p.col));
  const bottom = Math.max(...pos.map((p) => p.row));
  const right = Math.max(...pos.map((p) => p.col));
  const address = top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
  try {
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
    return null;
  } catch (e) {
    return describeExcelError(e);
  }
}
