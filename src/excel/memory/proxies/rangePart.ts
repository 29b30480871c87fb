/** What the objects under a range share (its format, validation, conditional formats): the range's cells. */
import { Rect } from '../../../report/standard/a1';
import { MemOfficeError } from '../errors';
import { rectContains } from '../model/rect';
import { CellData, DEFAULT_CELL, keyCol, keyRow } from '../model/cells';
import { SheetModel } from '../model/sheet';
import { Workbook } from '../model/workbook';
import { MemClientObject } from './clientObject';
import type { MemRequestContext } from './context';
import type { MemRange } from './range';
import type { RangeTarget } from './rangeTarget';

/** All cells of a rect (only existing cells plus one default cell for very large rects). */
export function* cellsOf(wb: Workbook, s: SheetModel, rect: Rect): Generator<Readonly<CellData>> {
  const area = (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
  if (area <= 100000) {
    for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) yield wb.getCell(s, r, c);
    return;
  }
  let n = 0;
  for (const [k, c] of s.cells)
    if (rectContains(rect, keyRow(k), keyCol(k))) {
      n++;
      yield c;
    }
  if (n < area) yield DEFAULT_CELL;
}

/** The one value every item has, or null when they differ. */
export function uniform<T>(it: Iterable<T>): T | null {
  let first = true;
  let v: T | null = null;
  for (const x of it) {
    if (first) {
      v = x;
      first = false;
    } else if (x !== v) return null;
  }
  return v;
}

export function* mapIt<A, B>(it: Iterable<A>, f: (a: A) => B): Generator<B> {
  for (const a of it) yield f(a);
}

/** Base for objects whose target is the parent range's target. */
export abstract class MemRangePart extends MemClientObject {
  constructor(
    context: MemRequestContext,
    readonly _range: MemRange,
  ) {
    super(context);
  }
  _isNull(): boolean {
    return this._range._isNull();
  }
  protected t(): RangeTarget {
    return this._range._target();
  }
  protected read<T>(f: (c: Readonly<CellData>) => T): T | null {
    const { sheet, rect } = this.t();
    return uniform(mapIt(cellsOf(this.wb, sheet, rect), f));
  }
  /** Applies a format change to every cell (clipped to used cells for entire rows/columns). */
  protected writeFormat(f: (c: CellData, row: number, col: number) => void, what: 'format' | 'content' | null = 'format'): void {
    const { sheet, rect } = this.t();
    if (what) this.wb.assertWritable(sheet, rect, what);
    const rr = this.wb.clipToUsed(sheet, rect);
    if (rr)
      for (let r = rr.r0; r <= rr.r1; r++)
        for (let c = rr.c0; c <= rr.c1; c++) {
          f(this.wb.cellForWrite(sheet, r, c), r, c);
          this.wb.compact(sheet, r, c);
        }
    this.wb.touch();
  }
}

/** v when it is one of the allowed strings; InvalidArgument otherwise. */
export function oneOf(v: unknown, allowed: string[], what: string): string {
  if (typeof v !== 'string' || !allowed.includes(v)) throw new MemOfficeError('InvalidArgument', `Invalid ${what}: ${String(v)}`);
  return v;
}
