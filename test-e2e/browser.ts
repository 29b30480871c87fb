import { createServer, Server } from 'http';
import { existsSync, mkdirSync } from 'fs';
import { readFile } from 'fs/promises';
import { AddressInfo } from 'net';
import { extname, join, normalize } from 'path';
import { Browser, chromium, Page } from 'playwright-core';

const DIST = join(__dirname, '..', 'dist-preview');
const TYPES: Record<string, string> = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8' };

/** Serves the built preview on a free loopback port. */
export async function servePreview(): Promise<{ url: string; server: Server }> {
  const server = createServer(async (req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    try {
      const body = await readFile(join(DIST, path === '/' ? 'index.html' : path));
      res.writeHead(200, { 'content-type': TYPES[extname(path) || '.html'] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

const INSTALL_HINT = 'run scripts/system-deps.sh e2e (apt-get install chromium)';

/** Debian's Chromium: CHROMIUM_PATH, or /usr/bin/chromium. Throws, saying what to install, when it is missing. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`Chromium not found at ${path}: ${INSTALL_HINT}`);
  return path;
}

/** How long Chromium may take to start: CHROMIUM_LAUNCH_TIMEOUT_MS, 60 s by default. */
function launchTimeoutMs(): number {
  const ms = Number(process.env.CHROMIUM_LAUNCH_TIMEOUT_MS);
  return Number.isFinite(ms) && ms > 0 ? ms : 60000;
}

/** Debian's Chromium, headless, with the flags this machine needs (Playwright's own browser download cannot work here). */
export async function launch(): Promise<Browser> {
  const executablePath = chromiumPath();
  try {
    return await chromium.launch({
      executablePath,
      timeout: launchTimeoutMs(),
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
      // launch() starts Chromium with a fresh, empty profile of its own.
    });
  } catch (e) {
    const why = String((e as Error)?.message ?? e).split('\n')[0];
    throw new Error(`Chromium at ${executablePath} did not start (${why}): ${INSTALL_HINT}`);
  }
}

/** Closes the preview server, open connections included, so that nothing keeps the process alive. */
export function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}

/**
 * Serves the built preview and starts Chromium for `body`; the browser and the server are closed
 * afterwards, also when Chromium fails to start or `body` throws.
 */
export async function withPreviewBrowser<T>(body: (browser: Browser, url: string) => Promise<T>): Promise<T> {
  chromiumPath();
  const { url, server } = await servePreview();
  try {
    const browser = await launch();
    try {
      return await body(browser, url);
    } finally {
      await browser.close();
    }
  } finally {
    await closeServer(server);
  }
}

export const SCREENSHOTS = join(__dirname, '..', 'screenshots');

/**
 * For a test file: the built preview served and Chromium started before its tests, both closed
 * after them. Read `url` and `browser` inside the tests.
 */
export function previewPerFile(): { readonly url: string; readonly browser: Browser } {
  const state: { url: string; browser: Browser; server?: Server } = { url: '', browser: undefined as unknown as Browser };
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const served = await servePreview();
    state.server = served.server;
    state.url = served.url;
    state.browser = await launch();
  });
  afterAll(async () => {
    await state.browser?.close();
    if (state.server) await closeServer(state.server);
  });
  return state;
}

/** Opens the preview in a new page of `width`×`height`, once its pane is ready; the page's script errors are kept in `errors`. */
export async function openPreview(
  preview: { readonly url: string; readonly browser: Browser },
  width = 1366,
  height = 768,
): Promise<Page & { errors: string[] }> {
  const page = (await preview.browser.newPage({ viewport: { width, height } })) as Page & { errors: string[] };
  page.errors = [];
  page.on('pageerror', (e) => page.errors.push(e.message));
  await page.goto(preview.url);
  await page.getByRole('button', { name: '插入全部三张表' }).waitFor();
  return page;
}

/** A cell of the preview's grid. */
export const cellAt = (page: Page, address: string) => page.locator(`td[data-address="${address}"]`);

/** Types `text` into a cell of the preview as a clerk does: click, type, Enter. */
export async function typeInto(page: Page, address: string, text: string): Promise<void> {
  await cellAt(page, address).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Polls until `read` gives `expected` (the DOM updates asynchronously after a click). */
export async function eventually<T>(read: () => Promise<T>, expected: T): Promise<void> {
  let last: T | undefined;
  for (let i = 0; i < 50; i++) {
    last = await read();
    if (last === expected) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  expect(last).toBe(expected);
}

export async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/** Polls until the preview's pane lists a finding containing `text`. */
export async function waitForFinding(page: Page, text: string): Promise<void> {
  await page.getByRole('listitem').filter({ hasText: text }).first().waitFor();
}

/**
 * Types `samples` values into a cell of the preview and measures, with the performance marks the
 * sheet view and the task pane set, the time from each edit to the updated findings list.
 * `findingFor(i)` is the finding text that the i-th value produces.
 */
export async function editLatencies(page: Page, address: string, samples: number, findingFor: (i: number) => string): Promise<number[]> {
  const out: number[] = [];
  for (let i = 1; i <= samples; i++) {
    await page.evaluate(() => performance.clearMarks());
    await page.locator(`td[data-address="${address}"]`).click();
    await page.keyboard.type(String(i));
    await page.keyboard.press('Enter');
    await waitForFinding(page, findingFor(i));
    out.push(
      await page.evaluate(() => {
        const edit = performance.getEntriesByName('xxgk-edit').pop();
        const done = performance.getEntriesByName('xxgk-findings-updated').pop();
        return edit && done ? done.startTime - edit.startTime : NaN;
      }),
    );
  }
  return out;
}
