import { promises as fs } from 'fs';
import * as path from 'path';
import { FormatVersion, isFormatVersion } from '../report/standard/formats';
import { Report } from '../report/standard/report';
import { KEY_FIGURES, keyFigure, RollupUnit, sumReports } from '../report/standard/rollup';
import { validate } from '../report/standard/validate';
import { Verdict, VERDICT_EXIT_CODES, verdictOf, worstVerdict } from '../report/standard/verdict';
import { verdictCounts, verdictLabel, verdictPhrase } from '../report/standard/verdictText';
import { writeFileAtomic } from './atomicWrite';
import { checkInputs, Io } from './checkInputs';
import { templateTsv } from './template';
import { RollupRow, rollupWorkbook } from './rollupXlsx';
import { ExpandedInputs, expandInputs, realPathOf } from '../read/files';
import { ROLLUP_NOT_A_UNIT, rollupTsvLine } from '../read/rollupMark';

// xxgk-report sum: the roll-up (汇总) of many units' reports. Every input is checked first; the
// units with errors are summed but named; incomplete and unreadable ones are left out unless asked.

export interface SumOptions {
  out: string;
  format?: FormatVersion;
  includeIncomplete: boolean;
  force: boolean;
}

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

const OUTPUTS = ['.xlsx', '.json', '.tsv', '.txt'];

/** The units of the inputs, each checked. */
async function checkUnits(inputs: ExpandedInputs, io: Io): Promise<SumUnit[]> {
  const units: SumUnit[] = [];
  await checkInputs(inputs, io, { progress: true, tellUnreadable: true }, (outcome) => {
    const base = path.basename(outcome.file, path.extname(outcome.file));
    if (outcome.unreadable !== undefined) {
      units.push({
        name: base,
        file: outcome.file,
        verdict: 'unreadable',
        errors: 0,
        warnings: 0,
        report: null,
        leftOut: `无法读取：${outcome.unreadable}`,
      });
      return;
    }
    for (const r of outcome.results) {
      const { errors, warnings } = verdictCounts(r.findings);
      units.push({
        name: outcome.results.length > 1 && r.sheet ? `${base}（${r.sheet}）` : base,
        file: outcome.file,
        verdict: r.verdict,
        errors,
        warnings,
        report: r.report ?? null,
        ...(r.unfilled ? { unfilled: true } : {}),
        ...(r.rollup ? { leftOut: ROLLUP_NOT_A_UNIT } : {}),
      });
    }
  });
  return units;
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
function setAsideDuplicates(units: SumUnit[]): void {
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
      u.leftOut = `与 ${path.basename(first.file)} 重复（${same}），未重复计入`;
      continue;
    }
    byKey.set(key, u);
    if (telling) byNumbers.set(numbers, u);
  }
}

