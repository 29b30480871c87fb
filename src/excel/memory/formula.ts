/**
 * A small Excel formula engine: tokenizer, parser, evaluator and reference rewriting
 * (relative shifting, row/column insertion and deletion, sheet rename/delete).
 *
 * It has no dependencies so a browser view can use it on its own. Rows/columns are 0-based.
 */
import { MAX_COLS, MAX_ROWS, columnIndex, columnLetters, quoteSheet } from '../../report/a1';

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

/** Thrown by parseFormula for text that is not a formula Excel would accept. */
export class FormulaSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaSyntaxError';
  }
}

export function isError(v: unknown): v is FormulaError {
  return v instanceof FormulaError;
}

const ERROR_CODES: ErrorCode[] = ['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A'];
export function errorFromCode(code: string): FormulaError | null {
  const c = ERROR_CODES.find((e) => e === code.toUpperCase());
  return c ? new FormulaError(c) : null;
}

// ---------------------------------------------------------------------------------------------
// Tokenizer
// ---------------------------------------------------------------------------------------------

export interface RefEnd {
  row?: number; // undefined for whole-column references
  col?: number; // undefined for whole-row references
  rowAbs: boolean;
  colAbs: boolean;
}

export interface RefInfo {
  sheet?: string;
  kind: 'cell' | 'area' | 'rows' | 'cols';
  a: RefEnd;
  b: RefEnd; // equals a for single cells
}

type TokKind = 'num' | 'str' | 'bool' | 'err' | 'ref' | 'func' | 'name' | 'op' | 'lparen' | 'rparen' | 'comma';

interface Token {
  kind: TokKind;
  text: string;
  start: number;
  end: number;
  value?: number | string | boolean;
  ref?: RefInfo;
}

