import { CellId, dataCells, FORMAT_VERSIONS, TABLE_IDS, TableId } from '../standard/formats';
import { CellSites, HighlightRule, rectangles } from '../look/formulas';
import { a1 } from '../standard/a1';
import { readPastedBlock } from './recognisedBlock';
import { RawValue, SheetValueType, valueFromSheet } from './templateBlock';
import { Report } from '../standard/report';
import { crossYearInstances, ruleDef, Term } from '../standard/rules';

// Last year's report in the workbook (the cross-year rules XY-CARRY, XY-INFORCE, XY-PREV in the
// task pane): where the link is kept, how last year's values are read back, and the highlight
// formulas that compare this year's cells with last year's on another sheet. Pure: no Excel calls.

/**
 * The workbook-scoped name over last year's report: a block of a sheet of this workbook (a template
 * or a pasted table), or the hidden sheet that holds a file's values. Excel keeps it in the saved
 * file and moves it with the cells (rows inserted, the sheet renamed); a deleted sheet makes it #REF!.
 */
export const LAST_YEAR_NAME = 'XXGK_LASTYEAR';
export const LAST_YEAR_COMMENT = '年报助手：上年报告（跨年度核对），请勿删除此名称';
/** The hidden sheet that holds the values of a file picked as last year's report. */
export const LAST_YEAR_DATA_SHEET = '年报助手_上年数据';
/** The first cell of that sheet: how it is told from a sheet the user linked. */
export const LAST_YEAR_DATA_MARK = '年报助手：上年报告的数字（从文件读取，请勿修改）';

/** What the check knows of last year's report. */
export interface LastYearInfo {
  /** A sheet of this workbook, or a file whose values are kept in the hidden sheet. */
  kind: 'sheet' | 'file';
  sheet: string;
  sheetId: string;
  fileName?: string;
  /** Last year's values; null when they can no longer be read (problem says why). */
  report: Report | null;
  tables: TableId[];
  /** Where each of last year's cells sits on its sheet. */
  sites: ReadonlyMap<CellId, { row: number; col: number }>;
  /** Why the cross-year rules are not checked (Chinese). */
  problem?: string;
  /** The top-left cell of the block LAST_YEAR_NAME refers to: the highlights read last year's cells through the name. */
  block?: { row: number; col: number };
}

/** The link's name no longer points at cells (the sheet was deleted). */
export function brokenLink(): LastYearInfo {
  return {
    kind: 'sheet',
    sheet: '',
    sheetId: '',
    report: null,
    tables: [],
    sites: new Map(),
    problem: '上年报告所在的工作表已被删除，跨年度核对已停止。请重新选择上年报告，或取消关联。',
  };
}

const text = (v: string) => `'${v}`;

/**
 * The hidden sheet's grid for a file's values: a heading, the version and the file name, then one
 * row a cell (id, value, label). Every text is written with a leading apostrophe, which Excel keeps
 * out of the value, so that nothing is parsed as a date or a formula.
 */
export function dataSheetGrid(report: Report, fileName: string): (string | number)[][] {
  const grid: (string | number)[][] = [
    [text(LAST_YEAR_DATA_MARK), '', ''],
    [text('格式版本'), text(report.format), ''],
    [text('来源文件'), text(fileName), ''],
    [text('编号'), text('数值'), text('项目')],
  ];
  for (const d of dataCells(report.format)) {
    const v = report.cells[d.id];
    if (v === undefined) continue;
    grid.push([text(d.id), v === null ? '' : typeof v === 'string' ? text(v) : v, text(d.label)]);
  }
  return grid;
}

export interface LastYearBlock {
  sheet: string;
  sheetId: string;
  row: number;
  col: number;
  values: RawValue[][];
  types?: SheetValueType[][];
}

