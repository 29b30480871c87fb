import { CheckOptions, checkSheet, FormulaTotalLost, KnownBlocks, mergeSheetCheck, readWorkbook, Unguarded, WorkbookCheck } from './check';
import { excelCodeOf, LiveNotice, Problem, problemOf, readProblem } from './problems';
import { queueRepairTable } from './paint';
import { Placement, placementSites } from '../report/look/formulas';
import { crossYearHighlights } from '../report/sheet/lastYear';
import { queueCrossYearHighlights } from './lastYear';
import { BatchRun, delayForCellEditSupported, ExcelRun, whileEditing } from './run';
import { Clock, realClock } from './clock';

export interface LiveCheckerOptions {
  /**
   * Quiet time after the last edit before checking, in ms. By default short (30 ms) where Excel
   * holds a batch during cell edit (delayForCellEdit), longer (300 ms) where a check that meets
   * cell-edit mode fails and is retried.
   */
  debounceMs?: number;
  /** Whether Excel supports RunOptions.delayForCellEdit (requirement set DelayForCellEdit); detected when not given. */
  delayForCellEdit?: boolean;
  /** After the add-in's own writes, change events are ignored for this long, in ms. */
  ownWriteQuietMs?: number;
  onResult: (check: WorkbookCheck) => void;
  /** What the host can read beyond ExcelApi 1.8. */
  check?: CheckOptions;
  onError?: (problem: Problem) => void;
  /** A later check succeeded after onError: the error no longer holds. */
  onErrorCleared?: () => void;
  /** Something the add-in put right by itself, or noticed, to tell the user once, e.g. highlights restored after a paste. */
  onNotice?: (notice: LiveNotice) => void;
  /** The debounce, the quiet window and the retries run on this clock (a manual one in tests). */
  clock?: Clock;
}

/**
 * Errors that pass: the check is tried again. InactiveWorkbook: another workbook has the focus
 * (Excel.ErrorCodes); InvalidSelection: what reading a worksheet's names throws while the user views
 * another workbook (https://github.com/OfficeDev/office-js/issues/6365).
 */
const TRANSIENT = new Set([
  'InvalidOperationInCellEditMode',
  'InactiveWorkbook',
  'InvalidSelection',
  'Conflict',
  'GeneralException',
  'ServiceNotAvailable',
  'RequestAborted',
  'Timeout',
]);
/** The key of the full check's timer and attempts, beside the sheets' ids. */
const REFRESH = '\u0000refresh';
/** Retries of one check, then its error is shown (a later edit starts again). */
const MAX_RETRIES = 30;
const RETRY_MAX_DELAY_MS = 2000;

type Handler = OfficeExtension.EventHandlerResult<Excel.WorksheetChangedEventArgs>;

/**
 * Checks again whenever a sheet that holds a template changes: Excel's worksheet.onChanged, debounced,
 * then one sync that reads the sheet. Handlers are registered for every template sheet on each
 * refresh (the task pane calls refresh on load and after inserting), never twice for one sheet.
 */
export class LiveChecker {
  private handlers = new Map<string, Handler>();
  private activation: OfficeExtension.EventHandlerResult<Excel.WorksheetActivatedEventArgs> | null = null;
  private deletion: OfficeExtension.EventHandlerResult<Excel.WorksheetDeletedEventArgs> | null = null;
  private timers = new Map<string, unknown>();
  private quietUntil = 0;
  /** When the last full check started: an edit dropped in a quiet window before it is covered by it. */
  private lastRefreshStart = 0;
  /** Sheets whose change events arrived in a quiet window, with the time of the last one. */
  private dropped = new Map<string, number>();
  private quietTimer: unknown;
  /** When the add-in's events were last switched off for a write not yet covered by a full check. */
  private blindSince: number | null = null;
  /** Per sheet: whether an edit since its last check came from this user (source "Local"), not only from co-authors. */
  private localEdit = new Map<string, boolean>();
  private current: WorkbookCheck = { sheets: [] };
  /** Where each sheet's blocks were last read (by sheet id): the next check of the sheet reads there first. */
  private known = new Map<string, KnownBlocks>();
  private enabled = true;
  private readonly debounceMs: number;
  private readonly ownWriteQuietMs: number;
  private readonly clock: Clock;
  /** Runs of the checks: held by Excel while the user edits a cell. */
  private readonly checkRun: BatchRun;
  /** Runs of what the user asked for by a click: not held during cell edit (see refresh). */
  private readonly clickRun: BatchRun;
  /** Failed attempts of each sheet's pending check. */
  private attempts = new Map<string, number>();
  /** The error reported through onError, until a check succeeds. */
  error: Problem | null = null;
  /** The last notice given through onNotice. */
  notice: LiveNotice | null = null;
  /** Total cells (sheet id!address) already said to be typed over: each is said once. */
  private toldTotals = new Set<string>();
  /** Live checks run so far (for tests and the benchmark). */
  checksRun = 0;

