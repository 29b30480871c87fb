/**
 * The request context: office.js batching. Methods and property writes of the proxies queue
 * operations; sync() runs them in order, rejects with the first failure (the operations before it
 * stay applied), and then fires onChanged for the content the add-in changed.
 */
import { Rect, rectAddress } from '../../../report/standard/a1';
import { MemOfficeError } from '../errors';
import { SheetModel } from '../model/sheet';
import { Workbook } from '../model/workbook';
import './range'; // registers MemRange in kinds.ts
import { MemWorkbook } from './workbook';
import { MemRuntime } from './runtime';

export type Op = () => void;

export interface SyncStats {
  syncs: number;
  batchSizes: number[];
}

export class MemRequestContext {
  readonly workbook: MemWorkbook;
  private _runtime?: MemRuntime;
  /** Excel.Runtime of the add-in (ExcelApi 1.8). */
  get runtime(): MemRuntime {
    return (this._runtime ??= new MemRuntime(this));
  }
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
        new MemOfficeError(
          'InvalidRequestContext',
          'The request context is not in a run batch any more. Pass it to run(context, batch) to use it again.',
        ),
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
      const before = this._wb.changes;
      try {
        for (const op of ops) {
          this._wb.beforeOperation();
          op();
        }
      } catch (e) {
        error = e instanceof MemOfficeError ? e : new MemOfficeError('GeneralException', e instanceof Error ? e.message : String(e));
      } finally {
        const changed = this.changed;
        this.changed = [];
        for (const c of changed)
          if (this._wb.sheetById(c.sheet.id)) this._wb.events.emitChanged(c.sheet, rectAddress(c.rect), 'RangeEdited');
        if (ops.length > 0) this._wb.events.notifyAnyChange();
        if (this._wb.changes !== before || this._wb.undoCleared) this._wb.onApiWrite?.();
      }
      if (error) throw error;
      return passThroughValue as T;
    });
  }
}
