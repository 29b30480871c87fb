/** Excel.ConditionalFormatCollection of a range and its custom conditional formats. */
import { MemOfficeError } from '../errors';
import { parseFormula } from '../formula/parse';
import { rectIntersect } from '../model/rect';
import { normalizeColor } from '../model/color';
import { CfModel, SheetModel } from '../model/sheet';
import { MemClientObject, MemClientResult, MemTargetObject } from './clientObject';
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
    return MemConditionalFormat.create(this.context, () => {
      if (this._isNull()) return null;
      if (String(type).toLowerCase() !== 'custom')
        throw new MemOfficeError('NotImplemented', `The memory host only supports custom conditional formats (got '${type}').`);
      const { sheet, rect } = this.t();
      if (sheet.protected) throw new MemOfficeError('AccessDenied', `The worksheet '${sheet.name}' is protected.`);
      return this.wb.addCf(sheet, rect).id;
    });
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

/** A custom conditional format; its target is the id of the rule. */
export class MemConditionalFormat extends MemTargetObject<string> implements Pick<Excel.ConditionalFormat, 'type'> {
  private _custom?: MemCustomConditionalFormat;

  /** @internal */
  _cf(): { sheet: SheetModel; cf: CfModel } {
    const f = this._t ? this.wb.findCf(this._t) : undefined;
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
  private _fill?: MemConditionalColor;
  private _font?: MemConditionalColor;
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  protected _navs(): Record<string, MemClientObject> {
    return { fill: this.fill, font: this.font };
  }
  get fill(): MemConditionalColor {
    return (this._fill ??= new MemConditionalColor(this.context, this._owner, 'fill'));
  }
  get font(): MemConditionalColor {
    return (this._font ??= new MemConditionalColor(this.context, this._owner, 'fontColor'));
  }
}

/** ConditionalRangeFill and ConditionalRangeFont, of which only the colour is simulated. */
export class MemConditionalColor
  extends MemCfPart
  implements Pick<Excel.ConditionalRangeFill, 'color'>, Pick<Excel.ConditionalRangeFont, 'color'>
{
  constructor(
    context: MemRequestContext,
    owner: MemConditionalFormat,
    private readonly _key: 'fill' | 'fontColor',
  ) {
    super(context, owner);
  }
  protected _scalars(): Record<string, () => unknown> {
    return { color: () => this.cf()[this._key] };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, () => {
      const col = v ? normalizeColor(v) : null;
      this.change((cf) => (cf[this._key] = col));
    });
  }
}
