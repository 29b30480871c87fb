import { FormatVersion, TABLE_IDS, TableId } from '../../src/report/standard/formats';
import { layoutTextGrid, officialLayout, TableLayout, tableLayout } from '../../src/report/look/layout';

export interface Built {
  grid: string[][];
  values: Record<string, number | null>;
  positions: Record<string, { row: number; col: number }>;
}

/**
 * Tables of a version drawn from the official layouts (src/report/look/layout.ts), stacked (one empty row
 * between them unless `gap` is false), every data cell filled with a distinct number. `drawn`: as the
 * add-in draws them (on its fifteen-column grid, merged cells blank), as a copy of its sheet gives them.
 */
export function layoutGrid(version: FormatVersion, tables: readonly TableId[] = TABLE_IDS, gap = true, drawn = false): Built {
  const layoutOf: (v: FormatVersion, t: TableId) => TableLayout = drawn ? tableLayout : officialLayout;
  const grid: string[][] = [];
  const values: Record<string, number | null> = {};
  const positions: Record<string, { row: number; col: number }> = {};
  let n = 0;
  for (const t of tables) {
    const layout = layoutOf(version, t);
    const g = layoutTextGrid(layout);
    for (const d of layout.data) {
      const v = d.kind === 'amount' ? 12.5 : ++n;
      g[d.row][d.col] = String(v);
      values[d.id] = v;
      positions[d.id] = { row: d.row + grid.length, col: d.col };
    }
    grid.push(...g);
    if (gap) grid.push([]);
  }
  return { grid, values, positions };
}
