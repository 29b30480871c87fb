import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { FormatVersion, TABLE_IDS, TABLE_NUMBERS, TableId } from '../report/formats';
import { Placement } from '../report/formulas';
import { a1, parseA1, tableLayout } from '../report/layout';
import { Area, CellStyle, CellValidation, cellStyles, SheetPaint, sheetPaint, TablePaint } from '../report/paintPlan';
import { RawValue } from '../report/templateBlock';
import { NamedRead, SheetInput } from '../report/sheetCheck';
import { SparseSheet, sparseSheet, StoredCell } from '../report/sparseSheet';
import { recognise } from '../report/recognise';
import { CellValue, Report } from '../report/report';
import { newSheetName, stackPlacements } from '../report/placement';
import { parseNameReference, parseTableName, tableName } from '../report/tableNames';
import { NotAReportError } from './exchange';

// The template as an .xlsx file (drawn exactly as src/excel/insert.ts draws it in Excel, so that the
// file checks itself in Excel, WPS or LibreOffice without the add-in), and the reader of .xlsx files.

// ---------------------------------------------------------------------------------------------
// Names and placement (shared with the add-in: src/report/tableNames.ts, src/report/placement.ts)

/** A cell's data validation of the paint plan, as ExcelJS writes it. */
export function dataValidation(v: CellValidation): ExcelJS.DataValidation {
  if (v.type === 'prompt') {
    return { type: 'any' as ExcelJS.DataValidation['type'], formulae: [], showInputMessage: true, promptTitle: v.title, prompt: v.message };
  }
  const r = v.rule;
  const rule: Pick<ExcelJS.DataValidation, 'type' | 'operator' | 'formulae'> =
    r.max === undefined
      ? { type: r.integer ? 'whole' : 'decimal', operator: 'greaterThanOrEqual', formulae: [r.min] }
      : { type: r.integer ? 'whole' : 'decimal', operator: 'between', formulae: [r.min, r.max] };
  return { ...rule, allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: v.title, error: r.message };
}

/** Sheet name of the template, as the add-in names a new sheet in an empty workbook. */
export function templateSheetName(version: FormatVersion): string {
  return newSheetName(version, []);
}

/** The tables stacked from A1, one blank row apart, as the add-in stacks them. */
export function templatePlacements(version: FormatVersion, tables: readonly TableId[] = TABLE_IDS): Placement[] {
  return stackPlacements(version, [...tables], 0, 0);
}

/** Excel column width (characters of the default font, Calibri 11: 7 px a digit, 5 px padding) of a width in points. */
export function excelColumnWidth(points: number): number {
  const px = (points * 96) / 72;
  return Math.round(((px - 5) / 7) * 100) / 100;
}

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

// ---------------------------------------------------------------------------------------------
// Sheet-scoped defined names. ExcelJS 4.4 keeps only workbook-scoped names in its API (it drops
// localSheetId on load and cannot write it except for print areas), so the workbook's model is
// intercepted on this one instance: on write the local names are added to the model the writer
// renders, on read the parsed names (with localSheetId, and with no ranges for #REF!) are kept.

export interface LocalName {
  name: string;
  /** Index of the sheet in the workbook (localSheetId); undefined for a workbook-scoped name. */
  localSheetId?: number;
  /** Sheet-qualified ranges, e.g. "'年报表格（2021版）'!$A$1:$D$17"; empty when the name is #REF!. */
  ranges: string[];
}

interface ModelHost {
  model: { definedNames?: LocalName[]; sheets?: { name: string }[]; worksheets?: { name: string }[] };
}

function modelDescriptor(wb: ExcelJS.Workbook): PropertyDescriptor {
  let proto: object | null = Object.getPrototypeOf(wb);
  while (proto) {
    const d = Object.getOwnPropertyDescriptor(proto, 'model');
    if (d?.get && d.set) return d;
    proto = Object.getPrototypeOf(proto);
  }
  throw new Error('ExcelJS workbook has no model accessor');
}

/** Adds sheet-scoped names to what ExcelJS writes for this workbook. */
export function addLocalNames(wb: ExcelJS.Workbook, names: LocalName[]): void {
  const d = modelDescriptor(wb);
  Object.defineProperty(wb, 'model', {
    configurable: true,
    get(this: ExcelJS.Workbook) {
      const model = d.get!.call(this) as ModelHost['model'];
      return { ...model, definedNames: [...(model.definedNames ?? []), ...names] };
    },
    set(this: ExcelJS.Workbook, v: unknown) {
      d.set!.call(this, v);
    },
  });
}

