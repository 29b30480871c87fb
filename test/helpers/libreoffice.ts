import { spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { basename, extname, join } from 'path';

// LibreOffice (soffice) as an independent spreadsheet engine for the tests. CI installs it
// (Debian: libreoffice-calc-nogui, and libreoffice-writer-nogui to print web pages to PDF); a missing soffice is a test failure, never a silent skip.

export function sofficePath(): string {
  const candidates = [process.env.SOFFICE, '/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  const which = spawnSync('sh', ['-c', 'command -v soffice || command -v libreoffice'], { encoding: 'utf8' });
  const found = which.stdout.trim();
  if (found) return found.split('\n')[0];
  throw new Error(
    'LibreOffice (soffice) was not found. These tests need it as the independent judge of the generated xlsx files: ' +
      'install it (Debian/Ubuntu: apt-get install -y libreoffice-calc-nogui libreoffice-writer-nogui) or set SOFFICE to its path.',
  );
}

/**
 * A fresh user profile in which LibreOffice always recalculates xlsx formulas on load (instead of
 * trusting cached results), so that what we read back is LibreOffice's own evaluation.
 */
export function freshProfile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-lo-profile-'));
  mkdirSync(join(dir, 'user'), { recursive: true });
  writeFileSync(
    join(dir, 'user', 'registrymodifications.xcu'),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return dir;
}

/**
 * Converts many files in one soffice run (`--convert-to <filter>` into outDir) and returns the path
 * of each converted file, in the order given. Throws with LibreOffice's output when a file is missing.
 */
export function convertAll(files: string[], to: string, outDir: string, timeoutMs = 100_000): string[] {
  mkdirSync(outDir, { recursive: true });
  const profile = freshProfile();
  const r = spawnSync(
    sofficePath(),
    [
      `-env:UserInstallation=file://${profile}`,
      '--headless',
      '--norestore',
      '--nolockcheck',
      '--convert-to',
      to,
      '--outdir',
      outDir,
      ...files,
    ],
    { encoding: 'utf8', timeout: timeoutMs, env: { ...process.env, HOME: profile } },
  );
  const ext = to.split(':')[0];
  const outputs = files.map((f) => join(outDir, `${basename(f, extname(f))}.${ext}`));
  const missing = outputs.filter((o) => !existsSync(o));
  if (r.error || missing.length) {
    throw new Error(
      `LibreOffice did not convert ${missing.length} of ${files.length} files to ${to} ` +
        `(exit ${r.status}, ${r.error?.message ?? ''}); in ${outDir}: ${readdirSync(outDir).slice(0, 5).join(', ')}\n` +
        `stdout: ${r.stdout?.slice(0, 2000)}\nstderr: ${r.stderr?.slice(0, 2000)}`,
    );
  }
  return outputs;
}
