import { promises as fs } from 'fs';
import * as path from 'path';
import { DEFAULT_VERSION, FormatVersion, isFormatVersion } from '../report/standard/formats';
import { describeError } from './checkFile';
import { childPeakRssMb, readLastYearIsolated } from './isolate';
import { writeFileAtomic } from './atomicWrite';
import { templateHtml } from './html';
import { checkInputs, Io } from './checkInputs';
import { expandInputs } from '../read/files';
import { FileResult, renderJson, renderText, unreadableResult } from './render';
import { VERDICT_EXIT_CODES, VERDICT_LABELS, VERDICTS, worstVerdict } from '../report/standard/verdict';
import { templateTsv } from './template';

// The writers of workbooks load ExcelJS (a third of a second): only `sum` and `template` need them,
// so that `check` starts without.
const templateXlsx = () => require('./templateXlsx') as typeof import('./templateXlsx');

export const USAGE = `用法：
  xxgk-report check <文件或文件夹>... [--json] [--last-year <上年报告>]
      校验年报统计表格：Excel 工作簿（.xlsx）、粘贴保存的文本（.txt/.tsv）、.json 交换格式，
      以及公开发布的年报：保存的网页（.html/.htm）、Word 文档（.docx）、有文字层的 PDF。
      每份报告的结论：通过（全部表格已读取并校验，没有错误）、有错误、部分未校验（没有发现错误，
      但有表格、行或单元格未能读取或校验，会逐条列出）、无法读取。
      退出码：0 通过，1 有错误，2 有文件无法读取或不是年报，3 部分未校验（多个文件时取最严重的：2、1、3、0）。
  xxgk-report template [--format 2021|2019] --out <文件.xlsx|.html|.tsv> [--totals-as-formulas] [--force]
      输出三张官方表格的空白模板（输出文件已存在时不覆盖，除非加上 --force）：
        .xlsx  带数据有效性和自动标色的 Excel 工作簿，在 Excel、WPS、LibreOffice 中无需加载项即可自查；
               --totals-as-formulas 让总计单元格用公式自动计算
        .html  网页表格，可粘贴到 Word 或网页
        .tsv   制表符分隔文本，可直接粘贴到 Excel
  xxgk-report sum <文件或文件夹>... --out <汇总.xlsx|.json|.tsv> [--format 2021|2019] [--include-incomplete] [--force]
      汇总各单位的年报（逐个单元格相加）：先逐个校验并列出各单位的结论和主要数字；
      有错误的单位计入汇总并列出名称；部分未校验或无法读取的单位不计入（加 --include-incomplete 时计入部分未校验的单位）；
      2019版和2021版不能相加。.xlsx 输出含填好合计数的官方表格（自动标色）和“各单位明细”工作表。
      退出码同 check（取各单位最严重的结论）；无法汇总或无法写入时为 2。
`;

export type { Io };

class UsageError extends Error {}

function takeOption(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (value === undefined || value.startsWith('--')) throw new UsageError(`${name} 后面需要一个值`);
  args.splice(i, 2);
  return value;
}

function takeFlag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i < 0) return false;
  args.splice(i, 1);
  return true;
}

function rejectUnknownOptions(args: string[]): void {
  const unknown = args.find((a) => a.startsWith('--'));
  if (unknown) throw new UsageError(`未知选项 ${unknown}`);
}

async function check(args: string[], io: Io): Promise<number> {
  const json = takeFlag(args, '--json');
  const lastYearFile = takeOption(args, '--last-year');
  rejectUnknownOptions(args);
  if (args.length === 0) throw new UsageError('请指定要校验的文件或文件夹');
  let lastYear;
  if (lastYearFile) {
    try {
      lastYear = await readLastYearIsolated(lastYearFile);
    } catch (e) {
      io.err(`无法读取上年报告 ${lastYearFile}：${describe(e)}\n`);
      return 2;
    }
  }
  const results: FileResult[] = [];
  // The text report lists an unreadable file with its reason: said once, there (JSON: on standard error too, for a person).
  const inputs = await expandInputs(args);
  const { skipped } = inputs;
  const fileCount = inputs.files.length;
  await checkInputs(inputs, io, { lastYear, progress: !json, tellUnreadable: json }, (outcome) => {
    results.push(...outcome.results);
    if (outcome.unreadable !== undefined) results.push(unreadableResult(outcome.file, outcome.unreadable));
  });
  if (fileCount === 0) {
    io.err('没有找到可以校验的文件\n');
    return 2;
  }
  io.out(json ? renderJson(results, skipped) : renderText(results) + closingCount(results, fileCount));
  if (results.length === 0) {
    io.err('没有找到可以校验的年报\n');
    return VERDICT_EXIT_CODES.unreadable;
  }
  return VERDICT_EXIT_CODES[worstVerdict(results.map((r) => r.verdict))];
}