/** Makes the workbook keep the defined names (with their scope) that the next load parses. */
function captureDefinedNames(wb: ExcelJS.Workbook): () => { names: LocalName[]; sheetOrder: string[] } {
  const d = modelDescriptor(wb);
  let names: LocalName[] = [];
  let sheetOrder: string[] = [];
  Object.defineProperty(wb, 'model', {
    configurable: true,
    get(this: ExcelJS.Workbook) {
      return d.get!.call(this);
    },
    set(this: ExcelJS.Workbook, v: ModelHost['model']) {
      names = (v.definedNames ?? []).map((n) => ({ name: n.name, localSheetId: n.localSheetId, ranges: [...(n.ranges ?? [])] }));
      // localSheetId counts the <sheets> of workbook.xml; reconcile keeps that order in `worksheets`.
      sheetOrder = (v.worksheets ?? []).filter(Boolean).map((w) => w.name);
      d.set!.call(this, v);
    },
  });
  return () => ({ names, sheetOrder });
}

// ---------------------------------------------------------------------------------------------
// Writing the template

export interface TemplateOptions {
  totalsAsFormulas?: boolean;
  /** Values to fill in (tests, benchmarks); the template is blank without it. */
  report?: Report;
  tables?: readonly TableId[];
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

/** A cell's style of the paint plan as an ExcelJS style (a new object: no two cells share a mutable style). */
function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (s.font) style.font = { ...s.font };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.wrap !== undefined) alignment.wrapText = s.wrap;
  if (s.vertical) alignment.vertical = s.vertical;
  if (s.horizontal) alignment.horizontal = s.horizontal;
  if (Object.keys(alignment).length) style.alignment = alignment;
  if (s.gridLines) style.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.numberFormat) style.numFmt = s.numberFormat;
  return style;
}

function eachCell(a: Area, f: (row: number, col: number) => void): void {
  for (let r = a.row; r < a.row + a.rows; r++) for (let c = a.col; c < a.col + a.cols; c++) f(r, c);
}

/** One table: its contents, then its look translated from the paint plan. */
function drawTable(ws: ExcelJS.Worksheet, t: TablePaint, report?: Report): void {
  const p = t.placement;
  const layout = tableLayout(p.version, p.table);
  const cell = (row: number, col: number) => ws.getCell(row + 1, col + 1);
  for (const m of t.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  cellStyles(t).forEach((cells, r) => cells.forEach((s, c) => (cell(t.block.row + r, t.block.col + c).style = excelStyle(s))));
  for (const a of t.areas) {
    const v = a.validation;
    if (v) eachCell(a, (r, c) => (cell(r, c).dataValidation = dataValidation(v)));
  }

  for (const l of layout.labels) cell(p.row + l.row, p.col + l.col).value = l.text;
  const totalAt = new Set(t.totals.map((x) => `${x.row},${x.col}`));
  for (const d of layout.data) {
    const v = report?.cells[d.id];
    if (v !== undefined && v !== null && !totalAt.has(`${p.row + d.row},${p.col + d.col}`)) cell(p.row + d.row, p.col + d.col).value = v;
  }
  // Totals last: their cached results are computed from the values just written.
  for (const x of t.totals) {
    const formula = x.formula.replace(/^=/, '');
    cell(x.row, x.col).value = { formula, result: evaluateSum(formula, (r, col) => rawValue(cell(r, col))) ?? 0 } as ExcelJS.CellFormulaValue;
  }

  t.highlights.forEach((h, i) => {
    ws.addConditionalFormatting({
      ref: h.area,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [h.formula.replace(/^=/, '')],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(h.fill) } },
            font: { color: { argb: argb(h.fontColor) } },
          },
        },
      ],
    });
  });

  t.rowHeights.forEach((h, i) => (ws.getRow(t.block.row + i + 1).height = h));
}

/** Sheet-qualified absolute reference of an area, e.g. '年报表格（2021版）'!$A$1:$O$17. */
function areaReference(sheet: string, a: Area): string {
  const q = `'${sheet.replace(/'/g, "''")}'`;
  return `${q}!${a1(a.row, a.col, true, true)}:${a1(a.row + a.rows - 1, a.col + a.cols - 1, true, true)}`;
}