/** Reads last year's report out of the linked block: the hidden data sheet, or a table recognised on a sheet. */
export function readLastYear(block: LastYearBlock): LastYearInfo {
  const base = { sheet: block.sheet, sheetId: block.sheetId };
  if (block.values[0]?.[0] === LAST_YEAR_DATA_MARK) {
    const format = FORMAT_VERSIONS.find((v) => v === String(block.values[1]?.[1] ?? ''));
    const fileName = String(block.values[2]?.[1] ?? '');
    if (!format)
      return {
        ...base,
        kind: 'file',
        fileName,
        report: null,
        tables: [],
        sites: new Map(),
        problem: `隐藏的工作表“${block.sheet}”已被改动，无法读出上年报告的数字。请重新选择上年报告。`,
      };
    const known = new Set<string>(dataCells(format).map((d) => d.id));
    const report: Report = { format, cells: {} };
    const sites = new Map<CellId, { row: number; col: number }>();
    block.values.forEach((row, r) => {
      const id = String(row[0] ?? '');
      if (r < 4 || !known.has(id)) return;
      report.cells[id as CellId] = valueFromSheet(row[1], block.types?.[r]?.[1]);
      sites.set(id as CellId, { row: block.row + r, col: block.col + 1 });
    });
    const tables = TABLE_IDS.filter((t) => [...sites.keys()].some((id) => id.startsWith(`${t}.`)));
    return { ...base, kind: 'file', fileName, report, tables, sites, block: { row: block.row, col: block.col } };
  }
  const read = readPastedBlock(block.values, block.row, block.col, block.types);
  if (!read.inPlace || read.tables.length === 0) {
    return {
      ...base,
      kind: 'sheet',
      report: null,
      tables: [],
      sites: new Map(),
      problem: `在工作表“${block.sheet}”中已找不到上年报告的统计表格，跨年度核对已停止。请重新选择上年报告，或取消关联。`,
    };
  }
  return {
    ...base,
    kind: 'sheet',
    report: read.inPlace,
    tables: read.tables,
    sites: read.sites,
    block: { row: block.row, col: block.col },
  };
}

/** The marker of the cross-year highlights (N of a text is 0: always TRUE), apart from the other highlights of the add-in. */
export const CROSS_YEAR_TAG = 'N("年报助手上年")=0';

export function isCrossYearFormula(formula: string): boolean {
  return formula.startsWith(`=AND(${CROSS_YEAR_TAG},`);
}

const quoteSheet = (name: string) => `'${name.replace(/'/g, "''")}'`;

/**
 * The highlights of this year's cells that disagree with last year's report, for one table of this
 * year: one rule per cross-year instance, over the instance's this-year cells, its formula reading
 * last year's cells on their sheet. Blank counts as 0 and text makes the sum not computable, as in
 * the single-year highlights; an instance whose cells are not all found is left out, as the check leaves it out.
 */
export function crossYearHighlights(sites: CellSites, last: LastYearInfo): HighlightRule[] {
  if (!last.report) return [];
  const lastReport = last.report;
  const thisPos = (t: Term) => sites.pos(t.cell);
  const lastPos = (t: Term) => last.sites.get(t.cell);
  const out: HighlightRule[] = [];
  for (const inst of crossYearInstances(sites.version, lastReport.format)) {
    const terms = [...inst.lhs, ...inst.rhs];
    const mine = terms.filter((t) => t.year === 'this');
    if (!mine.every((t) => t.cell.startsWith(`${sites.table}.`) && thisPos(t) !== undefined)) continue;
    if (!terms.filter((t) => t.year === 'last').every((t) => lastPos(t) !== undefined && lastReport.cells[t.cell] !== undefined)) continue;
    const ref = (t: Term) => {
      if (t.year === 'this') {
        const p = thisPos(t)!;
        return a1(p.row, p.col, true, true);
      }
      const p = lastPos(t)!;
      // Through the workbook name, so that the formula's length does not grow with the sheet's name
      // (Excel does not document a limit for conditional-format formulas).
      const b = last.block;
      return b
        ? `INDEX(${LAST_YEAR_NAME},${p.row - b.row + 1},${p.col - b.col + 1})`
        : `${quoteSheet(last.sheet)}!${a1(p.row, p.col, true, true)}`;
    };
    const sum = (ts: Term[]) => (ts.length === 0 ? '0' : `SUM(${ts.map(ref).join(',')})`);
    const side = (ts: Term[]) => {
      const minus = ts.filter((t) => t.sign < 0);
      return minus.length ? `${sum(ts.filter((t) => t.sign > 0))}-${sum(minus)}` : sum(ts);
    };
    const all = terms.map(ref).join(',');
    const cmp = { eq: '<>0', ge: '<0', le: '>0' }[inst.relation];
    const formula = `=AND(${CROSS_YEAR_TAG},COUNTA(${all})=COUNT(${all}),ROUND(${side(inst.lhs)}-(${side(inst.rhs)}),6)${cmp})`;
    const severity = ruleDef(inst.rule).severity;
    for (const r of rectangles(mine.map((t) => thisPos(t)!))) {
      const area = r.top === r.bottom && r.left === r.right ? a1(r.top, r.left) : `${a1(r.top, r.left)}:${a1(r.bottom, r.right)}`;
      out.push({ rule: inst.rule, severity, area, formula });
    }
  }
  return out;
}
