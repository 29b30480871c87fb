// A template table's block as read from a sheet: its values, and how it no longer matches the
// official layout (damage). The add-in and the command read named blocks through it.

import { CellId, FormatVersion, TableId, TABLE_NAMES, TABLE_NUMBERS } from '../standard/formats';
import { a1 } from '../standard/a1';
import { Merge, tableLayout, TableLayout } from '../look/layout';
import { CellValue } from '../standard/report';

/** A raw value as a spreadsheet gives it: number, text, boolean, '' or null for empty. */
export type RawValue = number | string | boolean | null | undefined;

/** Excel's Range.valueTypes of a cell, where the reader has it: tells an empty cell from empty text. */
export type SheetValueType = string | undefined;

/**
 * What a spreadsheet cell holds, as the exchange value. Text stays text, exactly as Excel sees it,
 * so that the validator and Excel's own highlight formulas agree (SUM ignores text "12"; a cell
 * holding ="" or '' is not blank to ISBLANK, so it is text here too).
 */
export function valueFromSheet(raw: RawValue, type?: SheetValueType): CellValue {
  if (raw === '' && type === 'String') return '';
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'boolean') return raw ? 'TRUE' : 'FALSE';
  return raw;
}

/** A table the add-in drew on a sheet: its version and the sheet position of its grid's (0, 0). */
export interface PlacedTable {
  table: TableId;
  version: FormatVersion;
  row: number;
  col: number;
}

export interface ReadResult {
  cells: Partial<Record<CellId, CellValue>>;
  /** Chinese descriptions of how the block no longer matches the standard layout; empty when intact. */
  damage: string[];
}

function norm(v: RawValue): string {
  return v === null || v === undefined ? '' : String(v).trim();
}

/**
 * Reads a placed table's values out of its block (rows × columns of raw values) and checks that the
 * block still has the official shape and labels. A damaged block yields no values: its findings would
 * be false.
 */
export function readPlacedBlock(
  layout: TableLayout,
  block: RawValue[][],
  merges?: readonly Merge[],
  types?: SheetValueType[][],
  origin: { row: number; col: number } = { row: 0, col: 0 },
): ReadResult {
  const at = (row: number, col: number) => a1(origin.row + row, origin.col + col);
  const name = `${TABLE_NUMBERS[layout.table]}（${TABLE_NAMES[layout.table]}）`;
  const rows = block.length;
  const cols = rows ? block[0].length : 0;
  if (rows !== layout.rowCount || cols !== layout.colCount) {
    const what =
      rows < layout.rowCount
        ? `少了 ${layout.rowCount - rows} 行`
        : rows > layout.rowCount
          ? `多了 ${rows - layout.rowCount} 行`
          : cols < layout.colCount
            ? `少了 ${layout.colCount - cols} 列`
            : `多了 ${cols - layout.colCount} 列`;
    return { cells: {}, damage: [`${name}${what}（应为 ${layout.rowCount} 行 × ${layout.colCount} 列），表格结构已与标准格式不一致`] };
  }
  const damage: string[] = [];
  for (const l of layout.labels) {
    const found = norm(block[l.row][l.col]);
    if (found !== l.text) {
      damage.push(`${name}的 ${at(l.row, l.col)} 应为“${l.text}”，现为“${found}”`);
    }
  }
  if (merges) damage.push(...mergeDamage(layout, name, merges, origin));
  if (damage.length) return { cells: {}, damage };
  const cells: Partial<Record<CellId, CellValue>> = {};
  for (const d of layout.data) cells[d.id] = valueFromSheet(block[d.row][d.col], types?.[d.row]?.[d.col]);
  return { cells, damage: [] };
}

/** Sheet address (A1, no sheet name) of a data cell of a placed table. */
export function placedAddress(p: PlacedTable, id: CellId): string | undefined {
  const d = tableLayout(p.version, p.table).data.find((x) => x.id === id);
  return d ? a1(p.row + d.row, p.col + d.col) : undefined;
}

/** How the merged cells of a block (relative to its top-left, at `origin` on the sheet) differ from the layout's. */
function mergeDamage(layout: TableLayout, name: string, merges: readonly Merge[], origin: { row: number; col: number }): string[] {
  const mergeText = (m: Merge) =>
    `${a1(origin.row + m.row, origin.col + m.col)}:${a1(origin.row + m.row + m.rowSpan - 1, origin.col + m.col + m.colSpan - 1)}`;
  const key = (m: Merge) => `${m.row},${m.col},${m.rowSpan},${m.colSpan}`;
  const found = new Set(merges.map(key));
  const expected = new Set(layout.merges.map(key));
  return [
    ...layout.merges.filter((m) => !found.has(key(m))).map((m) => `${name}的合并单元格 ${mergeText(m)} 已被取消合并`),
    ...merges.filter((m) => !expected.has(key(m))).map((m) => `${name}中出现了标准格式没有的合并单元格 ${mergeText(m)}`),
  ];
}
