/** A worksheet of the model, with its conditional formats; defined names; change events. */
import { Rect } from '../../../report/standard/a1';
import { CellData } from './cells';
import { PageBreakModel, PageLayoutModel, defaultPageLayout } from './pageLayout';

export interface CfModel {
  id: string;
  rects: Rect[];
  /** The cell the formula is written for (top-left of the range it was added to). */
  anchorRow: number;
  anchorCol: number;
  formula: string;
  fill: string | null;
  fontColor: string | null;
}

export interface NameModel {
  name: string;
  /** Sheet id for worksheet-scoped names, null for workbook scope. */
  scopeSheetId: string | null;
  formula: string;
  comment: string;
}

export interface ChangedEvent {
  type: 'WorksheetChanged';
  address: string;
  changeType: 'RangeEdited' | 'RowInserted' | 'RowDeleted';
  source: 'Local' | 'Remote';
  worksheetId: string;
}

export type SheetEventHandler = (args: any) => Promise<any> | any;

export class SheetModel {
  cells = new Map<number, CellData>();
  merges: Rect[] = [];
  cfs: CfModel[] = []; // index = priority (0 is evaluated first)
  protected = false;
  colWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  selection: Rect = { r0: 0, c0: 0, r1: 0, c1: 0 };
  /** Every area of a multi-area selection (RangeAreas.select, ExcelApi 1.9), the first being `selection`; null for one area. */
  selectionAreas: Rect[] | null = null;
  changedHandlers: SheetEventHandler[] = [];
  /** Worksheet.visibility (writable from ExcelApi 1.2). */
  visibility: 'Visible' | 'Hidden' | 'VeryHidden' = 'Visible';
  /** Worksheet.pageLayout (ExcelApi 1.9). */
  pageLayout: PageLayoutModel = defaultPageLayout();
  /** Worksheet.horizontalPageBreaks (ExcelApi 1.9): manual breaks, by row. */
  horizontalBreaks: PageBreakModel[] = [];
  constructor(
    public id: string,
    public name: string,
  ) {}
}
