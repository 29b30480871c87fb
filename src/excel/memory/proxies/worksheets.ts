/** Excel.WorksheetCollection, Excel.Worksheet and its protection. */
import { MAX_COLS, MAX_ROWS, Rect, parseAddress } from '../../../report/standard/a1';
import { MemOfficeError } from '../errors';
import { SheetModel } from '../model/sheet';
import { MemClientObject } from './clientObject';
import { MemWorksheetPart } from './worksheetPart';
import type { MemRequestContext } from './context';
import { MemEventHandlers } from './events';
import { MemNamedItemCollection, nameTarget } from './names';
import { MemPageBreakCollection, MemPageLayout } from './pageLayout';
import { kinds } from './kinds';
import type { MemRange } from './range';
import { checkedRect } from './rangeTarget';
import { MemRangeAreas } from './rangeAreas';

export class MemWorksheetCollection extends MemClientObject {
  _isNull(): boolean {
    return false;
  }
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  get items(): MemWorksheet[] {
    return this._get('items');
  }
  _loadNow(paths: string[]): void {
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '');
    const items = this.wb.sheets.map((s) => MemWorksheet.bound(this.context, s));
    for (const it of items) it._loadNow(itemPaths);
    this._loaded.set('items', items);
  }
  getActiveWorksheet(): MemWorksheet {
    return MemWorksheet.create(this.context, () => this.wb.activeSheet());
  }
  private _onActivated?: MemEventHandlers<Excel.WorksheetActivatedEventArgs>;
  /** ExcelApi 1.7: fires when any worksheet is activated. */
  get onActivated(): MemEventHandlers<Excel.WorksheetActivatedEventArgs> {
    return (this._onActivated ??= new MemEventHandlers(this.context, () => this.wb.events.activatedHandlers));
  }
  private _onDeleted?: MemEventHandlers<Excel.WorksheetDeletedEventArgs>;
  /** ExcelApi 1.7: fires when any worksheet is deleted, with the deleted sheet's id. */
  get onDeleted(): MemEventHandlers<Excel.WorksheetDeletedEventArgs> {
    return (this._onDeleted ??= new MemEventHandlers(this.context, () => this.wb.events.deletedHandlers));
  }
  getItem(key: string): MemWorksheet {
    return MemWorksheet.create(this.context, () => this.find(key) ?? this.wb.requireSheet(key));
  }
  getItemOrNullObject(key: string): MemWorksheet {
    return MemWorksheet.create(this.context, () => this.find(key) ?? null);
  }
  private find(key: string): SheetModel | undefined {
    return this.wb.sheetById(key) ?? this.wb.sheetByName(key);
  }
  add(name?: string): MemWorksheet {
    return MemWorksheet.create(this.context, () => this.wb.addSheet(name));
  }
}

export class MemWorksheet extends MemClientObject implements Pick<Excel.Worksheet, 'name' | 'id' | 'visibility'> {
  /** @internal undefined until resolved at sync; null for a null object. */
  _sheetId: string | null | undefined;
  private _names?: MemNamedItemCollection;
  private _protection?: MemWorksheetProtection;
  private _pageLayout?: MemPageLayout;
  private _horizontalPageBreaks?: MemPageBreakCollection;
  private _onChanged?: MemEventHandlers<Excel.WorksheetChangedEventArgs>;

  static create(ctx: MemRequestContext, resolve: () => SheetModel | null): MemWorksheet {
    const w = new MemWorksheet(ctx);
    ctx._enqueue(() => {
      const s = resolve();
      w._sheetId = s ? s.id : null;
    });
    return w;
  }

  /** A navigation property: the sheet is found from the parent when needed. */
  static lazy(ctx: MemRequestContext, id: () => string | null): MemWorksheet {
    const w = new MemWorksheet(ctx);
    w._lazyId = id;
    return w;
  }
  private _lazyId?: () => string | null;

  static bound(ctx: MemRequestContext, s: SheetModel): MemWorksheet {
    const w = new MemWorksheet(ctx);
    w._sheetId = s.id;
    return w;
  }

  _isNull(): boolean {
    if (this._lazyId) this._sheetId = this._lazyId();
    return this._sheetId === null;
  }

  _resolved(): boolean {
    return this._sheetId !== undefined || !!this._lazyId;
  }

  /** @internal */
  _sheet(): SheetModel {
    if (this._lazyId) this._sheetId = this._lazyId();
    if (this._sheetId === undefined) throw new MemOfficeError('InvalidObjectPath', 'Worksheet object used before sync.');
    const s = this._sheetId === null ? undefined : this.wb.sheetById(this._sheetId);
    if (!s) throw new MemOfficeError('ItemNotFound', 'The worksheet does not exist (it may have been deleted).');
    return s;
  }

