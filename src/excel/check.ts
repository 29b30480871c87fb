import { FormatVersion, TableId } from '../report/standard/formats';
import { a1, parseA1 } from '../report/standard/a1';
import { Merge, tableLayout } from '../report/look/layout';
import { highlightRules, Placement, rectangles, totalFormulas } from '../report/look/formulas';
import { InputArea, inputAreas } from '../report/look/paintPlan';
import { validationType } from './paint';
import { RawValue, SheetValueType } from '../report/sheet/templateBlock';
import { blockAddress, checkSheetInput, SheetBlock, SheetCheck, uncheckedOf } from '../report/sheet/sheetCheck';
import { Problem, problemOf, readProblem } from './problems';
import { BatchRun, ExcelRun } from './run';
import { FORMULA_TOTALS_MARK, parseNameReference, parsePastedName, parseTableName } from '../report/look/tableNames';
import { missingUnits, ROLLUP_NAME } from './rollupNames';
import { verdictOf } from '../report/standard/verdict';
import { Report } from '../report/standard/report';
import { LastYearInfo, linkOf, queueLinkBlock, queueLinkName } from './lastYear';

export type { LocatedFinding, LostTable, SheetCheck, TableOnSheet } from '../report/sheet/sheetCheck';

export interface WorkbookCheck {
  sheets: SheetCheck[];
  /** Last year's report linked in the workbook (src/excel/lastYear.ts); undefined when none is. */
  lastYear?: LastYearInfo;
  /** Set when the check itself could not run (edit mode, …). */
  error?: Problem;
  /** The sheet the user is on: the pane gives its verdict first. */
  activeSheetId?: string;
}

/**
 * Where each of the add-in's names on a sheet pointed when read (name → A1 block): the live check's
 * read cache, kept by the checker (src/excel/live.ts), never part of the check shown.
 */
export type KnownBlocks = ReadonlyMap<string, string>;

/** A workbook check with where its blocks were read, by sheet id. */
export interface WorkbookRead {
  check: WorkbookCheck;
  blocks: ReadonlyMap<string, KnownBlocks>;
}

/** One of the add-in's names on a sheet: a template table or a pasted block. */
interface OurName {
  name: string;
  template: { table: TableId; version: FormatVersion } | null;
  pasted: FormatVersion | null;
}

function ourName(name: string): OurName | null {
  const template = parseTableName(name);
  const pasted = parsePastedName(name);
  return template || pasted ? { name, template, pasted } : null;
}

/** What the host can do beyond the ExcelApi 1.8 floor. */
export interface CheckOptions {
  /** ExcelApi 1.13: read merged areas, so that a merge undone is reported as damage. */
  mergedAreas?: boolean;
}

type BlockRead = { our: OurName; block: SheetBlock | null };

/** Builds one sheet's check from its named blocks (src/report/sheet/sheetCheck.ts): pure work, no Excel calls. */
function evaluateSheet(sheet: string, sheetId: string, reads: BlockRead[], lastYear?: Report): SheetCheck {
  return checkSheetInput({ sheet, sheetId, named: reads.map(({ our, block }) => ({ ...our, block })) }, { lastYear });
}

/** Last year's report for a sheet: none for last year's own sheet. */
function lastYearFor(sheetId: string, lastYear: LastYearInfo | undefined): Report | undefined {
  return lastYear && lastYear.sheetId !== sheetId ? (lastYear.report ?? undefined) : undefined;
}

/**
 * Marks a summary sheet (汇总本工作簿), known by its name, so that the live check follows its units.
 * Where a unit's sheet was deleted, every sum that read it is #REF!: rather than a 不是数字 on each
 * cell, one note names the missing units and those cells count as not checked.
 */
function withSummary(sheet: SheetCheck, names: Excel.NamedItemCollection): SheetCheck {
  if (!names.items.some((n) => n.name === ROLLUP_NAME)) return sheet;
  const missing = missingUnits(names.items);
  if (missing.length === 0) return { ...sheet, summary: true };
  const broken = new Set(Object.entries(sheet.report?.cells ?? {}).flatMap(([id, v]) => (v === '#REF!' ? [id] : [])));
  const findings = sheet.findings.filter((f) => !f.cells.some((c) => broken.has(c)));
  const notes = [
    ...sheet.notes,
    `工作表“${sheet.sheet}”是汇总表，它汇总的${missing.map((u) => `工作表“${u}”`).join('、')}已被删除，引用它的 ${broken.size} 个单元格显示 #REF!，未校验。请重新插入汇总表（汇总本工作簿…）。`,
  ];
  const verdict = verdictOf({
    tablesRead: sheet.tables.filter((t) => t.damage.length === 0).length,
    findings,
    unchecked: uncheckedOf({ ...sheet, notes }),
  });
  return { ...sheet, findings, notes, verdict, summary: true };
}

