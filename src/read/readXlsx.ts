import ExcelJS from 'exceljs';
import { FormatVersion, TABLE_NUMBERS, TableId } from '../report/standard/formats';
import { a1, parseA1 } from '../report/standard/a1';
import { RawValue } from '../report/sheet/templateBlock';
import { NamedRead, SheetInput } from '../report/sheet/sheetCheck';
import { SparseSheet, sparseSheet, StoredCell } from '../report/sheet/sparseSheet';
import { recognise } from '../report/recognise/recognise';
import { parseNameReference, parseTableName, tableName } from '../report/look/tableNames';
import { NotAReportError } from './exchange';
import { captureDefinedNames, LocalName } from './xlsxNames';

// The reader of .xlsx files: each sheet's named tables (the add-in's, with their sheet scope), or its
// whole stored content for the recogniser.

/** A cell's value as a spreadsheet shows it (RawValue of src/report/sheet/templateBlock.ts): formulas give their result. */
export function rawValue(cell: ExcelJS.Cell, depth = 0): RawValue {
  if (cell.isMerged && cell.master !== cell) return '';
  return plainValue(cell.value, cell, depth);
}

function plainValue(v: ExcelJS.CellValue, cell: ExcelJS.Cell | null, depth: number): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if (typeof o.error === 'string') return o.error;
  if ('formula' in o || 'sharedFormula' in o) {
    const result = o.result as ExcelJS.CellValue | undefined;
    if (result !== undefined && result !== null) return plainValue(result, null, depth);
    // Written by a program that does not calculate (ExcelJS, our template before Excel opened it).
    const formula = cell && typeof cell.formula === 'string' ? cell.formula : typeof o.formula === 'string' ? o.formula : '';
    if (cell && depth < 8) {
      const ws = cell.worksheet;
      const sum = evaluateSum(formula, (r, c) => rawValue(ws.getCell(r + 1, c + 1), depth + 1));
      if (sum !== null) return sum;
    }
    return null;
  }
  if (typeof o.text === 'string') return o.text; // hyperlink
  return null;
}

/**
 * Evaluates a formula of the form SUM(ref, range, …) over one sheet, as Excel does: numbers are
 * added, text and blanks are ignored. Null for any other formula.
 */
export function evaluateSum(formula: string, valueAt: (row: number, col: number) => RawValue): number | null {
  const m = /^=?SUM\(([A-Z$0-9:,]+)\)$/i.exec(formula.replace(/\s+/g, ''));
  if (!m) return null;
  let sum = 0;
  for (const part of m[1].split(',')) {
    const [from, to] = part.split(':');
    if (!/^\$?[A-Z]+\$?\d+$/i.test(from) || (to !== undefined && !/^\$?[A-Z]+\$?\d+$/i.test(to))) return null;
    const a = parseA1(from);
    const b = to ? parseA1(to) : a;
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
        const v = valueAt(r, c);
        if (typeof v === 'number') sum += v;
      }
    }
  }
  return sum;
}

/** The cells a sheet stores (never the empty ones: a stray value at XFD1048576 costs one cell, not a grid). */
export function storedCells(ws: ExcelJS.Worksheet, uncomputed: string[] = []): StoredCell[] {
  const cells: StoredCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (c, col) => {
      const value = rawValue(c);
      if (value !== null && value !== undefined && value !== '') cells.push({ row: r - 1, col: col - 1, value });
      else if (isUncomputedFormula(c)) uncomputed.push(a1(r - 1, col - 1));
    });
  });
  return cells;
}

/**
 * A formula saved without its result (ExcelJS, openpyxl and report generators write formulas so)
 * that is not a SUM this reader can evaluate: its value is unknown, never blank.
 */
function isUncomputedFormula(cell: ExcelJS.Cell): boolean {
  if (cell.isMerged && cell.master !== cell) return false;
  const v = cell.value as unknown as Record<string, unknown> | null;
  return v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) && (v.result === undefined || v.result === null);
}

/** The XXGK_ names of a workbook, by sheet name; lost (#REF!) names are listed apart. */
function namedTables(
  names: LocalName[],
  sheetOrder: string[],
): { bySheet: Map<string, NamedBlockRef[]>; lost: Map<string, { table: TableId; version: FormatVersion }[]> } {
  const bySheet = new Map<string, NamedBlockRef[]>();
  const lost = new Map<string, { table: TableId; version: FormatVersion }[]>();
  for (const n of names) {
    const id = parseTableName(n.name);
    if (!id) continue;
    const scope = n.localSheetId !== undefined ? sheetOrder[n.localSheetId] : undefined;
    const ref = n.ranges.length === 1 ? parseNameReference(n.ranges[0]) : null;
    const sheet = ref ? ref.sheet : scope;
    if (!ref || sheet === undefined) {
      const where = scope ?? '';
      lost.set(where, [...(lost.get(where) ?? []), id]);
      continue;
    }
    const list = bySheet.get(sheet) ?? [];
    list.push({ name: n.name, id, top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right });
    bySheet.set(sheet, list);
  }
  return { bySheet, lost };
}

