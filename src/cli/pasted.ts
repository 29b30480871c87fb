import { promises as fs } from 'fs';
import { recognisedCells, recognitionNotes } from '../report/pasted';
import { parseTsv, recognise } from '../report/recognise';
import { NotAReportError } from './exchange';
import type { ReadReport } from './readers';

// Text pasted from Word, a web page or Excel and saved as .txt/.tsv: decoded whatever the editor
// saved it as, split into rows and tab-separated cells, and recognised.

/** A readable file that holds no table: skipped when a folder walk found it, an error when named. */
export class NoTablesError extends NotAReportError {}

/**
 * Decodes a text file: UTF-8 (with or without BOM), UTF-16 with BOM (Excel's “Unicode 文本”), and
 * GB18030/GBK, which older Chinese Windows editors save.
 */
export function decodeText(data: Buffer): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return new TextDecoder('utf-16be').decode(data.subarray(2));
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return new TextDecoder('utf-8').decode(data.subarray(3));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    try {
      return new TextDecoder('gb18030').decode(data);
    } catch {
      return new TextDecoder('utf-8').decode(data);
    }
  }
}

/** Reads pasted text; positions are reported as 第 N 行 (rows of the file), not addresses. */
export function readPastedText(text: string): ReadReport {
  const r = recognise(parseTsv(text));
  if (r.tables.length === 0 || r.version === null) {
    throw new NoTablesError('文本中没有找到年报统计表格（表二、表三、表四）');
  }
  const tables = r.tables.map((t) => t.table);
  return { report: r.report, tables, checkTables: tables, present: recognisedCells(r), notes: recognitionNotes(r) };
}

export async function readPasted(file: string): Promise<ReadReport> {
  return readPastedText(decodeText(await fs.readFile(file)));
}
