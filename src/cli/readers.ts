import { promises as fs } from 'fs';
import * as path from 'path';
import { CellId, TableId, TABLE_IDS } from '../report/formats';
import { Report } from '../report/report';
import { decodeTextDetailed, undecodableNote } from './decode';
import { NotAReportError, parseExchange } from './exchange';
import { guardFile } from './guard';
import { ExpandedInputs, otherKindHint, SkippedInput, walkInputs } from './inputs';
import { NoTablesError, readPasted } from './pasted';
import { readXlsx } from './xlsx';

/** What a reader found in one file. */
export interface ReadReport {
  report: Report;
  tables: TableId[];
  notes: string[];
  /** Sheet and A1 address of each cell, where the file is a workbook. */
  addressOf?: (id: string) => { sheet: string; address: string } | undefined;
  /** The sheet the report was read from, where the file is a workbook. */
  sheet?: string;
  /**
   * Check only these tables (a workbook sheet or pasted text that holds only some of them); all
   * tables of the version when absent (the JSON exchange format).
   */
  checkTables?: TableId[];
  /** The cells the file has (a recognised table may lack some): the others are not checked. */
  present?: ReadonlySet<CellId>;
}

/** A file holds one report, or several (a workbook with tables on several sheets). */
export type Reader = (file: string) => Promise<ReadReport | ReadReport[]>;

async function readJson(file: string): Promise<ReadReport> {
  // Same decoder as pasted text: a BOM, UTF-16 or GB18030 does not make the JSON invalid.
  const decoded = decodeTextDetailed(await fs.readFile(file));
  const report = parseExchange(decoded.text);
  const tables = TABLE_IDS.filter((t) => Object.keys(report.cells).some((id) => id.startsWith(`${t}.`)));
  const note = undecodableNote(decoded.undecodable);
  return { report, tables: tables.length ? tables : [...TABLE_IDS], notes: note ? [note] : [] };
}

const READERS: Record<string, Reader> = {
  '.json': readJson,
  '.xlsx': readXlsx,
  '.xlsm': readXlsx,
  '.tsv': readPasted,
  '.txt': readPasted,
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

/** The one report of a file (last year's report): the first one that holds tables. */
export async function readReport(file: string): Promise<ReadReport> {
  const reports = await readReports(file);
  return reports.find((r) => r.tables.length > 0) ?? reports[0];
}

/** Files found by walking a folder (not named on the command line). */
const walked = new Set<string>();

export function foundInFolder(file: string): boolean {
  return walked.has(file);
}

/**
 * Files named on the command line, folders expanded (recursively) to the files a reader supports;
 * `skipped` lists, with the Chinese reason, the files of other kinds people send (.xls, .csv,
 * .docx, .pdf…) and the folders that could not be opened.
 */
export async function expandInputs(inputs: string[]): Promise<ExpandedInputs> {
  return walkInputs(inputs, (file) => READERS[path.extname(file).toLowerCase()] !== undefined, walked);
}

export { NoTablesError };
export type { ExpandedInputs, SkippedInput };
