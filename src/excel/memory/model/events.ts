/**
 * Events of the workbook: worksheet onChanged and worksheets onActivated handlers, called a
 * macrotask later as in Excel, and the host's own listeners (a view redrawing), called at once.
 */
import { ChangedEvent, SheetEventHandler, SheetModel } from './sheet';

export class WorkbookEvents {
  /** Handlers of worksheets.onActivated (ExcelApi 1.7): any sheet activated. */
  readonly activatedHandlers: SheetEventHandler[] = [];
  /** Handlers of worksheets.onDeleted (ExcelApi 1.7): any sheet deleted. */
  readonly deletedHandlers: SheetEventHandler[] = [];
  private readonly anyChangeListeners = new Set<() => void>();
  private readonly pending = new Set<Promise<unknown>>();

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

  /**
   * Runtime.enableEvents (ExcelApi 1.8, "toggle JavaScript events in the current task pane or
   * content add-in"): while false, no handler of the add-in is called, whoever made the change; the
   * events raised meanwhile are lost, not delivered later. Events are raised after the sync that made
   * the change, so the flag counts as it stands then.
   */
  enabled = true;

  /** Calls the sheet's onChanged handlers asynchronously (a macrotask later, like Excel). */
  emitChanged(s: SheetModel, address: string, changeType: ChangedEvent['changeType'], source: ChangedEvent['source'] = 'Local'): void {
    const args: ChangedEvent & Record<string, unknown> = {
      type: 'WorksheetChanged',
      address,
      changeType,
      source,
      worksheetId: s.id,
    };
    this.dispatch([...s.changedHandlers], args);
  }

  emitDeleted(s: SheetModel): void {
    this.dispatch([...this.deletedHandlers], { type: 'WorksheetDeleted', worksheetId: s.id, source: 'Local' });
  }

  emitActivated(s: SheetModel): void {
    this.dispatch([...this.activatedHandlers], { type: 'WorksheetActivated', worksheetId: s.id });
  }

  private dispatch(handlers: SheetEventHandler[], args: unknown): void {
    if (handlers.length === 0 || !this.enabled) return;
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
    this.pending.add(p);
    p.then(() => this.pending.delete(p));
  }

  /** Resolves when every event dispatched so far (and events raised by their handlers) has been handled. */
  async flush(): Promise<void> {
    for (let i = 0; i < 100 && this.pending.size > 0; i++) {
      await Promise.all([...this.pending]);
      await new Promise((r) => setTimeout(r, 0));
    }
  }
}
