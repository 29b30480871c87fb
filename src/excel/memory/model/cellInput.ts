/** How text typed by the user or written by the add-in is stored in a cell. */
import { MemOfficeError } from '../errors';
import { isValidFormula } from '../formula/parse';
import { errorFromCode, parseNumericText } from '../formula/values';
import { CellData } from './cells';

/**
 * A typed (or written) text as Excel stores it, for the forms Excel converts: numbers (with thousands
 * separators), percentages ("3%" is 0.03), accounting negatives ("(3)" is -3), dates ("1/2" and
 * "1-2" are 2 January of this year, "2021-3-4" and "2021/3/4" full dates, as date serial numbers),
 * TRUE/FALSE. Anything else stays text. Text that starts with + or - and is not a number is taken
 * as a formula by parseCellInput.
 */
export function parseInputText(s: string): number | string | boolean {
  const plain = s.replace(/,(?=\d{3}(\D|$))/g, '');
  const n = parseNumericText(plain);
  if (n !== null && /\d/.test(s)) return n;
  const paren = /^\s*\(\s*(\d+\.?\d*|\.\d+)\s*\)\s*$/.exec(plain);
  if (paren) return -parseFloat(paren[1]);
  const date = parseDateText(s);
  if (date !== null) return date;
  const u = s.trim().toUpperCase();
  if (u === 'TRUE') return true;
  if (u === 'FALSE') return false;
  return s;
}

/** Excel's serial number of a date (1900 date system), or null when there is no such day. */
function dateSerial(y: number, m: number, d: number): number | null {
  if (m < 1 || m > 12 || d < 1 || y < 1900 || y > 9999) return null;
  const t = Date.UTC(y, m - 1, d);
  const back = new Date(t);
  if (back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return Math.round((t - Date.UTC(1899, 11, 30)) / 86400000);
}

/** Month/day (this year), month/day/year, year-month-day, with / or - (the forms Excel reads as dates). */
function parseDateText(s: string): number | null {
  const t = s.trim();
  let m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (m) return dateSerial(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{2}|\d{4})$/.exec(t);
  if (m) return dateSerial(m[3].length === 2 ? (+m[3] < 30 ? 2000 : 1900) + +m[3] : +m[3], +m[1], +m[2]);
  m = /^(\d{1,2})[/-](\d{1,2})$/.exec(t);
  if (m) return dateSerial(new Date().getFullYear(), +m[1], +m[2]);
  return null;
}

/** How a value or formula written through the API or typed by a user is stored. */
export function parseCellInput(
  input: unknown,
  numberFormat: string,
  formulaMode: boolean,
): { value: CellData['value']; formula: string | null } {
  if (input === '' || input === undefined) return { value: null, formula: null };
  if (typeof input === 'number') {
    if (!Number.isFinite(input)) throw new MemOfficeError('InvalidArgument', `Invalid number ${input}`);
    return { value: input, formula: null };
  }
  if (typeof input === 'boolean') return { value: input, formula: null };
  if (typeof input !== 'string') throw new MemOfficeError('InvalidArgument', `Unsupported cell value of type ${typeof input}`);
  // a Text-formatted cell keeps typed input (even "=...") as text, except when formulas are set
  if (numberFormat === '@' && !formulaMode) return { value: input, formula: null };
  if (input.startsWith('=') && input.length > 1) {
    if (!isValidFormula(input)) throw new MemOfficeError('InvalidArgument', `Invalid formula: ${input}`);
    return { value: null, formula: input };
  }
  if (input.startsWith("'")) return { value: input.slice(1), formula: null };
  const err = errorFromCode(input.trim());
  if (err) return { value: err, formula: null };
  const value = parseInputText(input);
  // Excel takes text that starts with + or - (and is not a number) as a formula, as if "=" were
  // typed first: "-abc" becomes =-abc (#NAME?), and "+5件" or "-" are refused as formulas.
  if (typeof value === 'string' && /^[+-]/.test(input)) {
    const formula = '=' + input;
    if (!isValidFormula(formula)) throw new MemOfficeError('InvalidArgument', `Invalid formula: ${formula}`);
    return { value: null, formula };
  }
  return { value, formula: null };
}