/** Which units go into the sum, and why the others do not. */
function choose(units: SumUnit[], includeIncomplete: boolean): void {
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

/** The one version of the units summed, or the Chinese reason why they cannot be summed. */
function versionOf(units: SumUnit[], wanted?: FormatVersion): FormatVersion | string {
  const byVersion = new Map<FormatVersion, string[]>();
  for (const u of units.filter((x) => !x.leftOut)) {
    const v = u.report!.format;
    byVersion.set(v, [...(byVersion.get(v) ?? []), u.name]);
  }
  const versions = [...byVersion.keys()];
  if (versions.length === 0) return '没有可以汇总的单位';
  const list = versions.map((v) => `${v}版：${byVersion.get(v)!.join('、')}`).join('；');
  if (versions.length > 1)
    return `各单位的年报格式版本不同（${list}），2019版和2021版的表格不能相加。请更正这些单位的年报，或加 --format 2021 或 --format 2019 分别汇总`;
  if (wanted && versions[0] !== wanted) return `要求汇总${wanted}版，但各单位的年报是${list}`;
  return versions[0];
}

/** Why a unit is not in the sum, as the command says it: with the option that would sum it after all. */
const leftOutReason = (u: SumUnit): string =>
  u.includeWith ? `${u.leftOut}；如确需计入，请在命令中加 ${u.includeWith}` : (u.leftOut ?? '');

const fmt = (n: number | null): string => (n === null ? '—' : String(n));

function unitsTable(units: SumUnit[]): string {
  const lines = ['单位\t结论\t错误\t' + KEY_FIGURES.map((k) => k.label).join('\t') + '\t汇总'];
  for (const u of units) {
    lines.push(
      [
        u.name,
        verdictLabel(u.verdict, u),
        String(u.errors),
        ...KEY_FIGURES.map((k) => fmt(keyFigure(u.report, k.cells))),
        u.leftOut ? `未计入：${leftOutReason(u)}` : '计入',
      ].join('\t'),
    );
  }
  return lines.join('\n') + '\n';
}

/** The units as the roll-up workbook lists them. */
const rollupRows = (units: SumUnit[]): RollupRow[] =>
  units.map((u) => ({
    name: u.name,
    file: u.file,
    verdict: verdictLabel(u.verdict, u),
    errors: u.errors,
    report: u.report,
    leftOut: u.leftOut,
  }));

/** Writes `file` (a temporary path) in the kind of `ext`, the extension of the requested output. */
async function writeOutput(file: string, ext: string, version: FormatVersion, sum: Report, units: SumUnit[]): Promise<void> {
  if (ext === '.xlsx') {
    const buffer = await rollupWorkbook(version, sum, rollupRows(units)).xlsx.writeBuffer();
    await fs.writeFile(file, Buffer.from(buffer as ArrayBuffer));
  } else if (ext === '.json') {
    const rollup = {
      units: units.filter((u) => !u.leftOut).map((u) => ({ name: u.name, file: u.file })),
      leftOut: units.filter((u) => u.leftOut).map((u) => ({ name: u.name, file: u.file, reason: leftOutReason(u) })),
    };
    await fs.writeFile(file, JSON.stringify({ ...sum, rollup }, null, 2) + '\n', 'utf8');
  } else {
    const summed = units.filter((u) => !u.leftOut).map((u) => u.name);
    await fs.writeFile(file, `${rollupTsvLine(summed)}\n${templateTsv(version, sum)}`, 'utf8');
  }
}

/** Runs the roll-up; the exit code is the most serious verdict of the inputs (2 when nothing could be summed or written). */
export async function runSum(inputs: string[], options: SumOptions, io: Io): Promise<number> {
  const ext = path.extname(options.out).toLowerCase();
  if (!OUTPUTS.includes(ext)) {
    io.err(`不支持输出 ${ext || '无扩展名'} 文件（支持 ${OUTPUTS.join('、')}）\n`);
    return 2;
  }
  // The output is never one of the inputs, --force or not: it would be overwritten by its own sum.
  const expanded = await expandInputs(inputs);
  const out = await realPathOf(options.out);
  for (const f of expanded.files) {
    if ((await realPathOf(f)) === out) {
      io.err(`输出文件 ${options.out} 也是要汇总的输入文件，为避免覆盖它，已拒绝汇总；请换一个输出文件名或位置\n`);
      return 2;
    }
  }
  const units = await checkUnits(expanded, io);
  choose(units, options.includeIncomplete);
  setAsideDuplicates(units);
  io.out(unitsTable(units));
  const version = versionOf(units, options.format);
  if (!isFormatVersion(version)) {
    io.err(`无法汇总：${version}。\n`);
    return 2;
  }
  const included = units.filter((u) => !u.leftOut);
  const rollup = sumReports(
    version,
    included.map((u) => ({ name: u.name, report: u.report! })),
  );
  const findings = validate(rollup.report);
  const verdict: Verdict = verdictOf({ tablesRead: 3, findings, unchecked: rollup.notes });
  const failed = await writeFileAtomic(options.out, (temporary) => writeOutput(temporary, ext, version, rollup.report, units), {
    force: options.force,
  });
  if (failed) {
    io.err(`无法写入 ${options.out}：${failed}\n`);
    return 2;
  }
  const withErrors = included.filter((u) => u.verdict === 'errors').map((u) => u.name);
  const left = units.filter((u) => u.leftOut).map((u) => u.name);
  io.out(
    [
      `已汇总 ${included.length} 个单位（${version}版），写入 ${options.out}。`,
      ...(withErrors.length ? [`其中有错误的单位（已计入，请核对）：${withErrors.join('、')}`] : []),
      ...(left.length ? [`未计入汇总的单位：${left.join('、')}`] : []),
      ...rollup.notes,
      `汇总表校验：${verdictPhrase(verdict, verdictCounts(findings, rollup.notes.length))}`,
    ].join('\n') + '\n',
  );
  return VERDICT_EXIT_CODES[worstVerdict(units.map((u) => u.verdict))];
}
