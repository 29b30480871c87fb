import {
  CellId,
  ColumnKind,
  dataCells,
  FORMATS,
  FormatVersion,
  t3ColumnLabel,
  t3RowName,
  t3RowShortLabel,
  T3RowId,
  TableId,
} from './formats';

export type RuleId =
  | 'T3-BALANCE'
  | 'T3-ROWSUM'
  | 'T3-OUTCOMES'
  | 'T4-SUM'
  | 'CELL-COUNT'
  | 'CELL-SIGNED'
  | 'CELL-AMOUNT'
  | 'CELL-BLANK'
  | 'T2-PREV-DELTA'
  | 'T2-PUBLISHED'
  | 'XY-CARRY'
  | 'XY-INFORCE'
  | 'XY-PREV'
  | 'TEXT-TABLE';

export type Severity = 'error' | 'warning' | 'info';

export const SEVERITY_LABELS: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

/** What a blank data cell means, said after 空白 wherever blanks are reported (CELL-BLANK). */
export const BLANK_MEANING = '按 0 计算；公开的表格应填写 0';

/** The rule catalogue of formats.md, one row a rule, for a 政务公开 specialist to review. */
export interface RuleDef {
  id: RuleId;
  versions: readonly FormatVersion[];
  severity: Severity;
  /** Short Chinese name shown beside each finding. */
  name: string;
  /** Where the rule comes from, appended to its messages. */
  basis: string;
  /** Needs last year's report. */
  crossYear: boolean;
}

const BOTH: readonly FormatVersion[] = ['2021', '2019'];

export const RULES: readonly RuleDef[] = [
  {
    id: 'T3-BALANCE',
    versions: BOTH,
    severity: 'error',
    name: '申请数量平衡',
    basis: '本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和',
    crossYear: false,
  },
  { id: 'T3-ROWSUM', versions: BOTH, severity: 'error', name: '总计列', basis: '总计等于自然人与法人或其他组织各列之和', crossYear: false },
  {
    id: 'T3-OUTCOMES',
    versions: BOTH,
    severity: 'error',
    name: '办理结果总计',
    basis: '（七）总计等于（一）至（六）各项之和，部分公开只计这一情形',
    crossYear: false,
  },
  {
    id: 'T4-SUM',
    versions: BOTH,
    severity: 'error',
    name: '复议诉讼总计',
    basis: '总计等于结果维持、结果纠正、其他结果、尚未审结之和',
    crossYear: false,
  },
  { id: 'CELL-COUNT', versions: BOTH, severity: 'error', name: '数量格式', basis: '数量应为不小于 0 的整数', crossYear: false },
  {
    id: 'CELL-SIGNED',
    versions: ['2019'],
    severity: 'error',
    name: '增减数格式',
    basis: '本年增/减应为整数，可以为负数',
    crossYear: false,
  },
  {
    id: 'CELL-AMOUNT',
    versions: BOTH,
    severity: 'error',
    name: '金额格式',
    basis: '金额应为不小于 0 的数字（单位：万元）',
    crossYear: false,
  },
  { id: 'CELL-BLANK', versions: BOTH, severity: 'info', name: '空白单元格', basis: '空白按 0 计算，公开的表格应填写 0', crossYear: false },
  {
    id: 'T2-PREV-DELTA',
    versions: ['2019'],
    severity: 'warning',
    name: '项目数量增减',
    basis: '上一年项目数量加本年增/减不应小于 0',
    crossYear: false,
  },
  {
    id: 'T2-PUBLISHED',
    versions: ['2019'],
    severity: 'warning',
    name: '公开数量',
    basis: '本年新公开数量不应大于对外公开总数量',
    crossYear: false,
  },
  {
    id: 'XY-CARRY',
    versions: BOTH,
    severity: 'warning',
    name: '上年结转',
    basis: '本年“上年结转”应等于上年报告的“结转下年度继续办理”；上年报告公开后可能更正过数字，所以只作为警告，请核对',
    crossYear: true,
  },
  {
    id: 'XY-INFORCE',
    versions: ['2021'],
    severity: 'info',
    name: '现行有效件数',
    basis: '现行有效件数一般等于上年现行有效件数加本年制发、减本年废止，如有其他变动可说明',
    crossYear: true,
  },
  {
    id: 'XY-PREV',
    versions: ['2019'],
    severity: 'warning',
    name: '上一年项目数量',
    basis: '上一年项目数量应等于上年报告的上一年项目数量加本年增/减；上年报告公开后可能更正过数字，所以只作为警告，请核对',
    crossYear: true,
  },
  {
    id: 'TEXT-TABLE',
    versions: BOTH,
    severity: 'warning',
    name: '正文与表格',
    basis: '年报正文中的数字应与统计表格一致',
    crossYear: false,
  },
];

