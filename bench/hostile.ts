import { layoutTextGrid, officialLayout } from '../src/report/look/layout';
import ExcelJS from 'exceljs';
import { createWriteStream, promises as fs } from 'fs';
import { constants, createDeflateRaw, deflateRawSync } from 'zlib';

// Hostile inputs, made on the spot (no fixture is large): a workbook with far-away cells, zip
// bombs, a text file too large to read. Used by the benchmark (peak memory of one check) and tests.

export interface ZipPart {
  name: string;
  /** The part's content, deflated by zipBuffer. */
  data?: Buffer;
  /** Already deflated data (with `size`, the inflated size it is declared to have). */
  deflated?: Buffer;
  size?: number;
}

/** A zip file of these parts (deflated, no ZIP64, CRC left 0: readers of .xlsx do not check it). */
export function zipBuffer(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const body = p.deflated ?? deflateRawSync(p.data ?? Buffer.alloc(0));
    const size = p.size ?? p.data?.length ?? 0;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** Deflates `bytes` bytes of one repeated character, in chunks (never holding the inflated data). */
export async function deflatedRepeat(bytes: number, char = ' '): Promise<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, char);
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION, memLevel: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (b: Buffer) => out.push(b));
  const done = new Promise((resolve, reject) => deflate.on('end', resolve).on('error', reject));
  for (let left = bytes; left > 0; left -= chunk.length) {
    const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
    if (!deflate.write(piece)) await new Promise<void>((r) => deflate.once('drain', () => r()));
  }
  deflate.end();
  await done;
  return Buffer.concat(out);
}

const CONTENT_TYPES = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
);

/**
 * An .xlsx-shaped zip bomb: one sheet part of `inflatedBytes` spaces. `declaredBytes` is the size
 * its directory declares (the true size unless given: a lying bomb declares less).
 */
export async function writeZipBomb(file: string, inflatedBytes: number, declaredBytes = inflatedBytes): Promise<number> {
  const deflated = await deflatedRepeat(inflatedBytes);
  const zip = zipBuffer([
    { name: '[Content_Types].xml', data: CONTENT_TYPES },
    { name: 'xl/worksheets/sheet1.xml', deflated, size: declaredBytes },
  ]);
  await fs.writeFile(file, zip);
  return zip.length;
}

/** A workbook with a table-like corner at A1, text at ZZ100000 and one stray value at XFD1048576. */
export async function writeFarCellWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = '二、主动公开政府信息情况';
  ws.getCell('ZZ100000').value = '备注：此处有一段文字';
  ws.getCell('XFD1048576').value = 1;
  await fs.writeFile(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
}

/** A text file of `bytes` bytes of table-like lines, written in chunks. */
export async function writeBigText(file: string, bytes: number): Promise<void> {
  const line = Buffer.from('本年新收政府信息公开申请数量\t1\t2\t3\t4\t5\t6\t7\n', 'utf8');
  const chunk = Buffer.concat(Array.from({ length: Math.ceil((1024 * 1024) / line.length) }, () => line));
  const out = createWriteStream(file);
  for (let left = bytes; left > 0; left -= chunk.length) {
    if (!out.write(left >= chunk.length ? chunk : chunk.subarray(0, left))) await new Promise<void>((r) => out.once('drain', () => r()));
  }
  await new Promise<void>((resolve, reject) => {
    out.on('error', reject);
    out.end(() => resolve());
  });
}

/** A .docx of about 1 MB whose document.xml is one text node of `bytes` digits (it inflates to that). */
export async function writeHugeTextDocx(file: string, bytes: number): Promise<void> {
  const deflated = await deflatedRepeat(bytes, '5');
  const zip = zipBuffer([{ name: 'word/document.xml', deflated, size: bytes }]);
  await fs.writeFile(file, zip);
}

/** A web page of about 3 MB: the report's labels, then rows whose colspans would lay out a huge grid. */
export async function writeColspanPage(file: string): Promise<void> {
  // 表三's own rows first, so that the table is taken for the report's.
  const rows = layoutTextGrid(officialLayout('2021', 'T3')).map((r) => `<tr>${r.map((c) => `<td>${c || 0}</td>`).join('')}</tr>`);
  for (let i = 0; i < 100_000; i++) rows.push('<tr><td colspan="1000">x</td></tr>');
  await fs.writeFile(file, `<html><head><meta charset="utf-8"></head><body><table>${rows.join('')}</table></body></html>`);
}

/** A web page of `bytes` bytes of paragraphs of text, within the file-size limit. */
export async function writeBigPage(file: string, bytes: number): Promise<void> {
  const para = '<p>本年新收政府信息公开申请数量 1 件，办理结果总计 1 件。</p>\n';
  const count = Math.ceil(bytes / Buffer.byteLength(para));
  await fs.writeFile(file, `<html><head><meta charset="utf-8"></head><body>${para.repeat(count)}</body></html>`);
}