const SHEET_PREFIX_RE = /^(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!/u;
const AREA_RE = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?(?![\p{L}\p{N}_.(!])/u;
const COLS_RE = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\p{L}\p{N}_.(!])/u;
const ROWS_RE = /^(\$?)(\d+):(\$?)(\d+)(?![\p{L}\p{N}_.(!])/u;
const ERR_RE = /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A)/i;
const NUM_RE = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/;
const IDENT_RE = /^[\p{L}_\\][\p{L}\p{N}_.]*/u;

function matchRefBody(s: string, sheet: string | undefined): { len: number; ref: RefInfo } | null {
  let m = AREA_RE.exec(s);
  if (m) {
    const a: RefEnd = { colAbs: !!m[1], col: columnIndex(m[2]), rowAbs: !!m[3], row: parseInt(m[4], 10) - 1 };
    if (m[6] !== undefined) {
      const b: RefEnd = { colAbs: !!m[5], col: columnIndex(m[6]), rowAbs: !!m[7], row: parseInt(m[8], 10) - 1 };
      if (inBounds(a) && inBounds(b)) return { len: m[0].length, ref: { sheet, kind: 'area', a, b } };
    } else if (inBounds(a)) {
      return { len: m[0].length, ref: { sheet, kind: 'cell', a, b: a } };
    }
  }
  m = COLS_RE.exec(s);
  if (m) {
    const a: RefEnd = { colAbs: !!m[1], col: columnIndex(m[2]), rowAbs: false };
    const b: RefEnd = { colAbs: !!m[3], col: columnIndex(m[4]), rowAbs: false };
    if (a.col! < MAX_COLS && b.col! < MAX_COLS) return { len: m[0].length, ref: { sheet, kind: 'cols', a, b } };
  }
  m = ROWS_RE.exec(s);
  if (m) {
    const a: RefEnd = { rowAbs: !!m[1], row: parseInt(m[2], 10) - 1, colAbs: false };
    const b: RefEnd = { rowAbs: !!m[3], row: parseInt(m[4], 10) - 1, colAbs: false };
    if (a.row! >= 0 && b.row! >= 0 && a.row! < MAX_ROWS && b.row! < MAX_ROWS)
      return { len: m[0].length, ref: { sheet, kind: 'rows', a, b } };
  }
  return null;
}

function inBounds(e: RefEnd): boolean {
  return e.row! >= 0 && e.row! < MAX_ROWS && e.col! >= 0 && e.col! < MAX_COLS;
}

/** Tokenizes a formula (with or without the leading "="). Positions refer to the given string. */
function tokenize(src: string, offset: number): Token[] {
  const toks: Token[] = [];
  let i = offset;
  while (i < src.length) {
    const ch = src[i];
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const rest = src.slice(i);
    if (ch === '"') {
      let j = i + 1;
      let s = '';
      for (;;) {
        if (j >= src.length) throw new FormulaSyntaxError('Unterminated string literal');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            s += '"';
            j += 2;
            continue;
          }
          break;
        }
        s += src[j++];
      }
      toks.push({ kind: 'str', text: src.slice(i, j + 1), start: i, end: j + 1, value: s });
      i = j + 1;
      continue;
    }
    let m = ERR_RE.exec(rest);
    if (m) {
      toks.push({ kind: 'err', text: m[0], start: i, end: i + m[0].length, value: m[0].toUpperCase() });
      i += m[0].length;
      continue;
    }
    // sheet-qualified reference
    m = SHEET_PREFIX_RE.exec(rest);
    if (m) {
      const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
      const after = rest.slice(m[0].length);
      const em = ERR_RE.exec(after);
      if (em) {
        const len = m[0].length + em[0].length;
        toks.push({ kind: 'err', text: rest.slice(0, len), start: i, end: i + len, value: em[0].toUpperCase() });
        i += len;
        continue;
      }
      const body = matchRefBody(after, sheet);
      if (!body) throw new FormulaSyntaxError(`Bad reference after ${m[0]}`);
      const len = m[0].length + body.len;
      toks.push({ kind: 'ref', text: rest.slice(0, len), start: i, end: i + len, ref: body.ref });
      i += len;
      continue;
    }
    const body = /^[$A-Za-z0-9]/.test(ch) ? matchRefBody(rest, undefined) : null;
    if (body) {
      toks.push({ kind: 'ref', text: rest.slice(0, body.len), start: i, end: i + body.len, ref: body.ref });
      i += body.len;
      continue;
    }
    m = NUM_RE.exec(rest);
    if (m) {
      toks.push({ kind: 'num', text: m[0], start: i, end: i + m[0].length, value: parseFloat(m[0]) });
      i += m[0].length;
      continue;
    }
    m = IDENT_RE.exec(rest);
    if (m) {
      const word = m[0];
      let j = i + word.length;
      while (j < src.length && /\s/.test(src[j])) j++;
      const upper = word.toUpperCase();
      if (src[j] === '(') toks.push({ kind: 'func', text: word, start: i, end: i + word.length, value: upper });
      else if (upper === 'TRUE' || upper === 'FALSE')
        toks.push({ kind: 'bool', text: word, start: i, end: i + word.length, value: upper === 'TRUE' });
      else toks.push({ kind: 'name', text: word, start: i, end: i + word.length, value: word });
      i += word.length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '<>') {
      toks.push({ kind: 'op', text: two, start: i, end: i + 2 });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%'.includes(ch)) {
      toks.push({ kind: 'op', text: ch, start: i, end: i + 1 });
      i++;
      continue;
    }
    if (ch === '(' || ch === ')' || ch === ',') {
      toks.push({ kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', text: ch, start: i, end: i + 1 });
      i++;
      continue;
    }
    throw new FormulaSyntaxError(`Unexpected character '${ch}' at ${i}`);
  }
  return toks;
}

function formulaBody(formula: string): number {
  const t = formula.trimStart();
  const lead = formula.length - t.length;
  return t.startsWith('=') ? lead + 1 : lead;
}

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

export type Ast =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'err'; v: ErrorCode }
  | { t: 'missing' }
  | { t: 'ref'; ref: RefInfo }
  | { t: 'name'; name: string }
  | { t: 'unary'; op: string; x: Ast }
  | { t: 'postfix'; op: '%'; x: Ast }
  | { t: 'bin'; op: string; l: Ast; r: Ast }
  | { t: 'call'; name: string; args: Ast[] };