export function ruleDef(id: RuleId): RuleDef {
  const def = RULES.find((r) => r.id === id);
  if (!def) throw new Error(`unknown rule ${id}`);
  return def;
}

/** One addend of a relation: a cell of this year's or last year's report, added or subtracted. */
export interface Term {
  cell: CellId;
  year: 'this' | 'last';
  sign: 1 | -1;
  /** How the message names it, e.g. “第一项”, “上年（七）总计”. */
  label: string;
}

/**
 * lhs = rhs, lhs >= rhs or lhs <= rhs over sums of terms. Every arithmetic rule is one of these,
 * so the validator and the Excel highlight formulas read the same definition.
 */
export type Relation = 'eq' | 'ge' | 'le';

export interface RelationInstance {
  rule: RuleId;
  /** Which column, row or group: stable id for tests and the JSON output (e.g. “NP”, “R1”, “RV”). */
  instance: string;
  /** How the message names it, e.g. “自然人列”. */
  instanceLabel: string;
  relation: Relation;
  lhs: Term[];
  rhs: Term[];
  /** Optional wording of the right-hand side, e.g. “各项办理结果之和”. */
  rhsLabel?: string;
}

export interface CellRuleInstance {
  rule: 'CELL-COUNT' | 'CELL-SIGNED' | 'CELL-AMOUNT';
  cell: CellId;
  kind: ColumnKind;
}

const KIND_RULE: Record<ColumnKind, CellRuleInstance['rule']> = {
  count: 'CELL-COUNT',
  signed: 'CELL-SIGNED',
  amount: 'CELL-AMOUNT',
};

const term = (cell: string, label: string, sign: 1 | -1 = 1, year: Term['year'] = 'this'): Term => ({
  cell: cell as CellId,
  label,
  sign,
  year,
});

// ---------------------------------------------------------------------------------------------
// Each family is declared once over the table's structure; its instances follow from formats.

/** T3-BALANCE, for each applicant column and 总计: NEW + CIN = RT + COUT. */
function t3Balance(v: FormatVersion): RelationInstance[] {
  const sides: { lhs: T3RowId[]; rhs: T3RowId[] } = { lhs: ['NEW', 'CIN'], rhs: ['RT', 'COUT'] };
  return FORMATS[v].T3.columns.map((c) => ({
    rule: 'T3-BALANCE',
    instance: c.id,
    instanceLabel: `${c.label}列`,
    relation: 'eq',
    lhs: sides.lhs.map((r) => term(`T3.${r}.${c.id}`, t3RowShortLabel(v, r))),
    rhs: sides.rhs.map((r) => term(`T3.${r}.${c.id}`, t3RowShortLabel(v, r))),
  }));
}

/** T3-ROWSUM, for each T3 row: 总计 = the six applicant columns. */
function t3RowSum(v: FormatVersion): RelationInstance[] {
  const cols = FORMATS[v].T3.columns;
  const total = cols.find((c) => c.id === 'TOT')!;
  const parts = cols.filter((c) => c.id !== 'TOT');
  return FORMATS[v].T3.rows.map((r) => ({
    rule: 'T3-ROWSUM',
    instance: r.id,
    instanceLabel: `“${t3RowName(v, r.id)}”一行`,
    relation: 'eq',
    lhs: [term(`T3.${r.id}.${total.id}`, t3ColumnLabel(v, total.id))],
    rhs: parts.map((c) => term(`T3.${r.id}.${c.id}`, c.label)),
    rhsLabel: '各申请人列之和',
  }));
}

