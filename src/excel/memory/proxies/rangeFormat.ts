/** Excel.RangeFormat: alignment, wrapping, sizes, fill, font and borders. */
import { MAX_COLS, MAX_ROWS } from '../../../report/standard/a1';
import { MemOfficeError } from '../errors';
import { Border, CellData, DEFAULT_BORDER, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_HEIGHT, EdgeName } from '../model/cells';
import { normalizeColor } from '../model/color';
import { MemClientObject } from './clientObject';
import type { MemRequestContext } from './context';
import type { MemRange } from './range';
import { MemRangePart, cellsOf, mapIt, oneOf, uniform } from './rangePart';

const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];

export class MemRangeFormat
  extends MemRangePart
  implements Pick<Excel.RangeFormat, 'wrapText' | 'horizontalAlignment' | 'verticalAlignment' | 'columnWidth' | 'rowHeight'>
{
  private _fill?: MemRangeFill;
  private _font?: MemRangeFont;
  private _borders?: MemRangeBorderCollection;

  protected _scalars(): Record<string, () => unknown> {
    return {
      wrapText: () => this.read((c) => c.wrap),
      horizontalAlignment: () => this.read((c) => c.hAlign),
      verticalAlignment: () => this.read((c) => c.vAlign),
      columnWidth: () => {
        const { sheet, rect } = this.t();
        const ws: number[] = [];
        for (let c = rect.c0; c <= Math.min(rect.c1, rect.c0 + 1000); c++) ws.push(sheet.colWidths.get(c) ?? DEFAULT_COLUMN_WIDTH);
        return uniform(ws);
      },
      rowHeight: () => {
        const { sheet, rect } = this.t();
        const hs: number[] = [];
        for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 1000); r++) hs.push(sheet.rowHeights.get(r) ?? DEFAULT_ROW_HEIGHT);
        return uniform(hs);
      },
    };
  }
  protected _navs(): Record<string, MemClientObject> {
    return { fill: this.fill, font: this.font, borders: this.borders };
  }
  get fill(): MemRangeFill {
    return (this._fill ??= new MemRangeFill(this.context, this._range));
  }
  get font(): MemRangeFont {
    return (this._font ??= new MemRangeFont(this.context, this._range));
  }
  get borders(): MemRangeBorderCollection {
    return (this._borders ??= new MemRangeBorderCollection(this.context, this._range));
  }
  get wrapText(): boolean {
    return this._get('wrapText');
  }
  set wrapText(v: boolean) {
    this._set('wrapText', v, () => this.writeFormat((c) => (c.wrap = !!v)));
  }
  get horizontalAlignment(): Excel.RangeFormat['horizontalAlignment'] {
    return this._get('horizontalAlignment');
  }
  set horizontalAlignment(v: Excel.RangeFormat['horizontalAlignment']) {
    this.setAlignment('horizontalAlignment', v, H_ALIGN, (c, a) => (c.hAlign = a));
  }
  get verticalAlignment(): Excel.RangeFormat['verticalAlignment'] {
    return this._get('verticalAlignment');
  }
  set verticalAlignment(v: Excel.RangeFormat['verticalAlignment']) {
    this.setAlignment('verticalAlignment', v, V_ALIGN, (c, a) => (c.vAlign = a));
  }
  /** Checks the alignment before any cell changes, then writes it to every cell. */
  private setAlignment(prop: string, v: unknown, allowed: string[], write: (c: CellData, a: string) => void): void {
    this._set(prop, v, () => {
      const a = oneOf(v, allowed, prop);
      this.writeFormat((c) => write(c, a));
    });
  }
  get columnWidth(): number {
    return this._get('columnWidth');
  }
  set columnWidth(v: number) {
    this._set('columnWidth', v, () => {
      const { sheet, rect } = this.t();
      this.setSizes('columnWidth', v, sheet.colWidths, rect.c0, rect.c1);
    });
  }
  get rowHeight(): number {
    return this._get('rowHeight');
  }
  set rowHeight(v: number) {
    this._set('rowHeight', v, () => {
      const { sheet, rect } = this.t();
      this.setSizes('rowHeight', v, sheet.rowHeights, rect.r0, Math.min(rect.r1, rect.r0 + 100000));
    });
  }
  /** Widths of columns or heights of rows first..last; refused on a protected sheet. */
  private setSizes(what: string, v: number, sizes: Map<number, number>, first: number, last: number): void {
    if (typeof v !== 'number' || v < 0) throw new MemOfficeError('InvalidArgument', `Invalid ${what}.`);
    if (this.t().sheet.protected) throw new MemOfficeError('AccessDenied', 'The worksheet is protected.');
    for (let i = first; i <= last; i++) sizes.set(i, v);
    this.wb.touch();
  }
}

export class MemRangeFill extends MemRangePart implements Pick<Excel.RangeFill, 'color'> {
  protected _scalars(): Record<string, () => unknown> {
    return {
      color: () => {
        const { sheet, rect } = this.t();
        const all = [...mapIt(cellsOf(this.wb, sheet, rect), (c) => c.fill)];
        const u = uniform(all);
        if (u === null && all.some((x) => x !== null)) return null;
        return u ?? '#FFFFFF';
      },
    };
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, () => {
      const col = v === '' || v === null ? null : normalizeColor(v);
      this.writeFormat((c) => (c.fill = col));
    });
  }
}

