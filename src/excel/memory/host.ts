/**
 * MemoryHost: a drop-in for Excel.run over an in-memory workbook, plus a simulated user
 * (typing, pasting, inserting/deleting rows, protection, cell-edit mode) and read-outs of what a
 * person would see in each cell.
 */
import { MAX_COLS, MAX_ROWS, Rect, parseAddress, rectAddress } from '../../report/standard/a1';
import { MemErrorCode, MemOfficeError } from './errors';
import { isValidFormula } from './formula/parse';
import { FormulaError } from './formula/values';
import { parseCellInput, parseInputText } from './model/cellInput';
import { CellData, DEFAULT_BORDER, DEFAULT_CELL, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, EDGES, EdgeName } from './model/cells';
import { PageLayoutModel } from './model/pageLayout';
import { editRows } from './model/rows';
import { SheetModel } from './model/sheet';
import { isCellValid } from './model/validation';
import { Workbook } from './model/workbook';
import { formatValue } from './numfmt';
import { MemRequestContext, SyncStats } from './proxies/context';

export interface CellView {
  value: number | string | boolean | null;
  formula: string | null;
  text: string;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  wrap: boolean;
  horizontalAlignment: string;
  verticalAlignment: string;
  borders: Record<EdgeName, { style: string; color: string }>;
  highlight: { fill: string | null; fontColor: string | null } | null;
  displayFill: string | null;
  dataValidation: { type: string; rule: unknown; errorMessage?: string } | null;
  merge: { address: string; isTopLeft: boolean } | null;
}

export interface NameView {
  name: string;
  scope: string;
  reference: string;
  comment: string;
}

export class MemoryHost {
  readonly workbook = new Workbook();
  readonly stats: SyncStats = { syncs: 0, batchSizes: [] };
  /**
   * What Ctrl+Z would undo, latest last: the contents the user's typing and value pastes replaced
   * (formats are not restored), or a run of the add-in that changed the workbook ('api'), which Excel
   * puts on the same undo stack (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities).
   */
  private undoStack: (
    | {
        sheetId: string;
        rect: Rect;
        cells: { row: number; col: number; value: unknown; formula: string | null }[];
      }
    | 'api'
  )[] = [];
  /**
   * Whether this host honours RunOptions.delayForCellEdit (requirement set DelayForCellEdit). Set
   * false to play a host without it, which ignores the option.
   */
  delayForCellEditSupported = true;

  constructor() {
    this.run = this.run.bind(this);
    this.workbook.onApiWrite = () => this.afterApiWrite();
  }

