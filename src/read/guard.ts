import { promises as fs } from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { columnIndex } from '../report/standard/a1';
import { entryDataOffset, readAt, readZipDirectory, ZipEntry, ZipFormatError } from './zipDirectory';

// Checks a file before any reader opens it, so that no input collected from many departments can
// hang the command or exhaust its memory: only regular files are read (not a FIFO, a device, a
// socket), text, JSON, web pages and PDFs up to a size, and .xlsx and .docx files whose zip parts
// inflate to a bounded size, an .xlsx's sheets declaring no merged range or data validation that the
// workbook library would expand cell by cell. Every refusal is a Chinese reason.

const MiB = 1024 * 1024;

export const LIMITS = {
  /** A .txt/.tsv/.json file. */
  textBytes: 20 * MiB,
  /** A saved web page (.html/.htm). */
  htmlBytes: 20 * MiB,
  /** A PDF file. */
  pdfBytes: 50 * MiB,
  /** A Word document (.docx) as stored; its parts inflate to at most inflatedBytes, like an .xlsx. */
  docxBytes: 100 * MiB,
  /** An .xlsx file as stored. */
  xlsxBytes: 100 * MiB,
  /** All parts of an .xlsx or .docx file inflated. */
  inflatedBytes: 100 * MiB,
  /** Parts of an .xlsx file. */
  zipEntries: 10000,
  /** Cells inside the merged ranges of one workbook (the library makes an object of each, ~1 KB). */
  mergedCells: 100_000,
  /** Merged ranges of one workbook (the library compares each with all the others). */
  merges: 10_000,
  /** Cells covered by data validations of one workbook (the library keeps an entry for each). */
  validatedCells: 1_500_000,
};

const TEXT = new Set(['.txt', '.tsv', '.json']);
const XLSX = new Set(['.xlsx', '.xlsm']);
const HTML = new Set(['.html', '.htm']);

const mb = (n: number): string => (n >= 10 * MiB ? String(Math.round(n / MiB)) : (n / MiB).toFixed(1));

/** The Chinese reason of a failed stat or open. */
export function fileErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return '文件不存在';
  if (code === 'ENOTDIR') return '文件不存在（路径中的某一级不是文件夹）';
  if (code === 'EACCES' || code === 'EPERM') return '没有读取权限';
  if (code === 'ELOOP') return '符号链接循环，无法打开';
  if (code === 'ENAMETOOLONG') return '路径过长';
  return `无法打开（${code ?? (e as Error)?.message ?? String(e)}）`;
}

/**
 * Why a file must not be read, in Chinese; null when it may. Follows symbolic links. Never throws.
 */
export async function guardFile(file: string): Promise<string | null> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch (e) {
    return fileErrorReason(e);
  }
  if (stat.isDirectory()) return '这是一个文件夹';
  if (!stat.isFile()) {
    const what = stat.isFIFO()
      ? '命名管道'
      : stat.isSocket()
        ? '套接字'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? '设备文件'
          : '特殊文件';
    return `不是普通文件（这是${what}），已拒绝读取`;
  }
  const ext = path.extname(file).toLowerCase();
  if (TEXT.has(ext) && stat.size > LIMITS.textBytes) {
    return `文件过大（${mb(stat.size)} MB，文本和 JSON 文件最大 ${mb(LIMITS.textBytes)} MB），已拒绝读取`;
  }
  if (HTML.has(ext) && stat.size > LIMITS.htmlBytes) {
    return `文件过大（${mb(stat.size)} MB，网页文件最大 ${mb(LIMITS.htmlBytes)} MB），已拒绝读取`;
  }
  if (ext === '.pdf' && stat.size > LIMITS.pdfBytes) {
    return `文件过大（${mb(stat.size)} MB，PDF 文件最大 ${mb(LIMITS.pdfBytes)} MB），已拒绝读取`;
  }
  if (ext === '.docx') {
    if (stat.size > LIMITS.docxBytes) return `文件过大（${mb(stat.size)} MB，.docx 文件最大 ${mb(LIMITS.docxBytes)} MB），已拒绝读取`;
    try {
      return await guardZip(file, stat.size, DOCX);
    } catch (e) {
      return fileErrorReason(e);
    }
  }
  if (XLSX.has(ext)) {
    if (stat.size > LIMITS.xlsxBytes) return `文件过大（${mb(stat.size)} MB，.xlsx 文件最大 ${mb(LIMITS.xlsxBytes)} MB），已拒绝读取`;
    try {
      return await guardZip(file, stat.size, WORKBOOK);
    } catch (e) {
      return fileErrorReason(e);
    }
  }
  return null;
}

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** What a zip-packaged Office file is called in the reasons, and what else its extension may hide. */
interface ZipKind {
  /** 工作簿 or 文档. */
  noun: string;
  invalid: string;
  ole2: string;
  encrypted: string;
  /** The parts whose merged ranges and validations are counted (an .xlsx's sheets). */
  scan?: RegExp;
}

const WORKBOOK: ZipKind = {
  noun: '工作簿',
  invalid: '不是有效的 .xlsx 文件（可能是其他类型的文件改了扩展名，或文件已损坏）',
  ole2: '不是 .xlsx 格式：这是设置了打开密码的工作簿，或改了扩展名的旧版 .xls 文件；请在 Excel 或 WPS 中取消密码或另存为 .xlsx 后再校验',
  encrypted: '工作簿已加密，无法读取；请在 Excel 或 WPS 中取消密码后再校验',
  scan: /^xl\/worksheets\/[^/]+\.xml$/i,
};

