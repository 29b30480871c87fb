/** One cell of the model: its content and formats, the defaults, and where it is kept in a sheet. */
import { MAX_COLS } from '../../../report/standard/a1';
import type { FormulaError } from '../formula/values';

export type EdgeName = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';
export const EDGES: EdgeName[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

export interface Border {
  style: string;
  color: string;
}

export const DEFAULT_BORDER: Border = Object.freeze({ style: 'None', color: '#000000' });

export type DvType = 'wholeNumber' | 'decimal' | 'textLength' | 'custom' | 'list' | 'date' | 'time';

export interface DvAlert {
  showAlert: boolean;
  style: string;
  title: string;
  message: string;
}

export interface DvPrompt {
  showPrompt: boolean;
  title: string;
  message: string;
}

/** Data validation of one cell. Formulas are stored relative to this cell. */
export interface DvState {
  type: DvType | null;
  operator?: string;
  formula1?: string;
  formula2?: string;
  listSource?: string;
  inCellDropDown?: boolean;
  errorAlert: DvAlert;
  prompt: DvPrompt;
}

export interface CellData {
  value: number | string | boolean | FormulaError | null;
  formula: string | null;
  numberFormat: string;
  fill: string | null;
  bold: boolean;
  fontSize: number;
  fontName: string;
  wrap: boolean;
  hAlign: string;
  vAlign: string;
  borders: Partial<Record<EdgeName, Border>>;
  dv: DvState | null;
}

export const DEFAULT_CELL: Readonly<CellData> = Object.freeze({
  value: null,
  formula: null,
  numberFormat: 'General',
  fill: null,
  bold: false,
  fontSize: 11,
  fontName: 'Calibri',
  wrap: false,
  hAlign: 'General',
  vAlign: 'Bottom',
  borders: Object.freeze({}) as Partial<Record<EdgeName, Border>>,
  dv: null,
});

export const DEFAULT_COLUMN_WIDTH = 48; // points (8.43 characters)
export const DEFAULT_ROW_HEIGHT = 15; // points

export function cellKey(row: number, col: number): number {
  return row * MAX_COLS + col;
}

export function keyRow(k: number): number {
  return Math.floor(k / MAX_COLS);
}

export function keyCol(k: number): number {
  return k % MAX_COLS;
}

/** Whether a cell holds nothing but defaults (and need not be kept). */
export function isDefaultCell(c: CellData): boolean {
  return (
    c.value === null &&
    c.formula === null &&
    c.dv === null &&
    c.numberFormat === DEFAULT_CELL.numberFormat &&
    c.fill === null &&
    !c.bold &&
    c.fontSize === DEFAULT_CELL.fontSize &&
    c.fontName === DEFAULT_CELL.fontName &&
    !c.wrap &&
    c.hAlign === DEFAULT_CELL.hAlign &&
    c.vAlign === DEFAULT_CELL.vAlign &&
    Object.keys(c.borders).length === 0
  );
}
