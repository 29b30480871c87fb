import { CellId, dataCells, FormatVersion } from './formats';
import { Report } from './report';
import { Verdict } from './verdict';

// 汇总: the report of a supervising office is the sum of its units' reports, cell by cell. Pure.

/** One unit (a department, a town) as the roll-up takes it: its name, verdict and values. */
export interface RollupUnit {
  name: string;
  verdict: Verdict;
  errors: number;
  report: Report | null;
}

/** Amounts (万元) are added in millionths, so that sums carry no float noise (0.1 + 0.2 is 0.3). */
const SCALE = 1e6;

export interface Rollup {
  report: Report;
  /** What could not be added (text in a cell), in Chinese; such a cell counts as 0. */
  notes: string[];
}

/** The cell-by-cell sum of the units' reports (all of one version); blank and absent cells count as 0. */
export function sumReports(version: FormatVersion, units: readonly { name: string; report: Report }[]): Rollup {
  const cells: Report['cells'] = {};
  const notes: string[] = [];
  for (const d of dataCells(version)) {
    let scaled = 0;
    for (const u of units) {
      const v = u.report.cells[d.id];
      if (v === undefined || v === null) continue;
      if (typeof v === 'number' && Number.isFinite(v)) scaled += Math.round(v * SCALE);
      else notes.push(`${u.name}的${d.label}不是数字（“${String(v).slice(0, 20)}”），按 0 计入汇总`);
    }
    cells[d.id] = scaled / SCALE;
  }
  return { report: { format: version, cells }, notes };
}

/** The figures of a unit that the 各单位明细 sheet shows, each the sum of some cells (named unlike any table label, so the sheet is not taken for a table). */
export const KEY_FIGURES: readonly { label: string; cells: readonly CellId[] }[] = [
  { label: '本年新收申请（件）', cells: ['T3.NEW.TOT'] },
  { label: '上年结转申请（件）', cells: ['T3.CIN.TOT'] },
  { label: '办理结果总计（件）', cells: ['T3.RT.TOT'] },
  { label: '结转下年度（件）', cells: ['T3.COUT.TOT'] },
  { label: '复议案件（件）', cells: ['T4.RV.TOT'] },
  { label: '诉讼案件（件）', cells: ['T4.LD.TOT', 'T4.LR.TOT'] },
] as const as readonly { label: string; cells: readonly CellId[] }[];

/** A key figure of a report: the sum of its numeric cells, or null when none of them is a number. */
export function keyFigure(report: Report | null, cells: readonly CellId[]): number | null {
  if (!report) return null;
  const values = cells.map((c) => report.cells[c]).filter((v): v is number => typeof v === 'number');
  return values.length ? values.reduce((a, b) => a + b, 0) : null;
}
