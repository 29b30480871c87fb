/** Excel.Runtime (ExcelApi 1.8): enableEvents, read and written. */
import { MemClientObject } from './clientObject';

export class MemRuntime extends MemClientObject implements Pick<Excel.Runtime, 'enableEvents'> {
  _isNull(): boolean {
    return false;
  }
  protected _scalars(): Record<string, () => unknown> {
    return { enableEvents: () => this.wb.events.enabled };
  }
  get enableEvents(): boolean {
    return this._get('enableEvents');
  }
  set enableEvents(on: boolean) {
    this._set('enableEvents', on, () => (this.wb.events.enabled = on === true));
  }
}
