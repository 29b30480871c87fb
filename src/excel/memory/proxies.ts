/**
 * office-js proxy objects over the in-memory Workbook, with office-js batching semantics:
 * methods and property writes are queued, load() marks properties, values appear after
 * context.sync(), unloaded properties throw PropertyNotLoaded, and errors reject the sync.
 *
 * Only types from @types/office-js are used here (office.js is not loaded at runtime).
 */
import { MAX_COLS, MAX_ROWS, Rect, parseAddress, quoteSheet, rectAddress } from '../../report/a1';
import { rectContains, rectIntersect } from './rect';
import { MemOfficeError } from './errors';
import { FormulaError, Scalar, isValidFormula, parseFormula, shiftFormula } from './formula';
import {
  Border,
  CellData,
  CfModel,
  DEFAULT_BORDER,
  DEFAULT_CELL,
  DEFAULT_COLUMN_WIDTH,
  DEFAULT_ROW_HEIGHT,
  DvState,
  DvType,
  EdgeName,
  NameModel,
  SheetEventHandler,
  SheetModel,
  Workbook,
  keyCol,
  keyRow,
  normalizeColor,
} from './workbook';

type Op = () => void;
type LoadOption = string | string[] | { select?: string | string[]; expand?: string | string[] } | Record<string, unknown>;

// ---------------------------------------------------------------------------------------------
// Context
// ---------------------------------------------------------------------------------------------

export interface SyncStats {
  syncs: number;
  batchSizes: number[];
}

export class MemRequestContext {
  readonly workbook: MemWorkbook;
  private queue: Op[] = [];
  private changed: { sheet: SheetModel; rect: Rect }[] = [];
  /** @internal How many Excel.run batches are using this context now (see sync). */
  _runs = 0;
  /** @internal Excel.run({ delayForCellEdit: true }, …): syncs wait for the user to leave cell-edit mode. */
  _delayForCellEdit = false;

  constructor(
    readonly _wb: Workbook,
    private readonly stats: SyncStats,
  ) {
    this.workbook = new MemWorkbook(this);
  }

  _enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** Records a content change made by the add-in; onChanged fires for it after the sync. */
  _contentChanged(sheet: SheetModel, rect: Rect): void {
    this.changed.push({ sheet, rect });
  }

  get _pending(): number {
    return this.queue.length;
  }

  sync<T>(passThroughValue?: T): Promise<T> {
    // A context is used inside its Excel.run, or inside Excel.run(context, batch) later (as the events
    // documentation removes handlers). Whether a bare sync of a finished run's context works in Excel
    // is not documented (Word on Mac rejects such a context: https://github.com/OfficeDev/office-js/issues/592),
    // so it is refused here, the conservative case.
    if (this._runs === 0)
      return Promise.reject(
        new MemOfficeError('InvalidRequestContext', 'The request context is not in a run batch any more. Pass it to run(context, batch) to use it again.'),
      );
    const ops = this.queue;
    this.queue = [];
    this.stats.syncs++;
    this.stats.batchSizes.push(ops.length);
    return Promise.resolve().then(async () => {
      // A request that reaches Excel while the user edits a cell fails, unless the run asked to be
      // delayed until editing ends (RunOptions.delayForCellEdit, requirement set DelayForCellEdit:
      // https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit).
      while (this._wb.cellEditMode) {
        if (!this._delayForCellEdit)
          throw new MemOfficeError(
            'InvalidOperationInCellEditMode',
            'Excel is in cell-editing mode. Please exit the edit mode by pressing ENTER or TAB or selecting another cell, and then try again.',
          );
        await this._wb.whenNotEditing();
      }
      let error: unknown = null;
      try {
        for (const op of ops) {
          this._wb.beforeOperation();
          op();
        }
      } catch (e) {
        error =
          e instanceof MemOfficeError ? e : new MemOfficeError('GeneralException', e instanceof Error ? e.message : String(e));
      } finally {
        const changed = this.changed;
        this.changed = [];
        for (const c of changed) if (this._wb.sheetById(c.sheet.id)) this._wb.emitChanged(c.sheet, rectAddress(c.rect), 'RangeEdited');
        if (ops.length > 0) this._wb.notifyAnyChange();
      }
      if (error) throw error;
      return passThroughValue as T;
    });
  }
}

