/** Excel.ConditionalFormatCollection of a range and its custom conditional formats. */
import { MemOfficeError } from '../errors';
import { parseFormula } from '../formula/parse';
import { rectIntersect } from '../model/rect';
import { normalizeColor } from '../model/color';
import { CfModel, SheetModel } from '../model/sheet';
import { MemClientObject, MemClientResult } from './clientObject';
import type { MemRequestContext } from './context';
import { MemRangePart } from './rangePart';

export class MemConditionalFormatCollection extends MemRangePart {
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  private matching(): CfModel[] {
    const { sheet, rect } = this.t();
    return sheet.cfs.filter((cf) => cf.rects.some((r) => rectIntersect(r, rect)));
  }
  get items(): MemConditionalFormat[] {
    return this._get('items');
  }
  _loadNow(paths: string[]): void {
    if (this._isNull()) return;
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
    const items = this.matching().map((cf) => MemConditionalFormat.bound(this.context, cf.id));
    for (const it of items) it._loadNow(itemPaths);
    this._loaded.set('items', items);
  }
  add(type: Excel.ConditionalFormatType | string): MemConditionalFormat {
    const cf = new MemConditionalFormat(this.context);
    this.context._enqueue(() => {
      if (this._isNull()) {
        cf._id = null;
        return;
      }
      if (String(type).toLowerCase() !== 'custom')
        throw new MemOfficeError('NotImplemented', `The memory host only supports custom conditional formats (got '${type}').`);
      const { sheet, rect } = this.t();
      if (sheet.protected) throw new MemOfficeError('AccessDenied', `The worksheet '${sheet.name}' is protected.`);
      cf._id = this.wb.addCf(sheet, rect).id;
    });
    return cf;
  }
  getCount(): MemClientResult<number> {
    const r = new MemClientResult<number>();
    this.context._enqueue(() => r._resolve(this._isNull() ? 0 : this.matching().length));
    return r;
  }
  clearAll(): void {
    this._op(() => {
      const { sheet, rect } = this.t();
      if (sheet.protected) throw new MemOfficeError('AccessDenied', `The worksheet '${sheet.name}' is protected.`);
      this.wb.clearCfs(sheet, rect);
    });
  }
}

export class MemConditionalFormat
  extends MemClientObject
  implements Pick<Excel.ConditionalFormat, 'type'>
{
  /** @internal */ _id: string | null | undefined;
  private _custom?: MemCustomConditionalFormat;

  static bound(ctx: MemRequestContext, id: string): MemConditionalFormat {
    const c = new MemConditionalFormat(ctx);
    c._id = id;
    return c;
  }
  _isNull(): boolean {
    return this._id === null;
  }

  _resolved(): boolean {
    return this._id !== undefined;
  }

  /** @internal */
  _cf(): { sheet: SheetModel; cf: CfModel } {
    const f = this._id ? this.wb.findCf(this._id) : undefined;
    if (!f) throw new MemOfficeError('ItemNotFound', 'The conditional format does not exist.');
    return f;
  }
  protected _scalars(): Record<string, () => unknown> {
    return { type: () => 'Custom' };
  }
  protected _navs(): Record<string, MemClientObject> {
    return { custom: this.custom };
  }
  get type(): Excel.ConditionalFormat['type'] {
    return this._get('type');
  }
  get custom(): MemCustomConditionalFormat {
    return (this._custom ??= new MemCustomConditionalFormat(this.context, this));
  }
  delete(): void {
    this._op(() => {
      const { sheet, cf } = this._cf();
      if (sheet.protected) throw new MemOfficeError('AccessDenied', `The worksheet '${sheet.name}' is protected.`);
      sheet.cfs = sheet.cfs.filter((c) => c !== cf);
      this.wb.touch();
    });
  }
}

abstract class MemCfPart extends MemClientObject {
  constructor(
    context: MemRequestContext,
    readonly _owner: MemConditionalFormat,
  ) {
    super(context);
  }
  _isNull(): boolean {
    return this._owner._isNull();
  }
  protected cf(): CfModel {
    return this._owner._cf().cf;
  }
  protected change(f: (cf: CfModel) => void): void {
    const { sheet, cf } = this._owner._cf();
    if (sheet.protected) throw new MemOfficeError('AccessDenied', `The worksheet '${sheet.name}' is protected.`);
    f(cf);
    this.wb.touch();
  }
}

export class MemCustomConditionalFormat extends MemCfPart {
  private _rule?: MemConditionalFormatRule;
  private _format?: MemConditionalRangeFormat;
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  protected _navs(): Record<string, MemClientObject> {
    return { rule: this.rule, format: this.format };
  }
  get rule(): MemConditionalFormatRule {
    return (this._rule ??= new MemConditionalFormatRule(this.context, this._owner));
  }
  get format(): MemConditionalRangeFormat {
    return (this._format ??= new MemConditionalRangeFormat(this.context, this._owner));
  }
}

export class MemConditionalFormatRule extends MemCfPart implements Pick<Excel.ConditionalFormatRule, 'formula'> {
  protected _scalars(): Record<string, () => unknown> {
    return { formula: () => this.cf().formula };
  }
  get formula(): string {
    return this._get('formula');
  }
  set formula(v: string) {
    this._set('formula', v, () => this.setFormula(v));
  }
  private setFormula(v: string): void {
    const f = typeof v === 'string' && v.startsWith('=') ? v : '=' + String(v);
    try {
      parseFormula(f);
    } catch (e) {
      throw new MemOfficeError('InvalidArgument', `Invalid conditional format formula '${v}': ${(e as Error).message}`);
    }
    this.change((cf) => (cf.formula = f));
  }
}

export class MemConditionalRangeFormat extends MemCfPart {
  private _fill?: MemConditionalRangeFill;
  private _font?: MemConditionalRangeFont;
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  protected _navs(): Record<string, MemClientObject> {
    return { fill: this.fill, font: this.font };
  }
  get fill(): MemConditionalRangeFill {
    return (this._fill ??= new MemConditionalRangeFill(this.context, this._owner));
  }
  get font(): MemConditionalRangeFont {
    return (this._font ??= new MemConditionalRangeFont(this.context, this._owner));
  }
}

export class MemConditionalRangeFill extends MemCfPart implements Pick<Excel.ConditionalRangeFill, 'color'> {
  protected _scalars(): Record<string, () => unknown> {
    return { color: () => this.cf().fill };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, () => {
      const col = v ? normalizeColor(v) : null;
      this.change((cf) => (cf.fill = col));
    });
  }
}

export class MemConditionalRangeFont extends MemCfPart implements Pick<Excel.ConditionalRangeFont, 'color'> {
  protected _scalars(): Record<string, () => unknown> {
    return { color: () => this.cf().fontColor };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, () => {
      const col = v ? normalizeColor(v) : null;
      this.change((cf) => (cf.fontColor = col));
    });
  }
}