interface NamedBlockRef {
  name: string;
  id: { table: TableId; version: FormatVersion };
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Blocks larger than this are not cut out of a sheet: no table of ours is near that size. */
const MAX_BLOCK_CELLS = 100_000;

function namedRead(ref: NamedBlockRef, grid: SparseSheet): NamedRead {
  const rows = ref.bottom - ref.top + 1;
  const cols = ref.right - ref.left + 1;
  const size = rows * cols > MAX_BLOCK_CELLS ? { rows: Math.min(rows, 1), cols: Math.min(cols, 1) } : { rows, cols };
  const values = Array.from({ length: size.rows }, (_, r) =>
    Array.from({ length: size.cols }, (_, c) => grid.valueAt(ref.top + r, ref.left + c)),
  );
  // A name over a huge area is damage on its size alone (readPlacedBlock says how many rows too many).
  if (size.rows !== rows || size.cols !== cols) values.push(...Array.from({ length: Math.min(rows, 1000) }, () => [null]));
  return { name: ref.name, template: ref.id, pasted: null, block: { row: ref.top, col: ref.left, values } };
}

/** Loads an .xlsx workbook and reads what the command checks: each sheet's named tables, or its whole stored content. */
export async function readXlsx(data: Uint8Array): Promise<SheetInput[]> {
  const { wb, names, sheetOrder } = await loadWorkbook(data);
  return workbookInputs(wb, names, sheetOrder);
}

export function workbookInputs(wb: ExcelJS.Workbook, names: LocalName[], sheetOrder: string[]): SheetInput[] {
  const { bySheet, lost } = namedTables(names, sheetOrder);
  const inputs: SheetInput[] = [];
  wb.eachSheet((ws) => {
    const uncomputed: string[] = [];
    const cells = storedCells(ws, uncomputed);
    const grid = sparseSheet(cells);
    const refs = bySheet.get(ws.name) ?? [];
    const named = refs.map((ref) => namedRead(ref, grid));
    for (const id of lost.get(ws.name) ?? [])
      named.push({ name: tableName(id.table, id.version), template: id, pasted: null, block: null });
    const input: SheetInput = { sheet: ws.name, sheetId: ws.name, named, ...(uncomputed.length ? { uncomputed } : {}) };
    const unread = refs.length ? outsideNotes(ws.name, cells, refs) : [];
    if (unread.length) input.unread = unread;
    if (named.length === 0) input.unnamed = grid.compacted();
    inputs.push(input);
  });
  // A workbook-scoped name whose sheet is gone: reported on the first sheet.
  const orphans = [...lost].filter(([sheet]) => !inputs.some((i) => i.sheet === sheet)).flatMap(([, ids]) => ids);
  if (orphans.length && inputs.length) {
    const first = inputs[0];
    for (const id of orphans) first.named.push({ name: tableName(id.table, id.version), template: id, pasted: null, block: null });
    delete first.unnamed;
  }
  return inputs;
}

/**
 * What a sheet with the add-in's named tables holds outside them that looks like part of a report:
 * further tables (recognised), or numbers right beside a table. Not checked, so named.
 */
function outsideNotes(sheet: string, cells: StoredCell[], refs: NamedBlockRef[]): string[] {
  const inside = (c: StoredCell) => refs.some((r) => c.row >= r.top && c.row <= r.bottom && c.col >= r.left && c.col <= r.right);
  const outside = cells.filter((c) => !inside(c));
  if (outside.length === 0) return [];
  const notes: string[] = [];
  const block = sparseSheet(outside).compacted();
  if (block.tooLarge === undefined) {
    const found = recognise(block.values.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v)))));
    if (found.tables.length) {
      const first = block.at!(Math.min(...found.tables.map((t) => t.firstRow)), 0).row;
      notes.push(
        `工作表“${sheet}”中插入的表格之外还有年报表格（${found.tables.map((t) => TABLE_NUMBERS[t.table]).join('、')}，第 ${first + 1} 行起），未校验`,
      );
      return notes;
    }
  }
  const beside = outside.filter(
    (c) => typeof c.value === 'number' && refs.some((r) => c.row >= r.top && c.row <= r.bottom && c.col > r.right && c.col <= r.right + 3),
  );
  if (beside.length) {
    const shown =
      beside
        .slice(0, 5)
        .map((c) => a1(c.row, c.col))
        .join('、') + (beside.length > 5 ? ' 等' : '');
    notes.push(`工作表“${sheet}”中表格右边的 ${shown} 有数字，不在表格之内，未校验`);
  }
  return notes;
}

/** Loads an .xlsx workbook, keeping its sheet-scoped names. A file that is not one gives a Chinese reason. */
export async function loadWorkbook(data: Uint8Array): Promise<{ wb: ExcelJS.Workbook; names: LocalName[]; sheetOrder: string[] }> {
  const wb = new ExcelJS.Workbook();
  const captured = captureDefinedNames(wb);
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    // ExcelJS's own words are English: say what it means where we know it.
    const why = e instanceof Error ? e.message : String(e);
    const known = /merge/i.test(why) ? '（工作簿中有互相重叠的合并单元格）' : '';
    throw new NotAReportError(
      `无法打开 Excel 工作簿，文件已损坏或内容不符合 .xlsx 规范${known}；请在 Excel 或 WPS 中打开后另存为 .xlsx 再校验`,
    );
  }
  return { wb, ...captured() };
}
