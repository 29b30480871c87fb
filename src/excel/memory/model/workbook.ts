/**
 * The in-memory workbook: sheets, cells and their computed values, merges, conditional formats,
 * defined names, protection, cell-edit mode and injected faults. The office-js proxies (proxies/)
 * and the simulated user (MemoryHost in host.ts) both operate on this model.
 */
import { Rect, qualifiedAddress, rectAddress } from '../../../report/standard/a1';
import { MemErrorCode, MemOfficeError } from '../errors';
import { FormulaEnv, evaluateFormula, isTruthy } from '../formula/evaluate';
import { isValidFormula } from '../formula/parse';
import { deleteSheetInFormula, renameSheetInFormula } from '../formula/rewrite';
import { FormulaError, Scalar } from '../formula/values';
import { parseCellInput } from './cellInput';
import { CellData, DEFAULT_CELL, cellKey, isDefaultCell, keyCol, keyRow } from './cells';
import { WorkbookEvents } from './events';
import { rectContains, rectIntersect, subtractRect } from './rect';
import { CfModel, NameModel, SheetModel } from './sheet';
import { VersionedCache } from './versionedCache';

const NAME_RE = /^[\p{L}_\\][\p{L}\p{N}_.\\]*$/u;

function isValidDefinedName(name: string): boolean {
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
  readonly events = new WorkbookEvents();
  private editing = false;
  private editEnded: (() => void)[] = [];
  private nextId = 1;
  private version = 0;
  private readonly values = new VersionedCache<Scalar>(() => this.version);
  private readonly extents = new VersionedCache<{ rows: number; cols: number }>(() => this.version);
  private readonly highlights = new VersionedCache<CfModel | null>(() => this.version);
  /** The formula cells being evaluated, to find circular references. */
  private readonly computing = new Set<string>();
  private cfSeq = 1;

  // ------------------------------------------------------------------ cell-edit mode

  /** The user is typing in a cell (Excel's cell-edit mode). */
  /**
   * The user views another workbook (the add-in's workbook has lost the focus): reading a worksheet's
   * names fails with InvalidSelection while the workbook's names still read (office-js#6365, on Mac).
   */
  otherWorkbookViewed = false;

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
    if (dup && dup !== except) throw new MemOfficeError('ItemAlreadyExists', `A worksheet named '${name}' already exists.`);
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

  /** How many changes the workbook has seen (for telling whether a run of the add-in changed anything). */
  get changes(): number {
    return this.version;
  }

  /**
   * Set when something that Excel cannot undo happened (a sheet deleted or its visibility set): the
   * user's undo stack is cleared (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
   */
  undoCleared = false;

  /** Called after a sync of the add-in that changed the workbook (the host keeps the undo stack). */
  onApiWrite?: () => void;

  deleteSheet(s: SheetModel): void {
    if (this.sheets.length === 1 || (s.visibility === 'Visible' && !this.sheets.some((x) => x !== s && x.visibility === 'Visible')))
      throw new MemOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    // A very hidden sheet cannot be deleted until it is made hidden or visible (by design:
    // https://github.com/OfficeDev/office-js/issues/365, where Excel answers GeneralException).
    if (s.visibility === 'VeryHidden')
      throw new MemOfficeError('GeneralException', 'There was an internal error while processing the request.');
    this.sheets = this.sheets.filter((x) => x !== s);
    this.names = this.names.filter((n) => n.scopeSheetId !== s.id);
    this.rewriteAllFormulas((f) => deleteSheetInFormula(f, s.name));
    if (this.activeSheetId === s.id) this.activeSheetId = (this.sheets.find((x) => x.visibility === 'Visible') ?? this.sheets[0]).id;
    this.undoCleared = true;
    this.touch();
    this.events.emitDeleted(s);
  }

  /**
   * Worksheet.visibility = v. A workbook keeps at least one visible sheet; hiding the active sheet
   * activates the next visible one to its right, else the nearest to its left, as Excel's UI does.
   */
  setVisibility(s: SheetModel, v: string): void {
    if (v !== 'Visible' && v !== 'Hidden' && v !== 'VeryHidden') throw new MemOfficeError('InvalidArgument', `Invalid visibility '${v}'.`);
    this.undoCleared = true;
    if (v !== 'Visible' && !this.sheets.some((x) => x !== s && x.visibility === 'Visible'))
      throw new MemOfficeError('InvalidOperation', 'A workbook must contain at least one visible worksheet.');
    s.visibility = v;
    if (v !== 'Visible' && this.activeSheetId === s.id) {
      const i = this.sheets.indexOf(s);
      const next =
        this.sheets.slice(i + 1).find((x) => x.visibility === 'Visible') ??
        [...this.sheets.slice(0, i)].reverse().find((x) => x.visibility === 'Visible')!;
      this.activeSheetId = next.id;
      this.events.emitActivated(next);
    }
    this.touch();
  }

  /** Rewrites every formula of the workbook: cells, validation rules, conditional formats, names. */
  rewriteAllFormulas(f: (formula: string, host: SheetModel | null) => string): void {
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

  // ------------------------------------------------------------------ changes

  /** Marks the workbook changed: invalidates computed values. */
  touch(): void {
    this.version++;
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
    const hit = this.extents.get(key);
    if (hit) return hit;
    const e = this.computeExtent(s, valuesOnly);
    this.extents.set(key, e);
    return e;
  }

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
    const key = `${s.id}|${row}|${col}`;
    const hit = this.values.get(key);
    if (hit !== undefined) return hit;
    if (this.computing.has(key)) return new FormulaError('#REF!');
    this.computing.add(key);
    let v: Scalar;
    try {
      v = evaluateFormula(c.formula, this.env(s));
    } finally {
      this.computing.delete(key);
    }
    if (this.computing.size === 0 || !(v instanceof FormulaError)) this.values.set(key, v);
    return v;
  }

  private env(s: SheetModel): FormulaEnv {
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
    if (what === 'format') throw new MemOfficeError('AccessDenied', `The worksheet '${s.name}' is protected; formatting is not allowed.`);
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
    checkNameComment(comment);
    const n: NameModel = { name, scopeSheetId, formula: f, comment };
    this.names.push(n);
    this.touch();
    return n;
  }

  // ------------------------------------------------------------------ conditional formats

  addCf(s: SheetModel, r: Rect): CfModel {
    const cf: CfModel = {
      id: `{mem-cf-${this.cfSeq++}}`,
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

  /** The first (by priority) custom CF whose formula is TRUE at the cell. */
  highlightAt(s: SheetModel, row: number, col: number): CfModel | null {
    const key = `${s.id}|${row}|${col}`;
    const hit = this.highlights.get(key);
    if (hit !== undefined) return hit;
    const cf = this.computeHighlight(s, row, col);
    this.highlights.set(key, cf);
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

/**
 * A name's comment is at most 255 characters (https://learn.microsoft.com/office/vba/api/excel.name.comment;
 * the office.js NamedItem.comment page gives no limit, so the one documented for Excel's names holds).
 */
export function checkNameComment(comment: string): void {
  if (comment.length > 255)
    throw new MemOfficeError('InvalidArgument', `A name's comment cannot exceed 255 characters (got ${comment.length}).`);
}
