import { columnIndex } from '../report/standard/a1';
import { extensionOf } from './kinds';
import { InflateFormatError, InflateLimitError, inflateBounded } from './inflate';
import { entryData, readZipDirectory, ZipEntry, ZipFormatError } from './zipDirectory';

// Checks a file's bytes before any reader parses them, so that no input collected from many
// departments can hang a reader or exhaust its memory, on every path (the command, the task pane,
// the web page): text, JSON, web pages and PDFs up to a size, and .xlsx and .docx files whose zip
// parts inflate to a bounded size, an .xlsx's sheets declaring no merged range or data validation that
// the workbook library would expand cell by cell. Every refusal is a Chinese reason. The command
// also checks the file itself before reading it (files.ts: a regular file, its size on the handle).

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
  /** One XML part of a .docx inflated (a report's document.xml is a few MB; the XML parser holds several times it). */
  docxPartBytes: 20 * MiB,
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

export const mb = (n: number): string => (n >= 10 * MiB ? String(Math.round(n / MiB)) : (n / MiB).toFixed(1));

/** The largest file of a kind that is read, and how the reasons call that kind. */
function sizeLimit(name: string): { bytes: number; what: string } | null {
  const ext = extensionOf(name);
  if (TEXT.has(ext)) return { bytes: LIMITS.textBytes, what: '文本和 JSON 文件' };
  if (HTML.has(ext)) return { bytes: LIMITS.htmlBytes, what: '网页文件' };
  if (ext === '.pdf') return { bytes: LIMITS.pdfBytes, what: 'PDF 文件' };
  if (ext === '.docx') return { bytes: LIMITS.docxBytes, what: '.docx 文件' };
  if (XLSX.has(ext)) return { bytes: LIMITS.xlsxBytes, what: '.xlsx 文件' };
  return null;
}

/** Why a file of this size is not read, in Chinese; null when it may be. */
export function sizeRefusal(name: string, size: number): string | null {
  const limit = sizeLimit(name);
  return limit && size > limit.bytes ? `文件过大（${mb(size)} MB，${limit.what}最大 ${mb(limit.bytes)} MB），已拒绝读取` : null;
}

/**
 * Why a file's bytes must not be read, in Chinese; null when they may. The same check for the
 * command, the task pane and the web page. Never throws.
 */
