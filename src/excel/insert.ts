import { ColumnKind, FormatVersion, TABLE_NUMBERS, TableId } from '../report/formats';
import { HIGHLIGHT_COLOURS, highlightRules, Placement, rectangles, totalFormulas } from '../report/formulas';
import { a1, layoutTextGrid, tableLayout } from '../report/layout';
import {
  COMPUTED_FILL,
  COMPUTED_NOTE,
  FILLS,
  FONT,
  GAP_ROWS,
  NUMBER_FORMATS,
  rowHeights,
  sharedColumnWidths,
} from '../report/style';
import { describeExcelError, UserFacingError } from './errors';
import { ExcelRun } from './run';
import { tableName, tableNameComment } from './tableNames';

export interface InsertOptions {
  version: FormatVersion;
  tables: TableId[];
  /** At the selected cell of the active sheet, or on a new sheet. */
  target: 'selection' | 'newSheet';
  /** 总计 cells as SUM formulas, shaded as computed. */
  totalsAsFormulas: boolean;
}

export type InsertResult =
  | { kind: 'inserted'; sheet: string; placements: Placement[]; address: string }
  /** Cells in the way: nothing was written. */
  | { kind: 'blocked'; sheet: string; occupied: string[]; message: string }
  | { kind: 'failed'; message: string };