const BIN_PREC: Record<string, number> = {
  '=': 1, '<>': 1, '<': 1, '>': 1, '<=': 1, '>=': 1,
  '&': 2,
  '+': 3, '-': 3,
  '*': 4, '/': 4,
  '^': 5,
};

/** Parses a formula ("=1+A1" or "1+A1"). Throws FormulaSyntaxError. */
/** Parsed formulas (conditional formats are evaluated for every cell a view draws): ASTs are never changed. */
const PARSED = new Map<string, Ast>();

export function parseFormula(formula: string): Ast {
  const hit = PARSED.get(formula);
  if (hit) return hit;
  const ast = parseFormulaUncached(formula);
  if (PARSED.size >= 5000) PARSED.clear();
  PARSED.set(formula, ast);
  return ast;
}

function parseFormulaUncached(formula: string): Ast {
  const toks = tokenize(formula, formulaBody(formula));
  let p = 0;
  const peek = () => toks[p];
  const expect = (kind: TokKind) => {
    const t = toks[p];
    if (!t || t.kind !== kind) throw new FormulaSyntaxError(`Expected ${kind} at token ${p}`);
    p++;
    return t;
  };
  function parseExpr(minPrec: number): Ast {
    let left = parseUnary();
    for (;;) {
      const t = peek();
      if (!t || t.kind !== 'op' || !(t.text in BIN_PREC)) break;
      const prec = BIN_PREC[t.text];
      if (prec < minPrec) break;
      p++;
      const right = parseExpr(prec + 1); // all binary operators are left-associative in Excel
      left = { t: 'bin', op: t.text, l: left, r: right };
    }
    return left;
  }
  function parseUnary(): Ast {
    const t = peek();
    if (t && t.kind === 'op' && (t.text === '-' || t.text === '+')) {
      p++;
      return { t: 'unary', op: t.text, x: parseUnary() };
    }
    return parsePostfix(parsePrimary());
  }
  function parsePostfix(x: Ast): Ast {
    while (peek() && peek().kind === 'op' && peek().text === '%') {
      p++;
      x = { t: 'postfix', op: '%', x };
    }
    return x;
  }
  function parsePrimary(): Ast {
    const t = toks[p++];
    if (!t) throw new FormulaSyntaxError('Unexpected end of formula');
    switch (t.kind) {
      case 'num':
        return { t: 'num', v: t.value as number };
      case 'str':
        return { t: 'str', v: t.value as string };
      case 'bool':
        return { t: 'bool', v: t.value as boolean };
      case 'err':
        return { t: 'err', v: t.value as ErrorCode };
      case 'ref':
        return { t: 'ref', ref: t.ref! };
      case 'name':
        return { t: 'name', name: t.value as string };
      case 'lparen': {
        const e = parseExpr(1);
        expect('rparen');
        return e;
      }
      case 'func': {
        expect('lparen');
        const args: Ast[] = [];
        if (peek() && peek().kind === 'rparen') {
          p++;
          return { t: 'call', name: t.value as string, args };
        }
        for (;;) {
          // empty argument, e.g. IF(A1,,1)
          if (peek() && (peek().kind === 'comma' || peek().kind === 'rparen')) args.push({ t: 'missing' });
          else args.push(parseExpr(1));
          const sep = toks[p++];
          if (!sep) throw new FormulaSyntaxError('Missing )');
          if (sep.kind === 'rparen') break;
          if (sep.kind !== 'comma') throw new FormulaSyntaxError(`Unexpected '${sep.text}' in argument list`);
        }
        return { t: 'call', name: t.value as string, args };
      }
      default:
        throw new FormulaSyntaxError(`Unexpected '${t.text}'`);
    }
  }
  if (toks.length === 0) throw new FormulaSyntaxError('Empty formula');
  const ast = parseExpr(1);
  if (p < toks.length) throw new FormulaSyntaxError(`Unexpected '${toks[p].text}'`);
  return ast;
}

