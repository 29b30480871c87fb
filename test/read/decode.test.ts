import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';
import { decodeText, decodeTextDetailed } from '../../src/read/pasted';
import { consistentReport, seededRandom } from '../../src/report/standard/generate';

// Text files as departments send them: stitched from two encodings, with a broken byte, UTF-16
// without BOM, JSON with a BOM or in UTF-16.

/** GB18030 (two-byte part) encoder built from the platform's decoder: enough for Chinese text. */
const gbOf = (() => {
  const map = new Map<string, number[]>();
  const dec = new TextDecoder('gb18030', { fatal: true });
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      try {
        const ch = dec.decode(Uint8Array.from([a, b]));
        if (!map.has(ch)) map.set(ch, [a, b]);
      } catch {
        // not a character
      }
    }
  }
  return (text: string): Buffer => {
    const bytes: number[] = [];
    for (const ch of text) {
      if (ch.charCodeAt(0) < 0x80) bytes.push(ch.charCodeAt(0));
      else {
        const gb = map.get(ch);
        if (!gb) throw new Error(`no GB18030 two-byte code for ${ch}`);
        bytes.push(...gb);
      }
    }
    return Buffer.from(bytes);
  };
})();

const sample = readFileSync(join(__dirname, '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'xxgk-decode-'));

async function check(name: string, data: Buffer) {
  const file = join(dir, name);
  writeFileSync(file, data);
  let out = '';
  let err = '';
  const code = await main(['check', file, '--json'], { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err, file, json: out ? JSON.parse(out) : null };
}

describe('decoding text files', () => {
  it('reads a file whose first half is UTF-8 and second half GB18030, line by line', async () => {
    const lines = sample.split('\n');
    const half = Math.floor(lines.length / 2);
    const data = Buffer.concat([Buffer.from(lines.slice(0, half).join('\n') + '\n', 'utf8'), gbOf(lines.slice(half).join('\n'))]);
    const d = decodeTextDetailed(data);
    expect(d.text).toBe(sample);
    expect(d.encoding).toBe('mixed');
    expect(d.undecodable).toEqual([]);
    const r = await check('mixed.txt', data);
    expect(r.code).toBe(0);
    expect(r.json.files[0].tables).toEqual(['T2', 'T3', 'T4']);
  });

  it('reads a whole GB18030 file as before', () => {
    expect(decodeText(gbOf(sample))).toBe(sample);
    expect(decodeTextDetailed(gbOf(sample)).encoding).toBe('gb18030');
  });

  it('reads the valid part of a UTF-8 file with one invalid byte, and names the line it could not decode', async () => {
    const lines = sample.split('\n');
    const at = lines.findIndex((l) => l.includes('本年新收'));
    expect(at).toBeGreaterThan(0);
    const data = Buffer.concat([
      Buffer.from(lines.slice(0, at).join('\n') + '\n', 'utf8'),
      Buffer.from(lines[at] + ' ', 'utf8'),
      Buffer.from([0xff]),
      Buffer.from('\n' + lines.slice(at + 1).join('\n'), 'utf8'),
    ]);
    const d = decodeTextDetailed(data);
    expect(d.undecodable).toEqual([at + 1]);
    expect(d.text.split('\n')[at]).toBe(`${lines[at]} \uFFFD`);
    const r = await check('broken-byte.txt', data);
    expect(r.json.files[0].tables).toEqual(['T2', 'T3', 'T4']);
    expect(r.json.files[0].notes.join('\n')).toContain(`第 ${at + 1} 行含有无法识别的字符编码`);
  });

  it('says which lines could not be decoded when no table is found', async () => {
    const r = await check('garbage.txt', Buffer.from([0x41, 0x0a, 0xff, 0xfe, 0xfd, 0x0a, 0x42]));
    expect(r.code).toBe(2);
    expect(r.err).toContain(r.file);
    expect(r.err).toContain('第 2 行含有无法识别的字符编码');
  });

  it.each([
    ['utf-16le', (s: string) => Buffer.from(s, 'utf16le')],
    ['utf-16be', (s: string) => Buffer.from(s, 'utf16le').swap16()],
  ])('reads %s without a BOM', async (encoding, encode) => {
    const d = decodeTextDetailed(encode(sample));
    expect(d.encoding).toBe(encoding);
    expect(d.text).toBe(sample);
    const r = await check(`no-bom-${encoding}.txt`, encode(sample));
    expect(r.code).toBe(0);
    expect(r.json.files[0].tables).toEqual(['T2', 'T3', 'T4']);
  });

  it.each([
    ['utf-8 with BOM', (s: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(s, 'utf8')])],
    ['utf-16le with BOM', (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')])],
    ['utf-16be with BOM', (s: string) => Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(s, 'utf16le').swap16()])],
    ['utf-16le without BOM', (s: string) => Buffer.from(s, 'utf16le')],
    ['GB18030', (s: string) => gbOf(s)],
  ])('accepts a JSON report in %s', async (name, encode) => {
    const report = consistentReport('2021', seededRandom(7));
    const r = await check(`${name.replace(/\s+/g, '-')}.json`, encode(JSON.stringify({ ...report, note: '本年度报告' }, null, 2)));
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.json.files[0].format).toBe('2021');
  });
});