function notLoaded(prop: string, owner: string): MemOfficeError {
  return new MemOfficeError(
    'PropertyNotLoaded',
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object (${owner}) and call "context.sync()" on the associated request context.`,
  );
}

/** Like OfficeExtension.ClientResult: value readable after sync. */
export class MemClientResult<T> {
  private _has = false;
  private _v: T | undefined;
  _resolve(v: T): void {
    this._v = v;
    this._has = true;
  }
  get value(): T {
    if (!this._has) throw notLoaded('value', 'ClientResult');
    return this._v as T;
  }
}

/** Turns the string / array / object forms of load() into "a/b/c" paths. */
export function normalizeLoad(opt?: LoadOption): string[] {
  if (opt === undefined || opt === null) return [];
  if (typeof opt === 'string') return opt.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(opt)) return opt.flatMap((s) => normalizeLoad(s));
  const o = opt as Record<string, unknown>;
  if ('select' in o || 'expand' in o) {
    return [...normalizeLoad(o.select as LoadOption), ...normalizeLoad(o.expand as LoadOption)];
  }
  const out: string[] = [];
  for (const [k, v] of Object.entries(o)) {
    if (k === '$all' || k === '$top' || k === '$skip') continue;
    if (v === true) out.push(k);
    else if (v && typeof v === 'object') {
      const sub = normalizeLoad(v as LoadOption);
      if (sub.length === 0) out.push(k);
      else out.push(...sub.map((s) => `${k}/${s}`));
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Base class
// ---------------------------------------------------------------------------------------------

export abstract class MemClientObject {
  /** @internal */ _loaded = new Map<string, unknown>();
  constructor(readonly context: MemRequestContext) {}

  protected get wb(): Workbook {
    return this.context._wb;
  }

  /** Whether the target is missing (an ...OrNullObject that found nothing). */
  abstract _isNull(): boolean;
  /** Scalar properties readable with load(). */
  protected abstract _scalars(): Record<string, () => unknown>;
  /** Navigation properties. */
  protected _navs(): Record<string, MemClientObject> {
    return {};
  }

  /** @internal Whether the object has been bound to its target (by a sync). */
  _resolved(): boolean {
    return true;
  }

  get isNullObject(): boolean {
    if (!this._resolved()) throw notLoaded('isNullObject', this.constructor.name.replace(/^Mem/, ''));
    return this._isNull();
  }

  protected _get<T>(prop: string): T {
    if (!this._loaded.has(prop)) throw notLoaded(prop, this.constructor.name.replace(/^Mem/, ''));
    return this._loaded.get(prop) as T;
  }

  protected _set(prop: string, value: unknown, apply: Op): void {
    this._loaded.set(prop, value);
    this.context._enqueue(() => {
      if (this._isNull()) return;
      apply();
    });
  }

  protected _op(apply: Op): void {
    this.context._enqueue(() => {
      if (this._isNull()) return;
      apply();
    });
  }

  load(option?: LoadOption): this {
    const paths = normalizeLoad(option);
    this.context._enqueue(() => this._loadNow(paths));
    return this;
  }

  /** @internal Executes a load at sync time. */
  _loadNow(paths: string[]): void {
    if (this._isNull()) return;
    const scalars = this._scalars();
    const navs = this._navs();
    if (paths.length === 0) {
      for (const [k, f] of Object.entries(scalars)) this._loaded.set(k, f());
      return;
    }
    const groups = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split('/');
      const h = head.trim();
      if (!groups.has(h)) groups.set(h, []);
      if (rest.length) groups.get(h)!.push(rest.join('/'));
    }
    for (const [h, rest] of groups) {
      if (h in scalars) this._loaded.set(h, scalars[h]());
      else if (h in navs) navs[h]._loadNow(rest);
      else if (h === 'isNullObject') continue;
      else throw new MemOfficeError('InvalidArgument', `Cannot load unknown property '${h}'.`);
    }
  }

}

// ---------------------------------------------------------------------------------------------
// Workbook, worksheets
// ---------------------------------------------------------------------------------------------

export class MemWorkbook extends MemClientObject {
  readonly worksheets: MemWorksheetCollection;
  readonly names: MemNamedItemCollection;
  constructor(context: MemRequestContext) {
    super(context);
    this.worksheets = new MemWorksheetCollection(context);
    this.names = new MemNamedItemCollection(context, () => null);
  }
  _isNull(): boolean {
    return false;
  }
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  protected _navs(): Record<string, MemClientObject> {
    return { worksheets: this.worksheets, names: this.names };
  }
  getSelectedRange(): MemRange {
    return MemRange.create(this.context, () => {
      const s = this.wb.activeSheet();
      // "If there are multiple ranges selected, this method will throw an error" (Workbook.getSelectedRange).
      if (s.selectionAreas && s.selectionAreas.length > 1) throw new MemOfficeError('InvalidSelection', 'The current selection is invalid for this operation.');
      return { sheet: s, rect: s.selection };
    });
  }
}

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
    return (this._onActivated ??= new MemEventHandlers(this.context, () => this.wb.activatedHandlers));
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

/** A handler as the workbook holds it: the add-in's function, and the EventHandlers object that added it. */
type Registration = SheetEventHandler & { _owner: MemEventHandlers<any>; _handler: SheetEventHandler };

/**
 * OfficeExtension.EventHandlers. As in office.js, each object keeps its own list of handlers, and
 * add/remove are queued and take effect at the next sync of its context. office.js makes one
 * EventHandlers per proxy object (worksheet.onChanged), so remove(handler) on another proxy or in
 * another context finds nothing and silently does nothing: handlers must be removed through the
 * EventHandlerResult, in Excel.run(result.context, …) (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#remove-an-event-handler;
 * "fails silently": https://github.com/OfficeDev/office-js-docs-reference/issues/730, and
 * https://github.com/OfficeDev/office-js/issues/194).
 */
export class MemEventHandlers<T> {
  constructor(
    private context: MemRequestContext,
    private list: () => SheetEventHandler[] | null,
  ) {}
  add(handler: (args: T) => Promise<any>): { context: MemRequestContext; remove(): void } {
    const registration = Object.assign((args: unknown) => (handler as SheetEventHandler)(args), {
      _owner: this as MemEventHandlers<any>,
      _handler: handler as SheetEventHandler,
    }) as Registration;
    this.context._enqueue(() => this.list()?.push(registration));
    let removed = false;
    return {
      context: this.context,
      remove: () => {
        if (removed) return;
        removed = true;
        this.remove(handler);
      },
    };
  }
  remove(handler: (args: T) => Promise<any>): void {
    this.context._enqueue(() => {
      const l = this.list();
      if (!l) return;
      const i = l.findIndex((r) => (r as Registration)._owner === this && (r as Registration)._handler === handler);
      if (i >= 0) l.splice(i, 1);
    });
  }
}

export class MemWorksheet
  extends MemClientObject
  implements Pick<Excel.Worksheet, 'name' | 'id' | 'visibility'>
{
  /** @internal undefined until resolved at sync; null for a null object. */
  _sheetId: string | null | undefined;
  private _names?: MemNamedItemCollection;
  private _protection?: MemWorksheetProtection;
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
        this.wb.emitActivated(s);
      }
    });
  }
  delete(): void {
    this._op(() => this.wb.deleteSheet(this._sheet()));
  }

  private range(resolve: (s: SheetModel) => Rect | null): MemRange {
    return MemRange.create(this.context, () => {
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
    const areas = new MemRangeAreas(this.context);
    this.context._enqueue(() => {
      if (this._isNull()) {
        areas._areas = null;
        return;
      }
      const s = this._sheet();
      const parts = address.split(/[,;]/).map((p) => p.trim());
      areas._areas = parts.map((part) => {
        const p = part ? parseAddress(part) : null;
        if (!p || (p.sheet !== undefined && this.wb.sheetByName(p.sheet) !== s))
          throw new MemOfficeError('InvalidArgument', `The address '${address}' is not valid.`);
        const { r0, c0, r1, c1 } = p.rect;
        return { r0, c0, r1, c1 };
      });
      areas._sheet = s;
    });
    return areas;
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): MemRange {
    return this.range(() => checkedRect(startRow, startColumn, rowCount, columnCount));
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): MemRange {
    return this.range((s) => this.wb.usedRect(s, !!valuesOnly));
  }
}

function checkedRect(row: number, col: number, rows: number, cols: number): Rect {
  const ok = (n: number) => Number.isInteger(n);
  if (!ok(row) || !ok(col) || !ok(rows) || !ok(cols) || row < 0 || col < 0 || rows < 1 || cols < 1)
    throw new MemOfficeError('InvalidArgument', `Invalid range indexes (${row}, ${col}, ${rows}, ${cols}).`);
  if (row + rows > MAX_ROWS || col + cols > MAX_COLS)
    throw new MemOfficeError('InvalidArgument', 'The range extends beyond the worksheet.');
  return { r0: row, c0: col, r1: row + rows - 1, c1: col + cols - 1 };
}

export class MemWorksheetProtection extends MemClientObject {
  constructor(
    context: MemRequestContext,
    private ws: MemWorksheet,
  ) {
    super(context);
  }
  _isNull(): boolean {
    return this.ws._isNull();
  }
  protected _scalars(): Record<string, () => unknown> {
    return {
      protected: () => this.ws._sheet().protected,
    };
  }
  get protected(): boolean {
    return this._get('protected');
  }
}

// ---------------------------------------------------------------------------------------------
// Range
// ---------------------------------------------------------------------------------------------

interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

function valueOut(v: Scalar): number | string | boolean {
  if (v === null) return '';
  if (v instanceof FormulaError) return v.code;
  return v;
}

function valueType(v: Scalar): string {
  if (v === null) return 'Empty';
  if (v instanceof FormulaError) return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

/** Checks a 2D input against the range shape; a non-array value is applied to every cell. */
function shapeInput(input: unknown, rect: Rect, what: string): (r: number, c: number) => unknown {
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  if (!Array.isArray(input)) return () => input;
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols))
    throw new MemOfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array for ${what} doesn't match the size or dimensions of the range (${rows}x${cols}).`,
    );
  return (r, c) => (input as unknown[][])[r][c];
}

