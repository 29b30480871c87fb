/** Excel.Range: values, formulas and number formats, derived ranges, merges, selection, clearing. */
import { Rect, rectAddress } from '../../../report/standard/a1';
import { MemOfficeError } from '../errors';
import { isValidFormula } from '../formula/parse';
import { FormulaError, Scalar } from '../formula/values';
import { rectContains } from '../model/rect';
import { SheetModel } from '../model/sheet';
import { MemClientObject, MemTargetObject } from './clientObject';
import { MemConditionalFormatCollection } from './conditionalFormats';
import { MemDataValidation } from './dataValidation';
import { kinds } from './kinds';
import { MemRangeAreas } from './rangeAreas';
import { MemRangeFormat } from './rangeFormat';
import { RangeTarget, checkedRect, valueOut } from './rangeTarget';
import { MemWorksheet } from './worksheets';

function valueType(v: Scalar): string {
  if (v === null) return 'Empty';
  if (v instanceof FormulaError) return 'Error';
  if (typeof v === 'number') return 'Double';
  if (typeof v === 'boolean') return 'Boolean';
  return 'String';
}

/** Checks a 2D input against the range shape; a non-array value is applied to every cell. */
function shapeInput(input: unknown, rect: Rect, what: string): (r: number, c: number) => unknown {
  const rows = rect.r1 - rect.r0 + 1;
  const cols = rect.c1 - rect.c0 + 1;
  if (!Array.isArray(input)) return () => input;
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols))
    throw new MemOfficeError(
      'InvalidArgument',
      `The number of rows or columns in the input array for ${what} doesn't match the size or dimensions of the range (${rows}x${cols}).`,
    );
  return (r, c) => (input as unknown[][])[r][c];
}