function ourNames(names: Excel.NamedItemCollection): { our: OurName; item: Excel.NamedItem }[] {
  return names.items.flatMap((item) => {
    const our = ourName(item.name);
    return our ? [{ our, item }] : [];
  });
}

interface QueuedBlock {
  range: Excel.Range;
  merged: Excel.RangeAreas | null;
}

function queueBlock(range: Excel.Range, options: CheckOptions): QueuedBlock {
  range.load('values,valueTypes,rowIndex,columnIndex');
  const merged = options.mergedAreas ? range.getMergedAreasOrNullObject() : null;
  // Each merged area as an item, in the same sync: RangeAreas.address is one string that Excel cuts
  // near 255 characters, dropping areas silently (https://github.com/MicrosoftDocs/VBA-Docs/issues/49),
  // and 表三's merges alone take about 390. RangeAreas.areas is ExcelApi 1.9, below the 1.13 of
  // getMergedAreasOrNullObject.
  merged?.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
  return { range, merged };
}

/** The merged areas as merges relative to the block's top-left cell. */
function mergesOf(merged: Excel.RangeAreas, top: number, left: number): Merge[] {
  if (merged.isNullObject) return [];
  return merged.areas.items.map((a) => ({ row: a.rowIndex - top, col: a.columnIndex - left, rowSpan: a.rowCount, colSpan: a.columnCount }));
}

function blockOf(q: QueuedBlock): SheetBlock {
  const { range, merged } = q;
  const block: SheetBlock = {
    row: range.rowIndex,
    col: range.columnIndex,
    values: range.values as RawValue[][],
    types: range.valueTypes as SheetValueType[][],
  };
  if (merged) block.merges = mergesOf(merged, range.rowIndex, range.columnIndex);
  return block;
}

/** Queues the read of each named block through the name itself (no address parsing). */
function queueNamedBlocks(ws: Excel.Worksheet, names: { our: OurName; item: Excel.NamedItem }[], options: CheckOptions) {
  return names.map(({ our, item }) => {
    const range = item.type === 'Range' ? ws.names.getItem(our.name).getRangeOrNullObject() : null;
    return { our, range, queued: range ? queueBlock(range, options) : null };
  });
}

function blocksFrom(reads: { our: OurName; range: Excel.Range | null; queued: QueuedBlock | null }[]): BlockRead[] {
  return reads.map(({ our, range, queued }) => ({ our, block: range && queued && !range.isNullObject ? blockOf(queued) : null }));
}

function knownBlocks(reads: BlockRead[]): KnownBlocks {
  return new Map(reads.flatMap(({ our, block }) => (block ? [[our.name, blockAddress(block)] as const] : [])));
}

/**
 * Checks every sheet that holds the add-in's tables. Three syncs whatever the workbook's size: the
 * sheets (and the name of last year's report), their names (and last year's block), then only the
 * named blocks (a large data sheet is never read). Every sheet but last year's own is checked
 * against last year's report as well.
 */
export async function checkWorkbook(run: BatchRun, options: CheckOptions = {}): Promise<WorkbookCheck> {
  return (await readWorkbook(run, options)).check;
}

/** checkWorkbook, with where the blocks were read (for the live check's next reads). */
export async function readWorkbook(run: BatchRun, options: CheckOptions = {}): Promise<WorkbookRead> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/id');
      const active = sheets.getActiveWorksheet().load('id');
      const link = queueLinkName(context);
      await context.sync();
      for (const ws of sheets.items) ws.names.load('items/name,items/type,items/value,items/comment');
      // Last year's block is read with the names: the name itself says where it is.
      const linked = queueLinkBlock(context, link);
      await context.sync();
      const lastYear = linked && linkOf(linked);
      const queued = sheets.items.map((ws) => ({ ws, reads: queueNamedBlocks(ws, ourNames(ws.names), options) }));
      if (queued.some((p) => p.reads.length > 0)) await context.sync();
      const perSheet = queued.filter((p) => p.reads.length > 0).map((p) => ({ ws: p.ws, reads: blocksFrom(p.reads) }));
      return {
        check: {
          sheets: perSheet.map((p) => withSummary(evaluateSheet(p.ws.name, p.ws.id, p.reads, lastYearFor(p.ws.id, lastYear)), p.ws.names)),
          ...(lastYear ? { lastYear } : {}),
          activeSheetId: active.id,
        },
        blocks: new Map(perSheet.map((p) => [p.ws.id, knownBlocks(p.reads)])),
      };
    });
  } catch (e) {
    return { check: { sheets: [], error: readProblem(e) }, blocks: new Map() };
  }
}