export class MemRangeFont extends MemRangePart implements Pick<Excel.RangeFont, 'bold' | 'name' | 'size'> {
  protected _scalars(): Record<string, () => unknown> {
    return {
      bold: () => this.read((c) => c.bold),
      name: () => this.read((c) => c.fontName),
      size: () => this.read((c) => c.fontSize),
    };
  }
  get bold(): boolean {
    return this._get('bold');
  }
  set bold(v: boolean) {
    this._set('bold', v, () => this.writeFormat((c) => (c.bold = !!v)));
  }
  get name(): string {
    return this._get('name');
  }
  set name(v: string) {
    this._set('name', v, () => this.writeFormat((c) => (c.fontName = String(v))));
  }
  get size(): number {
    return this._get('size');
  }
  set size(v: number) {
    this._set('size', v, () => {
      if (typeof v !== 'number' || v <= 0 || v > 409) throw new MemOfficeError('InvalidArgument', 'Invalid font size.');
      this.writeFormat((c) => (c.fontSize = v));
    });
  }
}

const BORDER_INDEXES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];
const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const OPPOSITE: Record<EdgeName, EdgeName> = { EdgeTop: 'EdgeBottom', EdgeBottom: 'EdgeTop', EdgeLeft: 'EdgeRight', EdgeRight: 'EdgeLeft' };

export class MemRangeBorderCollection extends MemRangePart {
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  getItem(index: Excel.BorderIndex | string): MemRangeBorder {
    const i = String(index);
    if (!BORDER_INDEXES.includes(i))
      this.context._enqueue(() => {
        throw new MemOfficeError('InvalidArgument', `Invalid border index '${i}'.`);
      });
    return new MemRangeBorder(this.context, this._range, i);
  }
}

export class MemRangeBorder extends MemRangePart implements Pick<Excel.RangeBorder, 'style' | 'color'> {
  constructor(
    context: MemRequestContext,
    range: MemRange,
    private readonly _index: string,
  ) {
    super(context, range);
  }
  /** The (row, col, edge) triples this border item covers. */
  private edges(): { r: number; c: number; e: EdgeName }[] {
    const { rect } = this.t();
    const out: { r: number; c: number; e: EdgeName }[] = [];
    const rows = (f: (r: number) => void) => {
      for (let r = rect.r0; r <= Math.min(rect.r1, rect.r0 + 5000); r++) f(r);
    };
    const cols = (f: (c: number) => void) => {
      for (let c = rect.c0; c <= Math.min(rect.c1, rect.c0 + 1000); c++) f(c);
    };
    switch (this._index) {
      case 'EdgeTop':
        cols((c) => out.push({ r: rect.r0, c, e: 'EdgeTop' }));
        break;
      case 'EdgeBottom':
        cols((c) => out.push({ r: rect.r1, c, e: 'EdgeBottom' }));
        break;
      case 'EdgeLeft':
        rows((r) => out.push({ r, c: rect.c0, e: 'EdgeLeft' }));
        break;
      case 'EdgeRight':
        rows((r) => out.push({ r, c: rect.c1, e: 'EdgeRight' }));
        break;
      case 'InsideHorizontal':
        rows((r) => {
          if (r < rect.r1) cols((c) => out.push({ r, c, e: 'EdgeBottom' }));
        });
        break;
      case 'InsideVertical':
        rows((r) =>
          cols((c) => {
            if (c < rect.c1) out.push({ r, c, e: 'EdgeRight' });
          }),
        );
        break;
    }
    return out;
  }
  private readEdge<T>(f: (b: Border) => T): T | null {
    const { sheet } = this.t();
    const es = this.edges();
    if (es.length === 0) return f(DEFAULT_BORDER);
    return uniform(es.map(({ r, c, e }) => f(this.wb.getCell(sheet, r, c).borders[e] ?? DEFAULT_BORDER)));
  }
  private writeEdge(f: (b: Border) => Border): void {
    const { sheet, rect } = this.t();
    this.wb.assertWritable(sheet, rect, 'format');
    for (const { r, c, e } of this.edges()) {
      const cell = this.wb.cellForWrite(sheet, r, c);
      const nb = f(cell.borders[e] ?? { ...DEFAULT_BORDER });
      const set = (cc: CellData, edge: EdgeName) => {
        if (nb.style === 'None') delete cc.borders[edge];
        else cc.borders[edge] = { ...nb };
      };
      set(cell, e);
      this.wb.compact(sheet, r, c);
      // the neighbour shares this edge
      const nr = e === 'EdgeTop' ? r - 1 : e === 'EdgeBottom' ? r + 1 : r;
      const nc = e === 'EdgeLeft' ? c - 1 : e === 'EdgeRight' ? c + 1 : c;
      if (nr >= 0 && nc >= 0 && nr < MAX_ROWS && nc < MAX_COLS) {
        set(this.wb.cellForWrite(sheet, nr, nc), OPPOSITE[e]);
        this.wb.compact(sheet, nr, nc);
      }
    }
    this.wb.touch();
  }
  protected _scalars(): Record<string, () => unknown> {
    return {
      style: () => this.readEdge((b) => b.style),
      color: () => this.readEdge((b) => b.color),
    };
  }
  get style(): Excel.RangeBorder['style'] {
    return this._get('style');
  }
  set style(v: Excel.RangeBorder['style']) {
    this._set('style', v, () => {
      const s = oneOf(v, BORDER_STYLES, 'border style');
      this.writeEdge((b) => ({ ...b, style: s }));
    });
  }
  get color(): string {
    return this._get('color');
  }
  set color(v: string) {
    this._set('color', v, () => {
      const col = normalizeColor(v);
      this.writeEdge((b) => ({ ...b, color: col, style: b.style === 'None' ? 'Continuous' : b.style }));
    });
  }
}