export class MemRange
  extends MemTargetObject<RangeTarget>
  implements
    Pick<
      Excel.Range,
      'values' | 'formulas' | 'numberFormat' | 'address' | 'rowIndex' | 'columnIndex' | 'rowCount' | 'columnCount' | 'valueTypes'
    >
{
  private _format?: MemRangeFormat;
  private _dv?: MemDataValidation;
  private _cfs?: MemConditionalFormatCollection;

  /** @internal */
  _target(): RangeTarget {
    if (!this._t) throw new MemOfficeError('InvalidObjectPath', 'Range object is not available.');
    if (!this.wb.sheetById(this._t.sheet.id)) throw new MemOfficeError('ItemNotFound', 'The worksheet was deleted.');
    return this._t;
  }

  private grid<T>(f: (s: SheetModel, row: number, col: number) => T): T[][] {
    const { sheet, rect } = this._target();
    const out: T[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: T[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) row.push(f(sheet, r, c));
      out.push(row);
    }
    return out;
  }

  protected _scalars(): Record<string, () => unknown> {
    const t = () => this._target();
    return {
      address: () => this.wb.qualified(t().sheet, t().rect),
      rowIndex: () => t().rect.r0,
      columnIndex: () => t().rect.c0,
      rowCount: () => t().rect.r1 - t().rect.r0 + 1,
      columnCount: () => t().rect.c1 - t().rect.c0 + 1,
      values: () => this.grid((s, r, c) => valueOut(this.wb.value(s, r, c))),
      formulas: () => this.grid((s, r, c) => this.formulaOut(s, r, c)),
      numberFormat: () => this.grid((s, r, c) => this.wb.getCell(s, r, c).numberFormat),
      valueTypes: () => this.grid((s, r, c) => valueType(this.wb.value(s, r, c))),
    };
  }
  protected _navs(): Record<string, MemClientObject> {
    return {
      format: this.format,
      dataValidation: this.dataValidation,
      conditionalFormats: this.conditionalFormats,
      worksheet: this.worksheet,
    };
  }

  private formulaOut(s: SheetModel, r: number, c: number): number | string | boolean {
    const cell = this.wb.getCell(s, r, c);
    if (cell.formula) return cell.formula;
    return valueOut(cell.value);
  }

  get address(): string {
    return this._get('address');
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
  get rowCount(): number {
    return this._get('rowCount');
  }
  get columnCount(): number {
    return this._get('columnCount');
  }
  get valueTypes(): Excel.RangeValueType[][] {
    return this._get('valueTypes');
  }

  get values(): any[][] {
    return this._get('values');
  }
  set values(v: any[][]) {
    this._set('values', v, () => this.writeContent(v, 'values', false));
  }
  get formulas(): any[][] {
    return this._get('formulas');
  }
  set formulas(v: any[][]) {
    this._set('formulas', v, () => this.writeContent(v, 'formulas', true));
  }
  get numberFormat(): any[][] {
    return this._get('numberFormat');
  }
  set numberFormat(v: any[][]) {
    this._set('numberFormat', v, () => {
      const { sheet, rect } = this._target();
      const get = shapeInput(v, rect, 'numberFormat');
      this.wb.assertWritable(sheet, rect, 'format');
      for (let r = rect.r0; r <= rect.r1; r++)
        for (let c = rect.c0; c <= rect.c1; c++) {
          const f = get(r - rect.r0, c - rect.c0);
          if (f === null || f === undefined) continue;
          if (typeof f !== 'string') throw new MemOfficeError('InvalidArgument', 'numberFormat must be a string.');
          this.wb.cellForWrite(sheet, r, c).numberFormat = f;
          this.wb.compact(sheet, r, c);
        }
      this.wb.touch();
    });
  }

  private writeContent(v: unknown, what: string, formulaMode: boolean): void {
    const { sheet, rect } = this._target();
    const get = shapeInput(v, rect, what);
    this.wb.assertWritable(sheet, rect, 'content');
    // validate everything first so a bad formula leaves the range unchanged
    for (let r = rect.r0; r <= rect.r1; r++)
      for (let c = rect.c0; c <= rect.c1; c++) {
        const x = get(r - rect.r0, c - rect.c0);
        if (typeof x === 'string' && x.startsWith('=') && x.length > 1 && !isValidFormula(x))
          throw new MemOfficeError('InvalidArgument', `Invalid formula '${x}' for ${rectAddress({ r0: r, c0: c, r1: r, c1: c })}.`);
        if (x !== null && x !== undefined && typeof x === 'object')
          throw new MemOfficeError('InvalidArgument', `Unsupported value in ${what}.`);
      }
    for (let r = rect.r0; r <= rect.r1; r++)
      for (let c = rect.c0; c <= rect.c1; c++) this.wb.setInput(sheet, r, c, get(r - rect.r0, c - rect.c0), formulaMode);
    this.context._contentChanged(sheet, rect);
  }

  get format(): MemRangeFormat {
    return (this._format ??= new MemRangeFormat(this.context, this));
  }
  get dataValidation(): MemDataValidation {
    return (this._dv ??= new MemDataValidation(this.context, this));
  }
  get conditionalFormats(): MemConditionalFormatCollection {
    return (this._cfs ??= new MemConditionalFormatCollection(this.context, this));
  }
  private _ws?: MemWorksheet;
  get worksheet(): MemWorksheet {
    return (this._ws ??= MemWorksheet.lazy(this.context, () => (this._t ? this._t.sheet.id : null)));
  }

  // ---------------------------------------------------------------- derived ranges
  private derive(f: (t: RangeTarget) => Rect): MemRange {
    return MemRange.create(this.context, () => {
      if (this._t === null) return null;
      const t = this._target();
      return { sheet: t.sheet, rect: f(t) };
    });
  }
  getCell(row: number, column: number): MemRange {
    return this.derive((t) => checkedRect(t.rect.r0 + row, t.rect.c0 + column, 1, 1));
  }
  getOffsetRange(rowOffset: number, columnOffset: number): MemRange {
    return this.derive((t) =>
      checkedRect(t.rect.r0 + rowOffset, t.rect.c0 + columnOffset, t.rect.r1 - t.rect.r0 + 1, t.rect.c1 - t.rect.c0 + 1),
    );
  }
  getResizedRange(deltaRows: number, deltaColumns: number): MemRange {
    return this.derive((t) =>
      checkedRect(t.rect.r0, t.rect.c0, t.rect.r1 - t.rect.r0 + 1 + deltaRows, t.rect.c1 - t.rect.c0 + 1 + deltaColumns),
    );
  }
  /** ExcelApi 1.13: the merged areas that intersect this range, or a null object when there are none. */
  getMergedAreasOrNullObject(): MemRangeAreas {
    return MemRangeAreas.create(this.context, () => {
      if (this._isNull()) return null;
      const t = this._target();
      // Excel returns only the merged areas whose top-left cell is in the range, not every one that
      // overlaps it (https://github.com/OfficeDev/office-js/issues/3611).
      const found = t.sheet.merges.filter((m) => rectContains(t.rect, m.r0, m.c0));
      return found.length ? { sheet: t.sheet, rects: found } : null;
    });
  }

  // ---------------------------------------------------------------- actions
  merge(across?: boolean): void {
    this._op(() => {
      const { sheet, rect } = this._target();
      this.wb.assertWritable(sheet, rect, 'format');
      this.wb.merge(sheet, rect, !!across);
    });
  }
  unmerge(): void {
    this._op(() => {
      const { sheet, rect } = this._target();
      this.wb.assertWritable(sheet, rect, 'format');
      this.wb.unmerge(sheet, rect);
    });
  }
  select(): void {
    this._op(() => {
      const { sheet, rect } = this._target();
      const wasActive = this.wb.activeSheetId === sheet.id;
      this.wb.activeSheetId = sheet.id;
      sheet.selection = { ...rect };
      sheet.selectionAreas = null;
      if (!wasActive) this.wb.events.emitActivated(sheet);
    });
  }
  clear(applyTo?: Excel.ClearApplyTo | 'All' | 'Formats' | 'Contents' | 'Hyperlinks' | 'RemoveHyperlinks'): void {
    this._op(() => {
      const { sheet, rect } = this._target();
      const what = applyTo ?? 'All';
      if (what === 'Hyperlinks' || what === 'RemoveHyperlinks') return;
      if (what === 'All' || what === 'Contents') this.wb.assertWritable(sheet, rect, 'content');
      if (what === 'All' || what === 'Formats') this.wb.assertWritable(sheet, rect, 'format');
      if (what === 'All' || what === 'Contents') {
        this.wb.clearContents(sheet, rect);
        this.context._contentChanged(sheet, rect);
      }
      if (what === 'All' || what === 'Formats') this.wb.clearFormats(sheet, rect);
    });
  }
}

kinds.MemRange = MemRange;
