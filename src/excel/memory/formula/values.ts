/**
 * Values of the formula engine: cell values and Excel's errors, arrays from references, the
 * conversions between numbers, text and booleans, and the operators applied element-wise.
 */
export type ErrorCode = '#NULL!' | '#DIV/0!' | '#VALUE!' | '#REF!' | '#NAME?' | '#NUM!' | '#N/A';

/** An Excel error value (#VALUE!, #REF!, ...). */
export class FormulaError {
  constructor(readonly code: ErrorCode) {}
  toString(): string {
    return this.code;
  }
}

/** Value of one cell as the engine sees it: null is a blank cell. */
export type Scalar = number | string | boolean | null | FormulaError;

const ERROR_CODES: ErrorCode[] = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A'];
export function errorFromCode(code: string): FormulaError | null {
  const c = ERROR_CODES.find((e) => e === code.toUpperCase());
  return c ? new FormulaError(c) : null;
}

/** Values of a reference or an array, by rows. */
export interface Arr {
  kind: 'array';
  rows: Scalar[][];
  isRef: boolean;
}
export type Val = Scalar | Arr;

export function isArr(v: Val): v is Arr {
  return typeof v === 'object' && v !== null && !(v instanceof FormulaError);
}

/** Makers of each error value. */
export const E = {
  value: () => new FormulaError('#VALUE!'),
  div0: () => new FormulaError('#DIV/0!'),
  ref: () => new FormulaError('#REF!'),
  name: () => new FormulaError('#NAME?'),
  num: () => new FormulaError('#NUM!'),
  na: () => new FormulaError('#N/A'),
};

