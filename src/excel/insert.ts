import { FormatVersion, TableId } from '../report/standard/formats';
import { newSheetName, stackPlacements } from '../report/look/placement';
import { Placement } from '../report/look/formulas';
import { a1 } from '../report/standard/a1';
import { layoutTextGrid, tableLayout } from '../report/look/layout';
import { columnWidths, sheetPaint, TablePaint } from '../report/look/paintPlan';
import { Report } from '../report/standard/report';
import { problemOf } from './problems';
import { Blocked, Done, Failed } from './outcome';
import { queueColumnWidths, queuePage, queuePaint } from './paint';
import { ExcelRun } from './run';
import { parseTableName, tableName, tableNameComment } from '../report/look/tableNames';

export interface InsertOptions {
  version: FormatVersion;
  tables: TableId[];
  /** At the selected cell of the active sheet, or on a new sheet. */
  target: 'selection' | 'newSheet';
  /** 总计 cells as SUM formulas, shaded as computed. */
  totalsAsFormulas: boolean;
  /** Values to carry into the data cells (a pasted table converted to the template). */
  values?: Report;
  /** ExcelApi 1.13: merged cells in the way can be seen (getMergedAreasOrNullObject). */
  mergedAreas?: boolean;
  /** ExcelApi 1.9: a new sheet gets the plan's page (Worksheet.pageLayout, horizontalPageBreaks). */
  pageSetup?: boolean;
}

/** Where the tables were drawn. */
export interface Inserted {
  sheet: string;
  placements: Placement[];
  address: string;
}

export type InsertResult =
  | Done<Inserted>
  /** Cells in the way, a protected sheet, or the sheet already holds the table: nothing was written. The message offers 插入到新工作表. */
  | (Blocked & { sheet: string; occupied: string[] })
  | Failed;

/** Queues the writes that draw one table: its contents, then its look (src/report/look/paintPlan.ts), then its name; no sync. */
function queueDrawTable(ws: Excel.Worksheet, paint: TablePaint, totalsAsFormulas: boolean, values?: Report): void {
  const p = paint.placement;
  const layout = tableLayout(p.version, p.table);
  const grid: (string | number)[][] = layoutTextGrid(layout);
  if (values) {
    for (const d of layout.data) {
      const v = values.cells[d.id];
      // Excel parses a written text as if typed: "1/2" and "1-2" become dates, "3%" 0.03, "(3)" -3,
      // "=…" a formula, and text that starts with + or - a formula too, so "+5件" or "-" fails the
      // whole batch. Strings written through the API are read as typed in the en-US locale
      // (https://github.com/OfficeDev/office-js/issues/1559); a leading apostrophe keeps every carried
      // text as it is, and is not part of the value (https://github.com/OfficeDev/office-js/issues/6687).
      if (v !== undefined && v !== null) grid[d.row][d.col] = typeof v === 'string' ? `'${v}` : v;
    }
  }
  for (const t of paint.totals) grid[t.row - p.row][t.col - p.col] = t.formula;
  const block = ws.getRangeByIndexes(paint.block.row, paint.block.col, paint.block.rows, paint.block.cols);
  block.formulas = grid;
  queuePaint(ws, paint);
  ws.names.add(tableName(p.table, p.version), block, tableNameComment(p.table, p.version, totalsAsFormulas));
}

/** What an insertion changed before its drawing sync, to undo it when that sync fails part way. */
interface Drawn {
  /** The sheet the insertion added (deleted again), or null when drawing on the selected sheet. */
  newSheet: string | null;
  sheet: string;
  placements: Placement[];
  /** Column widths and row heights of the area before drawing (selection target). */
  widths: { col: number; width: number }[];
  heights: { row: number; height: number }[];
}

/**
 * Undoes a drawing sync that failed: Excel keeps the operations before the failing one (they ran, as
 * OfficeExtension.Error.traceMessages documents: https://learn.microsoft.com/javascript/api/office/officeextension.error), which would
 * leave a half-drawn table without its name. A new sheet is deleted; on the selected sheet the area
 * (checked empty beforehand: no value, validation or merge) is cleared of everything drawn, the
 * names removed and the sizes put back. Two syncs, on the failure path only.
 */
