import { GridOrigin } from './recognisedBlock';
import { RawValue } from './templateBlock';
import { RecognisedBlock } from './sheetCheck';

// A sheet as the cells it stores. A workbook may hold one stray value at XFD1048576: the grid the
// recogniser reads is compacted (long runs of empty rows and columns shortened), never the full
// 1,048,576 × 16,384 rectangle, and every cell keeps its sheet position.

export interface StoredCell {
  row: number;
  col: number;
  value: RawValue;
}

/** Empty rows or columns kept of a longer run: enough to keep apart what was apart. */
const KEPT_GAP = 3;

/** A compacted grid larger than this is not recognised (no annual report comes near it). */
export const MAX_GRID_CELLS = 4_000_000;

export interface SparseSheet {
  valueAt(row: number, col: number): RawValue;
  /** The stored cells as a compact grid for the recogniser, mapped back to sheet positions; null when too large. */
  compacted(): RecognisedBlock;
}

/** Compact indices of the sorted distinct positions, and the sheet position of each compact index. */
function compactAxis(used: number[]): { index: Map<number, number>; origin: number[] } {
  const index = new Map<number, number>();
  const origin: number[] = [];
  let prev = -1;
  for (const p of used) {
    const gap = p - prev - 1;
    for (let k = 0; k < Math.min(gap, KEPT_GAP); k++) origin.push(prev + 1 + k);
    index.set(p, origin.length);
    origin.push(p);
    prev = p;
  }
  return { index, origin };
}

export function sparseSheet(cells: StoredCell[]): SparseSheet {
  const byRow = new Map<number, Map<number, RawValue>>();
  for (const c of cells) {
    let row = byRow.get(c.row);
    if (!row) byRow.set(c.row, (row = new Map()));
    row.set(c.col, c.value);
  }
  return {
    valueAt: (row, col) => byRow.get(row)?.get(col) ?? null,
    compacted: () => {
      const rows = compactAxis([...byRow.keys()].sort((a, b) => a - b));
      const cols = compactAxis([...new Set(cells.map((c) => c.col))].sort((a, b) => a - b));
      const at: GridOrigin = (r, c) => ({ row: rows.origin[r] ?? r, col: cols.origin[c] ?? c });
      if (rows.origin.length * cols.origin.length > MAX_GRID_CELLS) {
        return { row: 0, col: 0, values: [], at, tooLarge: cells.length };
      }
      const values: RawValue[][] = rows.origin.map(() => new Array<RawValue>(cols.origin.length).fill(null));
      for (const c of cells) values[rows.index.get(c.row)!][cols.index.get(c.col)!] = c.value;
      return { row: 0, col: 0, values, at };
    },
  };
}