/** Sheet name for a new sheet, e.g. 年报表格（2021版）, made unique against the existing names. */
export function newSheetName(version: FormatVersion, existing: string[]): string {
  const base = `年报表格（${version}版）`;
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let i = 2; ; i++) {
    const name = `${base.slice(0, 31 - String(i).length - 2)}(${i})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Where each table goes when stacked from (row, col): in the order given, one blank row apart. */
export function stackPlacements(version: FormatVersion, tables: TableId[], row: number, col: number): Placement[] {
  let r = row;
  return tables.map((table) => {
    const p = { version, table, row: r, col };
    r += tableLayout(version, table).rowCount + GAP_ROWS;
    return p;
  });
}

const DV_RULES: Record<ColumnKind, { rule: Excel.DataValidationRule; message: string }> = {
  count: {
    rule: { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } },
    message: '此处应填写不小于 0 的整数（件数），不要输入文字或小数。没有发生的请填 0。',
  },
  signed: {
    rule: { wholeNumber: { formula1: -1000000000, formula2: 1000000000, operator: 'Between' } },
    message: '此处应填写整数：增加填正数，减少填负数（例如 -3），没有变化填 0。',
  },
  amount: {
    rule: { decimal: { formula1: 0, operator: 'GreaterThanOrEqualTo' } },
    message: '此处应填写不小于 0 的金额，单位为万元，只填数字（例如 160.5964），不要输入“万元”“元”等文字。',
  },
};

const BORDER_EDGES: Excel.BorderIndex[] = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideHorizontal',
  'InsideVertical',
] as Excel.BorderIndex[];

/** Queues every write that draws one table; no sync. */
export function queueDrawTable(ws: Excel.Worksheet, p: Placement, totalsAsFormulas: boolean, widths: number[]): void {
  const layout = tableLayout(p.version, p.table);
  const at = (r: number, c: number, rows = 1, cols = 1) => ws.getRangeByIndexes(p.row + r, p.col + c, rows, cols);
  const totals = totalsAsFormulas ? totalFormulas(p) : [];
  const grid: (string | number)[][] = layoutTextGrid(layout);
  for (const t of totals) grid[t.row - p.row][t.col - p.col] = t.formula;

  const block = at(0, 0, layout.rowCount, layout.colCount);
  block.formulas = grid;
  block.format.font.name = FONT.name;
  block.format.font.size = FONT.size;
  block.format.wrapText = true;
  block.format.verticalAlignment = 'Center';
  block.format.horizontalAlignment = 'Center';

  const body = at(1, 0, layout.rowCount - 1, layout.colCount);
  for (const edge of BORDER_EDGES) {
    const b = body.format.borders.getItem(edge);
    b.style = 'Continuous';
    b.color = '#000000';
  }

  for (const m of layout.merges) at(m.row, m.col, m.rowSpan, m.colSpan).merge(false);

  const title = at(0, 0);
  title.format.font.bold = true;
  title.format.font.size = FONT.size + 2;
  title.format.horizontalAlignment = 'Left';

  for (const l of layout.labels) {
    const fill = FILLS[l.role];
    const m = layout.merges.find((x) => x.row === l.row && x.col === l.col);
    const r = at(l.row, l.col, m?.rowSpan ?? 1, m?.colSpan ?? 1);
    if (fill) r.format.fill.color = fill;
    if (l.role === 'rowLabel' && l.col > 0 && layout.table !== 'T4') r.format.horizontalAlignment = 'Left';
    if (l.role === 'blockTitle' || l.role === 'note') r.format.font.bold = l.role === 'blockTitle';
  }

  for (const kind of ['count', 'signed', 'amount'] as const) {
    const cells = layout.data.filter((d) => d.kind === kind).map((d) => ({ row: d.row, col: d.col }));
    for (const rect of rectangles(cells)) {
      const rows = rect.bottom - rect.top + 1;
      const cols = rect.right - rect.left + 1;
      const r = at(rect.top, rect.left, rows, cols);
      r.numberFormat = Array.from({ length: rows }, () => Array<string>(cols).fill(NUMBER_FORMATS[kind]));
      r.format.horizontalAlignment = 'Right';
      r.dataValidation.rule = DV_RULES[kind].rule;
      r.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: '年报助手', message: DV_RULES[kind].message };
    }
  }

  for (const t of totals) {
    const r = ws.getRangeByIndexes(t.row, t.col, 1, 1);
    r.format.fill.color = COMPUTED_FILL;
    r.dataValidation.clear();
    r.dataValidation.prompt = { showPrompt: true, title: '自动计算', message: COMPUTED_NOTE };
  }

  for (const h of highlightRules(p)) {
    const cf = ws.getRange(h.area).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
    cf.custom.rule.formula = h.formula;
    cf.custom.format.fill.color = HIGHLIGHT_COLOURS[h.severity].fill;
    cf.custom.format.font.color = HIGHLIGHT_COLOURS[h.severity].font;
  }

  const heights = rowHeights(layout, widths);
  heights.forEach((h, i) => (at(i, 0).format.rowHeight = h));

  ws.names.add(tableName(p.table, p.version), block, tableNameComment(p.table, p.version));
}

/**
 * Inserts the official tables, stacked, at the selected cell or on a new sheet. Two syncs: one to
 * look (is the target empty, is the sheet protected, does it already hold these tables), one to draw.
 * It never writes over a cell that holds anything: it reports those cells instead.
 */
export async function insertTables(run: ExcelRun, options: InsertOptions): Promise<InsertResult> {
  const { version, tables, target } = options;
  if (tables.length === 0) return { kind: 'failed', message: '请至少选择一张表格。' };
  try {
    return await run(async (context) => {
      const widths = sharedColumnWidths(tables);
      let ws: Excel.Worksheet;
      let origin = { row: 0, col: 0 };
      let sheetName: string;
      if (target === 'newSheet') {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        await context.sync();
        sheetName = newSheetName(version, sheets.items.map((s) => s.name));
        ws = sheets.add(sheetName);
      } else {
        const selected = context.workbook.getSelectedRange();
        selected.load('rowIndex,columnIndex');
        ws = selected.worksheet;
        ws.load('name');
        ws.protection.load('protected');
        ws.names.load('items/name');
        // The blocks the tables would cover, measured from the selection's top-left cell.
        const probes = stackPlacements(version, tables, 0, 0).map((p) => {
          const l = tableLayout(version, p.table);
          const r = selected.getCell(0, 0).getOffsetRange(p.row, 0).getResizedRange(l.rowCount - 1, l.colCount - 1);
          r.load('formulas,rowIndex,columnIndex');
          return r;
        });
        await context.sync();
        sheetName = ws.name;
        if (ws.protection.protected) {
          throw new UserFacingError(`工作表“${sheetName}”受保护，无法插入表格。请先在“审阅”选项卡中撤销工作表保护，或选择“插入到新工作表”。`);
        }
        const already = tables.filter((t) => ws.names.items.some((n) => n.name.startsWith(`XXGK_${t}_`)));
        if (already.length) {
          throw new UserFacingError(
            `工作表“${sheetName}”中已有${already.map((t) => TABLE_NUMBERS[t]).join('、')}。每张工作表每种表格只能插入一份，请选择“插入到新工作表”。`,
          );
        }
        origin = { row: selected.rowIndex, col: selected.columnIndex };
        const occupied: string[] = [];
        for (const probe of probes) {
          probe.formulas.forEach((row, r) =>
            row.forEach((v, c) => {
              if (v !== '' && v !== null) occupied.push(a1(probe.rowIndex + r, probe.columnIndex + c));
            }),
          );
        }
        if (occupied.length) {
          const shown = occupied.slice(0, 8).join('、') + (occupied.length > 8 ? ` 等 ${occupied.length} 个单元格` : '');
          return {
            kind: 'blocked',
            sheet: sheetName,
            occupied,
            message: `表格将占用的区域中已有内容（${shown}），为避免覆盖您的数据，未做任何修改。请选择一个空白位置，或插入到新工作表。`,
          };
        }
      }
      const placements = stackPlacements(version, tables, origin.row, origin.col);
      widths.forEach((w, i) => (ws.getRangeByIndexes(origin.row, origin.col + i, 1, 1).format.columnWidth = w));
      for (const p of placements) queueDrawTable(ws, p, options.totalsAsFormulas, widths);
      ws.activate();
      const first = placements[0];
      const last = placements[placements.length - 1];
      const lastLayout = tableLayout(version, last.table);
      const maxCols = Math.max(...tables.map((t) => tableLayout(version, t).colCount));
      const address = `${a1(first.row, first.col)}:${a1(last.row + lastLayout.rowCount - 1, first.col + maxCols - 1)}`;
      ws.getRange(a1(first.row, first.col)).select();
      await context.sync();
      return { kind: 'inserted', sheet: sheetName, placements, address };
    });
  } catch (e) {
    return { kind: 'failed', message: describeExcelError(e) };
  }
}
