import { promises as fs } from 'fs';
import * as path from 'path';
import { TableId, TABLE_IDS } from '../report/standard/formats';
import { SheetInput } from '../report/sheet/sheetCheck';
import { Report } from '../report/standard/report';
import { decodeTextDetailed, undecodableNote } from './decode';
import { NotAReportError, parseExchange } from './exchange';
import { guardFile } from './guard';
import { ExpandedInputs, otherKindHint, SkippedInput, walkInputs } from './inputs';
import { NoTablesError, readPasted } from './pasted';
import { readDocx } from './readDocx';
import { readHtml } from './readHtml';
import { readPdf } from './readPdf';
import { readXlsx } from './readXlsx';

/**
 * What a reader found in one file: sheets to check (a workbook's sheets, pasted text), checked by
 * the shared core (src/report/sheet/sheetCheck.ts), or a report in the exchange format.
 */
export type ReadReport = SheetRead | ExchangeRead;

export interface SheetRead {
  kind: 'sheet';
  input: SheetInput;
  /** What the reader itself could not read (undecodable lines), in Chinese. */
  notes: string[];
  /** The document's text outside the tables (a web page, Word, PDF; all of a .txt), checked against the tables. */
  prose?: string;
  /** What the user should know that did not stop the reading (a declared charset that did not fit), in Chinese. */
  remarks?: string[];
  /**
   * A published document (.html, .docx, .pdf): its cells have no sheet address and no line of a
   * file, so findings name their cells.
   */
  document?: boolean;
}

export interface ExchangeRead {
  kind: 'exchange';
  report: Report;
  tables: TableId[];
  notes: string[];
}

/** A file holds one report, or several (a workbook with tables on several sheets). */
export type Reader = (file: string) => Promise<ReadReport | ReadReport[]>;

async function readJson(file: string): Promise<ExchangeRead> {
  // Same decoder as pasted text: a BOM, UTF-16 or GB18030 does not make the JSON invalid.
  const decoded = decodeTextDetailed(await fs.readFile(file));
  const report = parseExchange(decoded.text);
  const tables = TABLE_IDS.filter((t) => Object.keys(report.cells).some((id) => id.startsWith(`${t}.`)));
  const note = undecodableNote(decoded.undecodable);
  return { kind: 'exchange', report, tables: tables.length ? tables : [...TABLE_IDS], notes: note ? [note] : [] };
}

async function readWorkbook(file: string): Promise<SheetRead[]> {
  return (await readXlsx(file)).map((input) => ({ kind: 'sheet', input, notes: [] }));
}

const READERS: Record<string, Reader> = {
  '.json': readJson,
  '.xlsx': readWorkbook,
  '.xlsm': readWorkbook,
  '.tsv': readPasted,
  '.txt': readPasted,
  '.html': readHtml,
  '.htm': readHtml,
  '.docx': readDocx,
  '.pdf': readPdf,
};

export function supportedExtensions(): string[] {
  return Object.keys(READERS);
}

/** Every report a file holds, in order. */
export async function readReports(file: string): Promise<ReadReport[]> {
  // Before any reader: a missing file, a FIFO, a device, a file too large or a zip bomb is refused with the reason.
  const refused = await guardFile(file);
  if (refused) throw new NotAReportError(refused);
  const reader = READERS[path.extname(file).toLowerCase()];
  if (!reader) throw new NotAReportError(otherKindHint(file) ?? `不支持的文件类型（支持 ${supportedExtensions().join('、')}）`);
  const read = await reader(file);
  return Array.isArray(read) ? read : [read];
}

/**
 * Files named on the command line, folders expanded (recursively) to the files a reader supports;
 * `skipped` lists, with the Chinese reason, the files of other kinds people send (.xls, .csv,
 * .doc…) and the folders that could not be opened.
 */
export async function expandInputs(inputs: string[]): Promise<ExpandedInputs> {
  return walkInputs(inputs, (file) => READERS[path.extname(file).toLowerCase()] !== undefined);
}

export { NoTablesError };
export type { ExpandedInputs, SkippedInput };
