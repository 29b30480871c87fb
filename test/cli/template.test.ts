import { mkdirSync, mkdtempSync, promises as fsp, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { USAGE } from '../../src/cli/main';
import { run } from '../helpers/cli';

// template --out never overwrites a file by mistake, never leaves half a file, and names the path
// in every error.

const dir = mkdtempSync(join(tmpdir(), 'xxgk-template-out-'));

const leftovers = (folder: string) => readdirSync(folder).filter((f) => f.endsWith('.tmp'));

describe('xxgk-report template --out', () => {
  it('refuses to overwrite an existing file unless --force', async () => {
    const file = join(dir, 'exists.tsv');
    writeFileSync(file, 'my own work');
    const r = await run(['template', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`无法写入 ${file}：文件已存在（如要覆盖，请加上 --force）`);
    expect(readFileSync(file, 'utf8')).toBe('my own work');
    const forced = await run(['template', '--out', file, '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('主动公开');
    expect(leftovers(dir)).toEqual([]);
  });

  it.each(['.xlsx', '.html', '.tsv'])('writes a new %s file through a temporary file, leaving none behind', async (ext) => {
    const folder = join(dir, `new${ext}`);
    mkdirSync(folder);
    const file = join(folder, `模板${ext}`);
    expect((await run(['template', '--out', file])).code).toBe(0);
    expect(readdirSync(folder)).toEqual([`模板${ext}`]);
  });

  it('names the folder that does not exist', async () => {
    const file = join(dir, 'no-such-folder', 'x.xlsx');
    const r = await run(['template', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`无法写入 ${file}：文件夹 ${join(dir, 'no-such-folder')} 不存在`);
  });

  it('names a target that is a folder', async () => {
    const folder = join(dir, 'folder.html');
    mkdirSync(folder);
    const r = await run(['template', '--out', folder, '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`无法写入 ${folder}：这是一个文件夹`);
  });

  it('names the path when it may not write there, and leaves nothing behind (simulated)', async () => {
    const spy = jest.spyOn(fsp, 'writeFile').mockRejectedValue(Object.assign(new Error('EACCES'), { code: 'EACCES' }));
    try {
      const file = join(dir, 'denied.tsv');
      const r = await run(['template', '--out', file]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`无法写入 ${file}：没有写入权限（文件夹 ${dir}）`);
      expect(leftovers(dir)).toEqual([]);
    } finally {
      spy.mockRestore();
    }
  });

  it('lists --force in the usage', () => {
    expect(USAGE).toContain('[--force]');
  });
});
