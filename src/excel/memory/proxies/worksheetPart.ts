import { MemClientObject } from './clientObject';
import type { MemRequestContext } from './context';
import type { MemWorksheet } from './worksheets';

/** An object that belongs to a worksheet (its protection, page layout, page breaks): null when the sheet is. */
export abstract class MemWorksheetPart extends MemClientObject {
  constructor(
    context: MemRequestContext,
    protected readonly _ws: MemWorksheet,
  ) {
    super(context);
  }
  _isNull(): boolean {
    return this._ws._isNull();
  }
}
