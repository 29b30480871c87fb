import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

const loader = join(__dirname, '..', '..', 'bin', 'register-ts.js');
const dir = mkdtempSync(join(tmpdir(), 'xxgk-ts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Requires a TypeScript file in a fresh Node process; says what it exports and whether the compiler was loaded. */
function load(file: string, cache: string): { value: unknown; compilerLoaded: boolean } {
  const script = `
    require(${JSON.stringify(loader)}).registerTypeScript();
    const value = require(${JSON.stringify(file)}).value;
    const compilerLoaded = Object.keys(require.cache).some((k) => /[\\\\/]node_modules[\\\\/]typescript[\\\\/]lib[\\\\/]/.test(k));
    console.log(JSON.stringify({ value, compilerLoaded }));`;
  const r = spawnSync('node', ['-e', script], { encoding: 'utf8', env: { ...process.env, XXGK_TS_CACHE: cache }, timeout: 30000 });
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout);
}

describe('the loader of the command’s TypeScript sources', () => {
  it('transpiles a file once: a second run takes it from the cache without loading the compiler', () => {
    const cache = join(dir, 'cache-a');
    const file = join(dir, 'a.ts');
    writeFileSync(file, 'const n: number = 41;\nexport const value = n + 1;\n');
    expect(load(file, cache)).toEqual({ value: 42, compilerLoaded: true });
    expect(load(file, cache)).toEqual({ value: 42, compilerLoaded: false });
  });

  it('transpiles an edited file again instead of running its old text', () => {
    const cache = join(dir, 'cache-b');
    const file = join(dir, 'b.ts');
    writeFileSync(file, 'export const value: string = "old";\n');
    expect(load(file, cache).value).toBe('old');
    writeFileSync(file, 'export const value: string = "new";\n');
    expect(load(file, cache)).toEqual({ value: 'new', compilerLoaded: true });
  });

  it('still runs when the cache folder cannot be written', () => {
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, '');
    const file = join(dir, 'c.ts');
    writeFileSync(file, 'export const value = [1, 2].map((x: number) => x * 2);\n');
    expect(load(file, join(blocked, 'cache')).value).toEqual([2, 4]);
  });
});