/** A live check of one sheet: also the template tables whose highlight rules or validation a paste removed. */
export interface LiveSheetCheck extends SheetCheck {
  /** Intact template tables whose input cells lost their validation or whose highlight rules are gone (see queueGuard). */
  unguarded: Unguarded[];
  /** Totals inserted as formulas (合计用公式) that now hold a typed value: they no longer follow their parts. */
  formulaTotalsLost: FormulaTotalLost[];
  /** Where the blocks were read, for the next live check of the sheet. */
  blocks: KnownBlocks;
}

export interface FormulaTotalLost {
  table: TableId;
  /** The total's cell and the formula it was inserted with. */
  cells: { address: string; formula: string }[];
}

/**
 * The totals of intact template tables inserted with 合计用公式 (the name's comment says so) whose
 * cell no longer holds a formula: the user typed over it. `formulas` is the block's, read with its values.
 */
function formulaTotalsLostOf(
  sheet: SheetCheck,
  named: { our: OurName; comment: string; formulas: unknown[][] | null }[],
): FormulaTotalLost[] {
  return named.flatMap(({ our, comment, formulas }) => {
    const template = our.template;
    if (!template || !formulas || !comment.includes(FORMULA_TOTALS_MARK)) return [];
    const t = sheet.tables.find((x) => !x.pasted && x.table === template.table && x.version === template.version);
    if (!t || t.damage.length > 0) return [];
    const p: Placement = { version: t.version, table: t.table, row: t.row, col: t.col };
    const cells = totalFormulas(p)
      .filter((f) => !String(formulas[f.row - t.row]?.[f.col - t.col] ?? '').startsWith('='))
      .map((f) => ({ address: a1(f.row, f.col), formula: f.formula }));
    return cells.length ? [{ table: t.table, cells }] : [];
  });
}

/** A table whose guards a paste removed, and whether its totals were inserted as formulas (they are put back as such). */
export interface Unguarded {
  placement: Placement;
  formulaTotals: boolean;
}

interface QueuedGuard {
  name: string;
  placement: Placement;
  /** total: the rectangle holds total cells only, which carry no input rule when totals are formulas. */
  types: { dv: Excel.DataValidation; expected: string; total: boolean }[];
  highlights: OfficeExtension.ClientResult<number>;
}

/**
 * An input area as rectangles of its ordinary cells and rectangles of its total cells. Read whole,
 * an area of a table inserted with 合计用公式 mixes cells with and without a rule, and its type
 * ("MixedCriteria") would say nothing about a paste; read apart, each rectangle has one exact type.
 */
function guardRectangles(p: Placement, a: InputArea): { row: number; col: number; rows: number; cols: number; total: boolean }[] {
  const totals = new Set(totalFormulas(p).map((t) => `${t.row},${t.col}`));
  const cells: { row: number; col: number; total: boolean }[] = [];
  for (let row = a.row; row < a.row + a.rows; row++)
    for (let col = a.col; col < a.col + a.cols; col++) cells.push({ row, col, total: totals.has(`${row},${col}`) });
  return [false, true].flatMap((total) =>
    rectangles(cells.filter((c) => c.total === total)).map((r) => ({
      row: r.top,
      col: r.left,
      rows: r.bottom - r.top + 1,
      cols: r.right - r.left + 1,
      total,
    })),
  );
}

/**
 * Queues the read of what guards a template table: the validation type of its input cells and the
 * number of conditional formats over the block. Ctrl+V of cells from another workbook, Word or a web
 * page brings the source's formats: it replaces the pasted cells' validation and cuts them out of the
 * highlight rules. A rule cut only in part still counts, so the validation is what tells a paste: each
 * rectangle must read its exact type, as Excel.DataValidationType reads "MixedCriteria" where some
 * cells have validation and others none, "Inconsistent" where rules differ
 * (https://learn.microsoft.com/javascript/api/excel/excel.datavalidationtype). The count tells rules
 * removed whole (Clear Formats over the table). No sync.
 */
