import { promises as fs } from 'fs';
import * as path from 'path';
import { FormatVersion, isFormatVersion } from '../report/standard/formats';
import { Report } from '../report/standard/report';
import { KEY_FIGURES, keyFigure } from '../report/standard/rollup';
import { VERDICT_EXIT_CODES, worstVerdict } from '../report/standard/verdict';
import { verdictLabel } from '../report/standard/verdictText';
import { writeFileAtomic } from './atomicWrite';
import { checkInputs, Io } from './checkInputs';
import { addUp, choose, leftOutReason, rollupSummary, rollupWorkbook, setAsideDuplicates, SumUnit, unitsOf, versionOf } from './rollup';
import { templateTsv } from './template';
import { ExpandedInputs, expandInputs, realPathOf } from '../read/files';
import { rollupTsvLine } from '../read/rollupMark';

// xxgk-report sum: the roll-up (汇总) of many units' reports. Every input is checked first; the
// units with errors are summed but named; incomplete and unreadable ones are left out unless asked.

export interface SumOptions {
  out: string;
  format?: FormatVersion;
  includeIncomplete: boolean;
  force: boolean;
}

const OUTPUTS = ['.xlsx', '.json', '.tsv', '.txt'];

/** The units of the inputs, each checked. */
async function checkUnits(inputs: ExpandedInputs, io: Io): Promise<SumUnit[]> {
  const units: SumUnit[] = [];
  await checkInputs(inputs, io, { progress: true, tellUnreadable: true }, (outcome) => units.push(...unitsOf(outcome)));
  return units;
}

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

/** Writes `file` (a temporary path) in the kind of `ext`, the extension of the requested output. */
async function writeOutput(file: string, ext: string, version: FormatVersion, sum: Report, units: SumUnit[]): Promise<void> {
  if (ext === '.xlsx') {
    const buffer = await rollupWorkbook(version, sum, units).xlsx.writeBuffer();
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
  const rollup = addUp(version, units);
  const failed = await writeFileAtomic(options.out, (temporary) => writeOutput(temporary, ext, version, rollup.report, units), {
    force: options.force,
  });
  if (failed) {
    io.err(`无法写入 ${options.out}：${failed}\n`);
    return 2;
  }
  io.out(rollupSummary(rollup, units, `写入 ${options.out}`).join('\n') + '\n');
  return VERDICT_EXIT_CODES[worstVerdict(units.map((u) => u.verdict))];
}
export { unitKey } from './rollup';
export type { SumUnit } from './rollup';