/** The outcome rows that （七）总计 adds up: every row between 第二项 and （七）总计. */
export function t3OutcomeRows(v: FormatVersion): T3RowId[] {
  const ids = FORMATS[v].T3.rows.map((r) => r.id);
  return ids.slice(ids.indexOf('CIN') + 1, ids.indexOf('RT'));
}

/** T3-OUTCOMES, for each column: RT = R1 + R2 + D1..D8 + U1..U3 + X1..X5 + O (2019) / O1..O3 (2021). */
function t3Outcomes(v: FormatVersion): RelationInstance[] {
  return FORMATS[v].T3.columns.map((c) => ({
    rule: 'T3-OUTCOMES',
    instance: c.id,
    instanceLabel: `${c.label}列`,
    relation: 'eq',
    lhs: [term(`T3.RT.${c.id}`, t3RowShortLabel(v, 'RT'))],
    rhs: t3OutcomeRows(v).map((r) => term(`T3.${r}.${c.id}`, t3RowShortLabel(v, r))),
    rhsLabel: '（一）至（六）各项之和',
  }));
}

/** T4-SUM, for each group: TOT = UPH + COR + OTH + PEN. */
function t4Sum(v: FormatVersion): RelationInstance[] {
  const f = FORMATS[v].T4;
  return f.groups.map((g) => ({
    rule: 'T4-SUM',
    instance: g.id,
    instanceLabel: g.parent ? `${g.parent}（${g.label}）` : g.label,
    relation: 'eq',
    lhs: [term(`T4.${g.id}.TOT`, '总计')],
    rhs: f.fields.filter((x) => x.id !== 'TOT').map((x) => term(`T4.${g.id}.${x.id}`, x.label)),
  }));
}

type T2Block = (typeof FORMATS)[FormatVersion]['T2']['blocks'][number];

function t2BlocksWith(v: FormatVersion, columns: string[]): T2Block[] {
  return FORMATS[v].T2.blocks.filter((b) => columns.every((c) => b.columns.some((x) => x.id === c)));
}

function t2Label(b: T2Block, col: string): string {
  return b.columns.find((c) => c.id === col)?.label ?? col;
}

/** A term of one 表二 row: its cell in `col`, named by the column (上年… for last year's). */
type RowTerm = (col: string, sign?: 1 | -1, year?: Term['year']) => Term;

/** One relation per row of the 表二 blocks that have all `columns`; `sides` gives its terms. */
function perT2Row(
  v: FormatVersion,
  columns: string[],
  rule: RuleId,
  relation: Relation,
  sides: (cell: RowTerm) => { lhs: Term[]; rhs: Term[] },
): RelationInstance[] {
  return t2BlocksWith(v, columns).flatMap((b) =>
    b.rows.map((r) => {
      const cell: RowTerm = (col, sign = 1, year = 'this') =>
        term(`T2.${r.id}.${col}`, `${year === 'last' ? '上年' : ''}${t2Label(b, col)}`, sign, year);
      return { rule, instance: r.id, instanceLabel: `${r.label}行`, relation, ...sides(cell) };
    }),
  );
}

/** T2-PREV-DELTA (2019), for each row of blocks （五）（六）（八）: PREV + DELTA >= 0. */
function t2PrevDelta(v: FormatVersion): RelationInstance[] {
  return perT2Row(v, ['PREV', 'DELTA'], 'T2-PREV-DELTA', 'ge', (cell) => ({ lhs: [cell('PREV'), cell('DELTA')], rhs: [] }));
}

/** T2-PUBLISHED (2019), for each row of block （一）: PUBLISHED <= ALLPUB. */
function t2Published(v: FormatVersion): RelationInstance[] {
  return perT2Row(v, ['PUBLISHED', 'ALLPUB'], 'T2-PUBLISHED', 'le', (cell) => ({ lhs: [cell('PUBLISHED')], rhs: [cell('ALLPUB')] }));
}

/** XY-CARRY, for each T3 column: this year's CIN = last year's COUT (the ids are the same in both versions). */
function xyCarry(v: FormatVersion, last: FormatVersion): RelationInstance[] {
  return FORMATS[v].T3.columns.map((c) => ({
    rule: 'XY-CARRY',
    instance: c.id,
    instanceLabel: `${c.label}列`,
    relation: 'eq',
    lhs: [term(`T3.CIN.${c.id}`, t3RowShortLabel(v, 'CIN'))],
    rhs: [term(`T3.COUT.${c.id}`, `上年${t3RowShortLabel(last, 'COUT')}`, 1, 'last')],
  }));
}

