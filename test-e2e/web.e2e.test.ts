import ExcelJS from 'exceljs';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, dirname, join } from 'path';
import { pathToFileURL } from 'url';
import { parse } from 'parse5';
import { Browser, Page } from 'playwright-core';
import { closeServer, launch, SCREENSHOTS, servePreview, shot } from './browser';
import { agreementFolder, mixedFolder, pdfFiles } from './webFiles';
import { run } from '../test/helpers/cli';
import { convertAll } from '../test/helpers/libreoffice';
import { readReports } from '../src/read/files';
import { checkReads } from '../src/read/checkReads';
import { dataCells } from '../src/report/standard/formats';

// The no-install checker page (dist-web/年报校验.html, npm run build:web), opened from disk in
// Debian's Chromium: what it checks must be what the command checks, word for word.

jest.setTimeout(300_000);

const PAGE_FILE = join(__dirname, '..', 'dist-web', '年报校验.html');
const root = mkdtempSync(join(tmpdir(), 'xxgk-web-'));
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launch();
});
afterAll(async () => browser?.close());

/** The page opened from disk, its core started (in workers, unless the browser refuses them). */
async function openChecker(options: { width?: number; height?: number; hash?: string; noWorkers?: boolean } = {}): Promise<{
  page: Page;
  errors: string[];
  requests: string[];
}> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1400, height: options.height ?? 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  context.on('request', (r) => requests.push(r.url()));
  if (options.noWorkers) await page.addInitScript(() => delete (window as unknown as { Worker?: unknown }).Worker);
  await page.goto(pathToFileURL(PAGE_FILE).href + (options.hash ?? ''));
  await page.locator('body[data-core]').waitFor({ state: 'attached', timeout: 60_000 });
  return { page, errors, requests };
}

/** Chooses files or a folder and waits until the page has checked them. */
async function choose(page: Page, input: '#files' | '#folder', paths: string | string[]): Promise<void> {
  const runs = Number((await page.evaluate(() => document.body.dataset.runs)) ?? 0);
  await page.setInputFiles(input, paths);
  await page.waitForFunction((n) => Number(document.body.dataset.runs ?? 0) > n, runs, { timeout: 240_000 });
}

interface PageRow {
  file: string;
  verdict: string;
  label: string;
  /** The command's text of the report as the page shows it; for an unreadable file, the reason. */
  text: string;
}

async function rowsOf(page: Page): Promise<PageRow[]> {
  return page.$$eval('#results tbody tr', (trs) =>
    trs.map((tr) => ({
      file: (tr as HTMLElement).dataset.file ?? '',
      verdict: (tr as HTMLElement).dataset.verdict ?? '',
      label: tr.querySelector('.badge')?.textContent ?? '',
      text: (tr.querySelector('td.detail pre') ?? tr.querySelector('td.detail'))?.textContent ?? '',
    })),
  );
}

/** The command's text output over a folder, as blocks by report, its paths relative to the folder's parent (as the page names them). */
async function commandBlocks(dir: string): Promise<{ blocks: Map<string, string>; json: CommandJson }> {
  const parent = `${dirname(dir)}/`;
  const text = (await run(['check', dir])).out.split(parent).join('');
  const json = JSON.parse((await run(['check', '--json', dir])).out.split(parent).join('')) as CommandJson;
  const blocks = new Map<string, string>();
  const parts = text.split('\n\n').filter((b) => b.trim() && !b.startsWith('共 '));
  for (const f of json.files) {
    const block = parts.find((b) => b.startsWith(`${f.file}：`));
    if (block) blocks.set(f.file, block.trimEnd());
  }
  return { blocks, json };
}

interface CommandJson {
  skipped: { path: string; reason: string }[];
  files: { file: string; verdict: string; reason?: string; findings: { message: string; severity: string }[]; notes: string[] }[];
}

