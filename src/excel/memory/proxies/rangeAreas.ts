import { Rect } from '../../../report/a1';
import { SheetModel } from '../model/sheet';
import { MemClientObject } from './clientObject';
import type { MemRequestContext } from './context';
import { MemRange, RangeTarget } from './range';

/** RangeAreas (ExcelApi 1.9+), as far as the add-in needs it: its areas, and select(). */
export class MemRangeAreas extends MemClientObject {
  /** @internal undefined until resolved at sync; null for a null object. */
  _areas: Rect[] | null | undefined;
  /** @internal */ _sheet: SheetModel | undefined;
  private _collection?: MemRangeCollection;

  _isNull(): boolean {
    return this._areas === null;
  }
  _resolved(): boolean {
    return this._areas !== undefined;
  }
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  protected _navs(): Record<string, MemClientObject> {
    return { areas: this.areas };
  }
  /** The rectangular ranges, one item each (ExcelApi 1.9). */
  get areas(): MemRangeCollection {
    if (!this._collection) this._collection = new MemRangeCollection(this.context, this);
    return this._collection;
  }
  /** @internal */
  _rangeTargets(): RangeTarget[] {
    return (this._areas ?? []).map((rect) => ({ sheet: this._sheet!, rect }));
  }
  /** Selects every area (ExcelApi 1.9), activating the sheet. */
  select(): void {
    this._op(() => {
      const sheet = this._sheet!;
      const areas = this._areas ?? [];
      if (areas.length === 0) return;
      const wasActive = this.wb.activeSheetId === sheet.id;
      this.wb.activeSheetId = sheet.id;
      sheet.selection = { ...areas[0] };
      sheet.selectionAreas = areas.length > 1 ? areas.map((r) => ({ ...r })) : null;
      if (!wasActive) this.wb.events.emitActivated(sheet);
    });
  }
}

/** RangeCollection (ExcelApi 1.9): the areas of a RangeAreas, loaded as items. */
export class MemRangeCollection extends MemClientObject {
  constructor(
    context: MemRequestContext,
    private readonly owner: MemRangeAreas,
  ) {
    super(context);
  }
  _isNull(): boolean {
    return this.owner._isNull();
  }
  _resolved(): boolean {
    return this.owner._resolved();
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
    const items = this.owner._rangeTargets().map((t) => {
      const r = new MemRange(this.context);
      r._t = t;
      return r;
    });
    for (const it of items) it._loadNow(itemPaths);
    this._loaded.set('items', items);
  }
}