  protected _scalars(): Record<string, () => unknown> {
    return {
      name: () => this._sheet().name,
      id: () => this._sheet().id,
      visibility: () => this._sheet().visibility,
    };
  }
  protected _navs(): Record<string, MemClientObject> {
    return { names: this.names, protection: this.protection };
  }

  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, () => this.wb.renameSheet(this._sheet(), v));
  }
  get id(): string {
    return this._get('id');
  }
  get visibility(): Excel.Worksheet['visibility'] {
    return this._get('visibility');
  }
  set visibility(v: Excel.Worksheet['visibility']) {
    this._set('visibility', v, () => this.wb.setVisibility(this._sheet(), String(v)));
  }

  get names(): MemNamedItemCollection {
    return (this._names ??= new MemNamedItemCollection(this.context, () => (this._isNull() ? undefined : this._sheet())));
  }
  get protection(): MemWorksheetProtection {
    return (this._protection ??= new MemWorksheetProtection(this.context, this));
  }
  /** ExcelApi 1.9. */
  get pageLayout(): MemPageLayout {
    return (this._pageLayout ??= new MemPageLayout(this.context, this));
  }
  /** ExcelApi 1.9. */
  get horizontalPageBreaks(): MemPageBreakCollection {
    return (this._horizontalPageBreaks ??= new MemPageBreakCollection(this.context, this));
  }
  // One EventHandlers object per proxy, as office.js keeps it (see MemEventHandlers).
  get onChanged(): MemEventHandlers<Excel.WorksheetChangedEventArgs> {
    return (this._onChanged ??= new MemEventHandlers(this.context, () => (this._isNull() ? null : this._sheet().changedHandlers)));
  }

  activate(): void {
    this._op(() => {
      const s = this._sheet();
      // A hidden sheet cannot be activated (Excel's UI cannot show it either).
      if (s.visibility !== 'Visible') throw new MemOfficeError('InvalidOperation', 'A hidden worksheet cannot be activated.');
      if (this.wb.activeSheetId !== s.id) {
        this.wb.activeSheetId = s.id;
        this.wb.events.emitActivated(s);
      }
    });
  }
  delete(): void {
    this._op(() => this.wb.deleteSheet(this._sheet()));
  }

  private range(resolve: (s: SheetModel) => Rect | null): MemRange {
    return kinds.MemRange.create(this.context, () => {
      if (this._isNull()) return null;
      const s = this._sheet();
      const r = resolve(s);
      return r ? { sheet: s, rect: r } : null;
    });
  }

  getRange(address?: string): MemRange {
    return this.range((s) => {
      if (address === undefined || address === '') return { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 };
      const p = parseAddress(address);
      if (!p) {
        // a defined name
        const n = this.wb.findName(address, s.id) ?? this.wb.findName(address, null);
        const target = n ? nameTarget(this.wb, n) : null;
        if (!target) throw new MemOfficeError('InvalidArgument', `The address '${address}' is not valid.`);
        if (target.sheet !== s) throw new MemOfficeError('InvalidArgument', `The name '${address}' refers to another sheet.`);
        return target.rect;
      }
      if (p.sheet !== undefined && this.wb.sheetByName(p.sheet) !== s)
        throw new MemOfficeError('InvalidArgument', `The address '${address}' refers to another worksheet.`);
      return p.rect;
    });
  }
  /**
   * ExcelApi 1.9: several areas of this sheet, "A1:B2, D5" or "A1:B2; D5". An empty part, a name
   * or another sheet's address is refused with InvalidArgument (names are not modelled here).
   */
  getRanges(address: string): MemRangeAreas {
    return MemRangeAreas.create(this.context, () => {
      if (this._isNull()) return null;
      const s = this._sheet();
      const rects = address.split(/[,;]/).map((part) => {
        const p = part.trim() ? parseAddress(part) : null;
        if (!p || (p.sheet !== undefined && this.wb.sheetByName(p.sheet) !== s))
          throw new MemOfficeError('InvalidArgument', `The address '${address}' is not valid.`);
        return p.rect;
      });
      return { sheet: s, rects };
    });
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): MemRange {
    return this.range(() => checkedRect(startRow, startColumn, rowCount, columnCount));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): MemRange {
    return this.range((s) => this.wb.usedRect(s, !!valuesOnly));
  }
}

export class MemWorksheetProtection extends MemWorksheetPart {
  protected _scalars(): Record<string, () => unknown> {
    return {
      protected: () => this._ws._sheet().protected,
    };
  }
  get protected(): boolean {
    return this._get('protected');
  }
}