export function guardBytes(name: string, bytes: Uint8Array): string | null {
  const tooLarge = sizeRefusal(name, bytes.length);
  if (tooLarge) return tooLarge;
  const ext = extensionOf(name);
  if (ext === '.docx') return guardZip(bytes, DOCX);
  if (XLSX.has(ext)) return guardZip(bytes, WORKBOOK);
  return null;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** What a zip-packaged Office file is called in the reasons, and what else its extension may hide. */
interface ZipKind {
  /** 工作簿 or 文档. */
  noun: string;
  invalid: string;
  ole2: string;
  encrypted: string;
  /** The parts whose merged ranges and validations are counted (an .xlsx's sheets). */
  scan?: RegExp;
  /** The largest XML part read (a .docx's parts are parsed whole). */
  partBytes?: number;
  /** The parts whose inflated bytes are kept for the reader (inflatedParts). */
  keep?: RegExp;
}

/** The parts the guard inflated of a file's bytes, kept for its reader (an .xlsx is inflated once). */
const kept = new WeakMap<Uint8Array, Map<string, Uint8Array>>();

/** The inflated parts of these bytes that the guard kept, by name; undefined when it kept none. */
export function inflatedParts(bytes: Uint8Array): ReadonlyMap<string, Uint8Array> | undefined {
  return kept.get(bytes);
}

const WORKBOOK: ZipKind = {
  noun: '工作簿',
  invalid: '不是有效的 .xlsx 文件（可能是其他类型的文件改了扩展名，或文件已损坏）',
  ole2: '不是 .xlsx 格式：这是设置了打开密码的工作簿，或改了扩展名的旧版 .xls 文件；请在 Excel 或 WPS 中取消密码或另存为 .xlsx 后再校验',
  encrypted: '工作簿已加密，无法读取；请在 Excel 或 WPS 中取消密码后再校验',
  scan: /^xl\/worksheets\/[^/]+\.xml$/i,
  keep: /\.(xml|rels)$/i,
};

const DOCX: ZipKind = {
  noun: '文档',
  partBytes: LIMITS.docxPartBytes,
  invalid: '不是有效的 .docx 文件（可能是其他类型的文件改了扩展名，或文件已损坏）',
  ole2: '不是 .docx 格式：这是设置了打开密码的 Word 文档，或改了扩展名的旧版 .doc 文件；请在 Word 或 WPS 中取消密码，或另存为 .docx 后再校验',
  encrypted: '文档已加密，无法读取；请在 Word 或 WPS 中取消密码后再校验',
};

/** An .xlsx or .docx: its zip directory read first, every part inflated to no more than it declares, in all no more than inflatedBytes. */
function guardZip(bytes: Uint8Array, kind: ZipKind): string | null {
  if (bytes.length >= 8 && OLE2.every((b, i) => bytes[i] === b)) return kind.ole2;
  let entries: ZipEntry[];
  try {
    entries = readZipDirectory(bytes, { maxDirectoryBytes: 16 * MiB, maxEntries: LIMITS.zipEntries }).entries;
  } catch (e) {
    if (e instanceof RangeError) return `${kind.noun}的组成部分过多（超过 ${LIMITS.zipEntries} 个），已拒绝读取`;
    return kind.invalid;
  }
  const declared = entries.reduce((s, e) => s + e.uncompressedSize, 0);
  if (declared > LIMITS.inflatedBytes) {
    return `解压后共 ${mb(declared)} MB，超过 ${mb(LIMITS.inflatedBytes)} MB 的上限（可能是压缩炸弹或异常的${kind.noun}），已拒绝读取`;
  }
  const bomb = (entry: ZipEntry) => `${kind.noun}中的 ${entry.name} 解压后比声明的大小大（可能是压缩炸弹），已拒绝读取`;
  const budget = { merges: 0, mergedCells: 0, validatedCells: 0 };
  const parts = new Map<string, Uint8Array>();
  for (const entry of entries) {
    if (entry.name.endsWith('/') && entry.uncompressedSize === 0) continue;
    if (entry.flags & 1) return kind.encrypted;
    if (entry.method !== 0 && entry.method !== 8)
      return `${kind.noun}中的 ${entry.name} 使用了不支持的压缩方式（${entry.method}），无法读取`;
    if (kind.partBytes && /\.xml$/i.test(entry.name) && entry.uncompressedSize > kind.partBytes)
      return `${kind.noun}中的 ${entry.name} 解压后有 ${mb(entry.uncompressedSize)} MB，超过 ${mb(kind.partBytes)} MB 的上限（年报正文只有几 MB，可能是异常的${kind.noun}），已拒绝读取`;
    const scan = kind.scan?.test(entry.name) ?? false;
    const keep = kind.keep?.test(entry.name) ?? false;
    let data: Uint8Array | null;
    try {
      const stored = entryData(bytes, entry);
      if (entry.method === 0) {
        if (stored.length > entry.uncompressedSize) return bomb(entry);
        data = stored;
      } else {
        // The sizes the directory declares may lie: inflate no more than declared, counted while inflating.
        const inflated = inflateBounded(stored, entry.uncompressedSize, scan || keep);
        // Less than declared: a truncated or corrupt part, which the readers would refuse too.
        if (inflated.length !== entry.uncompressedSize) return kind.invalid;
        data = inflated.bytes;
      }
    } catch (e) {
      if (e instanceof InflateLimitError) return bomb(entry);
      if (e instanceof ZipFormatError || e instanceof InflateFormatError) return kind.invalid;
      return `${kind.invalid}（${entry.name}）`;
    }
    if (scan && data) {
      const why = scanSheet(entry.name, data, budget);
      if (why) return why;
    }
    if (keep && data) parts.set(entry.name.replace(/^\//, ''), data);
  }
  if (kind.keep) kept.set(bytes, parts);
  return null;
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

/** Where `needle` (ASCII) next stands in `bytes` from `from`; -1 when nowhere. */
function indexOfAscii(bytes: Uint8Array, needle: string, from: number): number {
  const first = needle.charCodeAt(0);
  for (let at = bytes.indexOf(first, from); at >= 0; at = bytes.indexOf(first, at + 1)) {
    let i = 1;
    while (i < needle.length && bytes[at + i] === needle.charCodeAt(i)) i++;
    if (i === needle.length) return at;
  }
  return -1;
}

const latin1 = new TextDecoder('latin1');

/** Values of an attribute of every element with this local name (any prefix) in an XML part. */
function attributeValues(xml: Uint8Array, element: string, attribute: string, each: (value: string) => string | null): string | null {
  const attr = new RegExp(`\\s${attribute}\\s*=\\s*("([^"]*)"|'([^']*)')`);
  for (let at = indexOfAscii(xml, element, 0); at >= 0; at = indexOfAscii(xml, element, at + element.length)) {
    const before = xml[at - 1];
    const after = xml[at + element.length];
    // <mergeCell … or <x:mergeCell …, not <mergeCells …
    if ((before !== 0x3c && before !== 0x3a) || !(after === 0x20 || after === 0x09 || after === 0x0a || after === 0x0d)) continue;
    const end = xml.indexOf(0x3e, at); // '>'
    if (end < 0) break;
    const m = attr.exec(latin1.decode(xml.subarray(at, Math.min(end, at + 64 * 1024))));
    if (!m) continue;
    const why = each(m[2] ?? m[3]);
    if (why) return why;
  }
  return null;
}

function scanSheet(part: string, xml: Uint8Array, budget: { merges: number; mergedCells: number; validatedCells: number }): string | null {
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
