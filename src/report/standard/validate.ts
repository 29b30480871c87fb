import { CellId, dataCells, TableId } from './formats';
import { cellValue, CellValue, Report } from './report';
import {
  cellRuleInstances,
  crossYearInstances,
  instanceTable,
  relationInstances,
  RelationInstance,
  RuleId,
  BLANK_MEANING,
  ruleDef,
  Severity,
  Term,
} from './rules';

export interface Finding {
  rule: RuleId;
  /** The column, row, group or cell the instance is about (e.g. “NP”, “R1”, “RV”, “T3.NEW.NP”). */
  instance: string;
  severity: Severity;
  table: TableId;
  /** Every cell the instance involves (this year's report). */
  cells: CellId[];
  /** The value the rule expects, where it is a number. */
  expected: number | null;
  /** What was found. */
  actual: number | string | null;
  message: string;
}

export interface ValidateOptions {
  lastYear?: Report;
  /** Check only these tables (a sheet that holds only 表三); all three by default. */
  tables?: readonly TableId[];
  /**
   * The cells the source actually has (a pasted table may lack some). A cell outside it is neither
   * checked nor counted as 0: the rules that need it are left out, as Excel's highlights leave them out.
   */
  present?: ReadonlySet<CellId>;
}

/** A number as the message prints it: integers plainly, amounts without float noise. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  const short = Number(n.toFixed(6));
  // A tiny value must not print as 0 next to a message that says it is wrong.
  return short === 0 || Math.abs(short - n) > Math.abs(n) * 1e-9 ? String(n) : String(short);
}

/** A cell's text as a message quotes it: a long value (a whole page pasted into a cell) is shortened. */
function quoted(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…（共 ${text.length} 个字符）` : text;
}

/** Excel's ROUND(x, 6), which the highlight formulas use to compare sums. */
function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

const isInteger = (v: number): boolean => Number.isFinite(v) && Number.isInteger(v);

/** The kind check of one cell: null when the value fits its kind. */
function kindProblem(kind: 'count' | 'signed' | 'amount', v: CellValue): string | null {
  if (v === null) return null;
  if (typeof v === 'string' && v.trim() === '') return '看起来空白，实际是空文本或空格（不是空单元格），请清除该单元格后填写数字';
  if (typeof v === 'string') return `不是数字（填写的是“${quoted(v)}”）`;
  if (!Number.isFinite(v)) return '不是有效数字';
  // Beyond 2^53 a number is already rounded when read: refused, never checked as if exact.
  if (Number.isInteger(v) && !Number.isSafeInteger(v)) return `数字过大，无法准确读取（超过 ${Number.MAX_SAFE_INTEGER}）`;
  if (kind === 'amount') return v < 0 ? `不能为负数（填写的是 ${formatNumber(v)}）` : null;
  if (!isInteger(v)) return `应为整数（填写的是 ${formatNumber(v)}）`;
  if (kind === 'count' && v < 0) return `不能为负数（填写的是 ${formatNumber(v)}）`;
  return null;
}

function cellFindings(report: Report, present?: ReadonlySet<CellId>): Finding[] {
  const out: Finding[] = [];
  const defs = new Map(dataCells(report.format).map((d) => [d.id, d]));
  for (const inst of cellRuleInstances(report.format)) {
    if (present && !present.has(inst.cell)) continue;
    const v = cellValue(report, inst.cell);
    const def = defs.get(inst.cell)!;
    const problem = kindProblem(inst.kind, v);
    if (problem) {
      out.push({
        rule: inst.rule,
        instance: inst.cell,
        severity: ruleDef(inst.rule).severity,
        table: def.table,
        cells: [inst.cell],
        expected: null,
        actual: typeof v === 'string' ? quoted(v) : v,
        message: `${def.label}：${problem}；${ruleDef(inst.rule).basis}`,
      });
    }
  }
  for (const def of dataCells(report.format)) {
    if (present && !present.has(def.id)) continue;
    if (cellValue(report, def.id) === null) {
      out.push({
        rule: 'CELL-BLANK',
        instance: def.id,
        severity: ruleDef('CELL-BLANK').severity,
        table: def.table,
        cells: [def.id],
        expected: 0,
        actual: null,
        message: `${def.label}：空白，${BLANK_MEANING}`,
      });
    }
  }
  return out;
}

interface SideValue {
  sum: number | null;
  text: string;
  /** Terms whose value is text, which make the sum impossible to compute. */
  unreadable: Term[];
}

function termValue(t: Term, report: Report, last: Report | undefined): CellValue {
  const source = t.year === 'last' ? last : report;
  return source ? cellValue(source, t.cell) : null;
}

/** A side of a relation as the message prints it, e.g. “第一项 12 + 第二项 0 = 12”. */
function side(terms: Term[], report: Report, last: Report | undefined, longList: boolean): SideValue {
  let sum = 0;
  const parts: string[] = [];
  const unreadable: Term[] = [];
  for (const t of terms) {
    const v = termValue(t, report, last);
    const exact = typeof v === 'number' && Number.isFinite(v) && !(Number.isInteger(v) && !Number.isSafeInteger(v));
    const n = exact ? (v as number) : v === null ? 0 : NaN;
    if (Number.isNaN(n)) {
      unreadable.push(t);
      continue;
    }
    sum += t.sign * n;
    // Long sums (the 21 outcome rows) list only their non-zero terms.
    if (!longList || n !== 0)
      parts.push(`${parts.length === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${t.label} ${formatNumber(n)}`);
  }
  if (unreadable.length) return { sum: null, text: '', unreadable };
  let text: string;
  if (terms.length === 0) text = ' 0';
  else if (parts.length === 0) text = '各项均为 0';
  else if (terms.length === 1) text = parts.join('');
  else text = `${parts.join('')} = ${formatNumber(sum)}`;
  if (longList && parts.length > 0 && parts.length < terms.length) text = `${parts.join('')}（其余为 0）= ${formatNumber(sum)}`;
  return { sum, text, unreadable };
}

const RELATION_WORDS = { eq: '应等于', ge: '应不小于', le: '应不大于' } as const;

/** The same test as the highlight formula: the difference rounded to six decimals against 0. */
function holds(relation: RelationInstance['relation'], l: number, r: number): boolean {
  const d = round6(l - r);
  if (relation === 'eq') return d === 0;
  if (relation === 'ge') return d >= 0;
  return d <= 0;
}

function thisYearCells(inst: RelationInstance): CellId[] {
  const cells: CellId[] = [];
  for (const t of [...inst.lhs, ...inst.rhs]) if (t.year === 'this' && !cells.includes(t.cell)) cells.push(t.cell);
  return cells;
}

/** Checks one relation; null when it holds. */
export function checkRelation(inst: RelationInstance, report: Report, last?: Report): Finding | null {
  const def = ruleDef(inst.rule);
  const long = inst.rhs.length > 6;
  const l = side(inst.lhs, report, last, false);
  const r = side(inst.rhs, report, last, long);
  const base = {
    rule: inst.rule,
    instance: inst.instance,
    severity: def.severity,
    table: instanceTable(inst),
    cells: thisYearCells(inst),
  };
  if (l.sum === null || r.sum === null) {
    const bad = [...l.unreadable, ...r.unreadable];
    const what = bad.map((t) => `${t.label}“${quoted(String(termValue(t, report, last)))}”`).join('、');
    // The cell holding text has its own error; the sum it feeds is only reported as not checked.
    return {
      ...base,
      severity: 'info',
      expected: null,
      actual: null,
      message: `${inst.instanceLabel}：无法核对${def.name}，因为 ${what} 不是数字`,
    };
  }
  if (holds(inst.relation, l.sum, r.sum)) return null;
  const rhsText = inst.rhsLabel && long ? `${inst.rhsLabel}（${r.text}）` : r.text;
  // The difference at the precision of the comparison: 相差 5, not 4.999999900000006.
  const diff = inst.relation === 'eq' ? `，相差 ${formatNumber(Math.abs(round6(l.sum - r.sum)))}` : '';
  return {
    ...base,
    expected: r.sum,
    actual: l.sum,
    message: `${inst.instanceLabel}：${l.text}，${RELATION_WORDS[inst.relation]}${rhsText}${diff}（${def.basis}）`,
  };
}

/**
 * Checks a report against every rule of its version (and, given last year's report, the cross-year
 * rules). Each failing rule instance is one finding; text never crashes a rule.
 */
export function validate(report: Report, options: ValidateOptions = {}): Finding[] {
  const { present, lastYear } = options;
  const available = (inst: RelationInstance) =>
    !present || inst.lhs.concat(inst.rhs).every((t) => t.year === 'last' || present.has(t.cell));
  const findings = cellFindings(report, present);
  for (const inst of relationInstances(report.format)) {
    if (!available(inst)) continue;
    const f = checkRelation(inst, report);
    if (f) findings.push(f);
  }
  if (lastYear) {
    for (const inst of crossYearInstances(report.format, lastYear.format)) {
      // Last year's report may hold only some tables: a relation whose last-year cells are all absent is not checked.
      const lastTerms = inst.lhs.concat(inst.rhs).filter((t) => t.year === 'last');
      if (!available(inst) || lastTerms.every((t) => lastYear.cells[t.cell] === undefined)) continue;
      const f = checkRelation(inst, report, lastYear);
      if (f) findings.push(f);
    }
  }
  const tables = options.tables;
  return tables ? findings.filter((f) => tables.includes(f.table)) : findings;
}

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}