  /**
   * Drop-in for Excel.run(batch): creates a RequestContext, runs the batch, syncs what is left queued.
   * Excel.run(context, batch) runs the batch on a context made by an earlier run of this host;
   * Excel.run(options, batch) takes RunOptions, of which only delayForCellEdit is simulated.
   */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(context: OfficeExtension.ClientRequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  run<T>(options: Excel.RunOptions, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  async run<T>(
    a: OfficeExtension.ClientRequestContext | Excel.RunOptions | ((context: Excel.RequestContext) => Promise<T>),
    b?: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T> {
    let ctx: MemRequestContext;
    let batch: (context: Excel.RequestContext) => Promise<T>;
    if (typeof a === 'function') {
      ctx = new MemRequestContext(this.workbook, this.stats);
      batch = a;
    } else if (isRunOptions(a)) {
      if (!b) throw new MemOfficeError('InvalidArgument', 'run(options, batch) needs a batch.');
      if (a.previousObjects !== undefined || a.session !== undefined)
        throw new MemOfficeError('NotImplemented', 'Only RunOptions.delayForCellEdit is simulated.');
      ctx = new MemRequestContext(this.workbook, this.stats);
      ctx._delayForCellEdit = this.delayForCellEditSupported && a.delayForCellEdit === true;
      batch = b;
    } else {
      if (!(a instanceof MemRequestContext) || a._wb !== this.workbook || !b)
        throw new MemOfficeError('InvalidRequestContext', 'run(context, batch) needs a request context of this workbook and a batch.');
      ctx = a;
      batch = b;
    }
    ctx._runs++;
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      if (ctx._pending > 0) await ctx.sync();
      return result;
    } finally {
      ctx._runs--;
    }
  }

  /**
   * Fault injection: the operation `index` (0-based, counted over every sync from now on; each
   * method call, property write and load is one, as in stats.batchSizes) fails with `code`, once.
   * As in Excel, the operations before it in its sync stay applied and the ones after it do not run.
   */
  failAtOperation(index: number, code: MemErrorCode = 'GeneralException'): void {
    this.workbook.failAtOperation(index, code);
  }

  resetStats(): void {
    this.stats.syncs = 0;
    this.stats.batchSizes.length = 0;
  }

  /** Resolves once every pending onChanged/onActivated handler has run. */
  flushEvents(): Promise<void> {
    return this.workbook.events.flush();
  }

  onAnyChange(listener: () => void): () => void {
    return this.workbook.events.onAnyChange(listener);
  }

  // ---------------------------------------------------------------- sheets

  addSheet(name: string): void {
    this.workbook.addSheet(name);
    this.changed();
  }

  setActiveSheet(name: string): void {
    const s = this.sheet(name);
    if (this.workbook.activeSheetId !== s.id) {
      this.workbook.activeSheetId = s.id;
      this.workbook.events.emitActivated(s);
    }
    this.changed();
  }

  sheetNames(): string[] {
    return this.workbook.sheets.map((s) => s.name);
  }

  /** The sheets a user sees as tabs (hidden ones left out, as Excel's tab bar does). */
  visibleSheetNames(): string[] {
    return this.workbook.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name);
  }

  sheetVisibility(name: string): 'Visible' | 'Hidden' | 'VeryHidden' {
    return this.sheet(name).visibility;
  }

  activeSheetName(): string {
    return this.workbook.activeSheet().name;
  }

  selection(): { sheet: string; address: string } {
    const s = this.workbook.activeSheet();
    return { sheet: s.name, address: rectAddress(s.selection) };
  }

  /** Every area of the active sheet's selection (several after RangeAreas.select). */
  selectionAreas(): string[] {
    const s = this.workbook.activeSheet();
    return (s.selectionAreas ?? [s.selection]).map((r) => rectAddress(r));
  }

  /** The user clicks/drag-selects a range. */
  userSelect(sheet: string, address: string): void {
    const s = this.sheet(sheet);
    s.selection = this.rect(address);
    s.selectionAreas = null;
    this.workbook.activeSheetId = s.id;
    this.changed();
  }

  protectSheet(sheet: string, on: boolean): void {
    const s = this.sheet(sheet);
    s.protected = on;
    this.workbook.touch();
    this.changed();
  }

  /**
   * The user starts (true) or ends (false) typing in a cell. While on, a sync rejects with
   * InvalidOperationInCellEditMode, except in a run with { delayForCellEdit: true }, whose syncs wait
   * until editing ends. To commit what was typed, call setCellEditMode(false) then userEdit.
   */
  setCellEditMode(on: boolean): void {
    this.workbook.cellEditMode = on;
  }

  /**
   * The user switches to another workbook (true) or back (false). Meanwhile loading a worksheet's
   * names rejects the sync with InvalidSelection (office-js#6365); the workbook's names still read.
   */
  setOtherWorkbookViewed(on: boolean): void {
    this.workbook.otherWorkbookViewed = on;
  }

  // ---------------------------------------------------------------- the simulated user

  /**
   * Types into a cell and presses Enter. Data validation with a Stop alert refuses bad input
   * (accepted:false with the alert's message); Warning/Information alerts accept it with the message.
   */
  userEdit(sheet: string, address: string, input: string | number | null): { accepted: boolean; message?: string } {
    const s = this.sheet(sheet);
    const r = this.rect(address);
    let row = r.r0;
    let col = r.c0;
    const m = this.workbook.mergeAt(s, row, col);
    if (m) {
      row = m.r0;
      col = m.c0;
    }
    const wb = this.workbook;
    if (s.protected)
      throw new Error(
        `userEdit: the cell ${sheet}!${rectAddress({ r0: row, c0: col, r1: row, c1: col })} is locked and the sheet is protected.`,
      );
    if (typeof input === 'string' && input.startsWith('=') && input.length > 1 && !isValidFormula(input))
      return { accepted: false, message: `There's a problem with this formula: ${input}` };
    if (typeof input === 'string' && /^[+-]/.test(input) && typeof parseInputText(input) === 'string' && !isValidFormula('=' + input))
      return { accepted: false, message: `There's a problem with this formula: =${input}` };
    const before = wb.getCell(s, row, col);
    const snapshot = { value: before.value, formula: before.formula };
    const parsed = parseCellInput(input === null ? '' : input, before.numberFormat, false);
    const c = wb.cellForWrite(s, row, col);
    c.value = parsed.value;
    c.formula = parsed.formula;
    wb.touch();
    let message: string | undefined;
    const dv = c.dv;
    const clearing = parsed.value === null && parsed.formula === null;
    if (dv && dv.type && !clearing && !isCellValid(wb, s, row, col) && dv.errorAlert.showAlert) {
      message = dv.errorAlert.message || "This value doesn't match the data validation restrictions defined for this cell.";
      if (dv.errorAlert.style === 'Stop') {
        c.value = snapshot.value;
        c.formula = snapshot.formula;
        wb.compact(s, row, col);
        wb.touch();
        return { accepted: false, message };
      }
    }
    wb.compact(s, row, col);
    this.undoStack.push({ sheetId: s.id, rect: { r0: row, c0: col, r1: row, c1: col }, cells: [{ row, col, ...snapshot }] });
    wb.events.emitChanged(s, rectAddress({ r0: row, c0: col, r1: row, c1: col }), 'RangeEdited');
    this.changed();
    return message ? { accepted: true, message } : { accepted: true };
  }

  /**
   * Pastes values only (Paste Values, or text from the clipboard into cells that keep their formats),
   * bypassing data validation; fires one onChanged for the whole range. See userPasteAll for Ctrl+V
   * of cells from another workbook, which also replaces formats.
   */
  userPaste(sheet: string, topLeft: string, values: (string | number | null)[][]): void {
    const s = this.sheet(sheet);
    const rect = this.pasteRect('userPaste', topLeft, values);
    if (!rect) return;
    if (s.protected) throw new Error(`userPaste: ${sheet}!${rectAddress(rect)} contains locked cells and the sheet is protected.`);
    const before: { row: number; col: number; value: unknown; formula: string | null }[] = [];
    for (let i = rect.r0; i <= rect.r1; i++)
      for (let j = rect.c0; j <= rect.c1; j++) {
        const c = this.workbook.getCell(s, i, j);
        before.push({ row: i, col: j, value: c.value, formula: c.formula });
      }
    for (let row = rect.r0; row <= rect.r1; row++)
      for (let col = rect.c0; col <= rect.c1; col++) this.pasteInput(s, row, col, values[row - rect.r0][col - rect.c0]);
    this.undoStack.push({ sheetId: s.id, rect, cells: before });
    this.workbook.events.emitChanged(s, rectAddress(rect), 'RangeEdited');
    this.changed();
  }

  /** After a sync of the add-in that changed the workbook: it goes on the undo stack; what Excel cannot undo clears it. */
  private afterApiWrite(): void {
    if (this.workbook.undoCleared) {
      this.workbook.undoCleared = false;
      this.undoStack = [];
    } else if (this.undoStack[this.undoStack.length - 1] !== 'api') this.undoStack.push('api');
  }

  /**
   * Ctrl+Z: puts back the values and formulas that the user's last typing (userEdit) or value paste
   * (userPaste) replaced, with one onChanged, as Excel's undo does. When the last thing done was a
   * run of the add-in that changed the workbook (an automatic repair after a paste, say), Excel's
   * Ctrl+Z undoes that run, not the user's edit: here it returns 'api' and changes nothing (undoing
   * the add-in's writes is not simulated). A sheet deleted or its visibility set clears the stack.
   * Returns false when there is nothing to undo.
   */
  userUndo(): boolean | 'api' {
    const last = this.undoStack.pop();
    if (!last) return false;
    // Undoing what the add-in wrote is not simulated: the user's own edit stays, as after Excel's first Ctrl+Z.
    if (last === 'api') return 'api';
    const s = this.workbook.sheets.find((x) => x.id === last.sheetId);
    if (!s) return this.userUndo();
    for (const c of last.cells) {
      const cell = this.workbook.cellForWrite(s, c.row, c.col);
      cell.value = c.value as typeof cell.value;
      cell.formula = c.formula;
      this.workbook.compact(s, c.row, c.col);
    }
    this.workbook.touch();
    this.workbook.events.emitChanged(s, rectAddress(last.rect), 'RangeEdited');
    this.changed();
    return true;
  }

  /**
   * Ctrl+V of cells copied from another workbook, Word or a web page (paste all): values as in
   * userPaste, and the source's formats replace the destination's. The pasted cells take the
   * source's number format (General unless given) and fill, lose their borders, font and alignment,
   * carry the source's data validation (none) and are cut out of every conditional format.
   * A paste over part of a merged area is refused as in Excel; merges inside the area are undone.
   */
  userPasteAll(
    sheet: string,
    topLeft: string,
    values: (string | number | null)[][],
    source: { numberFormat?: string; fill?: string | null; coauthor?: boolean } = {},
  ): void {
    const s = this.sheet(sheet);
    const rect = this.pasteRect('userPasteAll', topLeft, values);
    if (!rect) return;
    if (s.protected) throw new Error(`userPasteAll: the sheet ${sheet} is protected.`);
    const wb = this.workbook;
    for (const m of s.merges) {
      const inside = m.r0 >= rect.r0 && m.r1 <= rect.r1 && m.c0 >= rect.c0 && m.c1 <= rect.c1;
      const overlaps = !(m.r1 < rect.r0 || m.r0 > rect.r1 || m.c1 < rect.c0 || m.c0 > rect.c1);
      if (overlaps && !inside) throw new Error(`userPasteAll: cannot change part of a merged cell (${rectAddress(m)}).`);
    }
    wb.unmerge(s, rect);
    wb.clearCfs(s, rect);
    for (let row = rect.r0; row <= rect.r1; row++)
      for (let col = rect.c0; col <= rect.c1; col++) {
        const c = wb.cellForWrite(s, row, col);
        const keep = { value: c.value, formula: c.formula };
        Object.assign(c, { ...DEFAULT_CELL, borders: {} }, keep, {
          numberFormat: source.numberFormat ?? 'General',
          fill: source.fill ?? null,
          dv: null,
        });
        this.pasteInput(s, row, col, values[row - rect.r0][col - rect.c0]);
      }
    wb.touch();
    // A co-author's paste reaches this add-in's handlers with source "Remote" (WorksheetChangedEventArgs.source).
    wb.events.emitChanged(s, rectAddress(rect), 'RangeEdited', source.coauthor ? 'Remote' : 'Local');
    this.changed();
  }

  /** The cells a paste of `values` from topLeft covers; null when there is nothing to paste. */
  private pasteRect(who: string, topLeft: string, values: unknown[][]): Rect | null {
    const at = this.rect(topLeft);
    const rows = values.length;
    const cols = Math.max(0, ...values.map((v) => v.length));
    if (rows === 0 || cols === 0) return null;
    const rect: Rect = { r0: at.r0, c0: at.c0, r1: at.r0 + rows - 1, c1: at.c0 + cols - 1 };
    if (rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) throw new Error(`${who}: the data does not fit on the sheet.`);
    return rect;
  }

  /** One pasted value, read like typed input; text that is not a valid formula is kept as text (assumed). */
  private pasteInput(s: SheetModel, row: number, col: number, v: string | number | null | undefined): void {
    try {
      this.workbook.setInput(s, row, col, v === null || v === undefined ? '' : v);
    } catch (e) {
      if (typeof v !== 'string') throw e;
      this.workbook.setInput(s, row, col, `'${v}`);
    }
  }

  userInsertRows(sheet: string, rowIndex0: number, count: number): void {
    this.editRows(sheet, 'insert', rowIndex0, count);
  }

  /** Deletes a sheet from its tab (right-click → 删除): references to it become #REF!, worksheets.onDeleted fires. */
  userDeleteSheet(sheet: string): void {
    this.workbook.deleteSheet(this.sheet(sheet));
    this.undoStack = [];
    this.workbook.undoCleared = false;
    this.changed();
  }

  userDeleteRows(sheet: string, rowIndex0: number, count: number): void {
    this.editRows(sheet, 'delete', rowIndex0, count);
  }

  userUnmerge(sheet: string, address: string): void {
    const s = this.sheet(sheet);
    if (s.protected) throw new Error(`userUnmerge: the sheet ${sheet} is protected.`);
    this.workbook.unmerge(s, this.rect(address));
    this.changed();
  }

  private editRows(sheet: string, kind: 'insert' | 'delete', index: number, count: number): void {
    const s = this.sheet(sheet);
    if (s.protected) throw new Error(`The sheet ${sheet} is protected: rows cannot be ${kind}ed.`);
    editRows(this.workbook, s, kind, index, count);
    this.changed();
  }

  // ---------------------------------------------------------------- what a person sees

  cell(sheet: string, address: string): CellView {
    const s = this.sheet(sheet);
    const r = this.rect(address);
    const row = r.r0;
    const col = r.c0;
    const wb = this.workbook;
    const c: Readonly<CellData> = wb.getCell(s, row, col);
    const v = wb.value(s, row, col);
    const value = v instanceof FormulaError ? v.code : v;
    const borders = {} as Record<EdgeName, { style: string; color: string }>;
    for (const e of EDGES) {
      const b = c.borders[e] ?? DEFAULT_BORDER;
      borders[e] = { style: b.style, color: b.color };
    }
    const cf = wb.highlightAt(s, row, col);
    const highlight = cf ? { fill: cf.fill, fontColor: cf.fontColor } : null;
    const m = wb.mergeAt(s, row, col);
    const dv = c.dv && c.dv.type ? c.dv : null;
    return {
      value,
      formula: c.formula,
      text: formatValue(v, c.numberFormat),
      numberFormat: c.numberFormat,
      fill: c.fill,
      bold: c.bold,
      wrap: c.wrap,
      horizontalAlignment: c.hAlign,
      verticalAlignment: c.vAlign,
      borders,
      highlight,
      displayFill: highlight?.fill ?? c.fill,
      dataValidation: dv
        ? {
            type: dv.type!,
            rule:
              dv.type === 'custom'
                ? { formula: dv.formula1 }
                : dv.type === 'list'
                  ? { source: dv.listSource }
                  : { formula1: dv.formula1, formula2: dv.formula2, operator: dv.operator },
            ...(dv.errorAlert.message ? { errorMessage: dv.errorAlert.message } : {}),
          }
        : null,
      merge: m ? { address: rectAddress(m), isTopLeft: m.r0 === row && m.c0 === col } : null,
    };
  }

  /** Extent from A1 of everything used (values, formats, merges), for rendering a grid. */
  usedRange(sheet: string): { rowCount: number; columnCount: number } {
    const e = this.workbook.extent(this.sheet(sheet), false);
    return { rowCount: e.rows, columnCount: e.cols };
  }

  merges(sheet: string): string[] {
    return this.sheet(sheet).merges.map((m) => rectAddress(m));
  }

  columnWidth(sheet: string, col0: number): number {
    return this.sheet(sheet).colWidths.get(col0) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(sheet: string, row0: number): number {
    return this.sheet(sheet).rowHeights.get(row0) ?? DEFAULT_ROW_HEIGHT;
  }

  /** The sheet's page setup (Excel.PageLayout's values, margins in points) and the rows its manual page breaks come before. */
  pageSetup(sheet: string): PageLayoutModel & { horizontalBreaks: number[] } {
    const s = this.sheet(sheet);
    return { ...s.pageLayout, zoom: { ...s.pageLayout.zoom }, horizontalBreaks: s.horizontalBreaks.map((b) => b.row) };
  }

  names(): NameView[] {
    return this.workbook.names.map((n) => ({
      name: n.name,
      scope: n.scopeSheetId ? (this.workbook.sheetById(n.scopeSheetId)?.name ?? '?') : 'workbook',
      reference: n.formula,
      comment: n.comment,
    }));
  }

  /** Conditional formats of a sheet in priority order (for debugging views). */
  conditionalFormats(sheet: string): { ranges: string[]; formula: string; fill: string | null; fontColor: string | null }[] {
    return this.sheet(sheet).cfs.map((cf) => ({
      ranges: cf.rects.map((r) => rectAddress(r)),
      formula: cf.formula,
      fill: cf.fill,
      fontColor: cf.fontColor,
    }));
  }

  // ---------------------------------------------------------------- helpers

  private sheet(name: string): SheetModel {
    const s = this.workbook.sheetByName(name);
    if (!s) throw new Error(`No sheet named '${name}'.`);
    return s;
  }

  private rect(address: string): Rect {
    const p = parseAddress(address);
    if (!p) throw new MemOfficeError('InvalidArgument', `Bad address '${address}'.`);
    return p.rect;
  }

  private changed(): void {
    this.workbook.events.notifyAnyChange();
  }
}

/** A plain RunOptions object (not a request context or an API object). */
function isRunOptions(a: unknown): a is Excel.RunOptions {
  return typeof a === 'object' && a !== null && Object.getPrototypeOf(a) === Object.prototype;
}

export function createMemoryHost(): MemoryHost {
  return new MemoryHost();
}
