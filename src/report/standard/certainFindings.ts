import { CellId } from './formats';
import { cellValue, Report } from './report';
import { crossYearInstances, instanceTable, relationInstances, RelationInstance, ruleDef, Term } from './rules';
import { Finding } from './validate';

// The rules that fail whichever way the undetermined rows of a text are read (a row whose digits
// run together, more of them than it has cells): such a rule's finding is certain and is reported;
// a rule that holds for some reading is not checked, and no reading is ever chosen.

/** A row of run-together digits and every way to read them (src/report/recognise/digitReadings.ts). */
export interface UnsettledRow {
  /** The row's name as the message gives it, e.g. “（一）予以公开”一行. */
  name: string;
  digits: string;
  /** The row's cells, in the order of the digits. */
  cells: CellId[];
  /** Every reading, one number a cell; empty when they were too many to list. */
  readings: number[][];
}

/** Distinct values of a relation's side difference considered at most, whatever the rows' readings. */
const MAX_SUMS = 100_000;

const RELATION_WORDS = { eq: '应等于', ge: '应不小于', le: '应不大于' } as const;

/** Excel's ROUND(x, 6), as the validator compares sums. */
const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

function fails(relation: RelationInstance['relation'], d: number): boolean {
  const r = round6(d);
  return relation === 'eq' ? r !== 0 : relation === 'ge' ? r < 0 : r > 0;
}

const sideText = (terms: Term[]): string =>
  terms.map((t, i) => `${i === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${t.label}`).join('') || '0';

/**
 * The relation's left side minus its right side, for every combination of the rows' readings, as a
 * set of values; null when the relation does not concern the rows, needs a cell that was not read,
 * holds text, or has too many combinations to follow.
 */
function differences(inst: RelationInstance, report: Report, rows: UnsettledRow[], present: ReadonlySet<CellId>, last?: Report) {
  const owner = new Map<CellId, { row: number; index: number }>();
  rows.forEach((r, row) => r.cells.forEach((c, index) => owner.set(c, { row, index })));
  let constant = 0;
  const involved = new Map<number, { index: number; coefficient: number }[]>();
  const terms = [...inst.lhs.map((t) => ({ t, side: 1 })), ...inst.rhs.map((t) => ({ t, side: -1 }))];
  for (const { t, side } of terms) {
    const coefficient = side * t.sign;
    const own = t.year === 'this' ? owner.get(t.cell) : undefined;
    if (own) {
      const list = involved.get(own.row) ?? [];
      list.push({ index: own.index, coefficient });
      involved.set(own.row, list);
      continue;
    }
    if (t.year === 'this' && !present.has(t.cell)) return null;
    const v = cellValue(t.year === 'last' ? (last ?? { format: report.format, cells: {} }) : report, t.cell);
    if (v !== null && (typeof v !== 'number' || !Number.isFinite(v))) return null;
    constant += coefficient * (v ?? 0);
  }
  if (involved.size === 0) return null;
  let sums = new Set<number>([constant]);
  for (const [row, parts] of involved) {
    const readings = rows[row].readings;
    if (readings.length === 0) return null;
    const own = new Set(readings.map((r) => parts.reduce((s, p) => s + p.coefficient * r[p.index], 0)));
    if (sums.size * own.size > MAX_SUMS * 10) return null;
    const next = new Set<number>();
    for (const a of sums) for (const b of own) next.add(a + b);
    if (next.size > MAX_SUMS) return null;
    sums = next;
  }
  return { sums, rows: [...involved.keys()].map((i) => rows[i]) };
}

/**
 * The findings that hold whichever way the unsettled rows are read: a relation that involves them,
 * whose other cells were read, and that fails for every combination of their readings.
 */
export function certainFindings(report: Report, rows: readonly UnsettledRow[], present: ReadonlySet<CellId>, lastYear?: Report): Finding[] {
  if (rows.length === 0) return [];
  const instances = [...relationInstances(report.format)];
  if (lastYear) {
    for (const inst of crossYearInstances(report.format, lastYear.format)) {
      const lastTerms = inst.lhs.concat(inst.rhs).filter((t) => t.year === 'last');
      if (lastTerms.some((t) => lastYear.cells[t.cell] !== undefined)) instances.push(inst);
    }
  }
  const out: Finding[] = [];
  for (const inst of instances) {
    const d = differences(inst, report, [...rows], present, lastYear);
    if (!d || [...d.sums].some((x) => !fails(inst.relation, x))) continue;
    const def = ruleDef(inst.rule);
    const cells: CellId[] = [];
    for (const t of [...inst.lhs, ...inst.rhs]) if (t.year === 'this' && !cells.includes(t.cell)) cells.push(t.cell);
    const which = d.rows.map((r) => `${r.name}的数字“${r.digits}”`).join('、');
    const rhs = inst.rhsLabel ?? sideText(inst.rhs);
    out.push({
      rule: inst.rule,
      instance: inst.instance,
      severity: def.severity,
      table: instanceTable(inst),
      cells,
      expected: null,
      actual: null,
      message: `${inst.instanceLabel}：${sideText(inst.lhs)}${RELATION_WORDS[inst.relation]}${rhs}，但${which}连在一起，无论怎样分开都不成立（${def.basis}）`,
    });
  }
  return out;
}
