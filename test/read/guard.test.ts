import { execFileSync } from 'child_process';
import { mkdirSync, mkdtempSync, promises as fsp, symlinkSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { deflateRawSync } from 'zlib';
import { writeZipBomb, zipBuffer } from '../../bench/hostile';
import { LIMITS } from '../../src/read/guard';
import { expandInputs, guardFile } from '../../src/read/files';
import { templateWorkbook } from '../../src/cli/templateXlsx';
import { zeroReport } from '../../src/report/standard/generate';
import { run } from '../helpers/cli';

// Folders collected from many departments: whatever is in them, the command says why a file could
// not be read, never hangs, and still checks the others.

const dir = mkdtempSync(join(tmpdir(), 'xxgk-hostile-'));
const write = (name: string, data: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

async function templateBuffer(): Promise<Buffer> {
  return Buffer.from((await templateWorkbook('2021').xlsx.writeBuffer()) as ArrayBuffer);
}

/** An .xlsx made by the template writer with its first sheet's XML changed. */
async function patchedTemplate(name: string, patch: (xml: string) => string): Promise<string> {
  const JSZip = require('jszip');
  const zip = await JSZip.loadAsync(await templateBuffer());
  const part = 'xl/worksheets/sheet1.xml';
  zip.file(part, patch(await zip.file(part).async('string')));
  return write(name, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

describe('files that are not regular files', () => {
  it('refuses a FIFO instead of waiting on it forever', async () => {
    const fifo = join(dir, 'pipe.txt');
    execFileSync('mkfifo', [fifo]);
    const r = await run(['check', fifo]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(fifo);
    expect(r.out).toContain('不是普通文件（这是命名管道）');
  }, 10000);

  it('refuses a symbolic link to /dev/zero', async () => {
    const link = join(dir, 'zero.json');
    symlinkSync('/dev/zero', link);
    const r = await run(['check', link]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(link);
    expect(r.out).toContain('不是普通文件（这是设备文件）');
  }, 10000);

  it('says 文件不存在 for a missing path, and checks the other files', async () => {
    const missing = join(dir, 'no-such-folder', 'report.xlsx');
    const good = write('good.json', JSON.stringify(zeroReport('2021')));
    const r = await run(['check', missing, good]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${missing}：无法读取——文件不存在`);
    expect(r.out).toContain(good);
    // Said once: in the report, not again on standard error (with --json, standard error says it for a person).
    expect(`${r.out}${r.err}`.split('文件不存在')).toHaveLength(2);
    const json = await run(['check', missing, '--json']);
    expect(json.err).toContain(`无法校验 ${missing}：文件不存在`);
  });
});

describe('sizes are checked before reading', () => {
  it('refuses a text file over 20 MB with the reason', async () => {
    const big = write('big.txt', '');
    truncateSync(big, LIMITS.textBytes + 1);
    const r = await run(['check', big]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(big);
    expect(r.out).toContain('文件过大（20 MB，文本和 JSON 文件最大 20 MB）');
  });

  it('refuses an .xlsx whose parts would inflate past the limit, from its directory alone', async () => {
    const bomb = join(dir, 'bomb.xlsx');
    await writeZipBomb(bomb, 120 * 1024 * 1024);
    const r = await run(['check', bomb]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(bomb);
    expect(r.out).toMatch(/解压后共 1\d\d MB，超过 100 MB 的上限/);
  });

  it('refuses an .xlsx whose directory lies about the inflated size', async () => {
    const liar = join(dir, 'liar.xlsx');
    await writeZipBomb(liar, 30 * 1024 * 1024, 1000);
    expect(await guardFile(liar)).toContain('xl/worksheets/sheet1.xml 解压后比声明的大小大');
  });

  it('reads the inflated sizes of ZIP64 entries', async () => {
    // One part whose 32-bit sizes are 0xFFFFFFFF, the real ones (5 GB declared) in the ZIP64 extra field.
    const zip = zipBuffer([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') }]);
    const cd = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const extra = Buffer.alloc(4 + 8);
    extra.writeUInt16LE(1, 0);
    extra.writeUInt16LE(8, 2);
    extra.writeBigUInt64LE(5n * 2n ** 30n, 4);
    const central = Buffer.from(zip.subarray(cd, zip.length - 22));
    central.writeUInt32LE(0xffffffff, 24);
    central.writeUInt16LE(extra.length, 30);
    const end = Buffer.from(zip.subarray(zip.length - 22));
    end.writeUInt32LE(central.length + extra.length, 12);
    const file = write('zip64.xlsx', Buffer.concat([zip.subarray(0, cd), central, extra, end]));
    expect(await guardFile(file)).toMatch(/解压后共 5120 MB/);
  });

  it('refuses a workbook whose sheet merges a huge range, before the workbook library expands it', async () => {
    const file = await patchedTemplate('huge-merge.xlsx', (xml) =>
      xml.replace(/<mergeCells count="(\d+)">/, (_m, n) => `<mergeCells count="${Number(n) + 1}"><mergeCell ref="AA1:XFD1048576"/>`),
    );
    expect(await guardFile(file)).toContain('含有过大的合并单元格区域（AA1:XFD1048576）');
  });

  it('refuses a workbook whose data validation covers millions of cells', async () => {
    const file = await patchedTemplate('huge-validation.xlsx', (xml) =>
      xml.replace(
        '</sheetData>',
        '</sheetData><dataValidations count="1"><dataValidation type="whole" sqref="AA1:AD1048576"><formula1>0</formula1></dataValidation></dataValidations>',
      ),
    );
    expect(await guardFile(file)).toContain('数据有效性覆盖了过多单元格（AA1:AD1048576');
  });

  it('accepts the template (merged cells, data validations) as it is', async () => {
    expect(await guardFile(write('template.xlsx', await templateBuffer()))).toBeNull();
  });
});

describe('files that are not what their name says', () => {
  it('gives a Chinese reason for a PNG renamed .xlsx', async () => {
    const png = write('picture.xlsx', Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), Buffer.alloc(200, 7)]));
    const r = await run(['check', png]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${png}：无法读取——不是有效的 .xlsx 文件（可能是其他类型的文件改了扩展名`);
    expect(r.err).not.toMatch(/https?:|End of data|zip/i);
  });

  it('names an encrypted workbook or an old .xls renamed .xlsx', async () => {
    const ole = write('protected.xlsx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]));
    expect(await guardFile(ole)).toContain('设置了打开密码的工作簿');
  });

  it('says a truncated deflate stream is not a valid .xlsx', async () => {
    const body = deflateRawSync(Buffer.alloc(10000, 'x')).subarray(0, 10);
    const file = write('truncated.xlsx', zipBuffer([{ name: 'xl/worksheets/sheet1.xml', deflated: body, size: 10000 }]));
    expect(await guardFile(file)).toContain('不是有效的 .xlsx 文件');
  });
});

describe('folders', () => {
  const folder = join(dir, 'departments');
  mkdirSync(join(folder, 'b-sub'), { recursive: true });
  writeFileSync(join(folder, 'a.json'), JSON.stringify(zeroReport('2021')));
  writeFileSync(join(folder, 'b-sub', 'c.json'), JSON.stringify(zeroReport('2019')));
  const others = ['old.xls', 'wps.et', 'table.csv', 'report.doc', 'report.wps'];
  for (const f of others) writeFileSync(join(folder, f), 'x');
  writeFileSync(join(folder, 'notes.md'), 'not a report');

  it('lists files of other kinds as skipped, with a hint', async () => {
    const { files, skipped } = await expandInputs([folder]);
    expect(files).toEqual([join(folder, 'a.json'), join(folder, 'b-sub', 'c.json')]);
    expect(skipped.map((s) => s.path).sort()).toEqual(others.map((f) => join(folder, f)).sort());
    const reason = (f: string) => skipped.find((s) => s.path === join(folder, f))!.reason;
    expect(reason('old.xls')).toContain('另存为” .xlsx');
    expect(reason('wps.et')).toContain('另存为” .xlsx');
    expect(reason('table.csv')).toContain('.csv');
    expect(reason('report.doc')).toContain('请在 Word 中另存为 .docx');
    expect(reason('report.wps')).toContain('另存为 .docx');
    const r = await run(['check', folder]);
    expect(r.code).toBe(0);
    expect(r.err).toContain(`已跳过 ${join(folder, 'old.xls')}：不支持旧版 .xls 工作簿`);
  });

  it('gives the same hint for such a file named on the command line', async () => {
    const r = await run(['check', join(folder, 'old.xls')]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('不支持旧版 .xls 工作簿，请在 Excel 或 WPS 中“另存为” .xlsx');
    expect(r.err).not.toContain('不支持的文件类型');
  });

  it('names a subfolder it cannot open and checks the rest (simulated permission error)', async () => {
    const real = fsp.readdir;
    const spy = jest.spyOn(fsp, 'readdir').mockImplementation((async (p: string, o: unknown) => {
      if (String(p) === join(folder, 'b-sub')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return (real as (p: string, o: unknown) => Promise<unknown>)(p, o);
    }) as unknown as typeof fsp.readdir);
    try {
      const { files, skipped } = await expandInputs([folder]);
      expect(files).toEqual([join(folder, 'a.json')]);
      expect(skipped).toContainEqual({ path: join(folder, 'b-sub'), reason: '无法打开文件夹（没有读取权限），其中的文件没有校验' });
    } finally {
      spy.mockRestore();
    }
  });

  it('walks a folder that links back to itself once', async () => {
    const loop = join(dir, 'loop');
    mkdirSync(loop);
    writeFileSync(join(loop, 'a.json'), JSON.stringify(zeroReport('2021')));
    symlinkSync(loop, join(loop, 'again'));
    const { files } = await expandInputs([loop]);
    expect(files).toEqual([join(loop, 'a.json')]);
  });
});

describe('the zip guard reads the directory JSZip reads', () => {
  /**
   * A decoy central directory at the offset the end record states, the real one just before the end
   * record: JSZip takes the gap for bytes prepended to the archive and shifts every offset by it, so
   * it reads the real directory, which the decoy hid from a guard that trusts the stated offset.
   */
  function decoyZip(real: { name: string; data: Buffer }, decoy: { name: string; data: Buffer }): Buffer {
    const honest = zipBuffer([real]);
    const realDirAt = honest.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const locals = honest.subarray(0, realDirAt);
    const realDir = honest.subarray(realDirAt, honest.length - 22);
    const shift = realDir.length; // JSZip's "extra bytes": the real directory's length
    const pad = Buffer.alloc(shift);
    const decoyZipped = zipBuffer([decoy]);
    const decoyDirAt = decoyZipped.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    const decoyLocal = decoyZipped.subarray(0, decoyDirAt);
    const decoyLocalAt = pad.length + locals.length;
    const decoyDir = Buffer.from(decoyZipped.subarray(decoyDirAt, decoyZipped.length - 22));
    decoyDir.writeUInt32LE(decoyLocalAt, 42);
    // The decoy directory is as long as the real one (padded with an entry comment).
    const comment = Buffer.alloc(shift - decoyDir.length, 0x20);
    decoyDir.writeUInt16LE(comment.length, 32);
    const decoyDirAt2 = decoyLocalAt + decoyLocal.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(shift, 12);
    end.writeUInt32LE(decoyDirAt2, 16);
    return Buffer.concat([pad, locals, decoyLocal, decoyDir, comment, realDir, end]);
  }

  it('refuses a decoy directory that hides a whole-sheet merge, which JSZip would read', async () => {
    const sheet = (merge: string) =>
      Buffer.from(`<worksheet><sheetData/><mergeCells count="1"><mergeCell ref="${merge}"/></mergeCells></worksheet>`);
    const file = write(
      'decoy.xlsx',
      decoyZip(
        { name: 'xl/worksheets/sheet1.xml', data: sheet('A1:XFD1048576') },
        { name: 'xl/worksheets/sheet1.xml', data: sheet('A1:B2') },
      ),
    );
    // The file is built as the attack needs: JSZip reads the real part, with the huge merge.
    const JSZip = require('jszip');
    const zip = await JSZip.loadAsync(await fsp.readFile(file));
    expect(await zip.file('xl/worksheets/sheet1.xml').async('string')).toContain('A1:XFD1048576');
    expect(await guardFile(file)).toContain('不是有效的 .xlsx 文件');
  });

  it('refuses an end record followed by anything but its comment', async () => {
    const zip = zipBuffer([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.from('<worksheet/>') }]);
    expect(await guardFile(write('trailing.xlsx', Buffer.concat([zip, Buffer.from('tail')])))).toContain('不是有效的 .xlsx 文件');
    expect(await guardFile(write('honest.xlsx', zip))).toBeNull();
  });
});

describe('a Word document whose text would exhaust memory', () => {
  it('refuses a .docx whose document.xml inflates past 20 MB (one huge text node), before the XML parser holds it', async () => {
    const xml = Buffer.concat([
      Buffer.from('<w:document><w:body><w:p><w:r><w:t>'),
      Buffer.alloc(25 * 1024 * 1024, 0x35),
      Buffer.from('</w:t></w:r></w:p></w:body></w:document>'),
    ]);
    const file = write('huge-text.docx', zipBuffer([{ name: 'word/document.xml', data: xml }]));
    expect(await guardFile(file)).toContain('word/document.xml 解压后有 25 MB，超过 20 MB 的上限');
  });
});