export class MemRange
  extends MemClientObject
  implements
    Pick<
      Excel.Range,
      | 'values'
      | 'formulas'
      | 'numberFormat'
      | 'address'
      | 'rowIndex'
      | 'columnIndex'
      | 'rowCount'
      | 'columnCount'
      | 'valueTypes'
    >
{
  /** @internal */ _t: RangeTarget | null | undefined;
  private _format?: MemRangeFormat;
  private _dv?: MemDataValidation;
  private _cfs?: MemConditionalFormatCollection;

  static create(ctx: MemRequestContext, resolve: () => RangeTarget | null): MemRange {
    const r = new MemRange(ctx);
    ctx._enqueue(() => {
      r._t = resolve();
    });
    return r;
  }

  _isNull(): boolean {
    return this._t === null;
  }

  _resolved(): boolean {
    return this._t !== undefined;
  }

  /** @internal */
  _target(): RangeTarget {
    if (!this._t) throw new MemOfficeError('InvalidObjectPath', 'Range object is not available.');
    if (!this.wb.sheetById(this._t.sheet.id)) throw new MemOfficeError('ItemNotFound', 'The worksheet was deleted.');
    return this._t;
  }

  private grid<T>(f: (s: SheetModel, row: number, col: number) => T): T[][] {
    const { sheet, rect } = this._target();
    const out: T[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: T[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(f(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  protected _scalars(): Record<string, () => unknown> {
    const t = () => this._target();
    return {
      address: () => this.wb.qualified(t().sheet, t().rect),
      rowIndex: () => t().rect.r0,
      columnIndex: () => t().rect.c0,
      rowCount: () => t().rect.r1 - t().rect.r0 + 1,
      columnCount: () => t().rect.c1 - t().rect.c0 + 1,
      values: () => this.grid((s, r, c) => valueOut(this.wb.value(s, r, c))),
      formulas: () => this.grid((s, r, c) => this.formulaOut(s, r, c)),
      numberFormat: () => this.grid((s, r, c) => this.wb.getCell(s, r, c).numberFormat),
      valueTypes: () => this.grid((s, r, c) => valueType(this.wb.value(s, r, c))),
    };
  }
  protected _navs(): Record<string, MemClientObject> {
    return { format: this.format, dataValidation: this.dataValidation, conditionalFormats: this.conditionalFormats, worksheet: this.worksheet };
  }

  private formulaOut(s: SheetModel, r: number, c: number): number | string | boolean {
    const cell = this.wb.getCell(s, r, c);
    if (cell.formula) return cell.formula;
    return valueOut(cell.value);
  }

  get address(): string {
    return this._get('address');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this._get('valueTypes');
  }

  get values(): any[][] {
    return this._get('values');
  }
  set values(v: any[][]) {
    this._set('values', v, () => this.writeContent(v, 'values', false));
  }
  get formulas(): any[][] {
    return this._get('formulas');
  }
  set formulas(v: any[][]) {
    this._set('formulas', v, () => this.writeContent(v, 'formulas', true));
  }
  get numberFormat(): any[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: any[][]) {
    this._set('numberFormat', v, () => {
      const { sheet, rect } = this._target();
      const get = shapeInput(v, rect, 'numberFormat');
      this.wb.assertWritable(sheet, rect, 'format');
      for (let r = rect.r0; r <= rect.r1; r++)
        for (let c = rect.c0; c <= rect.c1; c++) {
          const f = get(r - rect.r0, c - rect.c0);
          if (f === null || f === undefined) continue;
          if (typeof f !== 'string') throw new MemOfficeError('InvalidArgument', 'numberFormat must be a string.');
          this.wb.cellForWrite(sheet, r, c).numberFormat = f;
          this.wb.compact(sheet, r, c);
        }
      this.wb.touch();
    });
  }

  private writeContent(v: unknown, what: string, formulaMode: boolean): void {
    const { sheet, rect } = this._target();
    const get = shapeInput(v, rect, what);
    this.wb.assertWritable(sheet, rect, 'content');
    // validate everything first so a bad formula leaves the range unchanged
    for (let r = rect.r0; r <= rect.r1; r++)
      for (let c = rect.c0; c <= rect.c1; c++) {
        const x = get(r - rect.r0, c - rect.c0);
        if (typeof x === 'string' && x.startsWith('=') && x.length > 1 && !isValidFormula(x))
          throw new MemOfficeError('InvalidArgument', `Invalid formula '${x}' for ${rectAddress({ r0: r, c0: c, r1: r, c1: c })}.`);
        if (x !== null && x !== undefined && typeof x === 'object')
          throw new MemOfficeError('InvalidArgument', `Unsupported value in ${what}.`);
      }
    for (let r = rect.r0; r <= rect.r1; r++)
      for (let c = rect.c0; c <= rect.c1; c++) this.wb.setInput(sheet, r, c, get(r - rect.r0, c - rect.c0), formulaMode);
    this.context._contentChanged(sheet, rect);
  }

  get format(): MemRangeFormat {
    return (this._format ??= new MemRangeFormat(this.context, this));
  }
  get dataValidation(): MemDataValidation {
    return (this._dv ??= new MemDataValidation(this.context, this));
  }
  get conditionalFormats(): MemConditionalFormatCollection {
    return (this._cfs ??= new MemConditionalFormatCollection(this.context, this));
  }
  private _ws?: MemWorksheet;
  get worksheet(): MemWorksheet {
    return (this._ws ??= MemWorksheet.lazy(this.context, () => (this._t ? this._t.sheet.id : null)));
  }

  // ---------------------------------------------------------------- derived ranges
  private derive(f: (t: RangeTarget) => Rect): MemRange {
    return MemRange.create(this.context, () => {
      if (this._t === null) return null;
      const t = this._target();
      return { sheet: t.sheet, rect: f(t) };
    });
  }
  getCell(row: number, column: number): MemRange {
    return this.derive((t) => checkedRect(t.rect.r0 + row, t.rect.c0 + column, 1, 1));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): MemRange {
    return this.derive((t) =>
      checkedRect(t.rect.r0 + rowOffset, t.rect.c0 + columnOffset, t.rect.r1 - t.rect.r0 + 1, t.rect.c1 - t.rect.c0 + 1),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): MemRange {
    return this.derive((t) =>
      checkedRect(t.rect.r0, t.rect.c0, t.rect.r1 - t.rect.r0 + 1 + deltaRows, t.rect.c1 - t.rect.c0 + 1 + deltaColumns),
    );
  }
  /** ExcelApi 1.13: the merged areas that intersect this range, or a null object when there are none. */
  getMergedAreasOrNullObject(): MemRangeAreas {
    const areas = new MemRangeAreas(this.context);
    this.context._enqueue(() => {
      if (this._isNull()) {
        areas._areas = null;
        return;
      }
      const t = this._target();
      // Excel returns only the merged areas whose top-left cell is in the range, not every one that
      // overlaps it (https://github.com/OfficeDev/office-js/issues/3611).
      const found = t.sheet.merges.filter((m) => rectContains(t.rect, m.r0, m.c0));
      areas._sheet = t.sheet;
      areas._areas = found.length ? found : null;
    });
    return areas;
  }

  // ---------------------------------------------------------------- actions
  merge(across?: boolean): void {
    this._op(() => {
      const { sheet, rect } = this._target();
      this.wb.assertWritable(sheet, rect, 'format');
      this.wb.merge(sheet, rect, !!across);
    });
  }
  unmerge(): void {
    this._op(() => {
      const { sheet, rect } = this._target();
      this.wb.assertWritable(sheet, rect, 'format');
      this.wb.unmerge(sheet, rect);
    });
  }
  select(): void {
    this._op(() => {
      const { sheet, rect } = this._target();
      const wasActive = this.wb.activeSheetId === sheet.id;
      this.wb.activeSheetId = sheet.id;
      sheet.selection = { ...rect };
      sheet.selectionAreas = null;
      if (!wasActive) this.wb.emitActivated(sheet);
    });
  }
  clear(applyTo?: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks'): void {
    this._op(() => {
      const { sheet, rect } = this._target();
      const what = applyTo ?? 'All';
      if (what === 'Hyperlinks' || what === 'RemoveHyperlinks') return;
      if (what === 'All' || what === 'Contents') this.wb.assertWritable(sheet, rect, 'content');
      if (what === 'All' || what === 'Formats') this.wb.assertWritable(sheet, rect, 'format');
      if (what === 'All' || what === 'Contents') {
        this.wb.clearContents(sheet, rect);
        this.context._contentChanged(sheet, rect);
      }
      if (what === 'All' || what === 'Formats') this.wb.clearFormats(sheet, rect);
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Range formatting
// ---------------------------------------------------------------------------------------------

/** All cells of a rect (only existing cells plus one default cell for very large rects). */
function* cellsOf(wb: Workbook, s: SheetModel, rect: Rect): Generator<Readonly<CellData>> {
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

function uniform<T>(it: Iterable<T>): T | null {
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

function* mapIt<A, B>(it: Iterable<A>, f: (a: A) => B): Generator<B> {
  for (const a of it) yield f(a);
}

/** Base for objects whose target is the parent range's target. */
abstract class MemRangePart extends MemClientObject {
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

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

function oneOf(v: unknown, allowed: string[], what: string): string {
  if (typeof v !== 'string' || !allowed.includes(v))
    throw new MemOfficeError('InvalidArgument', `Invalid ${what}: ${String(v)}`);
  return v;
}

export class MemRangeFormat
  extends MemRangePart
  implements Pick<Excel.RangeFormat, 'wrapText' | 'horizontalAlignment' | 'verticalAlignment' | 'columnWidth' | 'rowHeight'>
{
  private _fill?: MemRangeFill;
  private _font?: MemRangeFont;
  private _borders?: MemRangeBorderCollection;

  protected _scalars(): Record<string, () => unknown> {
    return {
      wrapText: () => this.read((c) => c.wrap),
      horizontalAlignment: () => this.read((c) => c.hAlign),
      verticalAlignment: () => this.read((c) => c.vAlign),
      columnWidth: () => {
        const { sheet, rect } = this.t();
        const ws: number[] = [];
        for (let c = rect.c0; c <= Math.min(rect.c1, rect.c0 + 1000); c++) ws.push(sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return uniform(ws);
      },
      rowHeight: () => {
        const { sheet, rect } = this.t();
        const hs: number[] = [];
        for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 1000); r++) hs.push(sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
        return uniform(hs);
      },
    };
  }
  protected _navs(): Record<string, MemClientObject> {
    return { fill: this.fill, font: this.font, borders: this.borders };
  }
  get fill(): MemRangeFill {
    return (this._fill ??= new MemRangeFill(this.context, this._range));
  }
  get font(): MemRangeFont {
    return (this._font ??= new MemRangeFont(this.context, this._range));
  }
  get borders(): MemRangeBorderCollection {
    return (this._borders ??= new MemRangeBorderCollection(this.context, this._range));
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._set('wrapText', v, () => this.writeFormat((c) => (c.wrap = !!v)));
  }
  get horizontalAlignment(): Excel.RangeFormat['horizontalAlignment'] {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: Excel.RangeFormat['horizontalAlignment']) {
    this._set('horizontalAlignment', v, () => {
      const a = oneOf(v, H_ALIGN, 'horizontalAlignment');
      this.writeFormat((c) => (c.hAlign = a));
    });
  }
  get verticalAlignment(): Excel.RangeFormat['verticalAlignment'] {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: Excel.RangeFormat['verticalAlignment']) {
    this._set('verticalAlignment', v, () => {
      const a = oneOf(v, V_ALIGN, 'verticalAlignment');
      this.writeFormat((c) => (c.vAlign = a));
    });
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._set('columnWidth', v, () => {
      const { sheet, rect } = this.t();
      if (typeof v !== 'number' || v < 0) throw new MemOfficeError('InvalidArgument', 'Invalid columnWidth.');
      if (sheet.protected)
        throw new MemOfficeError('AccessDenied', 'The worksheet is protected.');
      for (let c = rect.c0; c <= rect.c1; c++) sheet.colWidths.set(c, v);
      this.wb.touch();
    });
  }
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(v: number) {
    this._set('rowHeight', v, () => {
      const { sheet, rect } = this.t();
      if (typeof v !== 'number' || v < 0) throw new MemOfficeError('InvalidArgument', 'Invalid rowHeight.');
      if (sheet.protected)
        throw new MemOfficeError('AccessDenied', 'The worksheet is protected.');
      const last = Math.min(rect.r1, rect.r0 + 100000);
      for (let r = rect.r0; r <= last; r++) sheet.rowHeights.set(r, v);
      this.wb.touch();
    });
  }
}

export class MemRangeFill extends MemRangePart implements Pick<Excel.RangeFill, 'color'> {
  protected _scalars(): Record<string, () => unknown> {
    return {
      color: () => {
        const { sheet, rect } = this.t();
        const all = [...mapIt(cellsOf(this.wb, sheet, rect), (c) => c.fill)];
        const u = uniform(all);
        if (u === null && all.some((x) => x !== null)) return null;
        return u ?? '#FFFFFF';
      },
    };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, () => {
      const col = v === '' || v === null ? null : normalizeColor(v);
      this.writeFormat((c) => (c.fill = col));
    });
  }
}

export class MemRangeFont extends MemRangePart implements Pick<Excel.RangeFont, 'bold' | 'name' | 'size'> {
  protected _scalars(): Record<string, () => unknown> {
    return {
      bold: () => this.read((c) => c.bold),
      name: () => this.read((c) => c.fontName),
      size: () => this.read((c) => c.fontSize),
    };
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._set('bold', v, () => this.writeFormat((c) => (c.bold = !!v)));
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, () => this.writeFormat((c) => (c.fontName = String(v))));
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._set('size', v, () => {
      if (typeof v !== 'number' || v <= 0 || v > 409) throw new MemOfficeError('InvalidArgument', 'Invalid font size.');
      this.writeFormat((c) => (c.fontSize = v));
    });
  }
}

const BORDER_INDEXES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const OPPOSITE: Record<EdgeName, EdgeName> = { EdgeTop: 'EdgeBottom', EdgeBottom: 'EdgeTop', EdgeLeft: 'EdgeRight', EdgeRight: 'EdgeLeft' };

export class MemRangeBorderCollection extends MemRangePart {
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  getItem(index: Excel.BorderIndex | string): MemRangeBorder {
    const i = String(index);
    if (!BORDER_INDEXES.includes(i))
      this.context._enqueue(() => {
        throw new MemOfficeError('InvalidArgument', `Invalid border index '${i}'.`);
      });
    return new MemRangeBorder(this.context, this._range, i);
  }
}

export class MemRangeBorder extends MemRangePart implements Pick<Excel.RangeBorder, 'style' | 'color'> {
  constructor(
    context: MemRequestContext,
    range: MemRange,
    readonly index: string,
  ) {
    super(context, range);
  }
  /** The (row, col, edge) triples this border item covers. */
  private edges(): { r: number; c: number; e: EdgeName }[] {
    const { rect } = this.t();
    const out: { r: number; c: number; e: EdgeName }[] = [];
    const rows = (f: (r: number) => void) => {
      for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 5000); r++) f(r);
    };
    const cols = (f: (c: number) => void) => {
      for (let c = rect.c0; c <= Math.min(rect.c1, rect.c0 + 1000); c++) f(c);
    };
    switch (this.index) {
      case 'EdgeTop':
        cols((c) => out.push({ r: rect.r0, c, e: 'EdgeTop' }));
        break;
      case 'EdgeBottom':
        cols((c) => out.push({ r: rect.r1, c, e: 'EdgeBottom' }));
        break;
      case 'EdgeLeft':
        rows((r) => out.push({ r, c: rect.c0, e: 'EdgeLeft' }));
        break;
      case 'EdgeRight':
        rows((r) => out.push({ r, c: rect.c1, e: 'EdgeRight' }));
        break;
      case 'InsideHorizontal':
        rows((r) => {
          if (r < rect.r1) cols((c) => out.push({ r, c, e: 'EdgeBottom' }));
        });
        break;
      case 'InsideVertical':
        rows((r) =>
          cols((c) => {
            if (c < rect.c1) out.push({ r, c, e: 'EdgeRight' });
          }),
        );
        break;
    }
    return out;
  }
  private readEdge<T>(f: (b: Border) => T): T | null {
    const { sheet } = this.t();
    const es = this.edges();
    if (es.length === 0) return f(DEFAULT_BORDER);
    return uniform(es.map(({ r, c, e }) => f(this.wb.getCell(sheet, r, c).borders[e] ?? DEFAULT_BORDER)));
  }
  private writeEdge(f: (b: Border) => Border): void {
    const { sheet, rect } = this.t();
    this.wb.assertWritable(sheet, rect, 'format');
    for (const { r, c, e } of this.edges()) {
      const cell = this.wb.cellForWrite(sheet, r, c);
      const nb = f(cell.borders[e] ?? { ...DEFAULT_BORDER });
      const set = (cc: CellData, edge: EdgeName) => {
        if (nb.style === 'None') delete cc.borders[edge];
        else cc.borders[edge] = { ...nb };
      };
      set(cell, e);
      this.wb.compact(sheet, r, c);
      // the neighbour shares this edge
      const nr = e === 'EdgeTop' ? r - 1 : e === 'EdgeBottom' ? r + 1 : r;
      const nc = e === 'EdgeLeft' ? c - 1 : e === 'EdgeRight' ? c + 1 : c;
      if (nr >= 0 && nc >= 0 && nr < MAX_ROWS && nc < MAX_COLS) {
        set(this.wb.cellForWrite(sheet, nr, nc), OPPOSITE[e]);
        this.wb.compact(sheet, nr, nc);
      }
    }
    this.wb.touch();
  }
  protected _scalars(): Record<string, () => unknown> {
    return {
      style: () => this.readEdge((b) => b.style),
      color: () => this.readEdge((b) => b.color),
    };
  }
  get style(): Excel.RangeBorder['style'] {
    return this._get('style');
  }
  set style(v: Excel.RangeBorder['style']) {
    this._set('style', v, () => {
      const s = oneOf(v, BORDER_STYLES, 'border style');
      this.writeEdge((b) => ({ ...b, style: s }));
    });
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, () => {
      const col = normalizeColor(v);
      this.writeEdge((b) => ({ ...b, color: col, style: b.style === 'None' ? 'Continuous' : b.style }));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Data validation
// ---------------------------------------------------------------------------------------------

const DV_TYPE_NAMES: Record<DvType, string> = {
  wholeNumber: 'WholeNumber',
  decimal: 'Decimal',
  textLength: 'TextLength',
  custom: 'Custom',
  list: 'List',
  date: 'Date',
  time: 'Time',
};
const DV_OPERATORS = ['Between', 'NotBetween', 'EqualTo', 'NotEqualTo', 'GreaterThan', 'LessThan', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];
const DEFAULT_ALERT = { showAlert: true, style: 'Stop', title: '', message: '' };
const DEFAULT_PROMPT = { showPrompt: false, title: '', message: '' };

function emptyDv(): DvState {
  return { type: null, errorAlert: { ...DEFAULT_ALERT }, prompt: { ...DEFAULT_PROMPT } };
}

export class MemDataValidation
  extends MemRangePart
  implements Pick<Excel.DataValidation, 'type' | 'rule' | 'errorAlert' | 'prompt'>
{
  private topLeft(): DvState | null {
    const { sheet, rect } = this.t();
    return this.wb.getCell(sheet, rect.r0, rect.c0).dv;
  }
  protected _scalars(): Record<string, () => unknown> {
    return {
      type: () => {
        const { sheet, rect } = this.t();
        const types = new Set<string>();
        const criteria = new Set<string>();
        for (const c of cellsOf(this.wb, sheet, rect)) {
          types.add(c.dv?.type ? DV_TYPE_NAMES[c.dv.type] : 'None');
          criteria.add(dvCriteria(c.dv));
        }
        if (types.size > 1) return 'Inconsistent';
        // One type with different criteria (DataValidationType "MixedCriteria").
        return criteria.size > 1 ? 'MixedCriteria' : [...types][0];
      },
      rule: () => ruleOut(this.topLeft()),
      errorAlert: () => ({ ...(this.topLeft()?.errorAlert ?? DEFAULT_ALERT) }),
      prompt: () => ({ ...(this.topLeft()?.prompt ?? DEFAULT_PROMPT) }),
    };
  }
  get type(): Excel.DataValidation['type'] {
    return this._get('type');
  }
  get rule(): Excel.DataValidationRule {
    return this._get('rule');
  }
  set rule(v: Excel.DataValidationRule) {
    this._set('rule', v, () => {
      const { sheet, rect } = this.t();
      const keys = Object.keys(v ?? {}).filter((k) => (v as Record<string, unknown>)[k] != null);
      if (keys.length !== 1 || !(keys[0] in DV_TYPE_NAMES))
        throw new MemOfficeError('InvalidArgument', 'A data validation rule must have exactly one criteria type.');
      const type = keys[0] as DvType;
      const spec = (v as Record<string, any>)[type];
      const base: Partial<DvState> = { type };
      if (type === 'custom') {
        base.formula1 = formulaIn(spec.formula, sheet);
      } else if (type === 'list') {
        const src = spec.source;
        base.listSource = src instanceof MemRange ? '=' + absAddress(src, sheet) : String(src);
        base.inCellDropDown = spec.inCellDropDown !== false;
      } else {
        base.operator = oneOf(spec.operator, DV_OPERATORS, 'operator');
        base.formula1 = formulaIn(spec.formula1, sheet);
        if (spec.formula2 !== undefined) base.formula2 = formulaIn(spec.formula2, sheet);
        if ((base.operator === 'Between' || base.operator === 'NotBetween') && base.formula2 === undefined)
          throw new MemOfficeError('InvalidArgument', 'formula2 is required for Between/NotBetween.');
      }
      // Over cells whose validation differs (some with a rule or prompt, some without, or different
      // rules), Excel refuses a new rule with InvalidArgument, as its UI asks to erase them first
      // (https://github.com/OfficeDev/office-js/issues/2594): dataValidation.clear() first.
      const states = new Set<string>();
      for (const c of cellsOf(this.wb, sheet, rect)) {
        states.add(dvState(c.dv));
        if (states.size > 1)
          throw new MemOfficeError('InvalidArgument', 'The argument is invalid or missing or has an incorrect format.', 'DataValidation.rule');
      }
      this.writeDv((c, r, col) => {
        const cur = c.dv ?? emptyDv();
        const dr = r - rect.r0;
        const dc = col - rect.c0;
        c.dv = {
          ...cur,
          type,
          operator: base.operator,
          formula1: base.formula1 && shiftFormula(base.formula1, dr, dc),
          formula2: base.formula2 && shiftFormula(base.formula2, dr, dc),
          listSource: base.listSource,
          inCellDropDown: base.inCellDropDown,
        };
      });
    });
  }
  get errorAlert(): Excel.DataValidationErrorAlert {
    return this._get('errorAlert');
  }
  set errorAlert(v: Excel.DataValidationErrorAlert) {
    this._set('errorAlert', v, () => {
      if (v.style !== undefined) oneOf(v.style, ['Stop', 'Warning', 'Information'], 'alert style');
      this.writeDv((c) => {
        const cur = c.dv ?? emptyDv();
        c.dv = { ...cur, errorAlert: { ...cur.errorAlert, ...(v as object) } };
      });
    });
  }
  get prompt(): Excel.DataValidationPrompt {
    return this._get('prompt');
  }
  set prompt(v: Excel.DataValidationPrompt) {
    this._set('prompt', v, () =>
      this.writeDv((c) => {
        const cur = c.dv ?? emptyDv();
        c.dv = { ...cur, prompt: { ...cur.prompt, ...(v as object) } };
      }),
    );
  }
  clear(): void {
    this._op(() => this.writeDv((c) => (c.dv = null)));
  }
  /** Data validation changes are refused on a protected sheet, whatever the cells' lock state. */
  private writeDv(f: (c: CellData, row: number, col: number) => void): void {
    const { sheet } = this.t();
    if (sheet.protected) throw new MemOfficeError('AccessDenied', `The worksheet '${sheet.name}' is protected.`);
    this.writeFormat(f, null);
  }
}

/** A cell's validation criteria, for comparing cells (formulas as stored, relative to each cell). */
function dvCriteria(dv: DvState | null): string {
  if (!dv || !dv.type) return '';
  return JSON.stringify([dv.type, dv.operator, dv.formula1, dv.formula2, dv.listSource]);
}

/** Everything a cell's validation holds (criteria, alert, prompt), for comparing cells. */
function dvState(dv: DvState | null): string {
  const state = (d: DvState) => JSON.stringify([dvCriteria(d), d.errorAlert, d.prompt, d.inCellDropDown]);
  return !dv || state(dv) === EMPTY_DV_STATE ? '' : state(dv);
}

const EMPTY_DV_STATE = JSON.stringify([dvCriteria(null), DEFAULT_ALERT, DEFAULT_PROMPT, undefined]);

function absAddress(r: MemRange, host: SheetModel): string {
  const t = r._target();
  const a = rectAddress(t.rect, true);
  return t.sheet === host ? a : `${quoteSheet(t.sheet.name)}!${a}`;
}

/** DV/CF criteria input (number, "10", "=A1", Range) as a formula string. */
function formulaIn(v: unknown, host: SheetModel): string {
  if (v instanceof MemRange) return '=' + absAddress(v, host);
  if (typeof v === 'number') return '=' + String(v);
  if (typeof v === 'string') {
    if (v.startsWith('=')) {
      if (!isValidFormula(v)) throw new MemOfficeError('InvalidArgument', `Invalid formula '${v}'.`);
      return v;
    }
    if (/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(v)) return '=' + v.trim();
    return `="${v.replace(/"/g, '""')}"`;
  }
  throw new MemOfficeError('InvalidArgument', 'Invalid data validation formula.');
}

function ruleOut(dv: DvState | null): Excel.DataValidationRule {
  if (!dv || !dv.type) return {};
  if (dv.type === 'custom') return { custom: { formula: dv.formula1 ?? '' } };
  if (dv.type === 'list') return { list: { source: dv.listSource ?? '', inCellDropDown: dv.inCellDropDown ?? true } };
  const basic: Record<string, unknown> = { formula1: dv.formula1, operator: dv.operator };
  if (dv.formula2 !== undefined) basic.formula2 = dv.formula2;
  return { [dv.type]: basic } as Excel.DataValidationRule;
}

// ---------------------------------------------------------------------------------------------
// Conditional formats
// ---------------------------------------------------------------------------------------------

export class MemConditionalFormatCollection extends MemRangePart {
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  private matching(): CfModel[] {
    const { sheet, rect } = this.t();
    return sheet.cfs.filter((cf) => cf.rects.some((r) => rectIntersect(r, rect)));
  }
  get items(): MemConditionalFormat[] {
    return this._get('items');
  }
  _loadNow(paths: string[]): void {
    if (this._isNull()) return;
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    const items = this.matching().map((cf) => MemConditionalFormat.bound(this.context, cf.id));
    for (const it of items) it._loadNow(itemPaths);
    this._loaded.set('items', items);
  }
  add(type: Excel.ConditionalFormatType | string): MemConditionalFormat {
    const cf = new MemConditionalFormat(this.context);
    this.context._enqueue(() => {
      if (this._isNull()) {
        cf._id = null;
        return;
      }
      if (String(type).toLowerCase() !== 'custom')
        throw new MemOfficeError('NotImplemented', `The memory host only supports custom conditional formats (got '${type}').`);
      const { sheet, rect } = this.t();
      if (sheet.protected) throw new MemOfficeError('AccessDenied', `The worksheet '${sheet.name}' is protected.`);
      cf._id = this.wb.addCf(sheet, rect).id;
    });
    return cf;
  }
  getCount(): MemClientResult<number> {
    const r = new MemClientResult<number>();
    this.context._enqueue(() => r._resolve(this._isNull() ? 0 : this.matching().length));
    return r;
  }
  clearAll(): void {
    this._op(() => {
      const { sheet, rect } = this.t();
      if (sheet.protected) throw new MemOfficeError('AccessDenied', `The worksheet '${sheet.name}' is protected.`);
      this.wb.clearCfs(sheet, rect);
    });
  }
}

export class MemConditionalFormat
  extends MemClientObject
  implements Pick<Excel.ConditionalFormat, 'type'>
{
  /** @internal */ _id: string | null | undefined;
  private _custom?: MemCustomConditionalFormat;

  static bound(ctx: MemRequestContext, id: string): MemConditionalFormat {
    const c = new MemConditionalFormat(ctx);
    c._id = id;
    return c;
  }
  _isNull(): boolean {
    return this._id === null;
  }

  _resolved(): boolean {
    return this._id !== undefined;
  }

  /** @internal */
  _cf(): { sheet: SheetModel; cf: CfModel } {
    const f = this._id ? this.wb.findCf(this._id) : undefined;
    if (!f) throw new MemOfficeError('ItemNotFound', 'The conditional format does not exist.');
    return f;
  }
  protected _scalars(): Record<string, () => unknown> {
    return { type: () => 'Custom' };
  }
  protected _navs(): Record<string, MemClientObject> {
    return { custom: this.custom };
  }
  get type(): Excel.ConditionalFormat['type'] {
    return this._get('type');
  }
  get custom(): MemCustomConditionalFormat {
    return (this._custom ??= new MemCustomConditionalFormat(this.context, this));
  }
  delete(): void {
    this._op(() => {
      const { sheet, cf } = this._cf();
      if (sheet.protected) throw new MemOfficeError('AccessDenied', `The worksheet '${sheet.name}' is protected.`);
      sheet.cfs = sheet.cfs.filter((c) => c !== cf);
      this.wb.touch();
    });
  }
}

abstract class MemCfPart extends MemClientObject {
  constructor(
    context: MemRequestContext,
    readonly _owner: MemConditionalFormat,
  ) {
    super(context);
  }
  _isNull(): boolean {
    return this._owner._isNull();
  }
  protected cf(): CfModel {
    return this._owner._cf().cf;
  }
  protected change(f: (cf: CfModel) => void): void {
    const { sheet, cf } = this._owner._cf();
    if (sheet.protected) throw new MemOfficeError('AccessDenied', `The worksheet '${sheet.name}' is protected.`);
    f(cf);
    this.wb.touch();
  }
}

export class MemCustomConditionalFormat extends MemCfPart {
  private _rule?: MemConditionalFormatRule;
  private _format?: MemConditionalRangeFormat;
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  protected _navs(): Record<string, MemClientObject> {
    return { rule: this.rule, format: this.format };
  }
  get rule(): MemConditionalFormatRule {
    return (this._rule ??= new MemConditionalFormatRule(this.context, this._owner));
  }
  get format(): MemConditionalRangeFormat {
    return (this._format ??= new MemConditionalRangeFormat(this.context, this._owner));
  }
}

export class MemConditionalFormatRule extends MemCfPart implements Pick<Excel.ConditionalFormatRule, 'formula'> {
  protected _scalars(): Record<string, () => unknown> {
    return { formula: () => this.cf().formula };
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._set('formula', v, () => this.setFormula(v));
  }
  private setFormula(v: string): void {
    const f = typeof v === 'string' && v.startsWith('=') ? v : '=' + String(v);
    try {
      parseFormula(f);
    } catch (e) {
      throw new MemOfficeError('InvalidArgument', `Invalid conditional format formula '${v}': ${(e as Error).message}`);
    }
    this.change((cf) => (cf.formula = f));
  }
}

export class MemConditionalRangeFormat extends MemCfPart {
  private _fill?: MemConditionalRangeFill;
  private _font?: MemConditionalRangeFont;
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  protected _navs(): Record<string, MemClientObject> {
    return { fill: this.fill, font: this.font };
  }
  get fill(): MemConditionalRangeFill {
    return (this._fill ??= new MemConditionalRangeFill(this.context, this._owner));
  }
  get font(): MemConditionalRangeFont {
    return (this._font ??= new MemConditionalRangeFont(this.context, this._owner));
  }
}

export class MemConditionalRangeFill extends MemCfPart implements Pick<Excel.ConditionalRangeFill, 'color'> {
  protected _scalars(): Record<string, () => unknown> {
    return { color: () => this.cf().fill };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, () => {
      const col = v ? normalizeColor(v) : null;
      this.change((cf) => (cf.fill = col));
    });
  }
}

export class MemConditionalRangeFont extends MemCfPart implements Pick<Excel.ConditionalRangeFont, 'color'> {
  protected _scalars(): Record<string, () => unknown> {
    return { color: () => this.cf().fontColor };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, () => {
      const col = v ? normalizeColor(v) : null;
      this.change((cf) => (cf.fontColor = col));
    });
  }
}

// ---------------------------------------------------------------------------------------------
// Names
// ---------------------------------------------------------------------------------------------

/** The sheet and rect a name refers to, or null if it is not a single range reference. */
export function nameTarget(wb: Workbook, n: NameModel): RangeTarget | null {
  const body = n.formula.replace(/^=/, '').trim();
  const p = parseAddress(body);
  if (!p || p.sheet === undefined) return null;
  const sheet = wb.sheetByName(p.sheet);
  return sheet ? { sheet, rect: p.rect } : null;
}

export class MemNamedItemCollection extends MemClientObject {
  constructor(
    context: MemRequestContext,
    /** null = workbook scope; undefined = null-object sheet. */
    private scope: () => SheetModel | null | undefined,
  ) {
    super(context);
  }
  _isNull(): boolean {
    return false;
  }
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  private scopeId(): string | null {
    const s = this.scope();
    if (s === undefined) throw new MemOfficeError('ItemNotFound', 'The worksheet does not exist.');
    return s ? s.id : null;
  }
  get items(): MemNamedItem[] {
    return this._get('items');
  }
  _loadNow(paths: string[]): void {
    const id = this.scopeId();
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    const items = this.wb.names.filter((n) => n.scopeSheetId === id).map((n) => MemNamedItem.bound(this.context, n));
    for (const it of items) it._loadNow(itemPaths);
    this._loaded.set('items', items);
  }
  add(name: string, reference: MemRange | string, comment?: string): MemNamedItem {
    const item = new MemNamedItem(this.context);
    this.context._enqueue(() => {
      const id = this.scopeId();
      let formula: string;
      if (reference instanceof MemRange) {
        const t = reference._target();
        formula = `=${quoteSheet(t.sheet.name)}!${rectAddress(t.rect, true)}`;
      } else formula = String(reference);
      item._n = this.wb.addName(name, formula, comment ?? '', id);
    });
    return item;
  }
  getItem(name: string): MemNamedItem {
    const item = new MemNamedItem(this.context);
    this.context._enqueue(() => {
      const n = this.wb.findName(name, this.scopeId());
      if (!n) throw new MemOfficeError('ItemNotFound', `The name '${name}' does not exist.`);
      item._n = n;
    });
    return item;
  }
  getItemOrNullObject(name: string): MemNamedItem {
    const item = new MemNamedItem(this.context);
    this.context._enqueue(() => {
      item._n = this.wb.findName(name, this.scopeId()) ?? null;
    });
    return item;
  }
}

export class MemNamedItem
  extends MemClientObject
  implements Pick<Excel.NamedItem, 'name' | 'type' | 'value' | 'comment'>
{
  /** @internal */ _n: NameModel | null | undefined;
  static bound(ctx: MemRequestContext, n: NameModel): MemNamedItem {
    const it = new MemNamedItem(ctx);
    it._n = n;
    return it;
  }
  _isNull(): boolean {
    return this._n === null;
  }

  _resolved(): boolean {
    return this._n !== undefined;
  }

  private n(): NameModel {
    if (!this._n || !this.wb.names.includes(this._n)) throw new MemOfficeError('ItemNotFound', 'The name does not exist.');
    return this._n;
  }
  private evaluated(): Scalar | 'range' {
    const n = this.n();
    if (nameTarget(this.wb, n)) return 'range';
    const host = (n.scopeSheetId && this.wb.sheetById(n.scopeSheetId)) || this.wb.sheets[0];
    return this.wb.evaluateAt(host, n.formula, 0, 0);
  }
  protected _scalars(): Record<string, () => unknown> {
    return {
      name: () => this.n().name,
      comment: () => this.n().comment,
      type: () => {
        const v = this.evaluated();
        if (v === 'range') return 'Range';
        if (v instanceof FormulaError) return 'Error';
        if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
        if (typeof v === 'boolean') return 'Boolean';
        return 'String';
      },
      value: () => {
        const v = this.evaluated();
        if (v === 'range') return this.n().formula.replace(/^=/, '');
        return valueOut(v);
      },
    };
  }
  get name(): string {
    return this._get('name');
  }
  get type(): Excel.NamedItem['type'] {
    return this._get('type');
  }
  get value(): any {
    return this._get('value');
  }
  get comment(): string {
    return this._get('comment');
  }
  set comment(v: string) {
    this._set('comment', v, () => {
      this.n().comment = String(v);
      this.wb.touch();
    });
  }
  getRange(): MemRange {
    return MemRange.create(this.context, () => {
      if (this._isNull()) return null;
      const t = nameTarget(this.wb, this.n());
      if (!t) throw new MemOfficeError('InvalidArgument', `The name '${this.n().name}' does not refer to a range.`);
      return t;
    });
  }
  getRangeOrNullObject(): MemRange {
    return MemRange.create(this.context, () => {
      if (this._isNull() || !this._n || !this.wb.names.includes(this._n)) return null;
      return nameTarget(this.wb, this._n);
    });
  }
  delete(): void {
    this._op(() => {
      const n = this.n();
      this.wb.names = this.wb.names.filter((x) => x !== n);
      this.wb.touch();
    });
  }
}

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
      if (!wasActive) this.wb.emitActivated(sheet);
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
