import { FormatVersion, TableId } from '../standard/formats';
import { Placement } from './formulas';
import { tableLayout } from './layout';
import { GAP_ROWS } from './style';

/** Excel's longest sheet name. */
export const MAX_SHEET_NAME = 31;

/**
 * `base`, or `base` followed by the first free number (年报表格（2021版）2), unique against the
 * existing names as Excel compares them (ignoring case) and within Excel's 31 characters.
 */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const first = base.slice(0, MAX_SHEET_NAME);
  if (!taken.has(first.toLowerCase())) return first;
  for (let i = 2; ; i++) {
    const name = `${base.slice(0, MAX_SHEET_NAME - String(i).length)}${i}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Sheet name for a new sheet of tables, e.g. 年报表格（2021版）, made unique against the existing names. */
export function newSheetName(version: FormatVersion, existing: readonly string[]): string {
  return uniqueSheetName(`年报表格（${version}版）`, existing);
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
