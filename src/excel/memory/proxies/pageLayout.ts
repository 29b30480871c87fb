/**
 * Excel.PageLayout and Excel.PageBreakCollection (ExcelApi 1.9), as far as the add-in uses them:
 * orientation, paper size, margins and zoom, and horizontal page breaks added and read.
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
 * https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection
 * Values are checked when the sync runs them, as Excel does: a value Excel does not accept rejects the
 * sync with InvalidArgument, and a protected sheet refuses every change with AccessDenied (the
 * conservative case: Excel's UI greys page setup out on a protected sheet).
 */
import { parseAddress } from '../../../report/standard/a1';
import { MemOfficeError } from '../errors';
import {
  MARGIN_NAMES,
  MarginName,
  PageBreakModel,
  PageLayoutModel,
  addHorizontalBreak,
  checkMargin,
  checkOrientation,
  checkPaperSize,
  checkZoom,
} from '../model/pageLayout';
import { SheetModel } from '../model/sheet';
import { MemTargetObject } from './clientObject';
import { MemWorksheetPart } from './worksheetPart';
import type { MemRange } from './range';

function writable(s: SheetModel): SheetModel {
  if (s.protected) throw new MemOfficeError('AccessDenied', `The worksheet '${s.name}' is protected; its page setup cannot be changed.`);
  return s;
}

export class MemPageLayout extends MemWorksheetPart implements Pick<Excel.PageLayout, 'orientation' | 'paperSize' | 'zoom' | MarginName> {
  private page(): PageLayoutModel {
    return this._ws._sheet().pageLayout;
  }
  protected _scalars(): Record<string, () => unknown> {
    const out: Record<string, () => unknown> = {
      orientation: () => this.page().orientation,
      paperSize: () => this.page().paperSize,
      zoom: () => ({ ...this.page().zoom }),
    };
    for (const m of MARGIN_NAMES) out[m] = () => this.page()[m];
    return out;
  }
  private setMargin(name: MarginName, v: number): void {
    this._set(name, v, () => (writable(this._ws._sheet()).pageLayout[name] = checkMargin(name, v)));
  }

  get orientation(): Excel.PageLayout['orientation'] {
    return this._get('orientation');
  }
  set orientation(v: Excel.PageLayout['orientation']) {
    this._set('orientation', v, () => (writable(this._ws._sheet()).pageLayout.orientation = checkOrientation(v)));
  }
  get paperSize(): Excel.PageLayout['paperSize'] {
    return this._get('paperSize');
  }
  set paperSize(v: Excel.PageLayout['paperSize']) {
    this._set('paperSize', v, () => (writable(this._ws._sheet()).pageLayout.paperSize = checkPaperSize(v)));
  }
  get zoom(): Excel.PageLayoutZoomOptions {
    return this._get('zoom');
  }
  set zoom(v: Excel.PageLayoutZoomOptions) {
    this._set('zoom', v, () => (writable(this._ws._sheet()).pageLayout.zoom = checkZoom(v)));
  }
  get leftMargin(): number {
    return this._get('leftMargin');
  }
  set leftMargin(v: number) {
    this.setMargin('leftMargin', v);
  }
  get rightMargin(): number {
    return this._get('rightMargin');
  }
  set rightMargin(v: number) {
    this.setMargin('rightMargin', v);
  }
  get topMargin(): number {
    return this._get('topMargin');
  }
  set topMargin(v: number) {
    this.setMargin('topMargin', v);
  }
  get bottomMargin(): number {
    return this._get('bottomMargin');
  }
  set bottomMargin(v: number) {
    this.setMargin('bottomMargin', v);
  }
  get headerMargin(): number {
    return this._get('headerMargin');
  }
  set headerMargin(v: number) {
    this.setMargin('headerMargin', v);
  }
  get footerMargin(): number {
    return this._get('footerMargin');
  }
  set footerMargin(v: number) {
    this.setMargin('footerMargin', v);
  }
}

/** Excel.PageBreak: where a break is (the first cell after it). */
export class MemPageBreak extends MemTargetObject<PageBreakModel> implements Pick<Excel.PageBreak, 'rowIndex' | 'columnIndex'> {
  protected _scalars(): Record<string, () => unknown> {
    const t = () => {
      if (!this._t) throw new MemOfficeError('InvalidObjectPath', 'PageBreak object is not available.');
      return this._t;
    };
    return { rowIndex: () => t().row, columnIndex: () => t().col };
  }
  get rowIndex(): number {
    return this._get('rowIndex');
  }
  get columnIndex(): number {
    return this._get('columnIndex');
  }
}

/** Worksheet.horizontalPageBreaks: the sheet's manual horizontal breaks, top to bottom. */
export class MemPageBreakCollection extends MemWorksheetPart {
  protected _scalars(): Record<string, () => unknown> {
    return {};
  }
  get items(): MemPageBreak[] {
    return this._get('items');
  }
  _loadNow(paths: string[]): void {
    if (this._isNull()) return;
    const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter((p) => p !== '');
    const items = this._ws._sheet().horizontalBreaks.map((b) => MemPageBreak.bound(this.context, b));
    for (const it of items) it._loadNow(itemPaths);
    this._loaded.set('items', items);
  }

  /** Adds a break before the top-left cell of `pageBreakRange`, a range or an address of this sheet. */
  add(pageBreakRange: MemRange | string): MemPageBreak {
    return MemPageBreak.create(this.context, () => {
      const s = writable(this._ws._sheet());
      let at: { row: number; col: number };
      if (typeof pageBreakRange === 'string') {
        const p = parseAddress(pageBreakRange);
        if (!p || (p.sheet !== undefined && this.wb.sheetByName(p.sheet) !== s))
          throw new MemOfficeError('InvalidArgument', `The address '${pageBreakRange}' is not valid on this worksheet.`);
        at = { row: p.rect.r0, col: p.rect.c0 };
      } else {
        const t = pageBreakRange._target();
        if (t.sheet !== s) throw new MemOfficeError('InvalidArgument', 'The range is on another worksheet.');
        at = { row: t.rect.r0, col: t.rect.c0 };
      }
      return addHorizontalBreak(s.horizontalBreaks, at.row, at.col);
    });
  }
}
