import { CellId, TableId } from '../report/standard/formats';
import { CellSites, placementSites } from '../report/look/formulas';
import { highlightPaints } from '../report/look/paintPlan';
import { queueHighlights } from './paint';
import {
  brokenLink,
  crossYearHighlights,
  dataSheetGrid,
  isCrossYearFormula,
  LAST_YEAR_COMMENT,
  LAST_YEAR_DATA_SHEET,
  LAST_YEAR_NAME,
  LastYearInfo,
  readLastYear,
} from '../report/sheet/lastYear';
import { readPastedBlock } from '../report/sheet/recognisedBlock';
import { RawValue, SheetValueType } from '../report/sheet/templateBlock';
import { Report } from '../report/standard/report';
import { parseNameReference, parsePastedName, parseTableName } from '../report/look/tableNames';
import { problemOf, ProblemError, readProblem } from './problems';
import { Done, Failed } from './outcome';
import { ExcelRun } from './run';

export type { LastYearInfo } from '../report/sheet/lastYear';

// Last year's report, linked in the workbook (see src/report/sheet/lastYear.ts): the link is a
// workbook-scoped name, so it is saved with the file and found again when the workbook is reopened.

// ---------------------------------------------------------------------------------------------
// Reading the link: two steps that ride on the check's own syncs (src/excel/check.ts).

export interface QueuedLink {
  item: Excel.NamedItem;
}

/** Queues the read of the link's name. No sync. */
export function queueLinkName(context: Excel.RequestContext): QueuedLink {
  const item = context.workbook.names.getItemOrNullObject(LAST_YEAR_NAME);
  item.load('type,value');
  return { item };
}

export interface QueuedLinkBlock {
  /** null: there is a name but it no longer points at cells. */
  read: { ws: Excel.Worksheet; range: Excel.Range } | null;
}

/** After the name was read: queues the read of the block it points at; undefined when there is no link. No sync. */
export function queueLinkBlock(context: Excel.RequestContext, link: QueuedLink): QueuedLinkBlock | undefined {
  if (link.item.isNullObject) return undefined;
  const ref = link.item.type === 'Range' ? parseNameReference(String(link.item.value)) : null;
  if (!ref) return { read: null };
  const ws = context.workbook.worksheets.getItem(ref.sheet);
  ws.load('name,id');
  const range = ws.getRangeByIndexes(ref.top, ref.left, ref.bottom - ref.top + 1, ref.right - ref.left + 1);
  range.load('values,valueTypes,rowIndex,columnIndex');
  return { read: { ws, range } };
}

/** Last year's report out of the block read. */
export function linkOf(q: QueuedLinkBlock): LastYearInfo {
  if (!q.read) return brokenLink();
  const { ws, range } = q.read;
  return readLastYear({
    sheet: ws.name,
    sheetId: ws.id,
    row: range.rowIndex,
    col: range.columnIndex,
    values: range.values as RawValue[][],
    types: range.valueTypes as SheetValueType[][],
  });
}

// ---------------------------------------------------------------------------------------------
// Linking, unlinking and the highlights.

export type LastYearSource =
  /** A sheet of this workbook that holds last year's tables (the add-in's template, or a pasted table). */
  | { kind: 'sheet'; sheetId: string }
  /** A file read in the pane: its values are kept in a hidden sheet. */
  | { kind: 'file'; fileName: string; report: Report };

/** Last year's report now linked, and how many cross-year highlights this year's tables got. */
export interface Linked {
  info: LastYearInfo;
  highlights: number;
}

export type LinkResult = Done<Linked> | Failed;

interface SheetScan {
  ws: Excel.Worksheet;
  cfs: Excel.ConditionalFormatCollection;
}

/** Queues, for every sheet, its names and the types of its conditional formats. No sync. */
function queueScan(sheets: Excel.Worksheet[]): SheetScan[] {
  return sheets.map((ws) => {
    ws.names.load('items/name,items/type,items/value');
    // Only the type: reading .custom of a colour scale or data bar throws in Excel.
    const cfs = ws.getRange().conditionalFormats;
    cfs.load('items/type');
    return { ws, cfs };
  });
}

