import { Report } from '../report/standard/report';
import { readReports } from '../read/files';
import { checkReads, describeError, lastYearOf } from '../read/checkReads';
import { FileResult } from '../read/result';

// The command's check of one file on disk: read past the file checks and the guard, then the shared
// check of what was read (src/read/checkReads.ts).

export interface CheckFileOptions {
  lastYear?: Report;
}

/** What checking one file gave: its reports, or why it was skipped or could not be read. */
export interface FileOutcome {
  file: string;
  results: FileResult[];
  /** Chinese reason, when the file could not be read. */
  unreadable?: string;
}

/** Reads and checks one file. Never throws: a failure is the outcome's `unreadable`. */
export async function checkFile(file: string, options: CheckFileOptions = {}): Promise<FileOutcome> {
  try {
    return { file, results: checkReads(file, await readReports(file), options.lastYear) };
  } catch (e) {
    // A file without tables is unreadable, in a folder too: it may be a report the reader could not
    // recognise, and a folder's verdict must not pass over it.
    return { file, results: [], unreadable: describeError(e) };
  }
}

/** Last year's report (--last-year): the values of the first report of a file that holds tables. */
export async function readLastYear(file: string): Promise<Report> {
  return lastYearOf(file, await readReports(file)).report;
}

export { describeError };
