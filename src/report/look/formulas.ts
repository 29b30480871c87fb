import { CellId, ColumnKind, dataCells, FormatVersion, TableId } from '../standard/formats';
import { a1 } from '../standard/a1';
import { cellPosition } from './layout';
import { RelationInstance, relationInstances, RuleId, ruleDef, Severity, Term } from '../standard/rules';

/**
 * Excel formulas generated from the rule definitions: the conditional-format highlights that make
 * Excel (or WPS, or LibreOffice) colour an inconsistent cell by itself, and the optional total
 * formulas. The validator and these formulas read the same RelationInstance data.
 *
 * Conventions shared with the validator: a blank cell counts as 0; a cell holding text makes every
 * sum it feeds "not computable", so a sum formula never fires on text (the text cell itself is
 * highlighted by its kind rule instead).
 */

/** Where a table's grid sits on a sheet: the sheet row and column (0-based) of the grid's (0, 0). */
export interface Placement {
  version: FormatVersion;
  table: TableId;
  row: number;
  col: number;
}

export interface HighlightRule {
  rule: RuleId;
  severity: Severity;
  /** A1 range on the sheet, without the sheet name, e.g. "D6:J7". */
  area: string;
  /** Custom conditional-format formula, written relative to the area's top-left cell. */
  formula: string;
}

