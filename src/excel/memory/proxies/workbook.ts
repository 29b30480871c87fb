/** Excel.Workbook: the worksheets, the workbook-scoped names and the selection. */
import { MemOfficeError } from '../errors';
import { MemClientObject } from './clientObject';
import { MemNamedItemCollection } from './names';
import { MemRange } from './range';
import { MemWorksheetCollection } from './worksheets';

export class MemWorkbook extends MemClientObject {
  private _worksheets?: MemWorksheetCollection;
  private _names?: MemNamedItemCollection;
  get worksheets(): MemWorksheetCollection {
    return (this._worksheets ??= new MemWorksheetCollection(this.context));
  }
  get names(): MemNamedItemCollection {
    return (this._names ??= new MemNamedItemCollection(this.context, () => null));
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
      if (s.selectionAreas && s.selectionAreas.length > 1)
        throw new MemOfficeError('InvalidSelection', 'The current selection is invalid for this operation.');
      return { sheet: s, rect: s.selection };
    });
  }
}
