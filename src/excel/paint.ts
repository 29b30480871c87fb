import { ColumnKind } from '../report/standard/formats';
import { INPUT_RULES, InputRule } from '../report/look/inputRules';
import { tableLayout } from '../report/look/layout';
import { Placement, totalFormulas } from '../report/look/formulas';
import {
  CellStyle,
  CellValidation,
  HighlightPaint,
  highlightPaint,
  inputAreas,
  inputGuard,
  PaintArea,
  SheetPaint,
  TablePaint,
  tablePaint,
} from '../report/look/paintPlan';

// The paint plan (src/report/look/paintPlan.ts) in office.js: queued writes, no sync. The plan's page
// (A4 portrait, margins) and page breaks need ExcelApi 1.9 (worksheet.pageLayout and
// horizontalPageBreaks), above the add-in's floor: queuePage is called only where the host has it.

/** Excel's data validation rule of an input rule. */
export function excelValidationRule(r: InputRule): Excel.DataValidationRule {
  const basic: Excel.BasicDataValidation =
    r.max === undefined ? { formula1: r.min, operator: 'GreaterThanOrEqualTo' } : { formula1: r.min, formula2: r.max, operator: 'Between' };
  return r.integer ? { wholeNumber: basic } : { decimal: basic };
}

/** Excel's name of the validation type of an input kind (Excel.DataValidationType). */
export function validationType(kind: ColumnKind): string {
  return INPUT_RULES[kind].integer ? 'WholeNumber' : 'Decimal';
}

const GRID_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as Excel.BorderIndex[];

const HORIZONTAL: Record<NonNullable<CellStyle['horizontal']>, 'Left' | 'Center' | 'Right'> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};

function queueValidation(r: Excel.Range, v: CellValidation): void {
  // Cleared first: over cells whose validation differs (a paste brought other rules, or none, into
  // part of them), Excel refuses a new rule with InvalidArgument (https://github.com/OfficeDev/office-js/issues/2594).
  r.dataValidation.clear();
  if (v.type === 'input') {
    r.dataValidation.rule = excelValidationRule(v.rule);
    r.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: v.title, message: v.rule.message };
  } else {
    r.dataValidation.prompt = { showPrompt: true, title: v.title, message: v.message };
  }
}

/** Queues what one area of the plan sets. */
export function queueArea(ws: Excel.Worksheet, a: PaintArea): void {
  const r = ws.getRangeByIndexes(a.row, a.col, a.rows, a.cols);
  const s = a.style;
  if (s.font?.name !== undefined) r.format.font.name = s.font.name;
  if (s.font?.size !== undefined) r.format.font.size = s.font.size;
  if (s.font?.bold !== undefined) r.format.font.bold = s.font.bold;
  if (s.wrap !== undefined) r.format.wrapText = s.wrap;
  if (s.vertical === 'middle') r.format.verticalAlignment = 'Center';
  if (s.horizontal) r.format.horizontalAlignment = HORIZONTAL[s.horizontal];
  if (s.fill) r.format.fill.color = s.fill;
  if (s.gridLines) {
    for (const edge of GRID_EDGES) {
      const b = r.format.borders.getItem(edge);
      b.style = 'Continuous';
      b.color = '#000000';
    }
  }
  if (s.numberFormat) r.numberFormat = Array.from({ length: a.rows }, () => Array<string>(a.cols).fill(s.numberFormat!));
  if (a.validation) queueValidation(r, a.validation);
}

export function queueHighlights(ws: Excel.Worksheet, highlights: readonly HighlightPaint[]): void {
  for (const h of highlights) {
    const cf = ws.getRange(h.area).conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
    cf.custom.rule.formula = h.formula;
    cf.custom.format.fill.color = h.fill;
    cf.custom.format.font.color = h.fontColor;
  }
}

/** Queues the whole look of a table whose contents are written: merges, areas, highlights, row heights. */
export function queuePaint(ws: Excel.Worksheet, t: TablePaint): void {
  for (const m of t.merges) ws.getRangeByIndexes(m.row, m.col, m.rows, m.cols).merge(false);
  for (const a of t.areas) queueArea(ws, a);
  queueHighlights(ws, t.highlights);
  t.rowHeights.forEach((h, i) => (ws.getRangeByIndexes(t.block.row + i, t.block.col, 1, 1).format.rowHeight = h));
}

/**
 * Queues the plan's page (ExcelApi 1.9): A4 portrait, its margins, one page wide, and a break before
 * each table after the first (https://learn.microsoft.com/javascript/api/excel/excel.pagelayout,
 * margins in points).
 * The zoom: Excel.PageLayoutZoomOptions documents horizontalFitToPages and verticalFitToPages as
 * numbers of pages (null when a scale is used), not what 0 means; 0 pages tall is "as many as it
 * takes" in the .xlsx format, as the command's template writes it (fitToHeight 0). What is known of
 * real Excel: office-js#1860 reports (Windows, 2021) that `{ horizontalFitToPages: 1 }` alone, or
 * `{ verticalFitToPages: 1 }` alone, was not applied unless the Page Layout tab was open, while a
 * scale was. Not known: whether giving both counts, as here, avoids that. Both are given, so that a
 * count left out is never read as a default.
 */
export function queuePage(ws: Excel.Worksheet, paint: Pick<SheetPaint, 'page' | 'pageBreaks'>, col: number): void {
  const layout = ws.pageLayout;
  const m = paint.page.margins;
  layout.paperSize = 'A4';
  layout.orientation = 'Portrait';
  layout.leftMargin = m.left * 72;
  layout.rightMargin = m.right * 72;
  layout.topMargin = m.top * 72;
  layout.bottomMargin = m.bottom * 72;
  layout.headerMargin = m.header * 72;
  layout.footerMargin = m.footer * 72;
  // Pages down: 0, as many as the tables take.
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  for (const row of paint.pageBreaks) ws.horizontalPageBreaks.add(ws.getRangeByIndexes(row, col, 1, 1));
}

/** Queues the widths of the columns from `col` on. */
export function queueColumnWidths(ws: Excel.Worksheet, row: number, col: number, widths: readonly number[]): void {
  widths.forEach((w, i) => (ws.getRangeByIndexes(row, col + i, 1, 1).format.columnWidth = w));
}

/**
 * Puts back what a paste of cells from elsewhere (Ctrl+V from another workbook, Word or a web page)
 * replaces: the input cells' number format and data validation (the totals' prompt and fill where
 * they were inserted as formulas), and the highlight rules, which Excel cuts the pasted cells out of.
 * The table's highlight rules are removed from its block and added again whole, so none is doubled.
 * Values, labels, merges and borders are not touched. No sync.
 */
export function queueRepairTable(ws: Excel.Worksheet, p: Placement, formulaTotals = false): void {
  const layout = tableLayout(p.version, p.table);
  for (const a of inputAreas(p)) queueArea(ws, inputGuard(a));
  if (formulaTotals) {
    const totals = new Set(totalFormulas(p).map((t) => `${t.row},${t.col}`));
    for (const a of tablePaint(p, true).areas) if (a.rows === 1 && a.cols === 1 && totals.has(`${a.row},${a.col}`)) queueArea(ws, a);
  }
  ws.getRangeByIndexes(p.row, p.col, layout.rowCount, layout.colCount).conditionalFormats.clearAll();
  queueHighlights(ws, highlightPaint(p));
}