async function undoDrawing(run: ExcelRun, d: Drawn): Promise<void> {
  await run(async (context) => {
    if (d.newSheet) {
      const ws = context.workbook.worksheets.getItemOrNullObject(d.newSheet);
      await context.sync();
      if (!ws.isNullObject) ws.delete();
      await context.sync();
      return;
    }
    const ws = context.workbook.worksheets.getItem(d.sheet);
    const names = d.placements.map((p) => ws.names.getItemOrNullObject(tableName(p.table, p.version)));
    for (const n of names) n.load('name');
    await context.sync();
    for (const n of names) if (!n.isNullObject) n.delete();
    for (const p of d.placements) {
      const l = tableLayout(p.version, p.table);
      const r = ws.getRangeByIndexes(p.row, p.col, l.rowCount, l.colCount);
      r.conditionalFormats.clearAll();
      r.dataValidation.clear();
      r.unmerge();
      // The outer edges are shared with the cells beside and below the block: removed first.
      for (const edge of ['EdgeBottom', 'EdgeLeft', 'EdgeRight'] as Excel.BorderIndex[]) r.format.borders.getItem(edge).style = 'None';
      r.clear('All');
    }
    for (const w of d.widths) ws.getRangeByIndexes(0, w.col, 1, 1).format.columnWidth = w.width;
    for (const h of d.heights) ws.getRangeByIndexes(h.row, 0, 1, 1).format.rowHeight = h.height;
    await context.sync();
  });
}

/**
 * Inserts the official tables, stacked, at the selected cell or on a new sheet. Two syncs: one to
 * look (is the target free of values, validation and merges, is the sheet protected, does it
 * already hold these tables), one to draw. It never writes over a cell that holds anything: it
 * reports those cells instead. When the drawing sync fails part way, what it drew is undone.
 */
