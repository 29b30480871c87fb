/**
 * The formula tokenizer: numbers, strings, booleans, errors, references (with their sheet),
 * functions, names and operators, with their positions in the formula text.
 */
import { MAX_COLS, MAX_ROWS, columnIndex } from '../../../report/standard/a1';

/** Thrown by parseFormula for text that is not a formula Excel would accept. */
export class FormulaSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FormulaSyntaxError';
  }
}

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

export type TokKind = 'num' | 'str' | 'bool' | 'err' | 'ref' | 'func' | 'name' | 'op' | 'lparen' | 'rparen' | 'comma';

export interface Token {
  kind: TokKind;
  text: string;
  start: number;
  end: number;
  value?: number | string | boolean;
  ref?: RefInfo;
}

export const SHEET_PREFIX_RE = /^(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!/u;
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
export function tokenize(src: string, offset: number): Token[] {
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

/** Where the formula's body starts, after the leading "=" if any. */
export function formulaBody(formula: string): number {
  const t = formula.trimStart();
  const lead = formula.length - t.length;
  return t.startsWith('=') ? lead + 1 : lead;
}