/** True if the text parses as a formula. */
export function isValidFormula(formula: string): boolean {
  try {
    parseFormula(formula);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Evaluation
// ---------------------------------------------------------------------------------------------

export interface FormulaEnv {
  /** Value of a cell; sheet undefined means the sheet the formula lives on. Unknown sheet: return #REF!. */
  getCell(sheet: string | undefined, row: number, col: number): Scalar;
  /** Optional bound (exclusive) for reading whole rows/columns, e.g. the used range of the sheet. */
  extent?(sheet: string | undefined): { rows: number; cols: number };
  /** Optional: the formula text ("=Sheet1!$A$1") a defined name refers to, or null if no such name. */
  resolveName?(name: string): string | null;
}

export type CellGetter = (sheet: string | undefined, row: number, col: number) => Scalar;

interface Arr {
  kind: 'array';
  rows: Scalar[][];
  isRef: boolean;
}
type Val = Scalar | Arr;

function isArr(v: Val): v is Arr {
  return typeof v === 'object' && v !== null && !(v instanceof FormulaError);
}

const E = {
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

function toText(v: Scalar): string | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return numberToText(v);
  return v;
}

const NUMERIC_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;
function parseNumericText(s: string): number | null {
  if (NUMERIC_TEXT.test(s)) return parseFloat(s);
  const pct = /^\s*([+-]?(\d+\.?\d*|\.\d+))\s*%\s*$/.exec(s);
  if (pct) return parseFloat(pct[1]) / 100;
  return null;
}

function toNumber(v: Scalar): number | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'number') return v;
  const n = parseNumericText(v);
  return n === null ? E.value() : n;
}

function toBool(v: Scalar): boolean | FormulaError {
  if (v instanceof FormulaError) return v;
  if (v === null) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  const u = v.toUpperCase();
  if (u === 'TRUE') return true;
  if (u === 'FALSE') return false;
  return E.value();
}

function num(n: number): Scalar {
  return Number.isFinite(n) ? n : E.num();
}

function scalarOf(v: Val): Scalar {
  if (!isArr(v)) return v;
  const x = v.rows[0]?.[0];
  return x === undefined ? E.value() : x;
}

