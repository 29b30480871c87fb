import { FormatVersion, TableId } from './formats';
import { Placement } from './formulas';
import { tableLayout } from './layout';
import { GAP_ROWS } from './style';

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

