import { ColumnKind } from '../standard/formats';
import { LabelCell, LabelRole, TableLayout } from './layout';

/**
 * How the tables look when drawn (Excel, the xlsx export, the preview): column widths that print on
 * A4 portrait, wrapped labels, a header fill, number formats by column kind.
 */

/**
 * Widths in points of the fifteen sheet columns every table is drawn on (layout.ts: COLUMN_SPANS),
 * alone or stacked: 520.5 pt, within A4 portrait's printable width. 表三's seven applicant columns
 * (the last seven) are 35.5 pt, so that 社会公益组织 and 法律服务机构 take two lines; the other
 * eight share the rest, which 表四 sees as fifteen nearly equal columns.
 */
export const GRID_WIDTHS: readonly number[] = [...Array<number>(8).fill(34), ...Array<number>(7).fill(35.5)];

/** The page the tables print on: A4 portrait (in points), one page wide, margins in inches. */
export const PAGE = {
  width: 595.28,
  height: 841.89,
  margins: { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 },
} as const;

/**
 * Printable width of A4 portrait at PAGE's margins, in points: 523. (Excel's Normal margins of 0.7
 * inch leave 494 pt; the .xlsx template sets PAGE's, the add-in does on a new sheet where the host has ExcelApi 1.9.)
 */
export const A4_PRINTABLE_WIDTH = Math.floor(PAGE.width - 72 * (PAGE.margins.left + PAGE.margins.right));

export const FONT = { name: '宋体', size: 10 } as const;
export const LINE_HEIGHT = 14;
/** Points one CJK character takes at FONT.size. */
const CHAR_WIDTH = 10.5;

export const FILLS: Record<LabelRole, string | null> = {
  section: null,
  blockTitle: '#D9E1F2',
  header: '#D9E1F2',
  note: '#D9E1F2',
  rowLabel: '#F2F2F2',
};

/** Fill of total cells written as formulas, so they read as computed. */
export const COMPUTED_FILL = '#E2EFDA';
export const COMPUTED_TITLE = '自动计算';
export const COMPUTED_NOTE = '（绿色底纹的合计单元格由公式自动计算，请勿手工填写）';

/**
 * Number formats by kind. Counts stay General so that a pasted 1.5 shows as 1.5 (next to its
 * highlight) instead of being rounded out of sight; amounts show at least two decimals (万元).
 */
export const NUMBER_FORMATS: Record<ColumnKind, string> = {
  count: 'General',
  signed: 'General',
  amount: '0.00##',
};

/** Estimated line count of a text in a box `width` points wide. */
export function linesFor(text: string, width: number): number {
  let w = 0;
  for (const ch of text) w += ch.charCodeAt(0) > 0xff ? CHAR_WIDTH : CHAR_WIDTH / 2;
  return Math.max(1, Math.ceil(w / Math.max(1, width - 4)));
}

/** Width in points of the cell a label occupies: the sum of the columns its merge spans. */
export function labelWidth(layout: TableLayout, label: LabelCell, widths: readonly number[]): number {
  const m = layout.merges.find((x) => x.row === label.row && x.col === label.col);
  let width = 0;
  for (let c = label.col; c < label.col + (m?.colSpan ?? 1); c++) width += widths[c] ?? 40;
  return width;
}

/**
 * Row heights that show every wrapped label in full. Excel does not autofit merged cells, so the
 * heights are computed from the layout: a label spanning several rows shares its lines among them.
 */
export function rowHeights(layout: TableLayout, widths: readonly number[]): number[] {
  const heights = Array<number>(layout.rowCount).fill(LINE_HEIGHT + 4);
  for (const l of layout.labels) {
    const rowSpan = layout.merges.find((x) => x.row === l.row && x.col === l.col)?.rowSpan ?? 1;
    const needed = linesFor(l.text, labelWidth(layout, l, widths)) * LINE_HEIGHT + 4;
    const per = needed / rowSpan;
    for (let r = l.row; r < l.row + rowSpan; r++) heights[r] = Math.max(heights[r], Math.ceil(per));
  }
  return heights;
}

/** Rows between stacked tables. */
export const GAP_ROWS = 1;
