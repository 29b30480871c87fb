/**
 * A worksheet's page setup (Excel.PageLayout, ExcelApi 1.9) and its manual horizontal page breaks
 * (Worksheet.horizontalPageBreaks), with the checks of what Excel accepts.
 * https://learn.microsoft.com/javascript/api/excel/excel.pagelayout
 * https://learn.microsoft.com/javascript/api/excel/excel.pagebreakcollection
 */
import { MemOfficeError } from '../errors';

/** Excel.PaperType's values. */
export const PAPER_TYPES: readonly string[] = [
  'Letter',
  'LetterSmall',
  'Tabloid',
  'Ledger',
  'Legal',
  'Statement',
  'Executive',
  'A3',
  'A4',
  'A4Small',
  'A5',
  'B4',
  'B5',
  'Folio',
  'Quatro',
  'Paper10x14',
  'Paper11x17',
  'Note',
  'Envelope9',
  'Envelope10',
  'Envelope11',
  'Envelope12',
  'Envelope14',
  'Csheet',
  'Dsheet',
  'Esheet',
  'EnvelopeDL',
  'EnvelopeC5',
  'EnvelopeC3',
  'EnvelopeC4',
  'EnvelopeC6',
  'EnvelopeC65',
  'EnvelopeB4',
  'EnvelopeB5',
  'EnvelopeB6',
  'EnvelopeItaly',
  'EnvelopeMonarch',
  'EnvelopePersonal',
  'FanfoldUS',
  'FanfoldStdGerman',
  'FanfoldLegalGerman',
];

export type MarginName = 'leftMargin' | 'rightMargin' | 'topMargin' | 'bottomMargin' | 'headerMargin' | 'footerMargin';
export const MARGIN_NAMES: readonly MarginName[] = [
  'leftMargin',
  'rightMargin',
  'topMargin',
  'bottomMargin',
  'headerMargin',
  'footerMargin',
];

/** Excel.PageLayoutZoomOptions as Excel reads it back: null where the other kind of zoom is used. */
export interface ZoomModel {
  scale: number | null;
  horizontalFitToPages: number | null;
  verticalFitToPages: number | null;
}

export interface PageLayoutModel extends Record<MarginName, number> {
  orientation: 'Portrait' | 'Landscape';
  paperSize: string;
  zoom: ZoomModel;
}

/**
 * A new sheet's page setup: Excel's Normal margins (0.7 inch left and right, 0.75 top and bottom,
 * 0.3 header and footer, in points here as the API gives them), 100 %, and Letter, the en-US
 * default (the default paper follows the printer and the locale).
 */
export function defaultPageLayout(): PageLayoutModel {
  return {
    orientation: 'Portrait',
    paperSize: 'Letter',
    zoom: { scale: 100, horizontalFitToPages: null, verticalFitToPages: null },
    leftMargin: 50.4,
    rightMargin: 50.4,
    topMargin: 54,
    bottomMargin: 54,
    headerMargin: 21.6,
    footerMargin: 21.6,
  };
}

function refuse(message: string): never {
  throw new MemOfficeError('InvalidArgument', message);
}

export function checkOrientation(v: unknown): PageLayoutModel['orientation'] {
  if (v !== 'Portrait' && v !== 'Landscape') refuse(`'${String(v)}' is not a page orientation (Portrait or Landscape).`);
  return v;
}

export function checkPaperSize(v: unknown): string {
  if (typeof v !== 'string' || !PAPER_TYPES.includes(v)) refuse(`'${String(v)}' is not a paper type Excel knows.`);
  return v;
}

export function checkMargin(name: MarginName, v: unknown): number {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) refuse(`${name} must be a number of points, 0 or more (got ${String(v)}).`);
  return v;
}

const given = (v: unknown): boolean => v !== undefined && v !== null;
const pageCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/**
 * The zoom Excel sets for `v`: a scale from 10 to 400, or pages wide and tall (0: as many as it
 * takes, as in the .xlsx format; Excel.PageLayoutZoomOptions documents the counts as numbers of pages
 * and does not say what 0 means). Refused, the conservative case where Excel does not document it:
 * a scale with page counts, and 0 pages both ways. Pages given one way only are refused too, the
 * stricter stand-in for what office-js#1860 reports: `{ horizontalFitToPages: 1 }` alone (or
 * `{ verticalFitToPages: 1 }` alone) not applied unless the Page Layout tab was open. Whether both
 * counts together avoid that in Excel is not known.
 */
export function checkZoom(v: unknown): ZoomModel {
  if (typeof v !== 'object' || v === null) refuse('zoom must be an object of zoom options.');
  const z = v as Record<string, unknown>;
  for (const k of Object.keys(z))
    if (!['scale', 'horizontalFitToPages', 'verticalFitToPages'].includes(k)) refuse(`Unknown zoom option '${k}'.`);
  const fits = given(z.horizontalFitToPages) || given(z.verticalFitToPages);
  if (given(z.scale)) {
    if (fits) refuse('zoom takes a scale or pages to fit, not both.');
    if (typeof z.scale !== 'number' || !(z.scale >= 10 && z.scale <= 400))
      refuse(`The print scale must be from 10 to 400 (got ${String(z.scale)}).`);
    return { scale: z.scale, horizontalFitToPages: null, verticalFitToPages: null };
  }
  if (!fits) refuse('zoom needs a scale or pages to fit.');
  if (!pageCount(z.horizontalFitToPages) || !pageCount(z.verticalFitToPages))
    refuse('zoom to fit needs whole numbers of pages both ways, horizontalFitToPages and verticalFitToPages (0: automatic).');
  if (z.horizontalFitToPages === 0 && z.verticalFitToPages === 0) refuse('zoom to fit needs at least one way bounded.');
  return { scale: null, horizontalFitToPages: z.horizontalFitToPages, verticalFitToPages: z.verticalFitToPages };
}

/** A manual horizontal page break: before `row`, added at a cell of column `col`. */
export interface PageBreakModel {
  row: number;
  col: number;
}

/**
 * Adds a break before `row`. Excel cannot break before the first row; a second break before the
 * same row is refused, the conservative case (Excel does not document it).
 */
export function addHorizontalBreak(breaks: PageBreakModel[], row: number, col: number): PageBreakModel {
  if (row === 0) refuse('A page break cannot be added before the first row.');
  if (breaks.some((b) => b.row === row)) refuse(`There is already a page break before row ${row + 1}.`);
  const b = { row, col };
  breaks.push(b);
  breaks.sort((x, y) => x.row - y.row);
  return b;
}