  constructor(
    private readonly run: ExcelRun,
    private readonly options: LiveCheckerOptions,
  ) {
    const delay = options.delayForCellEdit ?? delayForCellEditSupported();
    this.debounceMs = options.debounceMs ?? (delay ? 30 : 300);
    this.ownWriteQuietMs = options.ownWriteQuietMs ?? 500;
    this.checkRun = whileEditing(run);
    this.clickRun = (batch) => run(batch);
    this.clock = options.clock ?? realClock;
  }

  get result(): WorkbookCheck {
    return this.current;
  }

  /**
   * Full check of the workbook, then handlers on every template sheet not yet watched. 'click': the
   * user asked (重新校验): run at once, without waiting for cell-edit mode to end, as a click in the
   * task pane does not end it on Windows (https://github.com/OfficeDev/office-js/issues/806), and say
   * any error. 'auto' (the pane opening, the add-in's own follow-up): held during cell edit, and a
   * passing error (edit mode without DelayForCellEdit, another workbook in view, Excel busy) is tried
   * again later, like the single-sheet checks, before it is shown.
   */
  async refresh(how: 'auto' | 'click' = 'click'): Promise<WorkbookCheck> {
    if (this.timers.has(REFRESH)) this.clock.clearTimeout(this.timers.get(REFRESH));
    this.timers.delete(REFRESH);
    if (how === 'click') this.attempts.delete(REFRESH);
    this.lastRefreshStart = this.clock.now();
    const run = how === 'click' ? this.clickRun : this.checkRun;
    const { check, blocks } = await readWorkbook(run, this.options.check);
    if (check.error && how === 'auto' && this.retryRefresh(check.error)) return this.current;
    this.current = check;
    this.known = new Map(blocks);
    if (!check.error) this.clearError();
    this.options.onResult(check);
    // Last year's sheet is watched too: an edit there changes this year's cross-year findings.
    const lastSheet = check.lastYear?.kind === 'sheet' && check.lastYear.sheetId ? [check.lastYear.sheetId] : [];
    if (!check.error) {
      const problem = await this.watch([...new Set([...check.sheets.map((s) => s.sheetId), ...lastSheet])], run);
      if (problem && !(how === 'auto' && this.retryRefresh(problem))) this.reportError(problem);
      if (!problem) this.attempts.delete(REFRESH);
    }
    return check;
  }

  /** Schedules the full check again after a passing error; false when it is not one or the retries ran out. */
  private retryRefresh(problem: Problem): boolean {
    const n = (this.attempts.get(REFRESH) ?? 0) + 1;
    this.attempts.set(REFRESH, n);
    const code = problem.code === 'workbookNotInView' ? problem.excelCode : (excelCodeOf(problem) ?? '');
    if (!TRANSIENT.has(code) || n > MAX_RETRIES || !this.enabled) return false;
    const delay = Math.min(RETRY_MAX_DELAY_MS, Math.max(this.debounceMs, 50) * 2 ** Math.min(n, 6));
    this.timers.set(
      REFRESH,
      this.clock.setTimeout(() => {
        this.timers.delete(REFRESH);
        void this.refresh('auto');
      }, delay),
    );
    return true;
  }

