/** The formula evaluator: references read through an environment, relative shifting, names, lazy IF. */
import { MAX_COLS, MAX_ROWS } from '../../../report/standard/a1';
import { FUNCTIONS } from './functions';
import { Ast, parseFormula } from './parse';
import { RefEnd, RefInfo } from './tokens';
import { E, FormulaError, Scalar, Val, binary, lift1, lift2, scalarOf, toBool, toNumber } from './values';

export interface FormulaEnv {
  /** Value of a cell; sheet undefined means the sheet the formula lives on. Unknown sheet: return #REF!. */
  getCell(sheet: string | undefined, row: number, col: number): Scalar;
  /** Optional bound (exclusive) for reading whole rows/columns, e.g. the used range of the sheet. */
  extent?(sheet: string | undefined): { rows: number; cols: number };
  /** Optional: the formula text ("=Sheet1!$A$1") a defined name refers to, or null if no such name. */
  resolveName?(name: string): string | null;
}

type CellGetter = (sheet: string | undefined, row: number, col: number) => Scalar;

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
export function evaluateFormula(formula: string, env: FormulaEnv | CellGetter, shiftRows = 0, shiftCols = 0): Scalar {
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
