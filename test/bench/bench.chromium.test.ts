import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import type { Server } from 'http';
import { tmpdir } from 'os';
import { join } from 'path';
import { measureEditToFindings } from '../../bench/latency';
import { withPreviewBrowser } from '../../test-e2e/browser';

// `npm run bench` used to hang for ever when Chromium was missing or failed to start: the preview
// server stayed open. CHROMIUM_PATH points the bench at a wrong executable here.

/** The preview servers started by `act`, to check they are closed. */
async function serversOf(act: () => Promise<unknown>): Promise<Server[]> {
  const http = require('http') as typeof import('http'); // the module object itself, which jest can spy on
  const created: Server[] = [];
  const real = http.createServer;
  const spy = jest.spyOn(http, 'createServer').mockImplementation(((...args: Parameters<typeof real>) => {
    const server = real(...args);
    created.push(server);
    return server;
  }) as typeof real);
  try {
    await act();
  } finally {
    spy.mockRestore();
  }
  return created;
}

/** A "browser" that never answers Playwright at launch, and exits when asked to close. */
const SILENT_BROWSER = `#!/usr/bin/env node
const fs = require('fs');
let got = '';
fs.createReadStream(null, { fd: 3 })
  .on('data', (d) => { got += d; if (got.includes('"Browser.close"')) process.exit(0); })
  .on('end', () => process.exit(0));
`;
const saved = { path: process.env.CHROMIUM_PATH, timeout: process.env.CHROMIUM_LAUNCH_TIMEOUT_MS };
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'xxgk-chromium-'));
});
afterEach(() => {
  for (const [k, v] of [
    ['CHROMIUM_PATH', saved.path],
    ['CHROMIUM_LAUNCH_TIMEOUT_MS', saved.timeout],
  ] as const) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the bench without a working Chromium', () => {
  it('fails at once, before building, saying what to install', async () => {
    process.env.CHROMIUM_PATH = join(dir, 'no-such-chromium');
    const t0 = Date.now();
    await expect(measureEditToFindings()).rejects.toThrow(
      `Chromium not found at ${join(dir, 'no-such-chromium')}: run scripts/system-deps.sh e2e (apt-get install chromium)`,
    );
    expect(Date.now() - t0).toBeLessThan(2000);
  });

  it('closes the preview server when the browser exits at start', async () => {
    process.env.CHROMIUM_PATH = '/bin/false';
    const servers = await serversOf(() =>
      expect(withPreviewBrowser(async () => 1)).rejects.toThrow(/Chromium at \/bin\/false did not start .*system-deps\.sh e2e/),
    );
    expect(servers).toHaveLength(1);
    expect(servers[0].listening).toBe(false);
  });

  it('gives up after the launch timeout when the browser never answers, and closes the server', async () => {
    const silent = join(dir, 'silent-chromium');
    writeFileSync(silent, SILENT_BROWSER);
    chmodSync(silent, 0o755);
    process.env.CHROMIUM_PATH = silent;
    process.env.CHROMIUM_LAUNCH_TIMEOUT_MS = '1000';
    const t0 = Date.now();
    const servers = await serversOf(() => expect(withPreviewBrowser(async () => 1)).rejects.toThrow(/did not start .*Timeout 1000ms/));
    expect(Date.now() - t0).toBeLessThan(10000);
    expect(servers).toHaveLength(1);
    expect(servers[0].listening).toBe(false);
  }, 15000);
});