/** Queues the formulas of the custom conditional formats found by the scan. No sync. */
function queueCustomRules(scans: SheetScan[]): { cf: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[] {
  return scans.flatMap((s) =>
    s.cfs.items
      .filter((cf) => cf.type === 'Custom')
      .map((cf) => {
        const rule = cf.custom.rule;
        rule.load('formula');
        return { cf, rule };
      }),
  );
}

/** Queues the removal of the cross-year highlights; how many. No sync. */
function queueRemoveHighlights(customs: { cf: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[]): number {
  let n = 0;
  for (const { cf, rule } of customs) {
    if (isCrossYearFormula(String(rule.formula))) {
      cf.delete();
      n++;
    }
  }
  return n;
}

/** Queues the cross-year highlights of one table of this year; how many. No sync. */
export function queueCrossYearHighlights(ws: Excel.Worksheet, sites: CellSites, last: LastYearInfo): number {
  const rules = crossYearHighlights(sites, last);
  queueHighlights(ws, highlightPaints(rules));
  return rules.length;
}

/** The pasted blocks of this year, queued for reading (their cells are found by recognition). No sync. */
function queuePastedBlocks(scans: SheetScan[], skip: string): { ws: Excel.Worksheet; range: Excel.Range }[] {
  return scans
    .filter((s) => s.ws.id !== skip)
    .flatMap((s) =>
      s.ws.names.items
        .filter((n) => parsePastedName(n.name) && n.type === 'Range')
        .map((n) => {
          const range = s.ws.names.getItem(n.name).getRange();
          range.load('values,rowIndex,columnIndex');
          return { ws: s.ws, range };
        }),
    );
}

/** This year's tables: every template and pasted table outside last year's sheet, with where its cells are. */
function thisYearSites(
  scans: SheetScan[],
  pasted: { ws: Excel.Worksheet; range: Excel.Range }[],
  skip: string,
): { ws: Excel.Worksheet; sites: CellSites }[] {
  const out: { ws: Excel.Worksheet; sites: CellSites }[] = [];
  for (const s of scans) {
    if (s.ws.id === skip) continue;
    for (const n of s.ws.names.items) {
      const id = parseTableName(n.name);
      const ref = id && n.type === 'Range' ? parseNameReference(String(n.value)) : null;
      if (id && ref) out.push({ ws: s.ws, sites: placementSites({ ...id, row: ref.top, col: ref.left }) });
    }
  }
  for (const { ws, range } of pasted) {
    const read = readPastedBlock(range.values as RawValue[][], range.rowIndex, range.columnIndex);
    if (!read.inPlace) continue;
    const version = read.inPlace.format;
    for (const table of read.tables) out.push({ ws, sites: { version, table, pos: (c: CellId) => read.sites.get(c) } });
  }
  return out;
}

/** Queues the reads of the sheets, the link's name and the hidden sheet of a file's values. */
function queueCurrentLink(context: Excel.RequestContext) {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  const old = context.workbook.names.getItemOrNullObject(LAST_YEAR_NAME);
  old.load('name');
  const oldData = sheets.getItemOrNullObject(LAST_YEAR_DATA_SHEET);
  oldData.load('id');
  return { sheets, old, oldData };
}

/**
 * Links last year's report: a sheet of this workbook (its tables recognised, the name put over
 * them) or a file's values (written to a hidden sheet). Every table of this year gets highlights
 * that compare it with last year's cells; those of an earlier link are removed. Four syncs: the
 * sheets and the source, their names and conditional formats, the formulas of those and this
 * year's pasted blocks, then every write.
 */
export async function linkLastYear(run: ExcelRun, source: LastYearSource): Promise<LinkResult> {
  try {
    return await run(async (context) => {
      const { sheets, old, oldData } = queueCurrentLink(context);
      let used: Excel.Range | null = null;
      let srcWs: Excel.Worksheet | null = null;
      if (source.kind === 'sheet') {
        srcWs = sheets.getItem(source.sheetId);
        srcWs.load('name,id');
        used = srcWs.getUsedRangeOrNullObject(true);
        used.load('values,valueTypes,rowIndex,columnIndex,columnCount');
      }
      await context.sync();

      let info: LastYearInfo;
      let block: { top: number; left: number; rows: number; cols: number } | null = null;
      // eslint-disable-next-line office-addins/test-for-null-using-isNullObject -- `used` is null when no sheet was read (a file); its isNullObject is tested below
      if (srcWs && used) {
        const sheet = srcWs.name;
        if (used.isNullObject) throw new ProblemError({ code: 'emptySheet', sheet, for: 'lastYear' });
        const read = readPastedBlock(used.values as RawValue[][], used.rowIndex, used.columnIndex, used.valueTypes as SheetValueType[][]);
        if (!read.inPlace || read.tables.length === 0) {
          throw new ProblemError({ code: 'noTables', sheet, for: 'lastYear' });
        }
        block = { top: read.top, left: used.columnIndex, rows: read.bottom - read.top + 1, cols: used.columnCount };
        const origin = { row: block.top, col: block.left };
        info = { kind: 'sheet', sheet, sheetId: srcWs.id, report: read.inPlace, tables: read.tables, sites: read.sites, block: origin };
      } else {
        const file = source as Extract<LastYearSource, { kind: 'file' }>;
        const grid = dataSheetGrid(file.report, file.fileName);
        const tables = [...new Set(Object.keys(file.report.cells).map((id) => id.slice(0, 2) as TableId))];
        const sites = new Map<CellId, { row: number; col: number }>();
        grid.forEach((row, r) => {
          if (r >= 4) sites.set(String(row[0]).slice(1) as CellId, { row: r, col: 1 });
        });
        info = {
          kind: 'file',
          sheet: LAST_YEAR_DATA_SHEET,
          sheetId: '',
          fileName: file.fileName,
          report: file.report,
          tables,
          sites,
          block: { row: 0, col: 0 },
        };
        block = { top: 0, left: 0, rows: grid.length, cols: 3 };
      }

      const scans = queueScan(sheets.items.filter((ws) => oldData.isNullObject || ws.id !== oldData.id));
      await context.sync();
      const customs = queueCustomRules(scans);
      const pasted = queuePastedBlocks(scans, info.sheetId);
      if (customs.length || pasted.length) await context.sync();

      const thisYear = thisYearSites(scans, pasted, info.sheetId);
      // A later year never uses an earlier format: a 2021-format report cannot be last year's for a
      // 2019-format one (the carry-over would compare different forms). Refused, naming each sheet.
      const older = info.report && info.report.format === '2021' ? thisYear.filter((t) => t.sites.version === '2019') : [];
      if (older.length)
        throw new ProblemError({ code: 'lastYearNewer', last: info.report!.format, sheets: [...new Set(older.map((t) => t.ws.name))] });
      queueRemoveHighlights(customs);
      if (!old.isNullObject) old.delete();
      if (!oldData.isNullObject) oldData.delete();
      let target: Excel.Worksheet;
      if (info.kind === 'file') {
        target = sheets.add(LAST_YEAR_DATA_SHEET);
        const grid = dataSheetGrid(info.report!, info.fileName ?? '');
        target.getRangeByIndexes(0, 0, grid.length, 3).values = grid;
        target.visibility = 'Hidden' as Excel.SheetVisibility;
      } else target = srcWs!;
      context.workbook.names.add(
        LAST_YEAR_NAME,
        target.getRangeByIndexes(block.top, block.left, block.rows, block.cols),
        LAST_YEAR_COMMENT,
      );
      let highlights = 0;
      for (const t of thisYear) highlights += queueCrossYearHighlights(t.ws, t.sites, info);
      if (info.kind === 'file') target.load('id');
      try {
        await context.sync();
      } catch (e) {
        // Everything here was measured and read before: InvalidArgument is a rule Excel refused
        // (it documents no limit for conditional-format formulas), not a table that does not fit.
        const p = problemOf(e);
        if (p.code === 'excel' && p.excelCode === 'InvalidArgument')
          throw new ProblemError({ code: 'highlightRefused', for: 'lastYear', detail: p.detail });
        throw e;
      }
      if (info.kind === 'file') info = { ...info, sheetId: target.id };
      return { kind: 'done' as const, info, highlights };
    });
  } catch (e) {
    return { kind: 'failed', problem: readProblem(e) };
  }
}

/** Removes the link, the hidden sheet of a file's values and every cross-year highlight. Three syncs. */
export async function unlinkLastYear(run: ExcelRun): Promise<Done<{ removed: number }> | Failed> {
  try {
    return await run(async (context) => {
      const { sheets, old, oldData } = queueCurrentLink(context);
      await context.sync();
      const scans = queueScan(sheets.items.filter((ws) => oldData.isNullObject || ws.id !== oldData.id));
      await context.sync();
      const customs = queueCustomRules(scans);
      if (customs.length) await context.sync();
      const removed = queueRemoveHighlights(customs);
      if (!old.isNullObject) old.delete();
      if (!oldData.isNullObject) oldData.delete();
      await context.sync();
      return { kind: 'done' as const, removed };
    });
  } catch (e) {
    return { kind: 'failed', problem: readProblem(e) };
  }
}

/** The visible sheets of the workbook (the choices for last year's report). One sync. */
export async function listSheets(run: ExcelRun): Promise<{ id: string; name: string }[]> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/id,items/visibility');
    await context.sync();
    return sheets.items.filter((ws) => ws.visibility === 'Visible').map((ws) => ({ id: ws.id, name: ws.name }));
  });
}