  /** Adds the change handlers; the problem when that failed. */
  private async watch(sheetIds: string[], run: BatchRun = this.checkRun): Promise<Problem | null> {
    const fresh = sheetIds.filter((id) => !this.handlers.has(id));
    if (fresh.length === 0 && this.activation && this.deletion) return null;
    try {
      await run(async (context) => {
        const added = fresh.map((id) => ({
          id,
          handler: context.workbook.worksheets.getItem(id).onChanged.add((args) => this.onChanged(args)),
        }));
        // A sheet the pane has not seen (copied, or opened from another workbook) is checked when activated.
        const activation = this.activation ? null : context.workbook.worksheets.onActivated.add((args) => this.onActivated(args));
        // A deleted sheet's findings leave the pane, and a summary that summed it is checked again (ExcelApi 1.7).
        const deletion = this.deletion ? null : context.workbook.worksheets.onDeleted.add((args) => this.onDeleted(args));
        await context.sync();
        for (const a of added) this.handlers.set(a.id, a.handler);
        if (activation) this.activation = activation;
        if (deletion) this.deletion = deletion;
      });
      return null;
    } catch (e) {
      return readProblem(e);
    }
  }

  private reportError(problem: Problem): void {
    this.error = problem;
    this.options.onError?.(problem);
  }

  private clearError(): void {
    if (this.error === null) return;
    this.error = null;
    this.options.onErrorCleared?.();
  }

  /**
   * Runs one of the add-in's own writes (an insertion, a link, a repair) with the add-in's events
   * switched off (Runtime.enableEvents, ExcelApi 1.8: https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-events#enable-and-disable-events),
   * so that its own changes start no check. Events are switched off for the add-in whoever makes a
   * change, so an edit of the user's in that time is lost: when the write ends, the workbook is
   * checked again unless a full check started since. The short quiet time after the write stays, for
   * events Excel raises late: the sheets they name are checked when it ends.
   */
  async whileWriting<T>(write: () => Promise<T>): Promise<T> {
    const started = this.clock.now();
    this.ownWrites();
    const off = await this.setEvents(false, this.run);
    try {
      return await write();
    } finally {
      // Switched on again at once; in cell-edit mode (the user clicked in the pane while typing), in
      // the background once editing ends, so that the pane does not wait with no word (office-js#806).
      if (off && !(await this.setEvents(true, this.run)))
        void this.setEvents(true, this.checkRun).then((on) => {
          if (!on) this.reportError({ code: 'said', text: 'Excel 没有重新开启年报助手的事件，实时校验已停止：请关闭并重新打开任务窗格。' });
        });
      this.ownWrites(off ? started : null);
    }
  }

  /** Switches the add-in's events on or off; whether that was done. */
  private async setEvents(on: boolean, run: BatchRun): Promise<boolean> {
    try {
      await run(async (context) => {
        context.runtime.enableEvents = on;
        await context.sync();
      });
      return true;
    } catch {
      return false;
    }
  }

  /** Opens the quiet window; `blindSince`: events were off from then, so a full check follows unless one started since. */
  private ownWrites(blindSince: number | null = null): void {
    this.quietUntil = this.clock.now() + this.ownWriteQuietMs;
    if (this.quietTimer !== undefined) this.clock.clearTimeout(this.quietTimer);
    if (blindSince !== null) this.blindSince = Math.min(this.blindSince ?? blindSince, blindSince);
    // When the window closes, an event that came after the last full check started was the user's.
    this.quietTimer = this.clock.setTimeout(() => {
      this.quietTimer = undefined;
      const blind = this.blindSince;
      this.blindSince = null;
      if (blind !== null && this.lastRefreshStart < blind && this.enabled) {
        this.dropped.clear();
        void this.refresh('auto');
        return;
      }
      for (const [id, at] of this.dropped) if (at >= this.lastRefreshStart) this.schedule(id);
      this.dropped.clear();
    }, this.ownWriteQuietMs);
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
    if (!on) for (const t of this.timers.values()) this.clock.clearTimeout(t);
  }

  private onChanged(args: Excel.WorksheetChangedEventArgs): Promise<void> {
    if (!this.enabled) return Promise.resolve();
    // A co-author's change ("Remote") is checked but not repaired here: the co-author's own pane does
    // that, and every pane writing at once would fight (WorksheetChangedEventArgs.source, Excel.EventSource).
    this.localEdit.set(args.worksheetId, (this.localEdit.get(args.worksheetId) ?? false) || args.source !== 'Remote');
    if (this.clock.now() < this.quietUntil) {
      this.dropped.set(args.worksheetId, this.clock.now());
      return Promise.resolve();
    }
    this.schedule(args.worksheetId);
    return Promise.resolve();
  }