const describe = describeError;

/** The last line when several reports were checked: how many of each verdict (共 N 个文件：通过 a，有错误 b，…). */
function closingCount(results: FileResult[], files: number): string {
  if (results.length < 2) return '';
  const what = files === results.length ? `共 ${files} 个文件` : `共 ${results.length} 份报告（${files} 个文件）`;
  const counts = VERDICTS.map((v) => `${VERDICT_LABELS[v]} ${results.filter((r) => r.verdict === v).length}`).join('，');
  return `${what}：${counts}\n`;
}

async function template(args: string[], io: Io): Promise<number> {
  const version = takeOption(args, '--format') ?? DEFAULT_VERSION;
  const out = takeOption(args, '--out');
  const totalsAsFormulas = takeFlag(args, '--totals-as-formulas');
  const force = takeFlag(args, '--force');
  rejectUnknownOptions(args);
  if (args.length) throw new UsageError(`多余的参数 ${args.join(' ')}`);
  if (!isFormatVersion(version)) throw new UsageError(`--format 应为 2021 或 2019，而不是 ${version}`);
  if (!out) throw new UsageError('请用 --out 指定输出文件');
  const ext = path.extname(out).toLowerCase();
  const writers: Record<string, (file: string) => Promise<void>> = {
    '.xlsx': (file) => templateXlsx().writeTemplateXlsx(file, version, { totalsAsFormulas }),
    '.html': (file) => fs.writeFile(file, templateHtml(version), 'utf8'),
    '.htm': (file) => fs.writeFile(file, templateHtml(version), 'utf8'),
    '.tsv': (file) => fs.writeFile(file, templateTsv(version), 'utf8'),
    '.txt': (file) => fs.writeFile(file, templateTsv(version), 'utf8'),
  };
  const write = writers[ext];
  if (!write) throw new UsageError(`不支持输出 ${ext || '无扩展名'} 文件（支持 ${Object.keys(writers).join('、')}）`);
  if (totalsAsFormulas && ext !== '.xlsx') throw new UsageError('--totals-as-formulas 只适用于 .xlsx 模板');
  // A temporary file in the same folder, renamed over the target: never half a file, never an
  // existing file overwritten without --force.
  const failed = await writeFileAtomic(out, write, { force });
  if (failed) {
    io.err(`无法写入 ${out}：${failed}\n`);
    return 2;
  }
  io.err(`已写入 ${out}（${version}版${totalsAsFormulas ? '，总计用公式计算' : ''}）\n`);
  return 0;
}

async function sum(args: string[], io: Io): Promise<number> {
  const out = takeOption(args, '--out');
  const format = takeOption(args, '--format');
  const includeIncomplete = takeFlag(args, '--include-incomplete');
  const force = takeFlag(args, '--force');
  rejectUnknownOptions(args);
  if (args.length === 0) throw new UsageError('请指定要汇总的文件或文件夹');
  if (!out) throw new UsageError('请用 --out 指定汇总结果文件（.xlsx、.json 或 .tsv）');
  if (format !== undefined && !isFormatVersion(format)) throw new UsageError(`--format 应为 2021 或 2019，而不是 ${format}`);
  return (require('./sum') as typeof import('./sum')).runSum(
    args,
    { out, format: format as FormatVersion | undefined, includeIncomplete, force },
    io,
  );
}

export async function main(argv: string[], io: Io): Promise<number> {
  const args = [...argv];
  const command = args.shift();
  try {
    if (command === 'check') return await check(args, io);
    if (command === 'template') return await template(args, io);
    if (command === 'sum') return await sum(args, io);
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 2 : 0;
    }
    throw new UsageError(`未知命令 ${command}`);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${e.message}\n\n${USAGE}`);
      return 2;
    }
    io.err(`出错：${describe(e)}\n`);
    return 2;
  } finally {
    // For the benchmark: the children's peak memory, which the command's own rusage does not hold.
    if (process.env.XXGK_REPORT_CHILD_PEAK) io.err(`childMaxRSS(MiB): ${Math.round(childPeakRssMb())}\n`);
  }
}