function queueGuard(ws: Excel.Worksheet, name: string, template: OurName['template'], top: number, left: number): QueuedGuard | null {
  if (!template) return null;
  const placement: Placement = { version: template.version, table: template.table, row: top, col: left };
  const types = inputAreas(placement).flatMap((a) =>
    guardRectangles(placement, a).map((r) => {
      const dv = ws.getRangeByIndexes(r.row, r.col, r.rows, r.cols).dataValidation;
      dv.load('type');
      return { dv, expected: validationType(a.kind), total: r.total };
    }),
  );
  const layout = tableLayout(template.version, template.table);
  const highlights = ws.getRangeByIndexes(top, left, layout.rowCount, layout.colCount).conditionalFormats.getCount();
  return { name, placement, types, highlights };
}

/** The intact template tables whose guards are gone. */
function unguardedOf(
  sheet: SheetCheck,
  guards: (QueuedGuard | null)[],
  formulaTotals: ReadonlySet<string>,
  crossYearRules: (p: Placement) => number,
): Unguarded[] {
  return guards.flatMap((g) => {
    if (!g) return [];
    const t = sheet.tables.find((x) => !x.pasted && x.table === g.placement.table && x.version === g.placement.version);
    if (!t || t.damage.length > 0 || t.row !== g.placement.row || t.col !== g.placement.col) return [];
    const asFormulas = formulaTotals.has(g.name);
    // Totals inserted as formulas carry a prompt and no rule ("None"); otherwise they are input cells like the others.
    const expected = (x: QueuedGuard['types'][number]) => x.dv.type === (x.total && asFormulas ? 'None' : x.expected);
    // The rules over the block are the table's own, plus the cross-year ones where last year is linked
    // (a table inserted after the link has none until it is linked again). Any other count is wrong:
    // fewer, rules removed (Clear Formats); more, rules copied in with cells of another table, whose
    // references point at the wrong rows and mark cells red that are right.
    const own = highlightRules(g.placement).length;
    const count = g.highlights.value;
    const lost = g.types.some((x) => !expected(x)) || (count !== own && count !== own + crossYearRules(g.placement));
    return lost ? [{ placement: g.placement, formulaTotals: asFormulas }] : [];
  });
}

/**
 * Checks one sheet (the live check after an edit). The blocks where the last check found the tables
 * are read in the same sync as the names; only when a name has moved (rows inserted, a table cut and
 * pasted) does a second sync read the blocks where the names now point.
 */
export async function checkSheet(
  run: BatchRun,
  sheetId: string,
  known: KnownBlocks = new Map(),
  options: CheckOptions = {},
  /** Last year's report, read by the last full check (never last year's own sheet). */
  lastYear?: Report,
  /** How many cross-year highlight rules a table at that place gets from the link (none without one). */
  crossYearRules: (p: Placement) => number = () => 0,
): Promise<LiveSheetCheck> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetId);
    ws.load('name,id');
    ws.names.load('items/name,items/type,items/value,items/comment');
    const guessed = new Map([...known].map(([name, address]) => [name, queueBlock(ws.getRange(address), options)] as const));
    // The formulas of template blocks too: a total inserted as a formula and typed over is told (formulaTotalsLostOf).
    for (const [name, q] of guessed) if (ourName(name)?.template) q.range.load('formulas');
    const guards = [...known].map(([name, address]) => {
      const at = parseA1(address.split(':')[0]);
      return queueGuard(ws, name, ourName(name)?.template ?? null, at.row, at.col);
    });
    await context.sync();
    // eslint-disable-next-line office-addins/load-object-before-read -- names is a navigation property: its collection proxy needs no load
    const names = ourNames(ws.names);
    const formulaTotals = new Set(
      names.filter(({ item }) => String(item.comment ?? '').includes(FORMULA_TOTALS_MARK)).map(({ our }) => our.name),
    );
    const stillThere = names.every(({ our, item }) => {
      const ref = item.type === 'Range' ? parseNameReference(String(item.value)) : null;
      const at = ref ? `${a1(ref.top, ref.left)}:${a1(ref.bottom, ref.right)}` : null;
      return at !== null && known.get(our.name) === at;
    });
    if (stillThere) {
      const blocks = names.map(({ our }) => ({ our, block: blockOf(guessed.get(our.name)!) }));
      const sheet = evaluateSheet(ws.name, ws.id, blocks, lastYear);
      const withFormulas = names.map(({ our, item }) => {
        const range = guessed.get(our.name)!.range;
        return { our, comment: String(item.comment ?? ''), formulas: our.template ? (range.formulas as unknown[][]) : null };
      });
      return {
        // eslint-disable-next-line office-addins/load-object-before-read -- names is a navigation property: its collection proxy needs no load
        ...withSummary(sheet, ws.names),
        unguarded: unguardedOf(sheet, guards, formulaTotals, crossYearRules),
        formulaTotalsLost: formulaTotalsLostOf(sheet, withFormulas),
        blocks: knownBlocks(blocks),
      };
    }
    const reads = queueNamedBlocks(ws, names, options);
    const moved = names.map(({ our, item }) => {
      const ref = item.type === 'Range' ? parseNameReference(String(item.value)) : null;
      return ref ? queueGuard(ws, our.name, our.template, ref.top, ref.left) : null;
    });
    if (reads.length > 0) await context.sync();
    const blocks = blocksFrom(reads);
    const sheet = evaluateSheet(ws.name, ws.id, blocks, lastYear);
    // Moved tables: the next edit's check, in place again, looks at their totals.
    return {
      // eslint-disable-next-line office-addins/load-object-before-read -- names is a navigation property: its collection proxy needs no load
      ...withSummary(sheet, ws.names),
      unguarded: reads.length > 0 ? unguardedOf(sheet, moved, formulaTotals, crossYearRules) : [],
      formulaTotalsLost: [],
      blocks: knownBlocks(blocks),
    };
  });
}

