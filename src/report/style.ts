import { ColumnKind, TableId } from './formats';
import { LabelRole, TableLayout } from './layout';

/**
 * How the tables look when drawn (Excel, the xlsx export, the preview): column widths that print on
 * A4 portrait, wrapped labels, a header fill, number formats by column kind.
 */

/** Column widths in points. T3 and T4 fit the 523 pt printable width of A4 portrait at normal margins. */
export const COLUMN_WIDTHS: Record<TableId, readonly number[]> = {
  T2: [150, 120, 120, 120],
  T3: [60, 72, 140, 35, 35, 35, 35, 35, 35, 35],
  T4: Array<number>(15).fill(34),
};

/**
 * Widths for several tables stacked in the same columns. 表四 spans fifteen columns, so once it
 * shares columns with another table the label columns narrow and every data column is 26 pt
 * (A4's 523 pt printable width holds all fifteen); with 表二 and 表三 only, 表三's widths win and
 * 表二's labels wrap.
 */
export const STACKED_WIDTHS: readonly number[] = [44, 56, 110, ...Array<number>(12).fill(26)];

export function sharedColumnWidths(tables: readonly TableId[]): number[] {
  if (tables.length === 1) return [...COLUMN_WIDTHS[tables[0]]];
  if (tables.includes('T4')) return [...STACKED_WIDTHS];
  return [...COLUMN_WIDTHS.T3];
}

/** Printable width of A4 portrait at Excel's normal margins, in points. */
export const A4_PRINTABLE_WIDTH = 523;

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

/**
 * Row heights that show every wrapped label in full. Excel does not autofit merged cells, so the
 * heights are computed from the layout: a label spanning several rows shares its lines among them.
 */
export function rowHeights(layout: TableLayout, widths: readonly number[]): number[] {
  const heights = Array<number>(layout.rowCount).fill(LINE_HEIGHT + 4);
  for (const l of layout.labels) {
    const m = layout.merges.find((x) => x.row === l.row && x.col === l.col);
    const span = m ?? { rowSpan: 1, colSpan: 1 };
    let width = 0;
    for (let c = l.col; c < l.col + span.colSpan; c++) width += widths[c] ?? 40;
    const needed = linesFor(l.text, width) * LINE_HEIGHT + 4;
    const per = needed / span.rowSpan;
    for (let r = l.row; r < l.row + span.rowSpan; r++) heights[r] = Math.max(heights[r], Math.ceil(per));
  }
  return heights;
}

/** Rows between stacked tables. */
export const GAP_ROWS = 1;