/** Requires the page's rows to be the command's reports: the same files, verdicts and words. */
function expectAgreement(
  rows: PageRow[],
  command: { blocks: Map<string, string>; json: CommandJson },
  leaveOut: (file: string) => boolean = () => false,
) {
  const files = command.json.files.filter((f) => !leaveOut(f.file));
  expect(rows.map((r) => r.file).sort()).toEqual(files.map((f) => f.file).sort());
  for (const f of files) {
    const row = rows.find((r) => r.file === f.file)!;
    expect([f.file, row.verdict]).toEqual([f.file, f.verdict]);
    if (f.verdict === 'unreadable') expect([f.file, row.text]).toEqual([f.file, f.reason]);
    else expect([f.file, row.text]).toEqual([f.file, command.blocks.get(f.file)]);
  }
}

async function downloadOf(page: Page, click: () => Promise<void>, dir: string): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = join(dir, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

describe('年报校验.html, the single file', () => {
  it('is one file that loads nothing: no source, link, style or policy names any other place, and scripts run only by hash', () => {
    expect(existsSync(PAGE_FILE)).toBe(true);
    const html = readFileSync(PAGE_FILE, 'utf8');
    const loaded: string[] = [];
    const inlineScripts: { id?: string; type?: string; text: string }[] = [];
    const styles: string[] = [];
    let csp = '';
    const walk = (node: any) => {
      for (const a of node.attrs ?? []) {
        // Every attribute through which a page loads or sends something.
        if (
          /^(src|href|srcset|action|formaction|poster|data|background|manifest|ping|xlink:href|icon|longdesc|cite|codebase|archive)$/i.test(
            a.name,
          )
        )
          loaded.push(`${node.tagName} ${a.name}=${a.value}`);
        if (a.name === 'http-equiv' && /refresh|link/i.test(a.value)) loaded.push(`meta ${a.value}`);
        if (a.name === 'style' && /url\(|@import/i.test(a.value)) loaded.push(`style attribute ${a.value}`);
      }
      if (node.tagName === 'meta' && node.attrs.some((a: any) => a.name === 'http-equiv' && a.value === 'Content-Security-Policy'))
        csp = node.attrs.find((a: any) => a.name === 'content').value;
      if (node.tagName === 'script')
        inlineScripts.push({
          id: node.attrs.find((a: any) => a.name === 'id')?.value,
          type: node.attrs.find((a: any) => a.name === 'type')?.value,
          text: node.childNodes.map((c: any) => c.value ?? '').join(''),
        });
      if (node.tagName === 'style') styles.push(node.childNodes.map((c: any) => c.value ?? '').join(''));
      if (['link', 'iframe', 'frame', 'embed', 'object', 'img', 'audio', 'video', 'source', 'base', 'form'].includes(node.tagName))
        loaded.push(`<${node.tagName}>`);
      for (const c of node.childNodes ?? []) walk(c);
      if (node.content) walk(node.content);
    };
    walk(parse(html));
    expect(loaded).toEqual([]);
    expect(styles.join('')).not.toMatch(/url\(|@import|@font-face/i);
    // The core and the PDF script are text until the page runs them (in its workers, or itself by hash).
    expect(inlineScripts.map(({ id, type }) => ({ id, type }))).toEqual([
      { id: 'xxgk-core', type: 'text/plain' },
      { id: undefined, type: undefined },
      { id: 'xxgk-pdf', type: 'text/plain' },
    ]);
    const directives = Object.fromEntries(
      csp.split(';').map((d) => {
        const [name, ...values] = d.trim().split(/\s+/);
        return [name, values];
      }),
    );
    expect(directives['default-src']).toEqual(["'none'"]);
    expect(directives['connect-src']).toEqual(["'none'"]);
    expect(directives['worker-src']).toEqual(['blob:']);
    expect(directives['script-src'].every((s: string) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(s))).toBe(true);
    expect(directives['script-src']).toHaveLength(3);
    expect(csp).not.toMatch(/https?:|\*|'unsafe-eval'|data:[^;]*script/);
    // The page's and the core's own texts: no network call at all (an address in a string, such as an XML namespace, is a name,
    // not a request). pdf.js has its own loaders (fetch, XMLHttpRequest), which the page never asks for and its policy refuses:
    // that nothing is requested while PDFs are read is the agreement test's.
    const own = inlineScripts.filter((x) => x.id !== 'xxgk-pdf').map((x) => x.text);
    expect(own.join('').length).toBeGreaterThan(100_000);
    for (const text of own) expect(text).not.toMatch(/\bfetch\(|XMLHttpRequest|new WebSocket|EventSource|sendBeacon|importScripts\(/);
    expect(inlineScripts.find((x) => x.id === 'xxgk-pdf')!.text).toMatch(/getDocument/);
  });

  it('checks a folder of 20 mixed files from file:// with the command’s verdicts and words; one hostile file is unreadable with the command’s reason; rolls up, hands out templates and exports every finding', async () => {
    const dir = join(root, '各单位年报');
    const { reports } = await mixedFolder(dir);
    const { page, errors, requests } = await openChecker();
    await expect(page.getByText('文件只在本机浏览器中读取，不会上传').isVisible()).resolves.toBe(true);
    await expect(page.evaluate(() => document.body.dataset.core)).resolves.toBe('workers');
    await choose(page, '#folder', dir);
    const rows = await rowsOf(page);
    const command = await commandBlocks(dir);
    expect(rows).toHaveLength(18);
    expectAgreement(rows, command);
    // Worst first.
    const order = ['unreadable', 'errors', 'incomplete', 'passed'];
    expect(rows.map((r) => order.indexOf(r.verdict))).toEqual([...rows.map((r) => order.indexOf(r.verdict))].sort((a, b) => a - b));
    const bomb = rows.find((r) => r.file.endsWith('压缩炸弹.xlsx'))!;
    expect(bomb.label).toBe('无法读取');
    expect(bomb.text).toMatch(/解压后共 1\d\d MB，超过 100 MB 的上限/);
    expect(
      rows
        .filter((r) => r.verdict === 'errors')
        .map((r) => basename(r.file))
        .sort(),
    ).toEqual(['单位5.xlsx', '单位8.json']);
    // The kinds it does not read are listed with the command's hints.
    const skipped = await page.locator('#skipped li').allTextContents();
    expect(skipped.sort()).toEqual(command.json.skipped.map((s) => `已跳过 ${s.path}：${s.reason}`).sort());
    expect(skipped).toHaveLength(2);
    // The results in view, at the two sizes of an office screen.
    await page.locator('#results-section').evaluate((el) => el.scrollIntoView());
    await shot(page, 'web-results-1400');
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.locator('#results-section').evaluate((el) => el.scrollIntoView());
    await shot(page, 'web-results-1024');
    const width = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(width).toBe(0);

    // 汇总: the units ticked by default (all but the incomplete one and the unreadable one), the command's workbook.
    // The incomplete one is ticked only with 计入部分未校验的单位, as `sum --include-incomplete` counts it.
    const incomplete = page.locator('tr[data-file*="单位9."] input[type=checkbox]');
    await expect(incomplete.isChecked()).resolves.toBe(false);
    await page.locator('#include-incomplete').check();
    await expect(incomplete.isChecked()).resolves.toBe(true);
    await page.locator('#include-incomplete').uncheck();
    await expect(incomplete.isChecked()).resolves.toBe(false);
    const out = join(root, 'downloads');
    mkdirSync(out, { recursive: true });
    const rollupFile = await downloadOf(page, () => page.getByRole('button', { name: '下载汇总表（.xlsx）' }).click(), out);
    const message = await page.locator('#rollup-message').textContent();
    expect(message).toContain('已汇总 16 个单位（2021版）');
    expect(message).toContain('其中有错误的单位（已计入，请核对）：单位5、单位8');
    expect(message).toContain('未计入汇总的单位：');
    const sumJson = join(root, 'sum.json');
    const sum = await run(['sum', dir, '--out', sumJson]);
    expect(sum.out).toContain('已汇总 16 个单位（2021版）');
    const commandSum = JSON.parse(readFileSync(sumJson, 'utf8'));
    // The downloaded roll-up, read back: every cell the sum of the units summed, as the command's.
    const [read] = checkReads(rollupFile, await readReports(rollupFile));
    const summed = Object.entries(reports).map(([, r]) => r);
    for (const d of dataCells('2021').filter((x) => x.kind !== 'amount')) {
      const expected = summed.reduce((a, r) => a + Number(r.cells[d.id] ?? 0), 0);
      expect([d.id, read.report!.cells[d.id]]).toEqual([d.id, expected]);
      expect([d.id, commandSum.cells[d.id]]).toEqual([d.id, expected]);
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(rollupFile);
    const units = wb.getWorksheet('各单位明细')!;
    const lines: string[] = [];
    // Row 1 is the title, row 2 the header.
    expect(units.getCell('A1').value).toMatch(/^汇总（\d+ 个单位，2021版） 各单位明细$/);
    units.eachRow((row, n) => n > 2 && lines.push(`${row.getCell(1).value}\t${row.getCell(3).value}\t${row.getCell(row.cellCount).value}`));
    expect(lines).toHaveLength(18);
    expect(lines.find((l) => l.startsWith('压缩炸弹\t'))).toMatch(/^压缩炸弹\t无法读取\t未计入：无法读取：解压后共/);
    expect(lines.find((l) => l.startsWith('单位9\t'))).toBe('单位9\t部分未校验\t未计入：部分未校验（有内容未能读取）');
    expect(lines.find((l) => l.startsWith('单位5\t'))).toBe('单位5\t有错误\t计入');

    // Templates: what `xxgk-report template` writes, judged by LibreOffice.
    const templateFile = await downloadOf(page, () => page.getByRole('button', { name: '2021版 .xlsx' }).click(), out);
    const commandTemplate = join(root, 'command-template.xlsx');
    expect((await run(['template', '--out', commandTemplate])).code).toBe(0);
    const htmlTemplate = await downloadOf(page, () => page.getByRole('button', { name: '2019版 .html' }).click(), out);
    const commandHtml = join(root, 'command-template-2019.html');
    expect((await run(['template', '--format', '2019', '--out', commandHtml])).code).toBe(0);
    expect(readFileSync(htmlTemplate, 'utf8')).toBe(readFileSync(commandHtml, 'utf8'));
    await expectSameWorkbook(templateFile, commandTemplate);
    // LibreOffice opens both and reads the same tables out of them.
    const csvOf = (f: string, d: string) =>
      readFileSync(
        convertAll([copyAs(f, join(root, d), 'template.xlsx')], 'csv:Text - txt - csv (StarCalc):44,34,76', join(root, `${d}-csv`))[0],
        'utf8',
      );
    const pageCsv = csvOf(templateFile, 'lo-page');
    expect(pageCsv).toContain('二、主动公开政府信息情况');
    expect(pageCsv).toBe(csvOf(commandTemplate, 'lo-command'));

    // Export: every finding, note and reason of the command's JSON is in both exports.
    const csvFile = await downloadOf(page, () => page.getByRole('button', { name: '导出结果（.csv）' }).click(), out);
    const xlsxFile = await downloadOf(page, () => page.getByRole('button', { name: '导出结果（.xlsx）' }).click(), out);
    const csv = readFileSync(csvFile, 'utf8');
    const exported = new ExcelJS.Workbook();
    await exported.xlsx.readFile(xlsxFile);
    const xlsxText: string[] = [];
    exported.worksheets[0].eachRow((row) => xlsxText.push((row.values as unknown[]).slice(1).join('\t')));
    const all = xlsxText.join('\n');
    let said = 0;
    for (const f of command.json.files) {
      for (const finding of f.findings) {
        said++;
        expect(all).toContain(finding.message);
        expect(csv).toContain(finding.message.includes('"') ? finding.message.replace(/"/g, '""') : finding.message);
      }
      for (const n of f.notes) expect(all).toContain(n);
      if (f.reason) expect(all).toContain(f.reason);
    }
    expect(said).toBeGreaterThan(0);
    expect(xlsxText.length).toBeGreaterThan(said);
    expect(errors).toEqual([]);
    // Nothing but the page itself and its own workers' Blob URLs.
    expect(requests.filter((u) => !u.startsWith('blob:') && u !== pathToFileURL(PAGE_FILE).href)).toEqual([]);
    await page.context().close();
  });

  it('agrees with the command, report by report and word by word, over the suite’s workbooks, documents, texts and PDFs, hostile ones included, and requests nothing', async () => {
    const dir = join(root, 'agreement');
    await agreementFolder(dir, join(__dirname, '..', 'test', 'fixtures'));
    const { page, errors, requests } = await openChecker();
    await choose(page, '#folder', dir);
    const rows = await rowsOf(page);
    const command = await commandBlocks(dir);
    expect(command.json.files.length).toBeGreaterThan(45);
    expectAgreement(rows, command);
    for (const v of ['passed', 'errors', 'incomplete', 'unreadable']) expect([v, rows.some((r) => r.verdict === v)]).toEqual([v, true]);
    // The PDFs: read as the command reads them, whatever they are; Chinese in a font that is not embedded with the CMaps the page holds.
    const pdfs = Object.fromEntries(rows.filter((r) => r.file.endsWith('.pdf')).map((r) => [basename(r.file), r.verdict]));
    expect(pdfs).toEqual({
      'pdf-good.pdf': 'passed',
      'pdf-errors.pdf': 'errors',
      'pdf-chinese-font.pdf': 'passed',
      'pdf-password.pdf': 'unreadable',
      'pdf-cut-short.pdf': 'unreadable',
      'pdf-303-pages.pdf': 'unreadable',
      'scan.pdf': 'unreadable',
      'scan-no-text.pdf': 'unreadable',
      'not-a-pdf.pdf': 'unreadable',
    });
    expect(rows.find((r) => r.file.endsWith('scan-no-text.pdf'))!.text).toContain('这是扫描件（PDF 中没有文字层）');
    expect(rows.find((r) => r.file.endsWith('pdf-password.pdf'))!.text).toContain('PDF 设置了打开密码');
    expect((await page.locator('#skipped li').allTextContents()).filter((t) => /\.pdf/i.test(t))).toEqual([]);
    // Nothing but the page itself and its own workers' Blob URLs, pdf.js at work included.
    expect(requests.filter((u) => !u.startsWith('blob:') && u !== pathToFileURL(PAGE_FILE).href)).toEqual([]);
    expect(requests.filter((u) => u.startsWith('blob:')).length).toBeGreaterThan(0);
    await page.locator('#results-section').evaluate((el) => el.scrollIntoView());
    await shot(page, 'web-pdf-1400');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('pastes text, takes last year’s report as --last-year does, and stops a file that runs past its time while the others go on', async () => {
    const dir = join(root, 'last-year');
    mkdirSync(dir, { recursive: true });
    const { unitReport } = await import('./webFiles');
    const last = unitReport(40);
    const lastFile = join(dir, '上年.json');
    writeFileSync(lastFile, JSON.stringify(last));
    const now = unitReport(41);
    const nowFile = join(dir, '本年.json');
    writeFileSync(nowFile, JSON.stringify(now));
    const { writeBigPage } = await import('../bench/hostile');
    const big = join(dir, '很大的网页.html');
    await writeBigPage(big, 12 * 1024 * 1024);
    const { page, errors } = await openChecker({ hash: '#time-limit=1000' });
    await page.setInputFiles('#last-year-file', lastFile);
    await page.getByText('上年报告：上年.json（2021版）').waitFor();
    await choose(page, '#files', [nowFile, big]);
    const rows = await rowsOf(page);
    const expected = JSON.parse((await run(['check', '--json', '--last-year', lastFile, nowFile])).out).files[0];
    const row = rows.find((r) => r.file === '本年.json')!;
    expect(row.verdict).toBe(expected.verdict);
    expect(expected.findings.some((f: { rule: string }) => f.rule.startsWith('XY-'))).toBe(true);
    const said = (await run(['check', '--last-year', lastFile, nowFile])).out.split(`${dir}/`).join('');
    expect(row.text).toBe(said.trimEnd());
    expect(rows.find((r) => r.file === '很大的网页.html')).toMatchObject({
      verdict: 'unreadable',
      text: '超时：读取和校验此文件超过 1 秒，已停止',
    });
    // Pasted text: checked as the command checks a .txt of it.
    const text = readFileSync(join(__dirname, '..', 'test', 'fixtures', 'street-office-2019-format.txt'), 'utf8');
    await page.locator('#paste').fill(text);
    const runs = Number(await page.evaluate(() => document.body.dataset.runs));
    await page.getByRole('button', { name: '校验粘贴的文本' }).click();
    await page.waitForFunction((n) => Number(document.body.dataset.runs) > n, runs);
    const pasted = (await rowsOf(page)).find((r) => r.file === '粘贴的文本.txt')!;
    const txt = join(dir, '粘贴的文本.txt');
    writeFileSync(txt, text);
    const saidOfText = (await run(['check', '--last-year', lastFile, txt])).out.split(`${dir}/`).join('');
    expect(pasted.text).toBe(saidOfText.trimEnd());
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('checks files dropped on it, and Cancel stops a run: what was checked stays, the rest is said to be unchecked', async () => {
    const { unitReport } = await import('./webFiles');
    const { page, errors } = await openChecker();
    const json = JSON.stringify(unitReport(3));
    const dropped = await page.evaluate(async (text) => {
      const drop = (names: string[]) => {
        const data = new DataTransfer();
        for (const n of names) data.items.add(new File([n.endsWith('bad.json') ? '{' : text], n, { type: 'application/json' }));
        document.getElementById('drop')!.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      };
      const rows = () => document.querySelectorAll('#results tbody tr').length;
      const runs = () => Number(document.body.dataset.runs ?? 0);
      const until = async (ok: () => boolean) => {
        while (!ok()) await new Promise((r) => setTimeout(r, 5));
      };
      drop(['甲.json', 'bad.json']);
      await until(() => runs() === 1);
      const first = rows();
      drop(Array.from({ length: 300 }, (_, i) => `单位${i}.json`));
      await until(() => rows() > first);
      (document.getElementById('cancel') as HTMLButtonElement).click();
      await until(() => runs() === 2);
      return { first, rows: rows(), said: document.getElementById('progress-text')!.textContent };
    }, json);
    expect(dropped.first).toBe(2);
    expect(dropped.rows).toBeGreaterThan(2);
    expect(dropped.rows).toBeLessThan(302);
    expect(dropped.said).toBe(`已取消：${302 - dropped.rows} 个文件没有校验`);
    const rows = await rowsOf(page);
    expect(rows.find((r) => r.file === 'bad.json')).toMatchObject({
      verdict: 'unreadable',
      text: '不是有效的 JSON（内容不完整，在文件末尾中断），请检查文件内容（例如是否缺少括号、引号或逗号）',
    });
    expect(rows.find((r) => r.file === '甲.json')).toMatchObject({ verdict: 'passed' });
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('is served by the preview as /check.html, and works there as from disk', async () => {
    const { url, server } = await servePreview();
    try {
      const page = await browser.newPage();
      await page.goto(`${url}check.html`);
      await page.locator('body[data-core="workers"]').waitFor({ state: 'attached', timeout: 60_000 });
      await choose(page, '#files', join(__dirname, '..', 'test', 'fixtures', 'report-2019.json'));
      await expect(rowsOf(page)).resolves.toMatchObject([{ file: 'report-2019.json', verdict: 'passed' }]);
      await page.close();
    } finally {
      await closeServer(server);
    }
  });

  it('still checks, in the page itself, when the browser refuses workers, and says what it gave up', async () => {
    const dir = join(root, 'no-workers');
    await mixedFolder(dir);
    // PDFs too: pdf.js runs in the page (its script allowed by hash).
    await pdfFiles(dir);
    const { page, errors } = await openChecker({ noWorkers: true });
    await expect(page.evaluate(() => document.body.dataset.core)).resolves.toBe('page');
    await expect(page.locator('#degraded').textContent()).resolves.toContain('无法限制每个文件的读取时间');
    await choose(page, '#folder', dir);
    const rows = await rowsOf(page);
    expectAgreement(rows, await commandBlocks(dir));
    expect(rows.find((r) => r.file.endsWith('pdf-good.pdf'))!.verdict).toBe('passed');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['in workers', false],
    ['in the page', true],
  ])('says in Chinese why PDFs are not read when pdf.js cannot run (%s), and checks the other files', async (_where, noWorkers) => {
    const dir = join(root, `pdf-refused-${noWorkers ? 'page' : 'workers'}`);
    mkdirSync(dir, { recursive: true });
    const { unitReport } = await import('./webFiles');
    writeFileSync(join(dir, '单位.json'), JSON.stringify(unitReport(60)));
    const { pdfWithPages } = await import('../test/helpers/pdf');
    writeFileSync(join(dir, '年报.pdf'), pdfWithPages(['']));
    writeFileSync(join(dir, '年报2.pdf'), pdfWithPages(['']));
    const { page } = await openChecker({ noWorkers });
    // A browser that cannot run pdf.js: its script throws (in the page, it no longer has the hash the policy allows).
    await page.evaluate(() => (document.getElementById('xxgk-pdf')!.textContent = 'throw new Error("no pdf.js here")'));
    await choose(page, '#folder', dir);
    const rows = await rowsOf(page);
    const reason =
      '此浏览器无法运行网页版的 PDF 读取组件，未能读取 PDF；请用命令行工具 xxgk-report 校验，或使用年报的 Word（.docx）或网页（.html）版本';
    expect(rows.map((r) => [basename(r.file), r.verdict, r.text]).sort()).toEqual([
      ['单位.json', 'passed', expect.stringContaining('通过')],
      ['年报.pdf', 'unreadable', reason],
      ['年报2.pdf', 'unreadable', reason],
    ]);
    await page.context().close();
  });
});

function copyAs(file: string, dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const to = join(dir, name);
  writeFileSync(to, readFileSync(file));
  return to;
}

/** Two workbooks with the same sheets, cells, merges, validations, conditional formats, names and page setup. */
async function expectSameWorkbook(a: string, b: string): Promise<void> {
  const shape = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.worksheets
      .map((ws) => {
        const cells: string[] = [];
        ws.eachRow({ includeEmpty: false }, (row) =>
          row.eachCell({ includeEmpty: true }, (c) =>
            cells.push(`${c.address}=${JSON.stringify(c.value)}|${JSON.stringify(c.style)}|${JSON.stringify(c.dataValidation)}`),
          ),
        );
        const model = ws.model as unknown as { merges: string[]; conditionalFormattings: unknown };
        return {
          name: ws.name,
          cells,
          merges: model.merges,
          cf: JSON.stringify(model.conditionalFormattings),
          page: JSON.stringify(ws.pageSetup),
        };
      })
      .concat([{ name: 'names', cells: [JSON.stringify(wb.definedNames.model)], merges: [], cf: '', page: '' }]);
  };
  expect(await shape(a)).toEqual(await shape(b));
}
