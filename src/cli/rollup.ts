import ExcelJS from 'exceljs';
import { FormatVersion } from '../report/standard/formats';
import { Report } from '../report/standard/report';
import { RollupUnit, sumReports } from '../report/standard/rollup';
import { Finding, validate } from '../report/standard/validate';
import { Verdict, verdictOf } from '../report/standard/verdict';
import { verdictCounts, verdictLabel, verdictPhrase } from '../report/standard/verdictText';
import { extensionOf } from '../read/kinds';
import { ROLLUP_NOT_A_UNIT } from '../read/rollupMark';
import type { FileOutcome } from './checkFile';
import { rollupWorkbook as rollupXlsx } from './rollupXlsx';

// The roll-up (汇总) of many units' reports, without any file system: which units are summed and
// why the others are not, the sum, its check, and the .xlsx it is written as. The command
// (sum.ts) and the web page (src/web) share it: the same refusals, the same workbook.

export interface SumUnit extends RollupUnit {
  file: string;
  /** Its warnings: a unit that passes with warnings says so (通过（警告 N 条，请核对）). */
  warnings: number;
  /** Its tables hold no number yet (尚未填写). */
  unfilled?: boolean;
  /** Why it is not in the sum (Chinese); absent when it is. */
  leftOut?: string;
  /** The option of the command that would sum it after all (said where the command is run, not in the workbook). */
  includeWith?: '--include-incomplete';
}

