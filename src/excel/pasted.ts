import { dataCells, FormatVersion, TABLE_NUMBERS, TableId } from '../report/standard/formats';
import { highlightRulesAt, isTaggedFormula, taggedFormula } from '../report/look/formulas';
import { highlightPaints } from '../report/look/paintPlan';
import { queueHighlights } from './paint';
import { a1 } from '../report/standard/a1';
import { tableLayout } from '../report/look/layout';
import { readPastedBlock } from '../report/sheet/recognisedBlock';
import { RawValue, valueFromSheet } from '../report/sheet/templateBlock';
import { parseCellText } from '../report/standard/cellText';
import { dataCell } from '../report/standard/formats';
import { Report } from '../report/standard/report';
import { parsePastedName, pastedName } from '../report/look/tableNames';
import { ProblemError, readProblem } from './problems';
import { Inserted, insertTables, InsertResult } from './insert';
import { Done, Failed, NoneFound } from './outcome';
import { ExcelRun } from './run';

/** The tables recognised on a sheet, now checked in place. */
export interface Marked {
  sheet: string;
  version: FormatVersion;
  tables: TableId[];
  evidence: string[];
  /** What could not be read (Chinese). */
  notes: string[];
}

export type RecogniseResult = Done<Marked> | (NoneFound & { sheet: string }) | Failed;

interface ActiveSheet {
  ws: Excel.Worksheet;
  used: Excel.Range;
  names: Excel.NamedItemCollection;
  cfs: Excel.ConditionalFormatCollection;
}

function queueActiveSheet(context: Excel.RequestContext): ActiveSheet {
  const ws = context.workbook.worksheets.getActiveWorksheet();
  ws.load('name,id');
  ws.protection.load('protected');
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('values,rowIndex,columnIndex');
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/load-object-before-read -- names is a navigation property: its collection proxy needs no load
  const names = ws.names;
  names.load('items/name');
  // Only the type: reading .custom of a colour scale or data bar throws in Excel.
  // eslint-disable-next-line office-addins/load-object-before-read -- conditionalFormats is a navigation property
  const cfs = ws.getRange().conditionalFormats;
  cfs.load('items/type');
  return { ws, used, names, cfs };
}

/** Queues the formulas of the sheet's custom conditional formats (after their types were read). */
function queueCustomFormulas(a: ActiveSheet): { cf: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[] {
  return a.cfs.items
    .filter((cf) => cf.type === 'Custom')
    .map((cf) => {
      const rule = cf.custom.rule;
      rule.load('formula');
      return { cf, rule };
    });
}

/** Queues the removal of the add-in's own highlights and pasted-table names on a sheet. */
function queueUnmark(a: ActiveSheet, customs: { cf: Excel.ConditionalFormat; rule: Excel.ConditionalFormatRule }[]): number {
  let removed = 0;
  for (const { cf, rule } of customs) {
    if (isTaggedFormula(String(rule.formula))) {
      cf.delete();
      removed++;
    }
  }
  for (const n of a.names.items) if (parsePastedName(n.name)) n.delete();
  return removed;
}

/**
 * 识别并校验当前工作表: recognises the tables pasted on the active sheet and checks them in place:
 * highlights on the user's own cells (conditional formats marked as the add-in's, so they can be
 * removed exactly) and a sheet name over the tables so the live check follows them. Two syncs.
 * It writes no value and no cell format.
 */
export async function recogniseActiveSheet(run: ExcelRun): Promise<RecogniseResult> {
  try {
    return await run(async (context) => {
      const a = queueActiveSheet(context);
      await context.sync();
      const customs = queueCustomFormulas(a);
      const sheet = a.ws.name;
      if (a.used.isNullObject) return { kind: 'none', sheet, problem: { code: 'emptySheet', sheet, for: 'recognise' } };
      if (a.ws.protection.protected) throw new ProblemError({ code: 'sheetProtected', sheet, to: 'mark' });
      const read = readPastedBlock(a.used.values as RawValue[][], a.used.rowIndex, a.used.columnIndex);
      if (!read.inPlace || read.tables.length === 0) {
        return {
          kind: 'none',
          sheet,
          problem: { code: 'noTables', sheet, for: 'recognise' },
        };
      }
      if (customs.length) await context.sync();
      queueUnmark(a, customs);
      const version = read.inPlace.format;
      for (const table of read.tables) {
        const sites = { version, table, pos: (id: Parameters<typeof read.sites.get>[0]) => read.sites.get(id) };
        queueHighlights(a.ws, highlightPaints(highlightRulesAt(sites).map((h) => ({ ...h, formula: taggedFormula(h.formula) }))));
      }
      const width = (a.used.values[0]?.length ?? 1) - 1;
      const block = a.ws.getRange(`${a1(read.top, a.used.columnIndex)}:${a1(read.bottom, a.used.columnIndex + width)}`);
      a.ws.names.add(
        pastedName(version),
        block,
        `年报助手：粘贴的${read.tables.map((t) => TABLE_NUMBERS[t]).join('、')}（${version}版），在原位置校验`,
      );
      // Selected, so that Excel scrolls to the tables (in a report they start below the text) and shows what was read.
      block.select();
      await context.sync();
      return { kind: 'done', sheet, version, tables: read.tables, evidence: read.recognition.versionEvidence, notes: read.notes };
    });
  } catch (e) {
    return { kind: 'failed', problem: readProblem(e) };
  }
}

/** Removes the add-in's highlights and marks from the active sheet; the user's cells are untouched. */
export async function unmarkActiveSheet(run: ExcelRun): Promise<Done<{ removed: number }> | Failed> {
  try {
    return await run(async (context) => {
      const a = queueActiveSheet(context);
      await context.sync();
      const customs = queueCustomFormulas(a);
      if (customs.length) await context.sync();
      const removed = queueUnmark(a, customs);
      await context.sync();
      return { kind: 'done' as const, removed };
    });
  } catch (e) {
    return { kind: 'failed', problem: readProblem(e) };
  }
}

/**
 * Converts the tables pasted on the active sheet into the standard template on a new sheet, carrying
 * every recognised value over (units such as 万元 stripped). The pasted sheet is left as it is.
 */
export async function convertActiveSheet(
  run: ExcelRun,
  totalsAsFormulas = false,
  /** ExcelApi 1.9: the new sheet prints as the template does (InsertOptions.pageSetup). */
  pageSetup = false,
): Promise<InsertResult | (NoneFound & { sheet: string })> {
  let values: Report | null = null;
  let tables: TableId[] = [];
  try {
    const found = await run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load('name');
      const used = ws.getUsedRangeOrNullObject(true);
      used.load('values,rowIndex,columnIndex');
      await context.sync();
      return used.isNullObject
        ? { sheet: ws.name, values: null, row: 0, col: 0 }
        : { sheet: ws.name, values: used.values as RawValue[][], row: used.rowIndex, col: used.columnIndex };
    });
    const read = found.values ? readPastedBlock(found.values, found.row, found.col) : null;
    if (!read?.inPlace || read.tables.length === 0) {
      return { kind: 'none', sheet: found.sheet, problem: { code: 'noTables', sheet: found.sheet, for: 'convert' } };
    }
    const version = read.inPlace.format;
    values = { format: version, cells: {} };
    for (const pv of read.recognition.tables.flatMap((t) => t.cells)) {
      const kind = dataCell(version, pv.id)?.kind;
      values.cells[pv.id] = typeof pv.value === 'string' ? parseCellText(pv.value, kind) : pv.value;
    }
    tables = read.tables;
  } catch (e) {
    return { kind: 'failed', problem: readProblem(e) };
  }
  return insertTables(run, { version: values.format, tables, target: 'newSheet', totalsAsFormulas, values, pageSetup });
}

