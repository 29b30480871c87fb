import { execSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { gzipSync } from 'zlib';
import { insertTables } from '../src/excel/insert';
import { LiveChecker } from '../src/excel/live';
import { createMemoryHost } from '../src/excel/memory';
import { TABLE_IDS } from '../src/report/standard/formats';
import { consistentReport, seededRandom } from '../src/report/standard/generate';
import { validate } from '../src/report/standard/validate';
import { benchXlsx } from './xlsx';
import { benchHtml } from './html';
import { benchMemory } from './memory';
import { measureEditToFindings } from './latency';
import { benchWeb } from './web';
import { chromiumPath } from '../test-e2e/browser';

const ROOT = join(__dirname, '..');

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median time to validate one full report (2021, every cell filled, with cross-year rules off). */
function benchValidate(): number {
  const reports = Array.from({ length: 50 }, (_, i) => consistentReport('2021', seededRandom(i)));
  for (const r of reports) validate(r); // warm up
  const times: number[] = [];
  for (let i = 0; i < 2000; i++) {
    const r = reports[i % reports.length];
    const t = process.hrtime.bigint();
    validate(r);
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(times);
}

/** Round trips to Excel: inserting all three tables, and one live check after an edit. */
async function benchSyncs(): Promise<{ insertAllSyncs: number; liveCheckSyncs: number }> {
  const host = createMemoryHost();
  host.addSheet('Sheet1');
  const run = host.run.bind(host);
  host.resetStats();
  await insertTables(run, { version: '2021', tables: [...TABLE_IDS], target: 'newSheet', totalsAsFormulas: false });
  const insertAllSyncs = host.stats.syncs;
  // As in the pane: a full check first, then the live check after an edit.
  const live = new LiveChecker(run, { onResult: () => undefined });
  const check = await live.refresh();
  host.resetStats();
  await live.checkNow(check.sheets[0].sheetId);
  return { insertAllSyncs, liveCheckSyncs: host.stats.syncs };
}

/** The production task pane bundle, built for the measurement. */
function benchBundle(): { taskpaneKiB: number; taskpaneGzipKiB: number } {
  // A production build needs the deployment's address (webpack.config.js): any https one measures the same bundle.
  const env = { ...process.env, XXGK_PROD_URL: process.env.XXGK_PROD_URL || 'https://xxgk.example.gov.cn/bench/' };
  execSync('npx webpack --mode production', { cwd: ROOT, stdio: 'ignore', env });
  const file = join(ROOT, 'dist', 'taskpane.js');
  if (!existsSync(file)) throw new Error('dist/taskpane.js was not built');
  const js = readFileSync(file);
  const kib = (n: number) => Math.round((n / 1024) * 10) / 10;
  return { taskpaneKiB: kib(js.length), taskpaneGzipKiB: kib(gzipSync(js).length) };
}

export async function main(): Promise<void> {
  // The last figure needs Chromium: without it, say what to install before minutes of other work.
  chromiumPath();
  const figures: Record<string, number> = {};
  figures.validateMedianMs = Number(benchValidate().toFixed(4));
  console.log(`validate: median ${figures.validateMedianMs} ms per full report`);
  Object.assign(figures, await benchSyncs());
  console.log(`syncs: insert all three tables ${figures.insertAllSyncs}, one live check ${figures.liveCheckSyncs}`);
  Object.assign(figures, benchBundle());
  console.log(`taskpane.js: ${figures.taskpaneKiB} KiB minified, ${figures.taskpaneGzipKiB} KiB gzip`);
  const x = await benchXlsx();
  figures.xlsxCheckOverLoad = Number(x.xlsxCheckOverLoad.toFixed(2));
  figures.folderFilesPerSecond = Number(x.folderFilesPerSecond.toFixed(1));
  figures.sumOverCheck = Number(x.sumOverCheck.toFixed(2));
  console.log(
    `xlsx: check / ExcelJS load = ${figures.xlsxCheckOverLoad}; folder of 200 workbooks: ${figures.folderFilesPerSecond} files/s; sum of 200 units / check of them = ${figures.sumOverCheck}`,
  );
  figures.htmlFilesPerSecond = Number((await benchHtml()).htmlFilesPerSecond.toFixed(1));
  console.log(`html: folder of 200 saved web pages: ${figures.htmlFilesPerSecond} files/s`);
  const memory = await benchMemory();
  for (const [name, p] of Object.entries(memory.byInput)) {
    console.log(`peak memory, check of ${name}: ${p.maxRssMiB} MiB in ${p.seconds.toFixed(1)} s, exit ${p.exitCode}: ${p.said}`);
    figures[`maxRss${name[0].toUpperCase()}${name.slice(1)}MiB`] = p.maxRssMiB;
  }
  figures.maxRssMiB = memory.maxRssMiB;
  figures.editToFindingsMedianMs = Number((await measureEditToFindings()).toFixed(1));
  console.log(
    `preview in Chromium: cell edit → findings updated, median ${figures.editToFindingsMedianMs} ms (the live check's 30 ms wait included)`,
  );
  const web = await benchWeb();
  Object.assign(figures, web, { webFilesPerSecond: Number(web.webFilesPerSecond.toFixed(1)) });
  console.log(
    `web page (one file, ${figures.webPageKiB} KiB) from file:// in Chromium: interactive in ${figures.webInteractiveMs} ms, workers ready in ${figures.webCoreReadyMs} ms; 200 small .xlsx/.json chosen at once: ${figures.webFilesPerSecond} files/s`,
  );
  console.log(JSON.stringify(figures));
}
