/** Excel.NamedItemCollection (of the workbook or a worksheet) and Excel.NamedItem. */
import { parseAddress, qualifiedAddress } from '../../../report/standard/a1';
import { MemOfficeError } from '../errors';
import { FormulaError, Scalar } from '../formula/values';
import { NameModel, SheetModel } from '../model/sheet';
import { checkNameComment, Workbook } from '../model/workbook';
import { MemClientObject, MemTargetObject } from './clientObject';
import type { MemRequestContext } from './context';
import { kinds } from './kinds';
import type { MemRange } from './range';
import { RangeTarget, valueOut } from './rangeTarget';

/** The sheet and rect a name refers to, or null if it is not a single range reference. */
export function nameTarget(wb: Workbook, n: NameModel): RangeTarget | null {
  const body = n.formula.replace(/^=/, '').trim();
  const p = parseAddress(body);
  if (!p || p.sheet === undefined) return null;
  const sheet = wb.sheetByName(p.sheet);
  return sheet ? { sheet, rect: p.rect } : null;
}

export class MemNamedItemCollection extends MemClientObject {
  constructor(
    context: MemRequestContext,
    /** null = workbook scope; undefined = null-object sheet. */
    private _scope: () => SheetModel | null | undefined,
  ) {
    super(context);
  }
  _isNull(): boolean {
    return false;
  }
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  private scopeId(): string | null {
    const s = this._scope();
    if (s === undefined) throw new MemOfficeError('ItemNotFound', 'The worksheet does not exist.');
    return s ? s.id : null;
  }
  get items(): MemNamedItem[] {
    return this._get('items');
  }
  _loadNow(paths: string[]): void {
    const id = this.scopeId();
    if (id !== null && this.wb.otherWorkbookViewed)
      throw new MemOfficeError('InvalidSelection', 'The current selection is invalid for this operation.');
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    const items = this.wb.names.filter((n) => n.scopeSheetId === id).map((n) => MemNamedItem.bound(this.context, n));
    for (const it of items) it._loadNow(itemPaths);
    this._loaded.set('items', items);
  }
  add(name: string, reference: MemRange | string, comment?: string): MemNamedItem {
    return MemNamedItem.create(this.context, () => {
      const id = this.scopeId();
      let formula: string;
      if (reference instanceof kinds.MemRange) {
        const t = reference._target();
        formula = `=${qualifiedAddress(t.sheet.name, t.rect, true)}`;
      } else formula = String(reference);
      return this.wb.addName(name, formula, comment ?? '', id);
    });
  }
  getItem(name: string): MemNamedItem {
    return MemNamedItem.create(this.context, () => {
      const n = this.wb.findName(name, this.scopeId());
      if (!n) throw new MemOfficeError('ItemNotFound', `The name '${name}' does not exist.`);
      return n;
    });
  }
  getItemOrNullObject(name: string): MemNamedItem {
    return MemNamedItem.create(this.context, () => this.wb.findName(name, this.scopeId()) ?? null);
  }
}

export class MemNamedItem extends MemTargetObject<NameModel> implements Pick<Excel.NamedItem, 'name' | 'type' | 'value' | 'comment'> {
  private n(): NameModel {
    if (!this._t || !this.wb.names.includes(this._t)) throw new MemOfficeError('ItemNotFound', 'The name does not exist.');
    return this._t;
  }
  private evaluated(): Scalar | 'range' {
    const n = this.n();
    if (nameTarget(this.wb, n)) return 'range';
    const host = (n.scopeSheetId && this.wb.sheetById(n.scopeSheetId)) || this.wb.sheets[0];
    return this.wb.evaluateAt(host, n.formula, 0, 0);
  }
  protected _scalars(): Record<string, () => unknown> {
    return {
      name: () => this.n().name,
      comment: () => this.n().comment,
      type: () => {
        const v = this.evaluated();
        if (v === 'range') return 'Range';
        if (v instanceof FormulaError) return 'Error';
        if (typeof v === 'number') return Number.isInteger(v) ? 'Integer' : 'Double';
        if (typeof v === 'boolean') return 'Boolean';
        return 'String';
      },
      value: () => {
        const v = this.evaluated();
        if (v === 'range') return this.n().formula.replace(/^=/, '');
        return valueOut(v);
      },
    };
  }
  get name(): string {
    return this._get('name');
  }
  get type(): Excel.NamedItem['type'] {
    return this._get('type');
  }
  get value(): any {
    return this._get('value');
  }
  get comment(): string {
    return this._get('comment');
  }
  set comment(v: string) {
    this._set('comment', v, () => {
      checkNameComment(String(v));
      this.n().comment = String(v);
      this.wb.touch();
    });
  }
  getRange(): MemRange {
    return kinds.MemRange.create(this.context, () => {
      if (this._isNull()) return null;
      const t = nameTarget(this.wb, this.n());
      if (!t) throw new MemOfficeError('InvalidArgument', `The name '${this.n().name}' does not refer to a range.`);
      return t;
    });
  }
  getRangeOrNullObject(): MemRange {
    return kinds.MemRange.create(this.context, () => {
      if (this._isNull() || !this._t || !this.wb.names.includes(this._t)) return null;
      return nameTarget(this.wb, this._t);
    });
  }
  delete(): void {
    this._op(() => {
      const n = this.n();
      this.wb.names = this.wb.names.filter((x) => x !== n);
      this.wb.touch();
    });
  }
}
