/** The worksheet functions the engine implements, except IF and IFERROR (evaluated lazily by the evaluator). */
import {
  E,
  FormulaError,
  Scalar,
  Val,
  flatten,
  isArr,
  lift1,
  lift2,
  num,
  parseNumericText,
  scalarOf,
  toBool,
  toNumber,
  toText,
} from './values';

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

const numberFn1 =
  (f: (n: number) => number): Fn =>
  (args) => {
    const bad = argCount(args, 1, 1);
    if (bad) return bad;
    return lift1(args[0], (x) => {
      const n = toNumber(x);
      return n instanceof FormulaError ? n : num(f(n));
    });
  };

/** A function of two numbers; an argument that is not a number makes the result its error. */
const numberFn2 =
  (f: (a: number, b: number) => Scalar): Fn =>
  (args) => {
    const bad = argCount(args, 2, 2);
    if (bad) return bad;
    return lift2(args[0], args[1], (x, y) => {
      const a = toNumber(x);
      if (a instanceof FormulaError) return a;
      const b = toNumber(y);
      return b instanceof FormulaError ? b : f(a, b);
    });
  };

const isFn =
  (pred: (v: Scalar) => boolean): Fn =>
  (args) => {
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

export const FUNCTIONS: Record<string, Fn> = {
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
  /**
   * INDEX(array, row, [column]): one cell of a range (1-based), itself a reference, so that COUNT and
   * SUM treat its text as they treat a cell's. Outside the range: #REF!.
   */
  INDEX: (args) => {
    const bad = argCount(args, 2, 3);
    if (bad) return bad;
    const a = args[0];
    const rows: Scalar[][] = isArr(a) ? a.rows : [[a as Scalar]];
    const r = toNumber(scalarOf(args[1]));
    const c = args.length > 2 ? toNumber(scalarOf(args[2])) : 1;
    if (r instanceof FormulaError) return r;
    if (c instanceof FormulaError) return c;
    const v = rows[Math.trunc(r) - 1]?.[Math.trunc(c) - 1];
    if (r < 1 || c < 1 || v === undefined) return E.ref();
    return { kind: 'array', rows: [[v]], isRef: isArr(a) && a.isRef };
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
