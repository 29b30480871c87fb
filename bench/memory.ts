import { spawnSync } from 'child_process';
import { existsSync, promises as fs } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { writeBigPage, writeBigText, writeColspanPage, writeFarCellWorkbook, writeHugeTextDocx, writeZipBomb } from './hostile';

// Peak memory of one check of a hostile input: the real command (`node bin/xxgk-report.js check
// <file>`) in a child process, its maximum resident set size read from /usr/bin/time -v, or where
// that is missing from a wrapper that runs the command and prints process.resourceUsage().maxRSS.
// The inputs are made here: a workbook with text at ZZ100000 and one value at XFD1048576, a zip
// bomb (a few MB inflating to 2 GB), a 100 MB text file, a .docx of one 95 MB text node, a page whose
// colspans would lay out a huge grid, a 19 MB page of text.

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'xxgk-report.js');

export interface PeakMemory {
  file: string;
  maxRssMiB: number;
  exitCode: number | null;
  seconds: number;
  /** The command's message about the file (its first line on stderr). */
  said: string;
}

function peakRss(file: string): PeakMemory {
  const started = Date.now();
  const useTime = existsSync('/usr/bin/time');
  const wrapper = `process.on('exit', () => process.stderr.write('\\nmaxRSS(kbytes): ' + process.resourceUsage().maxRSS + '\\n'));
    process.argv = [process.argv[0], ${JSON.stringify(BIN)}, 'check', ${JSON.stringify(file)}];
    require(${JSON.stringify(BIN)});`;
  // Each file is read in a child process of the command: it reports its own peak, the command its own.
  const env = { ...process.env, XXGK_REPORT_CHILD_PEAK: '1' };
  const r = useTime
    ? spawnSync('/usr/bin/time', ['-v', process.execPath, BIN, 'check', file], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env })
    : spawnSync(process.execPath, ['-e', wrapper], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, env });
  const child = /childMaxRSS\(MiB\): (\d+)/.exec(r.stderr);
  const m = useTime ? /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr) : /maxRSS\(kbytes\): (\d+)/.exec(r.stderr);
  const status = useTime ? /Exit status: (\d+)/.exec(r.stderr) : null;
  return {
    file,
    maxRssMiB: m ? Math.max(Math.round(Number(m[1]) / 1024), child ? Number(child[1]) : 0) : NaN,
    exitCode: status ? Number(status[1]) : r.status,
    seconds: (Date.now() - started) / 1000,
    said: (r.stderr.split('\n').find((l) => l.includes(file)) ?? r.stderr.split('\n')[0] ?? '').slice(0, 300),
  };
}

export async function benchMemory(): Promise<{ maxRssMiB: number; byInput: Record<string, PeakMemory> }> {
  const dir = await fs.mkdtemp(join(tmpdir(), 'xxgk-bench-hostile-'));
  try {
    const inputs: Record<string, string> = {
      farCells: join(dir, 'far-cells.xlsx'),
      zipBomb: join(dir, 'zip-bomb.xlsx'),
      bigText: join(dir, 'big.txt'),
      hugeTextDocx: join(dir, 'huge-text.docx'),
      colspanPage: join(dir, 'colspans.html'),
      bigPage: join(dir, 'big.html'),
    };
    await writeFarCellWorkbook(inputs.farCells);
    await writeZipBomb(inputs.zipBomb, 2 * 1024 * 1024 * 1024 - 1);
    await writeBigText(inputs.bigText, 100 * 1024 * 1024);
    await writeHugeTextDocx(inputs.hugeTextDocx, 95 * 1024 * 1024);
    await writeColspanPage(inputs.colspanPage);
    await writeBigPage(inputs.bigPage, 19 * 1024 * 1024);
    const byInput: Record<string, PeakMemory> = {};
    for (const [name, file] of Object.entries(inputs)) byInput[name] = peakRss(file);
    return { maxRssMiB: Math.max(...Object.values(byInput).map((p) => p.maxRssMiB)), byInput };
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  benchMemory().then((r) => console.log(JSON.stringify(r, null, 2)));
}
