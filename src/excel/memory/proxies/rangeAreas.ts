import { Rect } from '../../../report/standard/a1';
import { SheetModel } from '../model/sheet';
import { MemClientObject, MemTargetObject } from './clientObject';
import type { MemRequestContext } from './context';
import { kinds } from './kinds';
import type { MemRange } from './range';
import type { RangeTarget } from './rangeTarget';

/** RangeAreas (ExcelApi 1.9+), as far as the add-in needs it: its areas, and select(). */
export class MemRangeAreas extends MemTargetObject<{ sheet: SheetModel; rects: Rect[] }> {
  private _collection?: MemRangeCollection;

  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  protected _navs(): Record<string, MemClientObject> {
    return { areas: this.areas };
  }
  /** The rectangular ranges, one item each (ExcelApi 1.9). */
  get areas(): MemRangeCollection {
    return (this._collection ??= new MemRangeCollection(this.context, this));
  }
  /** @internal */
  _rangeTargets(): RangeTarget[] {
    const t = this._t;
    return t ? t.rects.map((rect) => ({ sheet: t.sheet, rect })) : [];
  }
  /** Selects every area (ExcelApi 1.9), activating the sheet. */
  select(): void {
    this._op(() => {
      if (!this._t) return;
      const { sheet, rects } = this._t;
      const wasActive = this.wb.activeSheetId === sheet.id;
      this.wb.activeSheetId = sheet.id;
      sheet.selection = { ...rects[0] };
      sheet.selectionAreas = rects.length > 1 ? rects.map((r) => ({ ...r })) : null;
      if (!wasActive) this.wb.events.emitActivated(sheet);
    });
  }
}

/** RangeCollection (ExcelApi 1.9): the areas of a RangeAreas, loaded as items. */
export class MemRangeCollection extends MemClientObject {
  constructor(
    context: MemRequestContext,
    private readonly _owner: MemRangeAreas,
  ) {
    super(context);
  }
  _isNull(): boolean {
    return this._owner._isNull();
  }
  _resolved(): boolean {
    return this._owner._resolved();
  }
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  get items(): MemRange[] {
    return this._get('items');
  }
  _loadNow(paths: string[]): void {
    if (this._isNull()) return;
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '');
    const items = this._owner._rangeTargets().map((t) => kinds.MemRange.bound(this.context, t));
    for (const it of items) it._loadNow(itemPaths);
    this._loaded.set('items', items);
  }
}
