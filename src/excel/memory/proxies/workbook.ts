/** Excel.Workbook: the worksheets, the workbook-scoped names and the selection. */
import { MemOfficeError } from '../errors';
import { MemClientObject } from './clientObject';
import type { MemRequestContext } from './context';
import { MemNamedItemCollection } from './names';
import { MemRange } from './range';
import { MemWorksheetCollection } from './worksheets';

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
