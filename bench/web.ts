import { execSync } from 'child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { templateWorkbook } from '../src/cli/templateXlsx';
import { consistentReport, seededRandom } from '../src/report/standard/generate';
import { launch } from '../test-e2e/browser';

// The no-install checker page (npm run build:web) in Debian's Chromium, opened from disk:
//  - webPageKiB: the size of the single file dist-web/年报校验.html;
//  - webInteractiveMs: from navigation to the page's DOM being interactive; webCoreReadyMs: until its
//    workers have loaded the core and answered;
//  - webFilesPerSecond: 200 small files (half .xlsx, half .json) chosen at once, until every verdict is shown.

export interface WebBench {
  webPageKiB: number;
  webInteractiveMs: number;
  webCoreReadyMs: number;
  webFilesPerSecond: number;
}

const ROOT = join(__dirname, '..');

export async function benchWeb(files = 200): Promise<WebBench> {
  execSync('npx webpack --mode production --env web', { cwd: ROOT, stdio: 'ignore' });
  const pageFile = join(ROOT, 'dist-web', '年报校验.html');
  const webPageKiB = Math.round((readFileSync(pageFile).length / 1024) * 10) / 10;
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-bench-web-'));
  const paths: string[] = [];
  for (let i = 0; i < files; i++) {
    const report = consistentReport('2021', seededRandom(i));
    const file = join(dir, `单位${i}.${i % 2 ? 'json' : 'xlsx'}`);
    writeFileSync(
      file,
      i % 2 ? JSON.stringify(report) : Buffer.from((await templateWorkbook('2021', { report }).xlsx.writeBuffer()) as ArrayBuffer),
    );
    paths.push(file);
  }
  const browser = await launch();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const started = Date.now();
    await page.goto(pathToFileURL(pageFile).href);
    await page.locator('body[data-core="workers"]').waitFor({ state: 'attached', timeout: 60_000 });
    const webCoreReadyMs = Date.now() - started;
    const webInteractiveMs = await page.evaluate(
      () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).domInteractive,
    );
    const t = Date.now();
    await page.setInputFiles('#files', paths);
    await page.waitForFunction(() => Number(document.body.dataset.runs ?? 0) > 0, null, { timeout: 600_000 });
    const seconds = (Date.now() - t) / 1000;
    const shown = await page.locator('#results tbody tr').count();
    if (shown !== files) throw new Error(`the page showed ${shown} of ${files} files`);
    return { webPageKiB, webInteractiveMs: Math.round(webInteractiveMs), webCoreReadyMs, webFilesPerSecond: files / seconds };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
