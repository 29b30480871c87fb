/**
 * Reference rewriting: relative shifting (copying a formula), row/column insertion and deletion,
 * sheet rename and delete. The rest of the formula text is kept as written.
 */
import { MAX_COLS, MAX_ROWS, columnLetters, quoteSheet } from '../../../report/standard/a1';
import { RefEnd, RefInfo, SHEET_PREFIX_RE, Token, formulaBody, tokenize } from './tokens';

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
export function adjustInterval(
  lo: number,
  hi: number,
  e: { kind: 'insert' | 'delete'; index: number; count: number },
): [number, number] | null {
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