/** A damaged table inserted afresh, with what could be carried over from it. */
export interface Reinserted extends Inserted {
  /** How many values were carried over; null when the damaged block could not be read at all. */
  carried: number | null;
  /** The cells (as the format names them) the damaged block no longer shows. */
  notCarried: string[];
}

/**
 * Inserts a fresh copy of a damaged template table on a new sheet, carrying over every value the
 * recogniser can still read in the damaged block (a deleted row loses only its own values).
 */
export async function reinsertTable(
  run: ExcelRun,
  /** sheet: the damaged table's sheet, by id (or name). */
  table: { sheet: string; table: TableId; version: FormatVersion; address?: string },
  totalsAsFormulas = false,
  /** ExcelApi 1.9: the new sheet prints as the template does (InsertOptions.pageSetup). */
  pageSetup = false,
): Promise<Done<Reinserted> | Exclude<InsertResult, Done<Inserted>>> {
  let values: Report = { format: table.version, cells: {} };
  let readable = !!table.address;
  if (table.address) {
    try {
      const block = await run(async (context) => {
        const r = context.workbook.worksheets.getItem(table.sheet).getRange(table.address);
        r.load('values,rowIndex,columnIndex');
        await context.sync();
        return { values: r.values as RawValue[][], row: r.rowIndex, col: r.columnIndex };
      });
      const layout = tableLayout(table.version, table.table);
      if (block.values.length === layout.rowCount && block.values[0]?.length === layout.colCount) {
        // The shape is intact (a label was edited): every value is where the layout puts it.
        values = {
          format: table.version,
          cells: Object.fromEntries(layout.data.map((d) => [d.id, valueFromSheet(block.values[d.row][d.col])])),
        };
      } else {
        const read = readPastedBlock(block.values, block.row, block.col);
        if (read.inPlace?.format === table.version) {
          const cells = read.recognition.tables.filter((t) => t.table === table.table).flatMap((t) => t.cells);
          values = { format: table.version, cells: Object.fromEntries(cells.map((c) => [c.id, c.value])) };
        }
      }
    } catch {
      readable = false; // Nothing readable: the table is inserted empty, and the pane says so.
    }
  }
  const result = await insertTables(run, {
    version: table.version,
    tables: [table.table],
    target: 'newSheet',
    totalsAsFormulas,
    values,
    pageSetup,
  });
  const carried = readable ? Object.values(values.cells).filter((v) => v !== null).length : null;
  // Cells the damaged block no longer shows where they can be found: named, never lost in silence.
  const notCarried = readable
    ? dataCells(table.version)
        .filter((d) => d.table === table.table && !(d.id in values.cells))
        .map((d) => d.label)
    : [];
  return result.kind === 'done' ? { ...result, carried, notCarried } : result;
}