/** Replaces one sheet's part of a workbook check. */
export function mergeSheetCheck(check: WorkbookCheck, sheet: SheetCheck): WorkbookCheck {
  const others = check.sheets.filter((s) => s.sheetId !== sheet.sheetId);
  const keep = sheet.tables.length > 0 || sheet.lost.length > 0 || sheet.notes.length > 0 || sheet.remarks.length > 0;
  const sheets = keep ? [...others, sheet] : others;
  const order = new Map(check.sheets.map((s, i) => [s.sheetId, i]));
  sheets.sort((a, b) => (order.get(a.sheetId) ?? 1e9) - (order.get(b.sheetId) ?? 1e9));
  return {
    sheets,
    ...(check.lastYear ? { lastYear: check.lastYear } : {}),
    ...(check.activeSheetId ? { activeSheetId: check.activeSheetId } : {}),
  };
}

/**
 * A finding's cells as few rectangles: vertical runs in each column, joined with the same runs of the
 * next column. D21, D22, D44, D45 give D21:D22 and D44:D45.
 */
export function cellAreas(addresses: string[]): string[] {
  const cells = [...new Set(addresses)].map(parseA1);
  const byCol = new Map<number, number[]>();
  for (const p of cells) byCol.set(p.col, [...(byCol.get(p.col) ?? []), p.row]);
  const runs: { top: number; bottom: number; left: number; right: number }[] = [];
  for (const col of [...byCol.keys()].sort((a, b) => a - b)) {
    const rows = byCol.get(col)!.sort((a, b) => a - b);
    for (let i = 0; i < rows.length;) {
      let j = i;
      while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
      const same = runs.find((r) => r.right === col - 1 && r.top === rows[i] && r.bottom === rows[j]);
      if (same) same.right = col;
      else runs.push({ top: rows[i], bottom: rows[j], left: col, right: col });
      i = j + 1;
    }
  }
  runs.sort((a, b) => a.top - b.top || a.left - b.left);
  return runs.map((r) => (r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`));
}

export interface SelectOptions {
  /** ExcelApi 1.9 (Worksheet.getRanges, RangeAreas.select): select exactly the cells, in several areas. */
  multiArea?: boolean;
}

/**
 * Activates the sheet (by id, or name) and selects the cells of a finding: exactly those cells where
 * the host can select several areas (ExcelApi 1.9), else their bounding range (ExcelApi 1.8 selects one area).
 */
export async function selectCells(run: ExcelRun, sheet: string, addresses: string[], options: SelectOptions = {}): Promise<Problem | null> {
  if (addresses.length === 0) return null;
  const pos = addresses.map(parseA1);
  const top = Math.min(...pos.map((p) => p.row));
  const left = Math.min(...pos.map((p) => p.col));
  const bottom = Math.max(...pos.map((p) => p.row));
  const right = Math.max(...pos.map((p) => p.col));
  const address = top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
  const areas = options.multiArea ? cellAreas(addresses) : [address];
  try {
    // Not held while the user types in a cell: a click in the task pane does not end cell editing on
    // Windows (https://github.com/OfficeDev/office-js/issues/806), so the pane would wait with no word.
    // It fails with InvalidOperationInCellEditMode instead, which the pane words as 请先按 Enter 结束单元格编辑.
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      if (areas.length > 1) ws.getRanges(areas.join(',')).select();
      else ws.getRange(areas[0]).select();
      await context.sync();
    });
    return null;
  } catch (e) {
    return problemOf(e);
  }
}
