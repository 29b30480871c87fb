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

/** How long reading and checking one file may take, on every path (the command's children, the web page's workers). */
export const FILE_TIME_LIMIT_MS = 60_000;

/** Why a file that ran past its time is unreadable, in Chinese. */
export const timeoutReason = (ms: number): string => `超时：读取和校验此文件超过 ${Math.round(ms / 1000)} 秒，已停止`;

/** Why a file on which the reader failed outside its own handling is unreadable, in Chinese. */
export const CRASH_REASON = '读取此文件时程序出错，已停止';