/** XY-INFORCE (2021 after 2021), for each row of block （一）: INFORCE = last INFORCE + ISSUED − REPEALED. */
function xyInforce(v: FormatVersion, last: FormatVersion): RelationInstance[] {
  if (last !== '2021') return [];
  return perT2Row(v, ['ISSUED', 'REPEALED', 'INFORCE'], 'XY-INFORCE', 'eq', (cell) => ({
    lhs: [cell('INFORCE')],
    rhs: [cell('INFORCE', 1, 'last'), cell('ISSUED'), cell('REPEALED', -1)],
  }));
}

/** XY-PREV (2019 after 2019), for each row of blocks （五）（六）（八）: PREV = last PREV + last DELTA. */
function xyPrev(v: FormatVersion, last: FormatVersion): RelationInstance[] {
  if (last !== '2019') return [];
  return perT2Row(v, ['PREV', 'DELTA'], 'XY-PREV', 'eq', (cell) => ({
    lhs: [cell('PREV')],
    rhs: [cell('PREV', 1, 'last'), cell('DELTA', 1, 'last')],
  }));
}

const SINGLE_YEAR: Partial<Record<RuleId, (v: FormatVersion) => RelationInstance[]>> = {
  'T3-BALANCE': t3Balance,
  'T3-ROWSUM': t3RowSum,
  'T3-OUTCOMES': t3Outcomes,
  'T4-SUM': t4Sum,
  'T2-PREV-DELTA': t2PrevDelta,
  'T2-PUBLISHED': t2Published,
};

const CROSS_YEAR: Partial<Record<RuleId, (v: FormatVersion, last: FormatVersion) => RelationInstance[]>> = {
  'XY-CARRY': xyCarry,
  'XY-INFORCE': xyInforce,
  'XY-PREV': xyPrev,
};

function appliesTo(rule: RuleId, v: FormatVersion): boolean {
  return ruleDef(rule).versions.includes(v);
}

const relationCache = new Map<FormatVersion, RelationInstance[]>();

/** Every arithmetic rule instance of one report of a version, in catalogue order. */
export function relationInstances(v: FormatVersion): readonly RelationInstance[] {
  let cached = relationCache.get(v);
  if (!cached) {
    cached = RULES.filter((r) => appliesTo(r.id, v)).flatMap((r) => SINGLE_YEAR[r.id]?.(v) ?? []);
    relationCache.set(v, cached);
  }
  return cached;
}

/**
 * Why last year's report cannot be compared with this year's, in Chinese; null when it can. A later
 * year never uses an earlier format: a 2021-format report is not last year's for a 2019-format one.
 */
export function crossYearRefusal(v: FormatVersion, last: FormatVersion): string | null {
  return v === '2019' && last === '2021'
    ? '上年报告是2021版，本年的表格是2019版：较晚的年份不会使用较早的格式，跨年度数字（上年结转等）未核对；请确认本年表格的版本或上年报告'
    : null;
}

/** Every cross-year rule instance between this year's report and last year's (none when they cannot be compared). */
export function crossYearInstances(v: FormatVersion, last: FormatVersion): RelationInstance[] {
  if (crossYearRefusal(v, last)) return [];
  return RULES.filter((r) => appliesTo(r.id, v)).flatMap((r) => CROSS_YEAR[r.id]?.(v, last) ?? []);
}

/** The kind rule of each data cell (CELL-COUNT, CELL-SIGNED or CELL-AMOUNT). */
export function cellRuleInstances(v: FormatVersion): CellRuleInstance[] {
  return dataCells(v).map((c) => ({ rule: KIND_RULE[c.kind], cell: c.id, kind: c.kind }));
}

export function tableOfCell(id: CellId): TableId {
  return id.slice(0, 2) as TableId;
}

/** The table an instance belongs to (the table of its first this-year cell). */
export function instanceTable(inst: RelationInstance): TableId {
  return tableOfCell(inst.lhs[0].cell);
}