/** A file's name without its folders and extension. */
export function baseName(file: string): string {
  const base = file.slice(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
  const ext = extensionOf(base);
  return ext ? base.slice(0, base.length - ext.length) : base;
}

/** The units one checked file gives: one per report, or the file itself when it could not be read. */
export function unitsOf(outcome: FileOutcome): SumUnit[] {
  const base = baseName(outcome.file);
  if (outcome.unreadable !== undefined) {
    return [
      {
        name: base,
        file: outcome.file,
        verdict: 'unreadable',
        errors: 0,
        warnings: 0,
        report: null,
        leftOut: `无法读取：${outcome.unreadable}`,
      },
    ];
  }
  return outcome.results.map((r) => {
    const { errors, warnings } = verdictCounts(r.findings);
    return {
      name: outcome.results.length > 1 && r.sheet ? `${base}（${r.sheet}）` : base,
      file: outcome.file,
      verdict: r.verdict,
      errors,
      warnings,
      report: r.report ?? null,
      ...(r.unfilled ? { unfilled: true } : {}),
      ...(r.rollup ? { leftOut: ROLLUP_NOT_A_UNIT } : {}),
    };
  });
}

/**
 * The name a unit's files share: without the suffixes that copies get (（1）, (2), 副本, - 副本,
 * -copy, _copy). 民政局.html and 民政局（1）.docx are one unit.
 */
export function unitKey(name: string): string {
  let key = name.trim();
  for (;;) {
    const next = key.replace(/\s*(?:[（(]\d+[）)]|[-_ ]*(?:副本|copy|Copy|COPY)(?:\s*[（(]?\d+[）)]?)?)\s*$/u, '').trim();
    if (next === key || next === '') return key;
    key = next;
  }
}

/** The numbers of a report as one string: two files with the same numbers are one report. */
function numbersOf(report: Report): string {
  return JSON.stringify(Object.entries(report.cells).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/**
 * One unit counted once: of files whose names differ only by extension or a copy's suffix, or
 * whose numbers are identical (beyond a few zeros), the first is summed and the others are set aside, saying why.
 */
export function setAsideDuplicates(units: SumUnit[]): void {
  const byKey = new Map<string, SumUnit>();
  const byNumbers = new Map<string, SumUnit>();
  for (const u of units) {
    if (u.leftOut || !u.report) continue;
    const key = `${u.report.format}/${unitKey(u.name)}`;
    const numbers = `${u.report.format}/${numbersOf(u.report)}`;
    // Small units often report all zeros: the same zeros are not the same unit (and add nothing).
    const telling = Object.values(u.report.cells).filter((v) => typeof v === 'number' && v !== 0).length >= 3;
    const first = byKey.get(key) ?? (telling ? byNumbers.get(numbers) : undefined);
    if (first) {
      const same = byKey.get(key) === first ? '同一单位的另一份文件' : '数字与之完全相同';
      const firstName = first.file.slice(Math.max(first.file.lastIndexOf('/'), first.file.lastIndexOf('\\')) + 1);
      u.leftOut = `与 ${firstName} 重复（${same}），未重复计入`;
      continue;
    }
    byKey.set(key, u);
    if (telling) byNumbers.set(numbers, u);
  }
}

/** Which units go into the sum, and why the others do not. */
export function choose(units: SumUnit[], includeIncomplete: boolean): void {
  for (const u of units) {
    if (u.leftOut) continue;
    if (!u.report) u.leftOut = '没有读到数字';
    else if (u.verdict === 'incomplete' && !includeIncomplete)
      Object.assign(u, {
        leftOut: u.unfilled ? '尚未填写（表格中没有任何数字）' : '部分未校验（有内容未能读取）',
        includeWith: '--include-incomplete',
      });
  }
}

/** How the command tells the user to sum one version at a time. */
export const COMMAND_VERSION_HINT = '请更正这些单位的年报，或加 --format 2021 或 --format 2019 分别汇总';

/** The one version of the units summed, or the Chinese reason why they cannot be summed. */
export function versionOf(units: SumUnit[], wanted?: FormatVersion, hint: string = COMMAND_VERSION_HINT): FormatVersion | string {
  const byVersion = new Map<FormatVersion, string[]>();
  for (const u of units.filter((x) => !x.leftOut)) {
    const v = u.report!.format;
    byVersion.set(v, [...(byVersion.get(v) ?? []), u.name]);
  }
  const versions = [...byVersion.keys()];
  if (versions.length === 0) return '没有可以汇总的单位';
  const list = versions.map((v) => `${v}版：${byVersion.get(v)!.join('、')}`).join('；');
  if (versions.length > 1) return `各单位的年报格式版本不同（${list}），2019版和2021版的表格不能相加。${hint}`;
  if (wanted && versions[0] !== wanted) return `要求汇总${wanted}版，但各单位的年报是${list}`;
  return versions[0];
}

/** Why a unit is not in the sum, as the command says it: with the option that would sum it after all. */
export const leftOutReason = (u: SumUnit): string =>
  u.includeWith ? `${u.leftOut}；如确需计入，请在命令中加 ${u.includeWith}` : (u.leftOut ?? '');

/** The sum of the units not left out, and its own check. */
export interface Rollup {
  version: FormatVersion;
  report: Report;
  notes: string[];
  findings: Finding[];
  verdict: Verdict;
  included: SumUnit[];
}

/** Adds up the units not left out (all of `version`). */
export function addUp(version: FormatVersion, units: SumUnit[]): Rollup {
  const included = units.filter((u) => !u.leftOut);
  const rollup = sumReports(
    version,
    included.map((u) => ({ name: u.name, report: u.report! })),
  );
  const findings = validate(rollup.report);
  const verdict: Verdict = verdictOf({ tablesRead: 3, findings, unchecked: rollup.notes });
  return { version, report: rollup.report, notes: rollup.notes, findings, verdict, included };
}

/** What the roll-up says once written: how many units, those with errors, those left out, the sum's own verdict. */
export function rollupSummary(r: Rollup, units: SumUnit[], written: string): string[] {
  const withErrors = r.included.filter((u) => u.verdict === 'errors').map((u) => u.name);
  const left = units.filter((u) => u.leftOut).map((u) => u.name);
  return [
    `已汇总 ${r.included.length} 个单位（${r.version}版），${written}。`,
    ...(withErrors.length ? [`其中有错误的单位（已计入，请核对）：${withErrors.join('、')}`] : []),
    ...(left.length ? [`未计入汇总的单位：${left.join('、')}`] : []),
    ...r.notes,
    `汇总表校验：${verdictPhrase(r.verdict, verdictCounts(r.findings, r.notes.length))}`,
  ];
}

/** The .xlsx output (src/cli/rollupXlsx.ts): the official tables filled with the sums under their title, and 各单位明细. */
export function rollupWorkbook(version: FormatVersion, sum: Report, units: SumUnit[]): ExcelJS.Workbook {
  return rollupXlsx(
    version,
    sum,
    units.map((u) => ({
      name: u.name,
      file: u.file,
      verdict: verdictLabel(u.verdict, u),
      errors: u.errors,
      report: u.report,
      leftOut: u.leftOut,
    })),
  );
}
