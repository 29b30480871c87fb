import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { pathToFileURL } from 'url';
import { Browser } from 'playwright-core';
import { templateHtml } from '../src/cli/html';
import { checkFileIsolated, closeIsolation } from '../src/cli/isolate';
import { FORMAT_VERSIONS } from '../src/report/standard/formats';
import { consistentReport, seededRandom } from '../src/report/standard/generate';
import { launch } from './browser';

// The command's own web template, filled in and printed to PDF by Chromium, as a clerk prints the
// published page from a browser: the group labels of 表三 (（三）不予公开 …) wrap down their merged
// cells and centre on the lines of the group's middle rows (「（三）不予公」 beside 4.保护第三方合法权益,
// 「开」 beside 5.), the longest row label wraps over three lines around the group label's last
// character, 表四's header cells take two lines. Every value is read back as printed.

const dir = mkdtempSync(join(tmpdir(), 'xxgk-printed-'));
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
  await closeIsolation();
});

describe.each(FORMAT_VERSIONS)('the %s template printed from Chromium', (version) => {
  const report = consistentReport(version, seededRandom(5));

  it.each(['A4', 'Letter'] as const)('on %s paper is read cell for cell and passes', async (format) => {
    const html = join(dir, `template-${version}.html`);
    writeFileSync(html, templateHtml(version, report), 'utf8');
    const page = await browser.newPage();
    await page.goto(pathToFileURL(html).href);
    const pdf = join(dir, `template-${version}-${format}.pdf`);
    await page.pdf({ path: pdf, format });
    await page.close();

    const outcome = await checkFileIsolated(pdf);
    expect(outcome.unreadable).toBeUndefined();
    const [result] = outcome.results;
    expect(result.notes).toEqual([]);
    expect(result.findings).toEqual([]);
    expect(result.report?.cells).toEqual(report.cells);
    expect(result.verdict).toBe('passed');
  });
});