export const HIGHLIGHT_COLOURS: Record<Severity, { fill: string; font: string }> = {
  error: { fill: '#FFC7CE', font: '#9C0006' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  info: { fill: '#DDEBF7', font: '#1F4E78' },
};

interface Pos {
  row: number;
  col: number;
}

function sheetPos(p: Placement, id: CellId): Pos {
  const c = cellPosition(p.version, id);
  return { row: p.row + c.row, col: p.col + c.col };
}

/** Axis a family translates along: each instance lies in one column (so refs keep rows), or one row. */
type Axis = 'column' | 'row' | 'none';

function familyAxis(instances: RelationInstance[], pos: (id: CellId) => Pos): Axis {
  const cellsOf = (i: RelationInstance) => thisYearTerms(i).map((t) => pos(t.cell));
  const shape = (i: RelationInstance) => {
    const cells = cellsOf(i);
    return cells.map((c) => `${c.row - cells[0].row},${c.col - cells[0].col}`).join(';');
  };
  const sameShape = instances.every((i) => shape(i) === shape(instances[0]));
  const seen = new Set<string>();
  const disjoint = instances.every((i) =>
    cellsOf(i).every((c) => {
      const k = `${c.row},${c.col}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    }),
  );
  if (!sameShape || !disjoint) return 'none';
  const anchors = instances.map((i) => cellsOf(i)[0]);
  // A column family: each instance stands in one column, the instances side by side (same rows).
  if (anchors.every((a) => a.row === anchors[0].row) && instances.every((i) => cellsOf(i).every((c) => c.col === cellsOf(i)[0].col)))
    return 'column';
  // A row family: each instance stands in one row, the instances stacked (same columns).
  if (anchors.every((a) => a.col === anchors[0].col) && instances.every((i) => cellsOf(i).every((c) => c.row === cellsOf(i)[0].row)))
    return 'row';
  return 'none';
}

function thisYearTerms(i: RelationInstance): Term[] {
  return [...i.lhs, ...i.rhs].filter((t) => t.year === 'this');
}

/** Groups positions into rectangles (runs in a row, then equal runs stacked over consecutive rows). */
export function rectangles(cells: Pos[]): { top: number; left: number; bottom: number; right: number }[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) byRow.set(c.row, [...(byRow.get(c.row) ?? []), c.col]);
  const runs: { top: number; left: number; bottom: number; right: number }[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row))].sort((a, b) => a - b);
    let start = cols[0];
    for (let i = 1; i <= cols.length; i++) {
      if (i === cols.length || cols[i] !== cols[i - 1] + 1) {
        runs.push({ top: row, bottom: row, left: start, right: cols[i - 1] });
        start = cols[i];
      }
    }
  }
  const merged: typeof runs = [];
  for (const r of runs) {
    const above = merged.find((m) => m.bottom === r.top - 1 && m.left === r.left && m.right === r.right);
    if (above) above.bottom = r.top;
    else merged.push({ ...r });
  }
  return merged;
}

const rangeText = (r: { top: number; left: number; bottom: number; right: number }, absRow: boolean, absCol: boolean) =>
  r.top === r.bottom && r.left === r.right
    ? a1(r.top, r.left, absRow, absCol)
    : `${a1(r.top, r.left, absRow, absCol)}:${a1(r.bottom, r.right, absRow, absCol)}`;

/**
 * The references of a sum, as few as possible: consecutive cells become one range. In a column
 * family the rows are absolute and the column follows the evaluated cell; in a row family the
 * reverse; otherwise every reference is absolute.
 */
function refsText(terms: Term[], pos: (id: CellId) => Pos, axis: Axis, anchor: Pos, instAnchor: Pos): string[] {
  const shifted = terms.map((t) => {
    const p = pos(t.cell);
    // Write the reference as seen from the area's anchor cell: shift along the free axis.
    if (axis === 'column') return { row: p.row, col: p.col - instAnchor.col + anchor.col };
    if (axis === 'row') return { row: p.row - instAnchor.row + anchor.row, col: p.col };
    return p;
  });
  const absRow = axis !== 'row';
  const absCol = axis !== 'column';
  return rectangles(shifted).map((r) => rangeText(r, absRow, absCol));
}

function sumText(refs: string[]): string {
  return refs.length === 0 ? '0' : `SUM(${refs.join(',')})`;
}

/** The formula that is TRUE where the instance fails, as seen from `anchor`. */
function failFormula(inst: RelationInstance, pos: (id: CellId) => Pos, axis: Axis, anchor: Pos, instAnchor: Pos): string {
  const refs = (terms: Term[]) => refsText(terms, pos, axis, anchor, instAnchor);
  const side = (terms: Term[]) => {
    const plus = sumText(refs(terms.filter((t) => t.sign > 0)));
    const minus = terms.filter((t) => t.sign < 0);
    return minus.length ? `${plus}-${sumText(refs(minus))}` : plus;
  };
  const all = refs(thisYearTerms(inst)).join(',');
  const cmp = { eq: '<>0', ge: '<0', le: '>0' }[inst.relation];
  return `=AND(COUNTA(${all})=COUNT(${all}),ROUND(${side(inst.lhs)}-(${side(inst.rhs)}),6)${cmp})`;
}

/** Where each data cell of one table sits on the sheet: a placed template, or a recognised pasted table. */
export interface CellSites {
  version: FormatVersion;
  table: TableId;
  /** Sheet position of a data cell, or undefined when it was not found (a pasted table may lack some). */
  pos: (id: CellId) => Pos | undefined;
}

export function placementSites(p: Placement): CellSites {
  return { version: p.version, table: p.table, pos: (id) => sheetPos(p, id) };
}

function relationHighlights(sites: CellSites): HighlightRule[] {
  const pos = (id: CellId) => sites.pos(id)!;
  const inTable = relationInstances(sites.version).filter((i) =>
    thisYearTerms(i).every((t) => t.cell.startsWith(`${sites.table}.`) && sites.pos(t.cell) !== undefined),
  );
  const families = new Map<RuleId, RelationInstance[]>();
  for (const i of inTable) families.set(i.rule, [...(families.get(i.rule) ?? []), i]);
  const out: HighlightRule[] = [];
  for (const [rule, instances] of families) {
    const severity = ruleDef(rule).severity;
    const axis = familyAxis(instances, pos);
    // With an axis, one formula serves the whole family; it is restated for each rectangle's anchor.
    // Without one, each instance gets its own absolute formula.
    const groups = axis === 'none' ? instances.map((i) => [i]) : [instances];
    for (const group of groups) {
      const cells = group.flatMap((i) => thisYearTerms(i).map((t) => pos(t.cell)));
      const first = pos(thisYearTerms(group[0])[0].cell);
      for (const r of rectangles(cells)) {
        const anchor = { row: r.top, col: r.left };
        out.push({ rule, severity, area: rangeText(r, false, false), formula: failFormula(group[0], pos, axis, anchor, first) });
      }
    }
  }
  return out;
}

/** The kind check of a cell as a formula on the relative reference `x`. */
export function kindFailFormula(kind: ColumnKind, x: string): string {
  const bad = { count: `OR(${x}<0,${x}<>INT(${x}))`, signed: `${x}<>INT(${x})`, amount: `${x}<0` }[kind];
  return `=IF(ISBLANK(${x}),FALSE,IF(ISNUMBER(${x}),${bad},TRUE))`;
}

function kindHighlights(sites: CellSites): HighlightRule[] {
  const out: HighlightRule[] = [];
  const cells = dataCells(sites.version).filter((d) => d.table === sites.table);
  for (const kind of ['count', 'signed', 'amount'] as const) {
    const at = cells
      .filter((d) => d.kind === kind)
      .map((d) => sites.pos(d.id))
      .filter((x): x is Pos => x !== undefined);
    if (at.length === 0) continue;
    const rule = ({ count: 'CELL-COUNT', signed: 'CELL-SIGNED', amount: 'CELL-AMOUNT' } as const)[kind];
    for (const r of rectangles(at)) {
      out.push({
        rule,
        severity: ruleDef(rule).severity,
        area: rangeText(r, false, false),
        formula: kindFailFormula(kind, a1(r.top, r.left)),
      });
    }
  }
  return out;
}

/** Every conditional-format rule for one table's cells: kind checks first, then the sums. */
export function highlightRulesAt(sites: CellSites): HighlightRule[] {
  return [...kindHighlights(sites), ...relationHighlights(sites)];
}

/** Every conditional-format rule for one placed template table. */
export function highlightRules(p: Placement): HighlightRule[] {
  return highlightRulesAt(placementSites(p));
}

/**
 * The marker that makes a highlight formula recognisably the add-in's (N of a text is 0, so the
 * marker is always TRUE): on a user's own pasted table the add-in removes exactly its own rules.
 */
export const HIGHLIGHT_TAG = 'N("年报助手")=0';

export function taggedFormula(formula: string): string {
  return `=AND(${HIGHLIGHT_TAG},${formula.replace(/^=/, '')})`;
}

export function isTaggedFormula(formula: string): boolean {
  return formula.startsWith(`=AND(${HIGHLIGHT_TAG},`);
}

/** Rule families whose left-hand side is a total that can be written as a SUM formula. */
const TOTAL_FAMILIES: readonly RuleId[] = ['T3-ROWSUM', 'T3-OUTCOMES', 'T4-SUM'];

const totalCellsByVersion = new Map<FormatVersion, ReadonlySet<CellId>>();

/** The cells that 合计用公式 fills with a SUM formula: the totals of 表三 and 表四. */
export function formulaTotalCells(v: FormatVersion): ReadonlySet<CellId> {
  // Asked by every sheet check (live included): built once per version.
  let cells = totalCellsByVersion.get(v);
  if (!cells) {
    cells = new Set(
      relationInstances(v)
        .filter((inst) => TOTAL_FAMILIES.includes(inst.rule) && inst.lhs.length === 1)
        .map((inst) => inst.lhs[0].cell),
    );
    totalCellsByVersion.set(v, cells);
  }
  return cells;
}

export interface TotalFormula {
  cell: CellId;
  row: number;
  col: number;
  formula: string;
}

/**
 * The totals as formulas (option “合计用公式”): 总计 column and （七）总计 row of 表三, 总计 of 表四.
 * A cell that two families could compute (（七）总计 × 总计) takes the first, the row sum.
 */
export function totalFormulas(p: Placement): TotalFormula[] {
  const pos = (id: CellId) => sheetPos(p, id);
  const done = new Set<CellId>();
  const out: TotalFormula[] = [];
  for (const inst of relationInstances(p.version)) {
    if (!TOTAL_FAMILIES.includes(inst.rule) || inst.lhs.length !== 1) continue;
    const target = inst.lhs[0].cell;
    if (!target.startsWith(`${p.table}.`) || done.has(target)) continue;
    done.add(target);
    const at = pos(target);
    const refs = rectangles(inst.rhs.map((t) => pos(t.cell))).map((r) => rangeText(r, false, false));
    out.push({ cell: target, row: at.row, col: at.col, formula: `=SUM(${refs.join(',')})` });
  }
  return out;
}