  private schedule(id: string, delay = this.debounceMs, retry = false): void {
    if (!retry) this.attempts.delete(id);
    const old = this.timers.get(id);
    if (old !== undefined) this.clock.clearTimeout(old);
    this.timers.set(
      id,
      this.clock.setTimeout(() => {
        this.timers.delete(id);
        void this.checkNow(id);
      }, delay),
    );
  }

  private async onDeleted(args: Excel.WorksheetDeletedEventArgs): Promise<void> {
    if (!this.enabled) return;
    const id = args.worksheetId;
    const timer = this.timers.get(id);
    if (timer !== undefined) this.clock.clearTimeout(timer);
    this.timers.delete(id);
    this.handlers.delete(id);
    this.known.delete(id);
    this.attempts.delete(id);
    if (this.current.lastYear?.sheetId === id) {
      await this.refresh('auto');
      return;
    }
    if (!this.current.sheets.some((s) => s.sheetId === id)) return;
    this.current = { ...this.current, sheets: this.current.sheets.filter((s) => s.sheetId !== id) };
    this.options.onResult(this.current);
    for (const s of this.current.sheets.filter((x) => x.summary)) await this.checkNow(s.sheetId);
  }

  private async onActivated(args: Excel.WorksheetActivatedEventArgs): Promise<void> {
    // The pane puts the active sheet's verdict first, whether or not the sheet is checked again.
    if (this.current.activeSheetId !== args.worksheetId) {
      this.current = { ...this.current, activeSheetId: args.worksheetId };
      this.options.onResult(this.current);
    }
    if (!this.enabled || this.handlers.has(args.worksheetId) || this.clock.now() < this.quietUntil) return;
    await this.checkNow(args.worksheetId);
    const sheet = this.current.sheets.find((s) => s.sheetId === args.worksheetId);
    if (sheet) {
      const problem = await this.watch([sheet.sheetId]);
      if (problem) this.reportError(problem);
    }
  }

  /** Checks one sheet now and publishes the merged result. */
  async checkNow(sheetId: string): Promise<void> {
    const lastYear = this.current.lastYear;
    if (lastYear?.sheetId === sheetId) {
      // Last year's report changed: every sheet of this year is checked against it again.
      this.checksRun++;
      await this.refresh('auto');
      return;
    }
    try {
      this.checksRun++;
      const crossYear = (p: Placement) => (lastYear?.report ? crossYearHighlights(placementSites(p), lastYear).length : 0);
      const sheet = await checkSheet(
        this.checkRun,
        sheetId,
        this.known.get(sheetId),
        this.options.check,
        lastYear?.report ?? undefined,
        crossYear,
      );
      this.attempts.delete(sheetId);
      const { unguarded, formulaTotalsLost, blocks, ...check } = sheet;
      this.known.set(sheetId, blocks);
      this.current = mergeSheetCheck(this.current, check);
      this.clearError();
      this.options.onResult(this.current);
      const mayRepair = this.localEdit.get(sheetId) ?? true;
      this.localEdit.delete(sheetId);
      if (unguarded.length > 0 && mayRepair) await this.restore(sheetId, check.sheet, unguarded);
      this.tellFormulaTotals(sheetId, check.sheet, formulaTotalsLost);
      // A summary sheet sums the units' cells: its values changed with this sheet's (one sync each).
      if (!check.summary) {
        for (const s of this.current.sheets.filter((x) => x.summary && x.sheetId !== sheetId)) await this.checkNow(s.sheetId);
      }
    } catch (e) {
      this.failed(sheetId, e);
    }
  }

