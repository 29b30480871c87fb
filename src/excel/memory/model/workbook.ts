/**
 * The in-memory workbook: sheets, cells, formats, merges, data validation, conditional formats,
 * defined names, protection and change events. The office-js proxies (proxies.ts) and the
 * simulated user (MemoryHost in host.ts) both operate on this model.
 */
import { MAX_COLS, MAX_ROWS, Rect, columnLetters, parseAddress, qualifiedAddress, rectAddress } from '../../../report/a1';
import { MemErrorCode, MemOfficeError } from '../errors';
import { FormulaEnv, evaluateFormula, isTruthy } from '../formula/evaluate';
import { isValidFormula } from '../formula/parse';
import { SheetEdit, adjustFormulaForEdit, adjustInterval, deleteSheetInFormula, renameSheetInFormula, shiftFormula } from '../formula/rewrite';
import { FormulaError, Scalar, numberToText } from '../formula/values';
import { parseCellInput } from './cellInput';
import { rectContains, rectIntersect, subtractRect } from './rect';

export type EdgeName = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';
export const EDGES: EdgeName[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

export interface Border {
  style: string;
  color: string;
}

export const DEFAULT_BORDER: Border = Object.freeze({ style: 'None', color: '#000000' });

export type DvType = 'wholeNumber' | 'decimal' | 'textLength' | 'custom' | 'list' | 'date' | 'time';

export interface DvAlert {
  showAlert: boolean;
  style: string;
  title: string;
  message: string;
}

export interface DvPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

/** Data validation of one cell. Formulas are stored relative to this cell. */
export interface DvState {
  type: DvType | null;
  operator?: string;
  formula1?: string;
  formula2?: string;
  listSource?: string;
  inCellDropDown?: boolean;
  errorAlert: DvAlert;
  prompt: DvPrompt;
}

export interface CellData {
  value: number | string | boolean | FormulaError | null;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  fontSize: number;
  fontName: string;
  wrap: boolean;
  hAlign: string;
  vAlign: string;
  borders: Partial<Record<EdgeName, Border>>;
  dv: DvState | null;
}

export const DEFAULT_CELL: Readonly<CellData> = Object.freeze({
  value: null,
  formula: null,
  numberFormat: 'General',
  fill: null,
  bold: false,
  fontSize: 11,
  fontName: 'Calibri',
  wrap: false,
  hAlign: 'General',
  vAlign: 'Bottom',
  borders: Object.freeze({}) as Partial<Record<EdgeName, Border>>,
  dv: null,
});

export const DEFAULT_COLUMN_WIDTH = 48; // points (8.43 characters)
export const DEFAULT_ROW_HEIGHT = 15; // points

export interface CfModel {
  id: string;
  type: 'custom';
  rects: Rect[];
  /** The cell the formula is written for (top-left of the range it was added to). */
  anchorRow: number;
  anchorCol: number;
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

export interface NameModel {
  name: string;
  /** Sheet id for worksheet-scoped names, null for workbook scope. */
  scopeSheetId: string | null;
  formula: string;
  comment: string;
}

export interface ChangedEvent {
  type: 'WorksheetChanged';
  address: string;
  changeType: 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted';
  source: 'Local';
  worksheetId: string;
}

export type SheetEventHandler = (args: any) => Promise<any> | any;

export class SheetModel {
  cells = new Map<number, CellData>();
  merges: Rect[] = [];
  cfs: CfModel[] = []; // index = priority (0 is evaluated first)
  protected = false;
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  selection: Rect = { r0: 0, c0: 0, r1: 0, c1: 0 };
  /** Every area of a multi-area selection (RangeAreas.select, ExcelApi 1.9), the first being `selection`; null for one area. */
  selectionAreas: Rect[] | null = null;
  changedHandlers: SheetEventHandler[] = [];
  /** Worksheet.visibility (writable from ExcelApi 1.2). */
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  constructor(
    public id: string,
    public name: string,
  ) {}
}

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyRow(k: number): number {
  return Math.floor(k / MAX_COLS);
}

export function keyCol(k: number): number {
  return k % MAX_COLS;
}

function isDefaultCell(c: CellData): boolean {
  return (
    c.value === null &&
    c.formula === null &&
    c.dv === null &&
    c.numberFormat === DEFAULT_CELL.numberFormat &&
    c.fill === null &&
    !c.bold &&
    c.fontSize === DEFAULT_CELL.fontSize &&
    c.fontName === DEFAULT_CELL.fontName &&
    !c.wrap &&
    c.hAlign === DEFAULT_CELL.hAlign &&
    c.vAlign === DEFAULT_CELL.vAlign &&
    Object.keys(c.borders).length === 0
  );
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  lime: '#00FF00',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  gray: '#808080',
  grey: '#808080',
  lightgray: '#D3D3D3',
  lightgrey: '#D3D3D3',
  silver: '#C0C0C0',
  purple: '#800080',
  pink: '#FFC0CB',
  cyan: '#00FFFF',
  magenta: '#FF00FF',
  navy: '#000080',
  maroon: '#800000',
  teal: '#008080',
  olive: '#808000',
  lightyellow: '#FFFFE0',
  lightgreen: '#90EE90',
  lightblue: '#ADD8E6',
};

/** Excel reports colors as "#RRGGBB"; accept that, "#RGB" and common HTML color names. */
export function normalizeColor(c: string): string {
  const s = c.trim();
  const m6 = /^#?([0-9a-f]{6})$/i.exec(s);
  if (m6) return '#' + m6[1].toUpperCase();
  const m3 = /^#([0-9a-f]{3})$/i.exec(s);
  if (m3)
    return (
      '#' +
      m3[1]
        .split('')
        .map((x) => x + x)
        .join('')
        .toUpperCase()
    );
  const named = NAMED_COLORS[s.toLowerCase()];
  if (named) return named;
  throw new MemOfficeError('InvalidArgument', `Invalid color: ${c}`);
}

const NAME_RE = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;

export function isValidDefinedName(name: string): boolean {
  if (!NAME_RE.test(name) || name.length > 255) return false;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return false; // looks like a cell
  if (/^[RrCc]$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return false;
  if (/^(true|false)$/i.test(name)) return false;
  return true;
}

export class Workbook {
  sheets: SheetModel[] = [];
  names: NameModel[] = [];
  activeSheetId: string | null = null;
  /** Handlers of worksheets.onActivated (ExcelApi 1.7): any sheet activated. */
  activatedHandlers: SheetEventHandler[] = [];
  private editing = false;
  private editEnded: (() => void)[] = [];
  private nextId = 1;
  private version = 0;
  private cache = new Map<string, Scalar>();
  private cacheVersion = -1;
  private computing = new Set<string>();
  private anyChangeListeners = new Set<() => void>();
  private pendingEvents = new Set<Promise<unknown>>();
  private cfSeq = 1;

  // ------------------------------------------------------------------ cell-edit mode

  /** The user is typing in a cell (Excel's cell-edit mode). */
  get cellEditMode(): boolean {
    return this.editing;
  }

  set cellEditMode(on: boolean) {
    this.editing = on;
    if (!on) for (const resolve of this.editEnded.splice(0)) resolve();
  }

  /** Fault injection (MemoryHost.failAtOperation): operations to run before one fails. */
  private fault: { countdown: number; code: MemErrorCode } | null = null;

  failAtOperation(index: number, code: MemErrorCode): void {
    this.fault = { countdown: index, code };
  }

  /** Called before each queued operation runs: throws once when the injected fault is due. */
  beforeOperation(): void {
    if (!this.fault) return;
    if (this.fault.countdown-- > 0) return;
    const { code } = this.fault;
    this.fault = null;
    throw new MemOfficeError(code, `Injected fault (${code}).`);
  }

  /** Resolves when the user leaves cell-edit mode (at once when not editing). */
  whenNotEditing(): Promise<void> {
    if (!this.editing) return Promise.resolve();
    return new Promise((resolve) => this.editEnded.push(resolve));
  }

  // ------------------------------------------------------------------ sheets

  sheetByName(name: string): SheetModel | undefined {
    const l = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === l);
  }

  sheetById(id: string): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  requireSheet(name: string): SheetModel {
    const s = this.sheetByName(name);
    if (!s) throw new MemOfficeError('ItemNotFound', `The worksheet '${name}' does not exist.`);
    return s;
  }

  activeSheet(): SheetModel {
    const s = this.activeSheetId ? this.sheetById(this.activeSheetId) : undefined;
    if (!s) throw new MemOfficeError('ItemNotFound', 'The workbook has no worksheet.');
    return s;
  }

  validateSheetName(name: string, except?: SheetModel): void {
    if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'"))
      throw new MemOfficeError('InvalidArgument', `Invalid worksheet name '${name}'.`);
    const dup = this.sheetByName(name);
    if (dup && dup !== except)
      throw new MemOfficeError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
  }

  addSheet(name?: string): SheetModel {
    let n = name;
    if (n === undefined) {
      let i = this.sheets.length + 1;
      while (this.sheetByName(`Sheet${i}`)) i++;
      n = `Sheet${i}`;
    }
    this.validateSheetName(n);
    const s = new SheetModel(`{mem-sheet-${this.nextId++}}`, n);
    this.sheets.push(s);
    if (!this.activeSheetId) this.activeSheetId = s.id;
    this.touch();
    return s;
  }

  renameSheet(s: SheetModel, newName: string): void {
    if (s.name === newName) return;
    this.validateSheetName(newName, s);
    const old = s.name;
    this.rewriteAllFormulas((f) => renameSheetInFormula(f, old, newName));
    s.name = newName;
    this.touch();
  }

  deleteSheet(s: SheetModel): void {
    if (this.sheets.length === 1 || (s.visibility === 'Visible' && !this.sheets.some((x) => x !== s && x.visibility === 'Visible')))
      throw new MemOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    // A very hidden sheet cannot be deleted until it is made hidden or visible (by design:
    // https://github.com/OfficeDev/office-js/issues/365, where Excel answers GeneralException).
    if (s.visibility === 'VeryHidden') throw new MemOfficeError('GeneralException', 'There was an internal error while processing the request.');
    this.sheets = this.sheets.filter((x) => x !== s);
    this.names = this.names.filter((n) => n.scopeSheetId !== s.id);
    this.rewriteAllFormulas((f) => deleteSheetInFormula(f, s.name));
    if (this.activeSheetId === s.id) this.activeSheetId = (this.sheets.find((x) => x.visibility === 'Visible') ?? this.sheets[0]).id;
    this.touch();
  }

  /**
   * Worksheet.visibility = v. A workbook keeps at least one visible sheet; hiding the active sheet
   * activates the next visible one to its right, else the nearest to its left, as Excel's UI does.
   */
  setVisibility(s: SheetModel, v: string): void {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new MemOfficeError('InvalidArgument', `Invalid visibility '${v}'.`);
    if (v !== 'Visible' && !this.sheets.some((x) => x !== s && x.visibility === 'Visible'))
      throw new MemOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    s.visibility = v;
    if (v !== 'Visible' && this.activeSheetId === s.id) {
      const i = this.sheets.indexOf(s);
      const next = this.sheets.slice(i + 1).find((x) => x.visibility === 'Visible') ?? [...this.sheets.slice(0, i)].reverse().find((x) => x.visibility === 'Visible')!;
      this.activeSheetId = next.id;
      this.emitActivated(next);
    }
    this.touch();
  }

  private rewriteAllFormulas(f: (formula: string, host: SheetModel | null) => string): void {
    for (const s of this.sheets) {
      for (const c of s.cells.values()) {
        if (c.formula) c.formula = f(c.formula, s);
        if (c.dv) {
          if (c.dv.formula1) c.dv.formula1 = f(c.dv.formula1, s);
          if (c.dv.formula2) c.dv.formula2 = f(c.dv.formula2, s);
        }
      }
      for (const cf of s.cfs) cf.formula = f(cf.formula, s);
    }
    for (const n of this.names) n.formula = f(n.formula, null);
  }

  // ------------------------------------------------------------------ change tracking

  /** Marks the workbook changed: invalidates computed values. */
  touch(): void {
    this.version++;
  }

  onAnyChange(l: () => void): () => void {
    this.anyChangeListeners.add(l);
    return () => this.anyChangeListeners.delete(l);
  }

  notifyAnyChange(): void {
    for (const l of [...this.anyChangeListeners]) {
      try {
        l();
      } catch {
        /* a view's error must not break the model */
      }
    }
  }

  /** Calls the sheet's onChanged handlers asynchronously (a macrotask later, like Excel). */
  emitChanged(s: SheetModel, address: string, changeType: ChangedEvent['changeType']): void {
    const args: ChangedEvent & Record<string, unknown> = {
      type: 'WorksheetChanged',
      address,
      changeType,
      source: 'Local',
      worksheetId: s.id,
    };
    this.dispatch([...s.changedHandlers], args);
  }

  emitActivated(s: SheetModel): void {
    this.dispatch([...this.activatedHandlers], { type: 'WorksheetActivated', worksheetId: s.id });
  }

  private dispatch(handlers: SheetEventHandler[], args: unknown): void {
    if (handlers.length === 0) return;
    const p = new Promise<void>((resolve) => {
      setTimeout(() => {
        const results = handlers.map((h) => {
          try {
            return Promise.resolve(h(args));
          } catch (e) {
            return Promise.reject(e);
          }
        });
        Promise.allSettled(results).then(() => resolve());
      }, 0);
    });
    this.pendingEvents.add(p);
    p.then(() => this.pendingEvents.delete(p));
  }

  /** Resolves when every event dispatched so far (and events raised by their handlers) has been handled. */
  async flushEvents(): Promise<void> {
    for (let i = 0; i < 100 && this.pendingEvents.size > 0; i++) {
      await Promise.all([...this.pendingEvents]);
      await new Promise((r) => setTimeout(r, 0));
    }
  }

  // ------------------------------------------------------------------ cells

  getCell(s: SheetModel, row: number, col: number): Readonly<CellData> {
    return s.cells.get(cellKey(row, col)) ?? DEFAULT_CELL;
  }

  /** A writable copy-on-first-write cell. Call compact() after changing it to drop default cells. */
  cellForWrite(s: SheetModel, row: number, col: number): CellData {
    const k = cellKey(row, col);
    let c = s.cells.get(k);
    if (!c) {
      c = { ...DEFAULT_CELL, borders: {} };
      s.cells.set(k, c);
    }
    return c;
  }

  compact(s: SheetModel, row: number, col: number): void {
    const k = cellKey(row, col);
    const c = s.cells.get(k);
    if (c && isDefaultCell(c)) s.cells.delete(k);
  }

  /** Calls f for every cell of the rect that exists, plus (if includeEmpty) every empty cell (default). */
  forEachCell(s: SheetModel, r: Rect, f: (row: number, col: number) => void): void {
    for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) f(row, col);
  }

  /** Cells of a rect clipped to what exists, for huge (entire row/column) rects. */
  clipToUsed(s: SheetModel, r: Rect): Rect | null {
    const area = (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
    if (area <= 100000) return r;
    const ext = this.extent(s, false);
    return rectIntersect(r, { r0: 0, c0: 0, r1: Math.max(ext.rows - 1, 0), c1: Math.max(ext.cols - 1, 0) });
  }

  /** Extent (exclusive) of used cells from A1: any content, and also formats unless valuesOnly. */
  extent(s: SheetModel, valuesOnly: boolean): { rows: number; cols: number } {
    const key = `${s.id}|${valuesOnly}`;
    if (this.extentVersion !== this.version) {
      this.extentCache.clear();
      this.extentVersion = this.version;
    }
    const hit = this.extentCache.get(key);
    if (hit) return hit;
    const e = this.computeExtent(s, valuesOnly);
    this.extentCache.set(key, e);
    return e;
  }

  private extentCache = new Map<string, { rows: number; cols: number }>();
  private extentVersion = -1;

  private computeExtent(s: SheetModel, valuesOnly: boolean): { rows: number; cols: number } {
    let rows = 0;
    let cols = 0;
    for (const [k, c] of s.cells) {
      if (valuesOnly && c.value === null && c.formula === null) continue;
      rows = Math.max(rows, keyRow(k) + 1);
      cols = Math.max(cols, keyCol(k) + 1);
    }
    if (!valuesOnly)
      for (const m of s.merges) {
        rows = Math.max(rows, m.r1 + 1);
        cols = Math.max(cols, m.c1 + 1);
      }
    return { rows, cols };
  }

  /** Bounding rect of used cells (not from A1), or null when nothing is used. */
  usedRect(s: SheetModel, valuesOnly: boolean): Rect | null {
    let r: Rect | null = null;
    const add = (row: number, col: number) => {
      if (!r) r = { r0: row, c0: col, r1: row, c1: col };
      else r = { r0: Math.min(r.r0, row), c0: Math.min(r.c0, col), r1: Math.max(r.r1, row), c1: Math.max(r.c1, col) };
    };
    for (const [k, c] of s.cells) {
      if (valuesOnly && c.value === null && c.formula === null) continue;
      add(keyRow(k), keyCol(k));
    }
    return r;
  }

  /** Computed value of a cell: formulas evaluated (circular references give #REF!). */
  value(s: SheetModel, row: number, col: number): Scalar {
    const c = s.cells.get(cellKey(row, col));
    if (!c) return null;
    if (c.formula === null) return c.value;
    if (this.cacheVersion !== this.version) {
      this.cache.clear();
      this.cacheVersion = this.version;
    }
    const key = `${s.id}|${row}|${col}`;
    const hit = this.cache.get(key);
    if (hit !== undefined) return hit;
    if (this.computing.has(key)) return new FormulaError('#REF!');
    this.computing.add(key);
    let v: Scalar;
    try {
      v = evaluateFormula(c.formula, this.env(s));
    } finally {
      this.computing.delete(key);
    }
    if (this.computing.size === 0 || !(v instanceof FormulaError)) this.cache.set(key, v);
    return v;
  }

  env(s: SheetModel): FormulaEnv {
    return {
      getCell: (sheet, row, col) => {
        const t = sheet === undefined ? s : this.sheetByName(sheet);
        if (!t) return new FormulaError('#REF!');
        return this.value(t, row, col);
      },
      extent: (sheet) => {
        const t = sheet === undefined ? s : this.sheetByName(sheet);
        return t ? this.extent(t, true) : { rows: 0, cols: 0 };
      },
      resolveName: (name) => {
        const n = this.findName(name, s.id) ?? this.findName(name, null);
        return n ? n.formula : null;
      },
    };
  }

  /** Evaluates a formula as if it were in cell (row, col) of s, written for (anchorRow, anchorCol). */
  evaluateAt(s: SheetModel, formula: string, row: number, col: number, anchorRow = row, anchorCol = col): Scalar {
    return evaluateFormula(formula, this.env(s), row - anchorRow, col - anchorCol);
  }

  /** Sets a cell's content from API/user input (null = leave unchanged). */
  setInput(s: SheetModel, row: number, col: number, input: unknown, formulaMode = false): void {
    if (input === null) return;
    const cur = this.getCell(s, row, col);
    const parsed = parseCellInput(input, cur.numberFormat, formulaMode);
    const c = this.cellForWrite(s, row, col);
    c.value = parsed.value;
    c.formula = parsed.formula;
    this.compact(s, row, col);
    this.touch();
  }

  clearContents(s: SheetModel, r: Rect): void {
    const rr = this.clipToUsed(s, r);
    if (!rr) return;
    for (const [k, c] of [...s.cells]) {
      if (!rectContains(rr, keyRow(k), keyCol(k))) continue;
      c.value = null;
      c.formula = null;
      if (isDefaultCell(c)) s.cells.delete(k);
    }
    this.touch();
  }

  clearFormats(s: SheetModel, r: Rect): void {
    for (const [k, c] of [...s.cells]) {
      if (!rectContains(r, keyRow(k), keyCol(k))) continue;
      const keep = { value: c.value, formula: c.formula, dv: c.dv };
      Object.assign(c, DEFAULT_CELL, { borders: {} }, keep);
      if (isDefaultCell(c)) s.cells.delete(k);
    }
    s.merges = s.merges.filter((m) => !rectIntersect(m, r));
    this.touch();
  }

  // ------------------------------------------------------------------ protection

  /**
   * Throws AccessDenied for any content or format change on a protected sheet: every cell is locked
   * (Excel's default; the add-in never unlocks cells) and formatting is not allowed.
   */
  assertWritable(s: SheetModel, r: Rect, what: 'content' | 'format'): void {
    if (!s.protected) return;
    if (what === 'format')
      throw new MemOfficeError('AccessDenied', `The worksheet '${s.name}' is protected; formatting is not allowed.`);
    throw new MemOfficeError(
      'AccessDenied',
      `The cell or chart you're trying to change is on a protected sheet (${s.name}!${rectAddress(r)}).`,
    );
  }

  // ------------------------------------------------------------------ merges

  mergeAt(s: SheetModel, row: number, col: number): Rect | undefined {
    return s.merges.find((m) => rectContains(m, row, col));
  }

  merge(s: SheetModel, r: Rect, across: boolean): void {
    const parts: Rect[] = across ? [] : [r];
    if (across) for (let row = r.r0; row <= r.r1; row++) parts.push({ r0: row, r1: row, c0: r.c0, c1: r.c1 });
    for (const p of parts) {
      if (p.r0 === p.r1 && p.c0 === p.c1) continue;
      s.merges = s.merges.filter((m) => !rectIntersect(m, p));
      // Excel keeps the top-left value and clears the rest
      for (let row = p.r0; row <= p.r1; row++)
        for (let col = p.c0; col <= p.c1; col++) {
          if (row === p.r0 && col === p.c0) continue;
          const c = s.cells.get(cellKey(row, col));
          if (c) {
            c.value = null;
            c.formula = null;
            this.compact(s, row, col);
          }
        }
      s.merges.push({ ...p });
    }
    this.touch();
  }

  unmerge(s: SheetModel, r: Rect): void {
    s.merges = s.merges.filter((m) => !rectIntersect(m, r));
    this.touch();
  }

  // ------------------------------------------------------------------ names

  findName(name: string, scopeSheetId: string | null): NameModel | undefined {
    const l = name.toLowerCase();
    return this.names.find((n) => n.scopeSheetId === scopeSheetId && n.name.toLowerCase() === l);
  }

  addName(name: string, formula: string, comment: string, scopeSheetId: string | null): NameModel {
    if (!isValidDefinedName(name)) throw new MemOfficeError('InvalidArgument', `The name '${name}' is not valid.`);
    if (this.findName(name, scopeSheetId))
      throw new MemOfficeError('ItemAlreadyExists', `The name '${name}' already exists in this scope.`);
    const f = formula.startsWith('=') ? formula : '=' + formula;
    if (!isValidFormula(f)) throw new MemOfficeError('InvalidArgument', `Invalid reference '${formula}'.`);
    const n: NameModel = { name, scopeSheetId, formula: f, comment };
    this.names.push(n);
    this.touch();
    return n;
  }

  // ------------------------------------------------------------------ data validation

  /** Checks a cell's current value against its data validation. */
  isValid(s: SheetModel, row: number, col: number): boolean {
    const c = this.getCell(s, row, col);
    const dv = c.dv;
    if (!dv || !dv.type) return true;
    const v = this.value(s, row, col);
    if (v === null || v === '') return true; // blanks are ignored (DataValidation.ignoreBlanks defaults to true)
    if (v instanceof FormulaError) return false;
    const num = (f?: string): number | null => {
      if (f === undefined) return null;
      const r = this.evaluateAt(s, f, row, col);
      return typeof r === 'number' ? r : typeof r === 'boolean' ? Number(r) : null;
    };
    const cmp = (x: number): boolean => {
      const a = num(dv.formula1);
      const b = num(dv.formula2);
      if (a === null) return false;
      switch (dv.operator) {
        case 'Between':
          return b !== null && x >= Math.min(a, b) && x <= Math.max(a, b);
        case 'NotBetween':
          return b !== null && (x < Math.min(a, b) || x > Math.max(a, b));
        case 'EqualTo':
          return x === a;
        case 'NotEqualTo':
          return x !== a;
        case 'GreaterThan':
          return x > a;
        case 'LessThan':
          return x < a;
        case 'GreaterThanOrEqualTo':
          return x >= a;
        case 'LessThanOrEqualTo':
          return x <= a;
      }
      return false;
    };
    switch (dv.type) {
      case 'wholeNumber':
        return typeof v === 'number' && Number.isInteger(v) && cmp(v);
      case 'decimal':
      case 'date':
      case 'time':
        return typeof v === 'number' && cmp(v);
      case 'textLength': {
        const t = typeof v === 'number' ? numberToText(v) : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
        return cmp(t.length);
      }
      case 'custom':
        return isTruthy(this.evaluateAt(s, dv.formula1 ?? '=TRUE', row, col));
      case 'list': {
        const src = dv.listSource ?? '';
        let options: string[];
        if (src.startsWith('=')) {
          const p = parseAddress(src.slice(1));
          if (!p) return false;
          const t = p.sheet ? this.sheetByName(p.sheet) : s;
          if (!t) return false;
          options = [];
          this.forEachCell(t, p.rect, (r, cc) => {
            const x = this.value(t, r, cc);
            if (x !== null) options.push(String(x));
          });
        } else options = src.split(',').map((x) => x.trim());
        const text = typeof v === 'number' ? numberToText(v) : String(v);
        return options.some((o) => o.toLowerCase() === text.toLowerCase());
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ structural edits

  /** Inserts/deletes rows or columns of sheet s and adjusts everything that refers to them. */
  structuralEdit(s: SheetModel, axis: 'row' | 'col', kind: 'insert' | 'delete', index: number, count: number): void {
    const max = axis === 'row' ? MAX_ROWS : MAX_COLS;
    if (!(count > 0) || index < 0 || index + count > max || !Number.isInteger(index) || !Number.isInteger(count))
      throw new MemOfficeError('InvalidArgument', `Invalid ${axis} ${kind}: index ${index}, count ${count}`);
    const edit: SheetEdit = { sheet: s.name, axis, kind, index, count };
    const pos = (row: number, col: number) => (axis === 'row' ? row : col);

    // 1. CF anchors inside a deleted block move to the first surviving row/column (formula shifted with them)
    if (kind === 'delete') {
      for (const cf of s.cfs) {
        const a = axis === 'row' ? cf.anchorRow : cf.anchorCol;
        if (a >= index && a < index + count) {
          const d = index + count - a;
          cf.formula = axis === 'row' ? shiftFormula(cf.formula, d, 0) : shiftFormula(cf.formula, 0, d);
          if (axis === 'row') cf.anchorRow += d;
          else cf.anchorCol += d;
        }
      }
    }
    // 2. every formula in the workbook
    this.rewriteAllFormulas((f, host) => adjustFormulaForEdit(f, host ? host.name : undefined, edit));

    // 3. move the cells
    const moved = new Map<number, CellData>();
    for (const [k, c] of s.cells) {
      const row = keyRow(k);
      const col = keyCol(k);
      const p = pos(row, col);
      let np = p;
      if (kind === 'insert') np = p >= index ? p + count : p;
      else if (p >= index && p < index + count) continue;
      else if (p >= index + count) np = p - count;
      if (np >= max) continue;
      moved.set(axis === 'row' ? cellKey(np, col) : cellKey(row, np), c);
    }
    s.cells = moved;

    // 4. inserted rows/columns take the formats of the row/column before them ("format same as above")
    if (kind === 'insert' && index > 0) {
      const srcIdx = index - 1;
      for (const [k, c] of [...s.cells]) {
        const row = keyRow(k);
        const col = keyCol(k);
        if (pos(row, col) !== srcIdx) continue;
        const after = axis === 'row' ? s.cells.get(cellKey(index + count, col)) : s.cells.get(cellKey(row, index + count));
        for (let i = 0; i < count; i++) {
          const copy: CellData = { ...c, value: null, formula: null, borders: { ...c.borders }, dv: null };
          // data validation continues when the cells on both sides of the insertion have the same rule
          if (c.dv && after?.dv && sameDvRule(c.dv, after.dv, i + 1, axis)) {
            const d = i + 1;
            copy.dv = {
              ...c.dv,
              formula1: c.dv.formula1 && shiftFormula(c.dv.formula1, axis === 'row' ? d : 0, axis === 'col' ? d : 0),
              formula2: c.dv.formula2 && shiftFormula(c.dv.formula2, axis === 'row' ? d : 0, axis === 'col' ? d : 0),
            };
          }
          const nk = axis === 'row' ? cellKey(index + i, col) : cellKey(row, index + i);
          if (!isDefaultCell(copy)) s.cells.set(nk, copy);
        }
      }
    }

    // 5. merges, CF ranges, sizes, selection
    const adjRect = (r: Rect): Rect | null => {
      const lo = axis === 'row' ? r.r0 : r.c0;
      const hi = axis === 'row' ? r.r1 : r.c1;
      if ((axis === 'row' && r.r1 === MAX_ROWS - 1 && r.r0 === 0) || (axis === 'col' && r.c0 === 0 && r.c1 === MAX_COLS - 1))
        return r; // entire columns (for row edits) / entire rows (for column edits) keep their extent
      const res = adjustInterval(lo, hi, edit);
      if (!res) return null;
      const [nlo, nhi] = [res[0], Math.min(res[1], max - 1)];
      return axis === 'row' ? { ...r, r0: nlo, r1: nhi } : { ...r, c0: nlo, c1: nhi };
    };
    s.merges = s.merges
      .map(adjRect)
      .filter((m): m is Rect => !!m && !(m.r0 === m.r1 && m.c0 === m.c1));
    for (const cf of s.cfs) {
      cf.rects = cf.rects.map(adjRect).filter((x): x is Rect => !!x);
      const a = axis === 'row' ? cf.anchorRow : cf.anchorCol;
      const na = adjustInterval(a, a, edit);
      if (na) {
        if (axis === 'row') cf.anchorRow = na[0];
        else cf.anchorCol = na[0];
      }
    }
    s.cfs = s.cfs.filter((cf) => cf.rects.length > 0);
    const sizes = axis === 'row' ? s.rowHeights : s.colWidths;
    const newSizes = new Map<number, number>();
    for (const [i, v] of sizes) {
      const r = adjustInterval(i, i, edit);
      if (r) newSizes.set(r[0], v);
    }
    if (kind === 'insert' && sizes.has(index - 1)) for (let i = 0; i < count; i++) newSizes.set(index + i, sizes.get(index - 1)!);
    if (axis === 'row') s.rowHeights = newSizes;
    else s.colWidths = newSizes;
    s.selectionAreas = null;
    const sel = adjRect(s.selection);
    s.selection = sel ?? { r0: Math.min(index, max - 1), c0: s.selection.c0, r1: Math.min(index, max - 1), c1: s.selection.c0 };

    this.touch();
    const addr =
      axis === 'row' ? `${index + 1}:${index + count}` : `${columnLetters(index)}:${columnLetters(index + count - 1)}`;
    const changeType =
      axis === 'row'
        ? kind === 'insert'
          ? 'RowInserted'
          : 'RowDeleted'
        : kind === 'insert'
          ? 'ColumnInserted'
          : 'ColumnDeleted';
    this.emitChanged(s, addr, changeType);
  }

  // ------------------------------------------------------------------ conditional formats

  addCf(s: SheetModel, r: Rect): CfModel {
    const cf: CfModel = {
      id: `{mem-cf-${this.cfSeq++}}`,
      type: 'custom',
      rects: [{ ...r }],
      anchorRow: r.r0,
      anchorCol: r.c0,
      formula: '',
      fill: null,
      fontColor: null,
    };
    s.cfs.unshift(cf); // a new rule gets the highest priority (0), like Excel
    this.touch();
    return cf;
  }

  findCf(id: string): { sheet: SheetModel; cf: CfModel } | undefined {
    for (const sheet of this.sheets) {
      const cf = sheet.cfs.find((c) => c.id === id);
      if (cf) return { sheet, cf };
    }
    return undefined;
  }

  /** Removes CFs from a rect: rules fully inside are deleted, overlapping rules lose that part. */
  clearCfs(s: SheetModel, r: Rect): void {
    for (const cf of s.cfs) {
      const out: Rect[] = [];
      for (const x of cf.rects) out.push(...subtractRect(x, r));
      cf.rects = out;
    }
    s.cfs = s.cfs.filter((cf) => cf.rects.length > 0);
    this.touch();
  }

  private highlightCache = new Map<string, CfModel | null>();
  private highlightVersion = -1;

  /** The first (by priority) custom CF whose formula is TRUE at the cell (cached until the workbook changes). */
  highlightAt(s: SheetModel, row: number, col: number): CfModel | null {
    if (this.highlightVersion !== this.version) {
      this.highlightCache.clear();
      this.highlightVersion = this.version;
    }
    const key = `${s.id}|${row}|${col}`;
    const hit = this.highlightCache.get(key);
    if (hit !== undefined) return hit;
    const cf = this.computeHighlight(s, row, col);
    this.highlightCache.set(key, cf);
    return cf;
  }

  private computeHighlight(s: SheetModel, row: number, col: number): CfModel | null {
    for (const cf of s.cfs) {
      if (!cf.rects.some((x) => rectContains(x, row, col))) continue;
      if (!cf.formula) continue;
      const v = this.evaluateAt(s, cf.formula, row, col, cf.anchorRow, cf.anchorCol);
      if (isTruthy(v)) return cf;
    }
    return null;
  }

  // ------------------------------------------------------------------ addresses

  qualified(s: SheetModel, r: Rect): string {
    return qualifiedAddress(s.name, r);
  }

}

function sameDvRule(a: DvState, b: DvState, dist: number, axis: 'row' | 'col'): boolean {
  if (a.type !== b.type || a.operator !== b.operator || a.listSource !== b.listSource) return false;
  const d = dist; // b is (count + 1) cells after a in the moved grid; compare shapes via shifting a
  void d;
  void axis;
  const norm = (f?: string) => (f ?? '').replace(/\$?[A-Z]{1,3}\$?\d+/g, 'R');
  return norm(a.formula1) === norm(b.formula1) && norm(a.formula2) === norm(b.formula2);
}