/** ExcelJS's page setup of the paint plan's page. */
function pageSetup(page: SheetPaint['page']): Partial<ExcelJS.PageSetup> {
  return { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0, horizontalCentered: true, margins: { ...page.margins } };
}

/** The template workbook: one sheet with the tables stacked, as the add-in draws them. */
export function templateWorkbook(version: FormatVersion, options: TemplateOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '年报助手';
  wb.calcProperties = { fullCalcOnLoad: true };
  const sheetName = templateSheetName(version);
  const paint = sheetPaint(templatePlacements(version, options.tables ?? TABLE_IDS), options.totalsAsFormulas ?? false);
  const ws = wb.addWorksheet(sheetName, { pageSetup: pageSetup(paint.page) });
  paint.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = excelColumnWidth(w)));
  for (const t of paint.tables) drawTable(ws, t, options.report);
  addLocalNames(
    wb,
    paint.tables.map((t) => ({
      name: tableName(t.placement.table, version),
      localSheetId: 0,
      ranges: [areaReference(sheetName, t.block)],
    })),
  );
  return wb;
}

export async function writeTemplateXlsx(file: string, version: FormatVersion, options: TemplateOptions = {}): Promise<void> {
  const buffer = await templateWorkbook(version, options).xlsx.writeBuffer();
  await fs.writeFile(file, Buffer.from(buffer as ArrayBuffer));
}

// ---------------------------------------------------------------------------------------------
// Reading

/** A cell's value as a spreadsheet shows it (RawValue of src/report/templateBlock.ts): formulas give their result. */
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
function namedTables(names: LocalName[], sheetOrder: string[]): { bySheet: Map<string, NamedBlockRef[]>; lost: Map<string, { table: TableId; version: FormatVersion }[]> } {
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
  const values = Array.from({ length: size.rows }, (_, r) => Array.from({ length: size.cols }, (_, c) => grid.at(ref.top + r, ref.left + c)));
  // A name over a huge area is damage on its size alone (readPlacedBlock says how many rows too many).
  if (size.rows !== rows || size.cols !== cols) values.push(...Array.from({ length: Math.min(rows, 1000) }, () => [null]));
  return { name: ref.name, template: ref.id, pasted: null, block: { row: ref.top, col: ref.left, values } };
}

/** Loads an .xlsx workbook and reads what the command checks: each sheet's named tables, or its whole stored content. */
export async function readXlsx(file: string): Promise<SheetInput[]> {
  const { wb, names, sheetOrder } = await loadWorkbook(await fs.readFile(file));
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
    for (const id of lost.get(ws.name) ?? []) named.push({ name: tableName(id.table, id.version), template: id, pasted: null, block: null });
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
      notes.push(`工作表“${sheet}”中插入的表格之外还有年报表格（${found.tables.map((t) => TABLE_NUMBERS[t.table]).join('、')}，第 ${first + 1} 行起），未校验`);
      return notes;
    }
  }
  const beside = outside.filter(
    (c) => typeof c.value === 'number' && refs.some((r) => c.row >= r.top && c.row <= r.bottom && c.col > r.right && c.col <= r.right + 3),
  );
  if (beside.length) {
    const shown = beside.slice(0, 5).map((c) => a1(c.row, c.col)).join('、') + (beside.length > 5 ? ' 等' : '');
    notes.push(`工作表“${sheet}”中表格右边的 ${shown} 有数字，不在表格之内，未校验`);
  }
  return notes;
}

/** Loads an .xlsx workbook, keeping its sheet-scoped names. A file that is not one gives a Chinese reason. */
export async function loadWorkbook(data: Buffer): Promise<{ wb: ExcelJS.Workbook; names: LocalName[]; sheetOrder: string[] }> {
  const wb = new ExcelJS.Workbook();
  const captured = captureDefinedNames(wb);
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    // ExcelJS's own words are English: say what it means where we know it.
    const why = e instanceof Error ? e.message : String(e);
    const known = /merge/i.test(why) ? '（工作簿中有互相重叠的合并单元格）' : '';
    throw new NotAReportError(`无法打开 Excel 工作簿，文件已损坏或内容不符合 .xlsx 规范${known}；请在 Excel 或 WPS 中打开后另存为 .xlsx 再校验`);
  }
  return { wb, ...captured() };
}

export type { CellValue };
