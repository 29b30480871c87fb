import { Report } from '../report/report';
import { validate } from '../report/validate';
import { NotAReportError } from './exchange';
import { NoTablesError, readReports } from './readers';
import { FileResult } from './render';

export interface CheckFileOptions {
  lastYear?: Report;
  /** Found by walking a folder (not named on the command line): a file without tables is skipped. */
  inFolder?: boolean;
}

/** What checking one file gave: its reports, or why it was skipped or could not be read. */
export interface FileOutcome {
  file: string;
  results: FileResult[];
  /** Chinese reason, when a folder's file holds no tables and was passed over. */
  skipped?: string;
  /** Chinese reason, when the file could not be read. */
  unreadable?: string;
}

/** Reads and checks one file. Never throws: a failure is the outcome's `unreadable`. */
export async function checkFile(file: string, options: CheckFileOptions = {}): Promise<FileOutcome> {
  try {
    const reads = await readReports(file);
    const results: FileResult[] = [];
    for (const read of reads) {
      const findings = validate(read.report, { lastYear: options.lastYear, tables: read.checkTables, present: read.present }).map((f) => {
        if (!read.addressOf) return f;
        const places = f.cells.map((c) => read.addressOf!(c)).filter((p) => p !== undefined);
        return places.length ? { ...f, sheet: places[0].sheet, address: places.map((p) => p.address) } : f;
      });
      // A workbook with tables on several sheets gives one result a sheet.
      const label = reads.length > 1 && read.sheet !== undefined ? `${file}（工作表“${read.sheet}”）` : file;
      const format = read.tables.length ? read.report.format : null;
      results.push({ file: label, format, tables: read.tables, findings, notes: read.notes });
    }
    return { file, results };
  } catch (e) {
    if (e instanceof NoTablesError && options.inFolder) return { file, results: [], skipped: e.message };
    return { file, results: [], unreadable: describeError(e) };
  }
}

/** A Chinese reason for an error thrown while reading a file. */
export function describeError(e: unknown): string {
  if (e instanceof NotAReportError) return e.message;
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ENOENT') return '文件不存在';
  if (err?.code === 'EACCES') return '没有读取权限';
  if (err?.code === 'EISDIR') return '这是一个文件夹';
  return err?.message ?? String(e);
}
