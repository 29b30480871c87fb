/** Whether a cell's value passes its data validation, as Excel checks what the user types. */
import { parseAddress } from '../../../report/standard/a1';
import { isTruthy } from '../formula/evaluate';
import { FormulaError, numberToText } from '../formula/values';
import { DvState } from './cells';
import { SheetModel } from './sheet';
import type { Workbook } from './workbook';

export function isCellValid(wb: Workbook, s: SheetModel, row: number, col: number): boolean {
  const dv = wb.getCell(s, row, col).dv;
  if (!dv || !dv.type) return true;
  const v = wb.value(s, row, col);
  if (v === null || v === '') return true; // blanks are ignored (DataValidation.ignoreBlanks defaults to true)
  if (v instanceof FormulaError) return false;
  const bound = (formula?: string): number | null => {
    if (formula === undefined) return null;
    const r = wb.evaluateAt(s, formula, row, col);
    return typeof r === 'number' ? r : typeof r === 'boolean' ? Number(r) : null;
  };
  const inBounds = (x: number) => compares(dv, x, bound(dv.formula1), bound(dv.formula2));
  switch (dv.type) {
    case 'wholeNumber':
      return typeof v === 'number' && Number.isInteger(v) && inBounds(v);
    case 'decimal':
    case 'date':
    case 'time':
      return typeof v === 'number' && inBounds(v);
    case 'textLength': {
      const t = typeof v === 'number' ? numberToText(v) : typeof v === 'boolean' ? (v ? 'TRUE' : 'FALSE') : v;
      return inBounds(t.length);
    }
    case 'custom':
      return isTruthy(wb.evaluateAt(s, dv.formula1 ?? '=TRUE', row, col));
    case 'list': {
      const options = listOptions(wb, s, dv.listSource ?? '');
      const text = typeof v === 'number' ? numberToText(v) : String(v);
      return options.some((o) => o.toLowerCase() === text.toLowerCase());
    }
  }
  return true;
}

/** x against the rule's operator and bounds (a missing bound fails). */
function compares(dv: DvState, x: number, a: number | null, b: number | null): boolean {
  if (a === null) return false;
  switch (dv.operator) {
    case 'Between':
      return b !== null && x >= Math.min(a, b) && x <= Math.max(a, b);
    case 'NotBetween':
      return b !== null && (x < Math.min(a, b) || x > Math.max(a, b));
    case 'EqualTo':
      return x === a;
    case 'NotEqualTo':
      return x !== a;
    case 'GreaterThan':
      return x > a;
    case 'LessThan':
      return x < a;
    case 'GreaterThanOrEqualTo':
      return x >= a;
    case 'LessThanOrEqualTo':
      return x <= a;
  }
  return false;
}

/** The allowed entries of a list rule: "a,b,c", or the non-blank values of the range "=$A$1:$A$3". */
function listOptions(wb: Workbook, s: SheetModel, source: string): string[] {
  if (!source.startsWith('=')) return source.split(',').map((x) => x.trim());
  const p = parseAddress(source.slice(1));
  const t = p && (p.sheet ? wb.sheetByName(p.sheet) : s);
  if (!p || !t) return [];
  const options: string[] = [];
  for (let r = p.rect.r0; r <= p.rect.r1; r++)
    for (let c = p.rect.c0; c <= p.rect.c1; c++) {
      const x = wb.value(t, r, c);
      if (x !== null) options.push(String(x));
    }
  return options;
}