export async function insertTables(run: ExcelRun, options: InsertOptions): Promise<InsertResult> {
  const { version, tables, target } = options;
  if (tables.length === 0) return { kind: 'failed', problem: { code: 'noTableChosen' } };
  let drawn: Drawn | null = null;
  try {
    return await run(async (context) => {
      let ws: Excel.Worksheet;
      let origin = { row: 0, col: 0 };
      let sheetName: string;
      let sizes: { widths: Excel.RangeFormat[]; heights: Excel.RangeFormat[] } | null = null;
      if (target === 'newSheet') {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        sheetName = newSheetName(
          version,
          sheets.items.map((s) => s.name),
        );
        ws = sheets.add(sheetName);
        // Activated first: merging on a sheet behind a selected chart can fail in Excel.
        ws.activate();
      } else {
        const selected = context.workbook.getSelectedRange();
        selected.load('rowIndex,columnIndex');
        // eslint-disable-next-line office-addins/call-sync-before-read -- worksheet is a navigation property: a proxy, usable before the sync
        ws = selected.worksheet;
        ws.load('name');
        ws.protection.load('protected');
        ws.names.load('items/name');
        // The blocks the tables would cover, measured from the selection's top-left cell.
        const stacked = stackPlacements(version, tables, 0, 0);
        const probes = stacked.map((p) => {
          const l = tableLayout(version, p.table);
          const r = selected
            .getCell(0, 0)
            .getOffsetRange(p.row, 0)
            .getResizedRange(l.rowCount - 1, l.colCount - 1);
          r.load('formulas,rowIndex,columnIndex');
          // Validation there would be overwritten, or refuse the template's rules (office-js#2594).
          r.dataValidation.load('type');
          // Merged cells there would break the template's merges (readable from ExcelApi 1.13).
          const merged = options.mergedAreas ? r.getMergedAreasOrNullObject() : null;
          merged?.load('areas/items/address');
          return { r, merged };
        });
        // The sizes the drawing changes, to put back if it fails.
        const lastP = stacked[stacked.length - 1];
        const rowCount = lastP.row + tableLayout(version, lastP.table).rowCount;
        const corner = selected.getCell(0, 0);
        sizes = {
          widths: columnWidths().map((_, i) => corner.getOffsetRange(0, i).format),
          heights: Array.from({ length: rowCount }, (_, i) => corner.getOffsetRange(i, 0).format),
        };
        for (const f of sizes.widths) f.load('columnWidth');
        for (const f of sizes.heights) f.load('rowHeight');
        await context.sync();
        sheetName = ws.name;
        // 'blocked', not 'failed': the pane puts the 插入到新工作表 button these messages name beside them.
        if (ws.protection.protected) {
          return {
            kind: 'blocked',
            sheet: sheetName,
            occupied: [],
            problem: { code: 'sheetProtected', sheet: sheetName, to: 'insert' },
          };
        }
        const already = tables.filter((t) => ws.names.items.some((n) => parseTableName(n.name)?.table === t));
        if (already.length) {
          return {
            kind: 'blocked',
            sheet: sheetName,
            occupied: [],
            problem: { code: 'tablesOnSheet', sheet: sheetName, tables: already },
          };
        }
        origin = { row: selected.rowIndex, col: selected.columnIndex };
        const occupied: string[] = [];
        const withValidation: string[] = [];
        const merges: string[] = [];
        for (const { r: probe, merged } of probes) {
          probe.formulas.forEach((row, r) =>
            row.forEach((v, c) => {
              if (v !== '' && v !== null) occupied.push(a1(probe.rowIndex + r, probe.columnIndex + c));
            }),
          );
          if (probe.dataValidation.type !== 'None')
            withValidation.push(
              `${a1(probe.rowIndex, probe.columnIndex)}:${a1(probe.rowIndex + probe.formulas.length - 1, probe.columnIndex + (probe.formulas[0]?.length ?? 1) - 1)}`,
            );
          if (merged && !merged.isNullObject) merges.push(...merged.areas.items.map((a) => a.address.split('!').pop()!));
        }
        if (occupied.length || withValidation.length || merges.length) {
          return {
            kind: 'blocked',
            sheet: sheetName,
            occupied,
            problem: { code: 'areaInUse', occupied, validation: withValidation.length > 0, merges },
          };
        }
      }
      const placements = stackPlacements(version, tables, origin.row, origin.col);
      const paint = sheetPaint(placements, options.totalsAsFormulas);
      drawn = {
        newSheet: target === 'newSheet' ? sheetName : null,
        sheet: sheetName,
        placements,
        widths: sizes ? sizes.widths.map((f, i) => ({ col: origin.col + i, width: f.columnWidth })) : [],
        heights: sizes ? sizes.heights.map((f, i) => ({ row: origin.row + i, height: f.rowHeight })) : [],
      };
      queueColumnWidths(ws, origin.row, origin.col, paint.columnWidths);
      for (const t of paint.tables) queueDrawTable(ws, t, options.totalsAsFormulas, options.values);
      // A new sheet only: the user's own sheet keeps its page setup and breaks, which may serve what
      // else it holds (and a failed drawing would have to put them back). A new sheet is the add-in's,
      // and deleted whole when its drawing fails.
      if (options.pageSetup && target === 'newSheet') queuePage(ws, paint, origin.col);
      ws.activate();
      const first = placements[0];
      const last = placements[placements.length - 1];
      const lastLayout = tableLayout(version, last.table);
      const maxCols = Math.max(...tables.map((t) => tableLayout(version, t).colCount));
      const address = `${a1(first.row, first.col)}:${a1(last.row + lastLayout.rowCount - 1, first.col + maxCols - 1)}`;
      ws.getRange(a1(first.row, first.col)).select();
      await context.sync();
      return { kind: 'done', sheet: sheetName, placements, address };
    });
  } catch (e) {
    const failed: Drawn | null = drawn;
    if (!failed) return { kind: 'failed', problem: problemOf(e) };
    const onNewSheet = (failed as Drawn).newSheet !== null;
    let undone = true;
    try {
      await undoDrawing(run, failed);
    } catch {
      undone = false;
    }
    const cause = problemOf(e);
    return {
      kind: 'failed',
      problem: cause.code === 'excel' ? { code: 'drawFailed', cause, undone, onNewSheet } : cause,
    };
  }
}
