/**
 * In-memory Excel host: run the add-in's office-js code (Excel.run, ranges, formats, data
 * validation, conditional formats, names, events) against a simulated workbook, in jest or in a
 * browser preview.
 */
export { MemoryHost, createMemoryHost } from './host';
export type { CellView, NameView } from './host';
export { MemOfficeError, isMemOfficeError } from './errors';
export type { MemErrorCode } from './errors';
export {
  FormulaError,
  FormulaSyntaxError,
  SUPPORTED_FUNCTIONS,
  adjustFormulaForEdit,
  evaluateFormula,
  formatGeneral,
  numberToText,
  isTruthy,
  isValidFormula,
  parseFormula,
  shiftFormula,
} from './formula';
export type { CellGetter, FormulaEnv, Scalar, SheetEdit } from './formula';
export { formatValue } from './numfmt';
