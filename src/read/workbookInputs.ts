import { FormatVersion, TABLE_NUMBERS, TableId } from '../report/standard/formats';
import { a1, parseA1 } from '../report/standard/a1';
import { RawValue } from '../report/sheet/templateBlock';
import { NamedRead, SheetInput } from '../report/sheet/sheetCheck';
import { SparseSheet, sparseSheet, StoredCell } from '../report/sheet/sparseSheet';
import { recognise } from '../report/recognise/recognise';
import { parseNameReference, parseTableName, tableName } from '../report/look/tableNames';

// What the command checks of a workbook, whoever read it (xlsxReader.ts for checking, ExcelJS in
// readXlsx.ts for the template and tests): each sheet's named tables (the add-in's, with their sheet
// scope), or its whole stored content for the recogniser.

/** A defined name as a workbook stores it. */
export interface LocalName {
  name: string;
  /** Index of the sheet in the workbook (localSheetId); undefined for a workbook-scoped name. */
  localSheetId?: number;
  /** Sheet-qualified ranges, e.g. "'年报表格（2021版）'!$A$1:$O$17"; empty when the name is #REF!. */
  ranges: string[];
}

/** A sheet's stored content: its cells as a spreadsheet shows them, and its formulas without a result. */
export interface SheetContent {
  name: string;
  /** Row by row, left to right; never the empty ones. */
  cells: StoredCell[];
  /** A1 addresses of formulas saved without their result that this reader cannot evaluate. */
  uncomputed: string[];
}

/** What a workbook holds for the check. */
export interface WorkbookContent {
  /** The worksheets in the workbook's order. */
  sheets: SheetContent[];
  names: LocalName[];
  /** The sheet names a name's localSheetId counts. */
  sheetOrder: string[];
  /** The document keywords (File → Properties), where the tool marks a roll-up. */
  keywords?: string;
}

/** A rectangle of a formula's reference, 0-based and inclusive. */
export interface SumRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The references of a formula of the form SUM(ref, range, …); null for any other formula. */
export function sumRanges(formula: string): SumRange[] | null {
  const m = /^=?SUM\(([A-Z$0-9:,]+)\)$/i.exec(formula.replace(/\s+/g, ''));
  if (!m) return null;
  const ranges: SumRange[] = [];
  for (const part of m[1].split(',')) {
    const [from, to] = part.split(':');
    if (!/^\$?[A-Z]+\$?\d+$/i.test(from) || (to !== undefined && !/^\$?[A-Z]+\$?\d+$/i.test(to))) return null;
    const a = parseA1(from);
    const b = to ? parseA1(to) : a;
    ranges.push({
      top: Math.min(a.row, b.row),
      left: Math.min(a.col, b.col),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.col, b.col),
    });
  }
  return ranges;
}

/**
 * Evaluates a formula of the form SUM(ref, range, …) over one sheet, as Excel does: numbers are
 * added, text and blanks are ignored. Null for any other formula.
 */
export function evaluateSum(formula: string, valueAt: (row: number, col: number) => RawValue): number | null {
  const ranges = sumRanges(formula);
  if (!ranges) return null;
  let sum = 0;
  for (const { top, left, bottom, right } of ranges) {
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        const v = valueAt(r, c);
        if (typeof v === 'number') sum += v;
      }
    }
  }
  return sum;
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

/** Each sheet's named tables, or its whole stored content; what lies outside the named tables is named. */
export function workbookInputs(content: WorkbookContent): SheetInput[] {
  const { bySheet, lost } = namedTables(content.names, content.sheetOrder);
  const inputs: SheetInput[] = [];
  for (const { name, cells, uncomputed } of content.sheets) {
    const grid = sparseSheet(cells);
    const refs = bySheet.get(name) ?? [];
    const named = refs.map((ref) => namedRead(ref, grid));
    for (const id of lost.get(name) ?? []) named.push({ name: tableName(id.table, id.version), template: id, pasted: null, block: null });
    const input: SheetInput = { sheet: name, sheetId: name, named, ...(uncomputed.length ? { uncomputed } : {}) };
    const unread = refs.length ? outsideNotes(name, cells, refs) : [];
    if (unread.length) input.unread = unread;
    if (named.length === 0) input.unnamed = grid.compacted();
    inputs.push(input);
  }
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
