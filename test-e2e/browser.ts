import { createServer, Server } from 'http';
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

/** Debian's Chromium, headless, with the flags this machine needs (Playwright's own browser download cannot work here). */
export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
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
}

export const SCREENSHOTS = join(__dirname, '..', 'screenshots');

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
