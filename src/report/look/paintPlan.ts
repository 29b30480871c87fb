import { ColumnKind } from '../standard/formats';
import { Severity } from '../standard/rules';
import { HIGHLIGHT_COLOURS, highlightRules, Placement, rectangles, TotalFormula, totalFormulas } from './formulas';
import { INPUT_ALERT_TITLE, INPUT_RULES, InputRule } from './inputRules';
import { LabelCell, TableLayout, tableLayout } from './layout';
import { COMPUTED_FILL, COMPUTED_NOTE, COMPUTED_TITLE, FILLS, FONT, GRID_WIDTHS, NUMBER_FORMATS, PAGE, rowHeights } from './style';

/**
 * The look of a placed table, decided once: the areas of the sheet with their fill, font,
 * alignment, borders, number format and data validation, the merges, the highlight rules and the
 * sizes. The writers (src/excel/paint.ts for Excel, src/cli/templateXlsx.ts for the .xlsx file,
 * src/cli/html.ts) translate it and decide nothing of the look themselves.
 */

/** A rectangle of sheet cells, 0-based. */
export interface Area {
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** What an area sets; what it leaves out stays as earlier areas set it. */
export interface CellStyle {
  fill?: string;
  font?: { name?: string; size?: number; bold?: boolean };
  horizontal?: 'left' | 'center' | 'right';
  vertical?: 'middle';
  wrap?: boolean;
  /** A thin black line on every edge of every cell of the area. */
  gridLines?: boolean;
  numberFormat?: string;
}

/** Data validation: an input cell's rule with its refusal message, or a prompt only (a computed total). */
export type CellValidation =
  { type: 'input'; kind: ColumnKind; rule: InputRule; title: string } | { type: 'prompt'; title: string; message: string };

export interface PaintArea extends Area {
  style: CellStyle;
  validation?: CellValidation;
}

/** A rectangle of input cells of one kind: what carries the number format and the data validation. */
export interface InputArea extends Area {
  kind: ColumnKind;
}

/** A conditional format: TRUE where a rule fails, coloured by its severity. */
export interface HighlightPaint {
  /** A1 range without the sheet name. */
  area: string;
  formula: string;
  fill: string;
  fontColor: string;
}

export interface TablePaint {
  placement: Placement;
  /** The table's whole block (section title included). */
  block: Area;
  merges: Area[];
  /** In order: a later area's settings win over an earlier one's. */
  areas: PaintArea[];
  /** Cells written as SUM formulas (option 合计用公式); empty without it. */
  totals: TotalFormula[];
  highlights: HighlightPaint[];
  /** Heights in points of the block's rows, top to bottom. */
  rowHeights: number[];
}

/** The look of tables stacked on one sheet. */
export interface SheetPaint {
  /** Widths in points of the sheet columns from the tables' first column on. */
  columnWidths: readonly number[];
  tables: TablePaint[];
  /** A4 portrait, one page wide: what the sheet prints on. */
  page: typeof PAGE;
  /**
   * Sheet rows (0-based) that start a printed page: each table after the first, so that a page
   * break never cuts a table (each fits one page).
   */
  pageBreaks: number[];
}

const areaOf = (p: Placement, row: number, col: number, rows = 1, cols = 1): Area => ({ row: p.row + row, col: p.col + col, rows, cols });

/** The table's input cells as rectangles of one kind each. */
export function inputAreas(p: Placement): InputArea[] {
  const layout = tableLayout(p.version, p.table);
  return (['count', 'signed', 'amount'] as const).flatMap((kind) =>
    rectangles(layout.data.filter((d) => d.kind === kind).map((d) => ({ row: d.row, col: d.col }))).map((rect) => ({
      kind,
      ...areaOf(p, rect.top, rect.left, rect.bottom - rect.top + 1, rect.right - rect.left + 1),
    })),
  );
}

/**
 * What guards an input area: its number format and data validation, which a paste of cells from
 * elsewhere replaces and the live check puts back.
 */
export function inputGuard(a: InputArea): PaintArea {
  return {
    row: a.row,
    col: a.col,
    rows: a.rows,
    cols: a.cols,
    style: { numberFormat: NUMBER_FORMATS[a.kind] },
    validation: { type: 'input', kind: a.kind, rule: INPUT_RULES[a.kind], title: INPUT_ALERT_TITLE },
  };
}

/** A label's fill by its role; row labels right of the first column (表三's groups and items) read from the left. */
function labelStyle(layout: TableLayout, l: LabelCell): CellStyle {
  const style: CellStyle = {};
  const fill = FILLS[l.role];
  if (fill) style.fill = fill;
  if (l.role === 'rowLabel' && l.col > 0 && layout.table !== 'T4') style.horizontal = 'left';
  if (l.role === 'blockTitle') style.font = { bold: true };
  return style;
}

/**
 * Highlight rules with the colours of their severity: the one way every highlight is painted (an
 * inserted table's, a pasted table's checked in place, the cross-year ones).
 */
export function highlightPaints(rules: readonly { area: string; formula: string; severity: Severity }[]): HighlightPaint[] {
  return rules.map((h) => ({
    area: h.area,
    formula: h.formula,
    fill: HIGHLIGHT_COLOURS[h.severity].fill,
    fontColor: HIGHLIGHT_COLOURS[h.severity].font,
  }));
}

/** The table's highlight rules with their colours. */
export function highlightPaint(p: Placement): HighlightPaint[] {
  return highlightPaints(highlightRules(p));
}

/** The whole look of one placed table. */
export function tablePaint(p: Placement, totalsAsFormulas: boolean): TablePaint {
  const layout = tableLayout(p.version, p.table);
  const mergeAt = (row: number, col: number) => layout.merges.find((m) => m.row === row && m.col === col);
  const totals = totalsAsFormulas ? totalFormulas(p) : [];
  const areas: PaintArea[] = [
    {
      ...areaOf(p, 0, 0, layout.rowCount, layout.colCount),
      style: { font: { name: FONT.name, size: FONT.size }, wrap: true, vertical: 'middle', horizontal: 'center' },
    },
    // The section title above the table has no border.
    { ...areaOf(p, 1, 0, layout.rowCount - 1, layout.colCount), style: { gridLines: true } },
    { ...areaOf(p, 0, 0), style: { font: { bold: true, size: FONT.size + 2 }, horizontal: 'left' } },
    ...layout.labels.map((l) => ({
      ...areaOf(p, l.row, l.col, mergeAt(l.row, l.col)?.rowSpan, mergeAt(l.row, l.col)?.colSpan),
      style: labelStyle(layout, l),
    })),
    ...inputAreas(p).map((a) => {
      const guard = inputGuard(a);
      return { ...guard, style: { ...guard.style, horizontal: 'right' as const } };
    }),
    ...totals.map((t) => ({
      row: t.row,
      col: t.col,
      rows: 1,
      cols: 1,
      style: { fill: COMPUTED_FILL },
      validation: { type: 'prompt' as const, title: COMPUTED_TITLE, message: COMPUTED_NOTE },
    })),
  ];
  return {
    placement: p,
    block: areaOf(p, 0, 0, layout.rowCount, layout.colCount),
    merges: layout.merges.map((m) => areaOf(p, m.row, m.col, m.rowSpan, m.colSpan)),
    areas: areas.filter((a) => a.validation || Object.keys(a.style).length > 0),
    totals,
    highlights: highlightPaint(p),
    rowHeights: rowHeights(layout, columnWidths()),
  };
}

/** Widths in points of the sheet columns from the tables' first column on: the same whichever tables are drawn. */
export function columnWidths(): readonly number[] {
  return GRID_WIDTHS;
}

/** The look of tables placed on one sheet. */
export function sheetPaint(placements: readonly Placement[], totalsAsFormulas: boolean): SheetPaint {
  const tables = placements.map((p) => tablePaint(p, totalsAsFormulas));
  return { columnWidths: columnWidths(), tables, page: PAGE, pageBreaks: tables.slice(1).map((t) => t.block.row) };
}

/** Each cell's style over the table's block, the areas applied in order: for writers that style cell by cell. */
export function cellStyles(t: TablePaint): CellStyle[][] {
  const { block } = t;
  const styles: CellStyle[][] = Array.from({ length: block.rows }, () => Array.from({ length: block.cols }, () => ({})));
  for (const a of t.areas) {
    for (let r = a.row - block.row; r < a.row - block.row + a.rows; r++) {
      for (let c = a.col - block.col; c < a.col - block.col + a.cols; c++) {
        const s = styles[r][c];
        const font = a.style.font ? { ...s.font, ...a.style.font } : s.font;
        styles[r][c] = { ...s, ...a.style, ...(font ? { font } : {}) };
      }
    }
  }
  return styles;
}