  /** Says once per cell that a total inserted as a formula was typed over; a cell holding its formula again may be told again later. */
  private tellFormulaTotals(sheetId: string, sheet: string, lost: FormulaTotalLost[]): void {
    const now = new Set(lost.flatMap((l) => l.cells.map((c) => `${sheetId}!${c.address}`)));
    for (const key of this.toldTotals) if (key.startsWith(`${sheetId}!`) && !now.has(key)) this.toldTotals.delete(key);
    const fresh = lost
      .map((l) => ({ ...l, cells: l.cells.filter((c) => !this.toldTotals.has(`${sheetId}!${c.address}`)) }))
      .filter((l) => l.cells.length > 0);
    if (fresh.length === 0) return;
    for (const key of now) this.toldTotals.add(key);
    this.notice = { code: 'formulaTotalsLost', sheet, lost: fresh };
    this.options.onNotice?.(this.notice);
  }

  /** Puts back the highlight rules and validation a paste removed (values untouched), and says so once. */
  private async restore(sheetId: string, sheet: string, tables: Unguarded[]): Promise<void> {
    try {
      await this.repair(sheetId, tables);
    } catch (e) {
      const p = problemOf(e);
      // The check itself stands; only the repair failed, and InvalidArgument there is a refused rule.
      this.reportError(
        p.code === 'excel' && p.excelCode === 'InvalidArgument' ? { code: 'highlightRefused', for: 'repair', detail: p.detail } : p,
      );
      return;
    }
    this.notice = { code: 'restored', sheet, tables: tables.map((t) => t.placement.table) };
    this.options.onNotice?.(this.notice);
  }

  private async repair(sheetId: string, tables: Unguarded[]): Promise<void> {
    await this.whileWriting(() =>
      this.checkRun(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheetId);
        const lastYear = this.current.lastYear;
        for (const { placement: p, formulaTotals } of tables) {
          queueRepairTable(ws, p, formulaTotals);
          // The repair clears every rule over the table, the cross-year ones too: they are put back.
          if (lastYear?.report) queueCrossYearHighlights(ws, placementSites(p), lastYear);
        }
        await context.sync();
      }),
    );
  }

  /**
   * A check that failed is tried again, later each time (a check that meets cell-edit mode fails
   * where Excel lacks delayForCellEdit). A passing error (edit mode, Excel busy) is shown only when
   * the retries run out; any other at once.
   */
  private failed(sheetId: string, e: unknown): void {
    const n = (this.attempts.get(sheetId) ?? 0) + 1;
    this.attempts.set(sheetId, n);
    const code = (e as { code?: string } | null)?.code ?? '';
    const transient = TRANSIENT.has(code);
    const limit = transient ? MAX_RETRIES : 2;
    if (!transient || n > limit) this.reportError(readProblem(e));
    if (n <= limit && this.enabled && this.handlers.has(sheetId) && !this.timers.has(sheetId)) {
      this.schedule(sheetId, Math.min(RETRY_MAX_DELAY_MS, Math.max(this.debounceMs, 50) * 2 ** Math.min(n, 6)), true);
    }
  }

  /** Removes every handler (when the pane closes or live checking is switched off for good). */
  async stop(): Promise<void> {
    if (this.quietTimer !== undefined) this.clock.clearTimeout(this.quietTimer);
    this.dropped.clear();
    for (const t of this.timers.values()) this.clock.clearTimeout(t);
    this.timers.clear();
    this.attempts.clear();
    const handlers: { remove(): void; context: OfficeExtension.ClientRequestContext }[] = [...this.handlers.values()];
    if (this.activation) handlers.push(this.activation);
    if (this.deletion) handlers.push(this.deletion);
    this.activation = null;
    this.deletion = null;
    this.handlers.clear();
    if (handlers.length === 0) return;
    // A handler is removed inside Excel.run(handler.context, …), as the events documentation shows:
    // remove() queues on the context that added it, and through any other context or proxy it
    // silently does nothing (https://github.com/OfficeDev/office-js-docs-reference/issues/730).
    const byContext = new Map<OfficeExtension.ClientRequestContext, { remove(): void }[]>();
    for (const h of handlers) byContext.set(h.context, [...(byContext.get(h.context) ?? []), h]);
    for (const [context, group] of byContext) {
      try {
        await this.run(context, async (ctx) => {
          for (const h of group) h.remove();
          await ctx.sync();
        });
      } catch {
        // The handlers die with the session anyway.
      }
    }
  }
}
