/** What a Range proxy stands for, and the helpers of range.ts that other proxies share. */
import { MAX_COLS, MAX_ROWS, Rect } from '../../../report/standard/a1';
import { MemOfficeError } from '../errors';
import { FormulaError, Scalar } from '../formula/values';
import { SheetModel } from '../model/sheet';

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

export function valueOut(v: Scalar): number | string | boolean {
  if (v === null) return '';
  if (v instanceof FormulaError) return v.code;
  return v;
}

/** The rect of (row, col, rows, cols), refused with InvalidArgument when it is not on the sheet. */
export function checkedRect(row: number, col: number, rows: number, cols: number): Rect {
  const ok = (n: number) => Number.isInteger(n);
  if (!ok(row) || !ok(col) || !ok(rows) || !ok(cols) || row < 0 || col < 0 || rows < 1 || cols < 1)
    throw new MemOfficeError('InvalidArgument', `Invalid range indexes (${row}, ${col}, ${rows}, ${cols}).`);
  if (row + rows > MAX_ROWS || col + cols > MAX_COLS)
    throw new MemOfficeError('InvalidArgument', 'The range extends beyond the worksheet.');
  return { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 };
}