/** Applies f element-wise over arrays (broadcasting 1x1 / single row / single column). */
function lift2(a: Val, b: Val, f: (x: Scalar, y: Scalar) => Scalar): Val {
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

function lift1(a: Val, f: (x: Scalar) => Scalar): Val {
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

function binary(op: string, x: Scalar, y: Scalar): Scalar {
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
function* flatten(args: Val[]): Generator<{ v: Scalar; fromRef: boolean }> {
  for (const a of args) {
    if (isArr(a)) {
      for (const row of a.rows) for (const v of row) yield { v, fromRef: true };
    } else yield { v: a, fromRef: false };
  }
}

function roundHalfAway(x: number, digits: number): number {
  const f = Math.pow(10, digits);
  // round on 15 significant digits first, as Excel does: 1.005*100 = 100.49999999999999 → 100.5
  const y = Number((Math.abs(x) * f).toPrecision(15));
  return (Math.sign(x) * Math.round(y)) / f;
}

type Fn = (args: Val[]) => Val;

function argCount(args: Val[], min: number, max: number): FormulaError | null {
  return args.length < min || args.length > max ? E.value() : null;
}

const numberFn1 = (f: (n: number) => number): Fn => (args) => {
  const bad = argCount(args, 1, 1);
  if (bad) return bad;
  return lift1(args[0], (x) => {
    const n = toNumber(x);
    return n instanceof FormulaError ? n : num(f(n));
  });
};

/** A function of two numbers; an argument that is not a number makes the result its error. */
const numberFn2 = (f: (a: number, b: number) => Scalar): Fn => (args) => {
  const bad = argCount(args, 2, 2);
  if (bad) return bad;
  return lift2(args[0], args[1], (x, y) => {
    const a = toNumber(x);
    if (a instanceof FormulaError) return a;
    const b = toNumber(y);
    return b instanceof FormulaError ? b : f(a, b);
  });
};

const isFn = (pred: (v: Scalar) => boolean): Fn => (args) => {
  const bad = argCount(args, 1, 1);
  if (bad) return bad;
  return lift1(args[0], (x) => pred(x));
};

function aggregateLogical(args: Val[], combine: (acc: boolean, b: boolean) => boolean, init: boolean): Scalar {
  let acc = init;
  let seen = false;
  for (const { v, fromRef } of flatten(args)) {
    if (v instanceof FormulaError) return v;
    if (v === null) continue;
    if (typeof v === 'string') {
      if (fromRef) continue;
      const b = toBool(v);
      if (b instanceof FormulaError) return b;
      acc = combine(acc, b);
      seen = true;
      continue;
    }
    acc = combine(acc, typeof v === 'boolean' ? v : v !== 0);
    seen = true;
  }
  return seen ? acc : E.value();
}

function collectNumbers(args: Val[]): number[] | FormulaError {
  const out: number[] = [];
  for (const { v, fromRef } of flatten(args)) {
    if (v instanceof FormulaError) return v;
    if (typeof v === 'number') out.push(v);
    else if (!fromRef && v !== null) {
      const n = toNumber(v);
      if (n instanceof FormulaError) return n;
      out.push(n);
    }
  }
  return out;
}

const FUNCTIONS: Record<string, Fn> = {
  TRUE: () => true,
  FALSE: () => false,
  SUM: (args) => {
    const ns = collectNumbers(args);
    return ns instanceof FormulaError ? ns : num(ns.reduce((a, b) => a + b, 0));
  },
  MIN: (args) => {
    const ns = collectNumbers(args);
    return ns instanceof FormulaError ? ns : ns.length ? Math.min(...ns) : 0;
  },
  MAX: (args) => {
    const ns = collectNumbers(args);
    return ns instanceof FormulaError ? ns : ns.length ? Math.max(...ns) : 0;
  },
  N: (args) => {
    const bad = argCount(args, 1, 1);
    if (bad) return bad;
    const v = scalarOf(args[0]);
    if (v instanceof FormulaError) return v;
    if (typeof v === 'number') return v;
    if (typeof v === 'boolean') return v ? 1 : 0;
    return 0;
  },
  ISTEXT: isFn((v) => typeof v === 'string'),
  ISNONTEXT: isFn((v) => typeof v !== 'string'),
  ISNUMBER: isFn((v) => typeof v === 'number'),
  ISLOGICAL: isFn((v) => typeof v === 'boolean'),
  ISBLANK: isFn((v) => v === null),
  ISERROR: isFn((v) => v instanceof FormulaError),
  ISNA: isFn((v) => v instanceof FormulaError && v.code === '#N/A'),
  AND: (args) => aggregateLogical(args, (a, b) => a && b, true),
  OR: (args) => aggregateLogical(args, (a, b) => a || b, false),
  NOT: (args) => {
    const bad = argCount(args, 1, 1);
    if (bad) return bad;
    return lift1(args[0], (x) => {
      const b = toBool(x);
      return b instanceof FormulaError ? b : !b;
    });
  },
  COUNT: (args) => {
    let n = 0;
    for (const { v, fromRef } of flatten(args)) {
      if (typeof v === 'number') n++;
      else if (!fromRef && (typeof v === 'boolean' || (typeof v === 'string' && parseNumericText(v) !== null))) n++;
    }
    return n;
  },
  COUNTA: (args) => {
    let n = 0;
    for (const { v } of flatten(args)) if (v !== null) n++;
    return n;
  },
  COUNTBLANK: (args) => {
    let n = 0;
    for (const { v } of flatten(args)) if (v === null || v === '') n++;
    return n;
  },
  INT: numberFn1(Math.floor),
  ABS: numberFn1(Math.abs),
  ROUND: numberFn2((a, b) => num(roundHalfAway(a, Math.trunc(b)))),
  MOD: numberFn2((a, b) => (b === 0 ? E.div0() : num(a - b * Math.floor(a / b)))),
  LEN: (args) => {
    const bad = argCount(args, 1, 1);
    if (bad) return bad;
    return lift1(args[0], (x) => {
      const t = toText(x);
      return t instanceof FormulaError ? t : t.length;
    });
  },
  TRIM: (args) => {
    const bad = argCount(args, 1, 1);
    if (bad) return bad;
    return lift1(args[0], (x) => {
      const t = toText(x);
      return t instanceof FormulaError ? t : t.trim().replace(/ +/g, ' ');
    });
  },
  VALUE: (args) => {
    const bad = argCount(args, 1, 1);
    if (bad) return bad;
    return lift1(args[0], (x) => (typeof x === 'string' ? toNumber(x) : x === null ? 0 : toNumber(x)));
  },
  SUMPRODUCT: (args) => {
    if (args.length < 1) return E.value();
    const mats = args.map((a) => (isArr(a) ? a.rows : [[a]]));
    const rows = mats[0].length;
    const cols = mats[0][0]?.length ?? 0;
    if (mats.some((m) => m.length !== rows || (m[0]?.length ?? 0) !== cols)) return E.value();
    let total = 0;
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        let prod = 1;
        for (const m of mats) {
          const v = m[r][c];
          if (v instanceof FormulaError) return v;
          prod *= typeof v === 'number' ? v : 0;
        }
        total += prod;
      }
    }
    return num(total);
  },
};

/** Names of the functions the engine implements (IF and IFERROR are evaluated lazily). */
export const SUPPORTED_FUNCTIONS = [...Object.keys(FUNCTIONS), 'IF', 'IFERROR'].sort();

class Evaluator {
  private depth = 0;
  constructor(
    private env: FormulaEnv,
    private dRow: number,
    private dCol: number,
  ) {}

  eval(n: Ast): Val {
    switch (n.t) {
      case 'num':
      case 'str':
      case 'bool':
        return n.v;
      case 'err':
        return new FormulaError(n.v);
      case 'missing':
        return null;
      case 'ref':
        return this.ref(n.ref);
      case 'name':
        return this.name(n.name);
      case 'unary': {
        const x = this.eval(n.x);
        if (n.op === '+') return x;
        return lift1(x, (v) => {
          const a = toNumber(v);
          return a instanceof FormulaError ? a : -a;
        });
      }
      case 'postfix':
        return lift1(this.eval(n.x), (v) => {
          const a = toNumber(v);
          return a instanceof FormulaError ? a : a / 100;
        });
      case 'bin': {
        const l = this.eval(n.l);
        const r = this.eval(n.r);
        return lift2(l, r, (x, y) => binary(n.op, x, y));
      }
      case 'call':
        return this.call(n.name, n.args);
    }
  }

  private call(name: string, args: Ast[]): Val {
    if (name === 'IF') {
      if (args.length < 2 || args.length > 3) return E.value();
      const c = toBool(scalarOf(this.eval(args[0])));
      if (c instanceof FormulaError) return c;
      if (c) return this.eval(args[1]);
      return args.length === 3 ? this.eval(args[2]) : false;
    }
    if (name === 'IFERROR') {
      if (args.length !== 2) return E.value();
      const v = this.eval(args[0]);
      return scalarOf(v) instanceof FormulaError ? this.eval(args[1]) : v;
    }
    const f = FUNCTIONS[name.replace(/^_xlfn\./, '')];
    if (!f) return E.name();
    return f(args.map((a) => this.eval(a)));
  }

  private name(name: string): Val {
    const f = this.env.resolveName?.(name);
    if (f == null) return E.name();
    if (this.depth > 20) return E.ref();
    this.depth++;
    try {
      const sub = new Evaluator(this.env, 0, 0);
      sub.depth = this.depth;
      return sub.eval(parseFormula(f));
    } catch {
      return E.name();
    } finally {
      this.depth--;
    }
  }

  private end(e: RefEnd): { row?: number; col?: number } {
    return {
      row: e.row === undefined ? undefined : e.rowAbs ? e.row : e.row + this.dRow,
      col: e.col === undefined ? undefined : e.colAbs ? e.col : e.col + this.dCol,
    };
  }

  private ref(ref: RefInfo): Val {
    const a = this.end(ref.a);
    const b = this.end(ref.b);
    const whole = a.row === undefined || a.col === undefined || b.row === undefined || b.col === undefined;
    const ext = whole ? this.env.extent?.(ref.sheet) : undefined;
    let r0 = a.row ?? 0;
    let r1 = b.row ?? (ext ? Math.max(ext.rows - 1, 0) : MAX_ROWS - 1);
    let c0 = a.col ?? 0;
    let c1 = b.col ?? (ext ? Math.max(ext.cols - 1, 0) : MAX_COLS - 1);
    if (r0 > r1) [r0, r1] = [r1, r0];
    if (c0 > c1) [c0, c1] = [c1, c0];
    if (r0 < 0 || c0 < 0 || r1 >= MAX_ROWS || c1 >= MAX_COLS) return E.ref();
    if (ref.kind === 'cell') return this.env.getCell(ref.sheet, r0, c0);
    const rows: Scalar[][] = [];
    for (let r = r0; r <= r1; r++) {
      const row: Scalar[] = [];
      for (let c = c0; c <= c1; c++) row.push(this.env.getCell(ref.sheet, r, c));
      rows.push(row);
    }
    return { kind: 'array', rows, isRef: true };
  }
}

/**
 * Evaluates a formula. `shiftRows`/`shiftCols` move every relative reference first: a formula
 * written for the top-left cell of a block, evaluated for the cell (r, c) of that block, uses
 * shiftRows = r - top, shiftCols = c - left (this is how conditional formats and custom data
 * validation apply one formula to many cells). A blank result becomes 0, like Excel.
 * Syntax errors give #NAME? (Excel would refuse the formula).
 */
export function evaluateFormula(
  formula: string,
  env: FormulaEnv | CellGetter,
  shiftRows = 0,
  shiftCols = 0,
): Scalar {
  const e: FormulaEnv = typeof env === 'function' ? { getCell: env } : env;
  let ast: Ast;
  try {
    ast = parseFormula(formula);
  } catch {
    return E.name();
  }
  const v = scalarOf(new Evaluator(e, shiftRows, shiftCols).eval(ast));
  return v === null ? 0 : v;
}

/** Excel's truthiness for conditional formats: TRUE or a non-zero number; errors and text count as FALSE. */
export function isTruthy(v: Scalar): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Reference rewriting
// ---------------------------------------------------------------------------------------------

function renderEnd(e: RefEnd): string {
  return `${e.col !== undefined ? (e.colAbs ? '$' : '') + columnLetters(e.col) : ''}${
    e.row !== undefined ? (e.rowAbs ? '$' : '') + String(e.row + 1) : ''
  }`;
}

function renderRef(ref: RefInfo, prefixText: string): string {
  const a = renderEnd(ref.a);
  if (ref.kind === 'cell') return prefixText + a;
  return `${prefixText}${a}:${renderEnd(ref.b)}`;
}

function prefixOf(tokText: string): string {
  const m = SHEET_PREFIX_RE.exec(tokText);
  return m ? m[0] : '';
}

/** Rewrites every reference token; `f` returns a new RefInfo, null for #REF!, or undefined to keep it. */
function rewriteRefs(
  formula: string,
  f: (ref: RefInfo, tok: Token) => RefInfo | null | undefined,
  prefixFor?: (ref: RefInfo, tok: Token) => string,
): string {
  let toks: Token[];
  try {
    toks = tokenize(formula, formulaBody(formula));
  } catch {
    return formula;
  }
  let out = '';
  let pos = 0;
  for (const t of toks) {
    if (t.kind !== 'ref') continue;
    const r = f(t.ref!, t);
    if (r === undefined) continue;
    out += formula.slice(pos, t.start);
    out += r === null ? '#REF!' : renderRef(r, prefixFor ? prefixFor(r, t) : prefixOf(t.text));
    pos = t.end;
  }
  return out + formula.slice(pos);
}

/** Moves every relative reference by (dRow, dCol), like copying the formula; off-sheet references become #REF!. */
export function shiftFormula(formula: string, dRow: number, dCol: number): string {
  if (dRow === 0 && dCol === 0) return formula;
  return rewriteRefs(formula, (ref) => {
    const mv = (e: RefEnd): RefEnd | null => {
      const row = e.row === undefined || e.rowAbs ? e.row : e.row + dRow;
      const col = e.col === undefined || e.colAbs ? e.col : e.col + dCol;
      if (row !== undefined && (row < 0 || row >= MAX_ROWS)) return null;
      if (col !== undefined && (col < 0 || col >= MAX_COLS)) return null;
      return { ...e, row, col };
    };
    const a = mv(ref.a);
    const b = ref.kind === 'cell' ? a : mv(ref.b);
    if (!a || !b) return null;
    return { ...ref, a, b };
  });
}

/** A structural edit of one sheet: rows or columns inserted or deleted. */
export interface SheetEdit {
  sheet: string;
  axis: 'row' | 'col';
  kind: 'insert' | 'delete';
  index: number; // 0-based first row/column inserted or deleted
  count: number;
}

function sameSheet(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && a.toLowerCase() === b.toLowerCase();
}

/**
 * Adjusts an interval [lo, hi] for an insertion/deletion the way Excel adjusts references:
 * insertion at or above lo moves it, insertion inside expands it, deleting part of it shrinks it.
 * Returns null when the interval is entirely deleted.
 */
export function adjustInterval(lo: number, hi: number, e: { kind: 'insert' | 'delete'; index: number; count: number }): [number, number] | null {
  const { index: i, count: n } = e;
  if (e.kind === 'insert') return [lo >= i ? lo + n : lo, hi >= i ? hi + n : hi];
  const last = i + n - 1;
  const nlo = lo < i ? lo : lo > last ? lo - n : i;
  const nhi = hi < i ? hi : hi > last ? hi - n : i - 1;
  if (nhi < nlo) return null;
  return [nlo, nhi];
}

/**
 * Rewrites a formula that lives on `hostSheet` (undefined for defined names, whose references are
 * always sheet-qualified) after rows/columns of `edit.sheet` were inserted or deleted.
 */
export function adjustFormulaForEdit(formula: string, hostSheet: string | undefined, edit: SheetEdit): string {
  const key = edit.axis === 'row' ? 'row' : 'col';
  return rewriteRefs(formula, (ref) => {
    const target = ref.sheet !== undefined ? ref.sheet : hostSheet;
    if (!sameSheet(target, edit.sheet)) return undefined;
    const lo = ref.a[key];
    const hi = ref.b[key];
    if (lo === undefined || hi === undefined) return undefined; // whole rows/columns along the other axis
    const swap = lo > hi;
    const res = adjustInterval(swap ? hi : lo, swap ? lo : hi, edit);
    if (!res) return null;
    const [nlo, nhi] = swap ? [res[1], res[0]] : res;
    if (nlo === lo && nhi === hi) return undefined;
    return { ...ref, a: { ...ref.a, [key]: nlo }, b: { ...ref.b, [key]: nhi } };
  });
}

/** Rewrites references to a renamed sheet. */
export function renameSheetInFormula(formula: string, oldName: string, newName: string): string {
  return rewriteRefs(
    formula,
    (ref) => (sameSheet(ref.sheet, oldName) ? { ...ref, sheet: newName } : undefined),
    () => `${quoteSheet(newName)}!`,
  );
}

/** References to a deleted sheet become #REF!. */
export function deleteSheetInFormula(formula: string, sheet: string): string {
  return rewriteRefs(formula, (ref) => (sameSheet(ref.sheet, sheet) ? null : undefined));
}

/** The sheet-qualified references a formula reads (for tests/diagnostics). */
export function formulaReferences(formula: string): RefInfo[] {
  try {
    return tokenize(formula, formulaBody(formula))
      .filter((t) => t.kind === 'ref')
      .map((t) => t.ref!);
  } catch {
    return [];
  }
}

/** Parses user/API input the way Excel parses typed text: numbers, booleans, percentages; else text. */
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
