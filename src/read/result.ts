import { FormatVersion, TableId } from '../report/standard/formats';
import { Report } from '../report/standard/report';
import { Finding } from '../report/standard/validate';
import { Verdict } from '../report/standard/verdict';

// What checking one report of a file gives, the same for the command, the task pane and the web page.

/** One checked report (a file, or a sheet of a workbook) as every front end reports it. */
export interface FileResult {
  file: string;
  /** The sheet of a workbook the report was read from. */
  sheet?: string;
  format: FormatVersion | null;
  /** The tables read and checked. */
  tables: TableId[];
  /** Findings with their sheet and cells (a workbook) or the lines of the file (pasted text). */
  findings: (Finding & { sheet?: string; address?: string[]; lines?: number[]; positions?: { line: number; column: number }[] })[];
  /** What the file holds that was not read or not checked (Chinese): any of it makes the report incomplete. */
  notes: string[];
  /** What the user should know that did not stop the check (Chinese). */
  remarks: string[];
  verdict: Verdict;
  /** Why the file could not be read, when the verdict is unreadable. */
  reason?: string;
  /** The values read (last year's report, a roll-up). */
  report?: Report | null;
  /** Tables there, not one number entered: worded 尚未填写. */
  unfilled?: true;
  /** The file is a roll-up the tool wrote: never summed as a unit. */
  rollup?: true;
}

/** A file that could not be read, as a result of its own (one bad file never hides the others). */
export function unreadableResult(file: string, reason: string): FileResult {
  return { file, format: null, tables: [], findings: [], notes: [], remarks: [], verdict: 'unreadable', reason };
}