const DOCX: ZipKind = {
  noun: '文档',
  invalid: '不是有效的 .docx 文件（可能是其他类型的文件改了扩展名，或文件已损坏）',
  ole2: '不是 .docx 格式：这是设置了打开密码的 Word 文档，或改了扩展名的旧版 .doc 文件；请在 Word 或 WPS 中取消密码，或另存为 .docx 后再校验',
  encrypted: '文档已加密，无法读取；请在 Word 或 WPS 中取消密码后再校验',
};

/** An .xlsx or .docx: its zip directory read first, every part inflated to no more than it declares, in all no more than inflatedBytes. */
async function guardZip(file: string, size: number, kind: ZipKind): Promise<string | null> {
  const NOT_XLSX = kind.invalid;
  const fh = await fs.open(file, 'r');
  try {
    if (size >= 8 && (await readAt(fh, 0, 8)).equals(OLE2)) return kind.ole2;
    let entries: ZipEntry[];
    try {
      entries = (await readZipDirectory(fh, size, { maxDirectoryBytes: 16 * MiB, maxEntries: LIMITS.zipEntries })).entries;
    } catch (e) {
      if (e instanceof RangeError) return `${kind.noun}的组成部分过多（超过 ${LIMITS.zipEntries} 个），已拒绝读取`;
      if (e instanceof ZipFormatError) return NOT_XLSX;
      throw e;
    }
    const declared = entries.reduce((s, e) => s + e.uncompressedSize, 0);
    if (declared > LIMITS.inflatedBytes) {
      return `解压后共 ${mb(declared)} MB，超过 ${mb(LIMITS.inflatedBytes)} MB 的上限（可能是压缩炸弹或异常的${kind.noun}），已拒绝读取`;
    }
    const budget = { merges: 0, mergedCells: 0, validatedCells: 0 };
    for (const entry of entries) {
      if (entry.name.endsWith('/') && entry.uncompressedSize === 0) continue;
      if (entry.flags & 1) return kind.encrypted;
      if (entry.method !== 0 && entry.method !== 8)
        return `${kind.noun}中的 ${entry.name} 使用了不支持的压缩方式（${entry.method}），无法读取`;
      let data: Buffer;
      try {
        const compressed = await readAt(fh, await entryDataOffset(fh, size, entry), entry.compressedSize);
        // The sizes the directory declares may lie: inflate no more than declared, to a bounded buffer.
        data = entry.method === 0 ? compressed : inflateRawSync(compressed, { maxOutputLength: entry.uncompressedSize + 1 });
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || e instanceof RangeError) {
          return `${kind.noun}中的 ${entry.name} 解压后比声明的大小大（可能是压缩炸弹），已拒绝读取`;
        }
        if (e instanceof ZipFormatError || (e as NodeJS.ErrnoException).code?.startsWith('Z_')) return NOT_XLSX;
        throw e;
      }
      if (data.length > entry.uncompressedSize) return `${kind.noun}中的 ${entry.name} 解压后比声明的大小大（可能是压缩炸弹），已拒绝读取`;
      if (kind.scan?.test(entry.name)) {
        const why = scanSheet(entry.name, data, budget);
        if (why) return why;
      }
    }
    return null;
  } finally {
    await fh.close();
  }
}

/** Number of cells of an A1 reference or range (e.g. "A1:XFD1048576"); 0 when it is not one. */
export function rangeCells(ref: string): number {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/i.exec(ref.trim());
  if (!m) return 0;
  const c1 = columnIndex(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnIndex(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return (Math.abs(c2 - c1) + 1) * (Math.abs(r2 - r1) + 1);
}

/** Values of an attribute of every element with this local name (any prefix) in an XML buffer. */
function attributeValues(xml: Buffer, element: string, attribute: string, each: (value: string) => string | null): string | null {
  const needle = Buffer.from(`${element}`);
  const attr = new RegExp(`\\s${attribute}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  for (let at = xml.indexOf(needle); at >= 0; at = xml.indexOf(needle, at + needle.length)) {
    const before = xml[at - 1];
    const after = xml[at + needle.length];
    // <mergeCell … or <x:mergeCell …, not <mergeCells …
    if ((before !== 0x3c && before !== 0x3a) || !(after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d)) continue;
    const end = xml.indexOf(0x3e, at); // '>'
    if (end < 0) break;
    const m = attr.exec(xml.toString('utf8', at, Math.min(end, at + 64 * 1024)));
    if (!m) continue;
    const why = each(m[2] ?? m[3]);
    if (why) return why;
  }
  return null;
}

function scanSheet(part: string, xml: Buffer, budget: { merges: number; mergedCells: number; validatedCells: number }): string | null {
  const where = `工作簿中的 ${part}`;
  return (
    attributeValues(xml, 'mergeCell', 'ref', (ref) => {
      budget.merges++;
      budget.mergedCells += rangeCells(ref);
      if (budget.mergedCells > LIMITS.mergedCells) {
        return `${where}含有过大的合并单元格区域（${ref}），合并的单元格共超过 ${LIMITS.mergedCells} 个，读取会耗尽内存，已拒绝读取；请取消不必要的合并后再校验`;
      }
      if (budget.merges > LIMITS.merges) return `${where}含有过多的合并单元格区域（超过 ${LIMITS.merges} 个），已拒绝读取`;
      return null;
    }) ??
    attributeValues(xml, 'dataValidation', 'sqref', (sqref) => {
      for (const ref of sqref.split(/\s+/)) budget.validatedCells += rangeCells(ref);
      if (budget.validatedCells > LIMITS.validatedCells) {
        return `${where}的数据有效性覆盖了过多单元格（${sqref}，共超过 ${LIMITS.validatedCells} 个），读取会耗尽内存，已拒绝读取；请删除整行或整列的数据有效性后再校验`;
      }
      return null;
    })
  );
}
