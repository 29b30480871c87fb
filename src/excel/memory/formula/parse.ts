/** The formula parser: Excel's operator precedence, function calls, empty arguments. */
import { ErrorCode } from './values';
import { FormulaSyntaxError, RefInfo, TokKind, formulaBody, tokenize } from './tokens';

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
  '=': 1,
  '<>': 1,
  '<': 1,
  '>': 1,
  '<=': 1,
  '>=': 1,
  '&': 2,
  '+': 3,
  '-': 3,
  '*': 4,
  '/': 4,
  '^': 5,
};

/** Parsed formulas (conditional formats are evaluated for every cell a view draws): ASTs are never changed. */
const PARSED = new Map<string, Ast>();

/** Parses a formula ("=1+A1" or "1+A1"). Throws FormulaSyntaxError. */
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