function excelExponent(n: number, digits: number): string {
  const [m, e] = n.toExponential(digits).split('e');
  const mant = m.includes('.') ? m.replace(/0+$/, '').replace(/\.$/, '') : m;
  const exp = parseInt(e, 10);
  return `${mant}E${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

/** Excel's "General" cell display of a number: at most 11 characters, scientific when needed. */
export function formatGeneral(n: number): string {
  if (n === 0) return '0';
  const abs = Math.abs(n);
  const sign = n < 0 ? 1 : 0;
  if (abs >= 1e11 || abs < 1e-9) return excelExponent(n, 5 - sign);
  const intDigits = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, 11 - sign - intDigits - 1);
  let s = n.toFixed(Math.min(decimals, 20));
  if (s.includes('.')) s = s.replace(/0+$/, '').replace(/\.$/, '');
  if (s === '0' || s === '-0') return excelExponent(n, 5 - sign);
  return s;
}

/** A number converted to text by a formula (="" & x): up to 15 significant digits. */
export function numberToText(n: number): string {
  const v = Number(n.toPrecision(15));
  const s = String(v);
  if (!s.includes('e')) return s;
  return excelExponent(v, 14);
}

export function toText(v: Scalar): string | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return numberToText(v);
  return v;
}

const NUMERIC_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
export function parseNumericText(s: string): number | null {
  if (NUMERIC_TEXT.test(s)) return parseFloat(s);
  const pct = /^\s*([+-]?(\d+\.?\d*|\.\d+))\s*%\s*$/.exec(s);
  if (pct) return parseFloat(pct[1]) / 100;
  return null;
}

export function toNumber(v: Scalar): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const n = parseNumericText(v);
  return n === null ? E.value() : n;
}

export function toBool(v: Scalar): boolean | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const u = v.toUpperCase();
  if (u === 'TRUE') return true;
  if (u === 'FALSE') return false;
  return E.value();
}

/** A finite number, or #NUM!. */
export function num(n: number): Scalar {
  return Number.isFinite(n) ? n : E.num();
}

/** The top-left value of an array (no implicit intersection). */
export function scalarOf(v: Val): Scalar {
  if (!isArr(v)) return v;
  const x = v.rows[0]?.[0];
  return x === undefined ? E.value() : x;
}

/** Applies f element-wise over arrays (broadcasting 1x1 / single row / single column). */
export function lift2(a: Val, b: Val, f: (x: Scalar, y: Scalar) => Scalar): Val {
  if (!isArr(a) && !isArr(b)) return f(a, b);
  const A = isArr(a) ? a.rows : [[a]];
  const B = isArr(b) ? b.rows : [[b]];
  const rows = Math.max(A.length, B.length);
  const cols = Math.max(A[0]?.length ?? 0, B[0]?.length ?? 0);
  const pick = (M: Scalar[][], r: number, c: number): Scalar | undefined => {
    const rr = M.length === 1 ? 0 : r;
    const cc = M[0].length === 1 ? 0 : c;
    return M[rr]?.[cc];
  };
  const out: Scalar[][] = [];
  for (let r = 0; r < rows; r++) {
    const row: Scalar[] = [];
    for (let c = 0; c < cols; c++) {
      const x = pick(A, r, c);
      const y = pick(B, r, c);
      row.push(x === undefined || y === undefined ? E.na() : f(x, y));
    }
    out.push(row);
  }
  return { kind: 'array', rows: out, isRef: false };
}

export function lift1(a: Val, f: (x: Scalar) => Scalar): Val {
  if (!isArr(a)) return f(a);
  return { kind: 'array', rows: a.rows.map((r) => r.map(f)), isRef: false };
}

function typeRank(v: Scalar): number {
  if (typeof v === 'number') return 0;
  if (typeof v === 'string') return 1;
  return 2; // boolean
}

function compare(x: Scalar, y: Scalar): number | FormulaError {
  if (x instanceof FormulaError) return x;
  if (y instanceof FormulaError) return y;
  // blank adopts the type of the other operand
  if (x === null) x = y === null ? 0 : typeof y === 'string' ? '' : typeof y === 'boolean' ? false : 0;
  if (y === null) y = typeof x === 'string' ? '' : typeof x === 'boolean' ? false : 0;
  const rx = typeRank(x);
  const ry = typeRank(y);
  if (rx !== ry) return rx < ry ? -1 : 1;
  if (typeof x === 'string') {
    const a = x.toLowerCase();
    const b = (y as string).toLowerCase();
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const a = Number(x);
  const b = Number(y);
  return a < b ? -1 : a > b ? 1 : 0;
}

function arith(op: string, x: Scalar, y: Scalar): Scalar {
  const a = toNumber(x);
  if (a instanceof FormulaError) return a;
  const b = toNumber(y);
  if (b instanceof FormulaError) return b;
  switch (op) {
    case '+':
      return num(a + b);
    case '-':
      return num(a - b);
    case '*':
      return num(a * b);
    case '/':
      return b === 0 ? E.div0() : num(a / b);
    case '^':
      return num(Math.pow(a, b));
  }
  return E.value();
}

/** A binary operator (&, comparisons, arithmetic) on two values. */
export function binary(op: string, x: Scalar, y: Scalar): Scalar {
  if (op === '&') {
    const a = toText(x);
    if (a instanceof FormulaError) return a;
    const b = toText(y);
    if (b instanceof FormulaError) return b;
    return a + b;
  }
  if (op in { '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1 }) {
    const c = compare(x, y);
    if (c instanceof FormulaError) return c;
    switch (op) {
      case '=':
        return c === 0;
      case '<>':
        return c !== 0;
      case '<':
        return c < 0;
      case '>':
        return c > 0;
      case '<=':
        return c <= 0;
      default:
        return c >= 0;
    }
  }
  return arith(op, x, y);
}

/** Every value of the arguments, each flagged with whether it came from a reference/array. */
export function* flatten(args: Val[]): Generator<{ v: Scalar; fromRef: boolean }> {
  for (const a of args) {
    if (isArr(a)) {
      for (const row of a.rows) for (const v of row) yield { v, fromRef: true };
    } else yield { v: a, fromRef: false };
  }
}
