import { SheetEventHandler } from '../model/sheet';
import type { MemRequestContext } from './context';

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
