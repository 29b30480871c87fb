import { Severity } from './rules';

/**
 * The verdict on one report (a sheet, a file), shared by the add-in and the command:
 * - passed: every table the input holds was read completely and checked, and no error was found;
 * - errors: at least one error, whatever else;
 * - incomplete: no error, but some table, row or cell the input holds was not read or not checked;
 * - unreadable: not a report, or the file cannot be read.
 */
export type Verdict = 'passed' | 'errors' | 'incomplete' | 'unreadable';

export const VERDICTS: readonly Verdict[] = ['passed', 'errors', 'incomplete', 'unreadable'];

export const VERDICT_LABELS: Record<Verdict, string> = {
  passed: '通过',
  errors: '有错误',
  incomplete: '部分未校验',
  unreadable: '无法读取',
};

/** The command's exit code of a single verdict. */
export const VERDICT_EXIT_CODES: Record<Verdict, number> = { passed: 0, errors: 1, unreadable: 2, incomplete: 3 };

/** Several reports (a folder): the most serious verdict, in this order. */
const SERIOUSNESS: readonly Verdict[] = ['unreadable', 'errors', 'incomplete', 'passed'];

export function worstVerdict(verdicts: readonly Verdict[]): Verdict {
  for (const v of SERIOUSNESS) if (verdicts.includes(v)) return v;
  return 'unreadable'; // nothing was checked at all
}

export interface VerdictInput {
  /** Tables read and checked (completely or not). */
  tablesRead: number;
  findings: readonly { severity: Severity }[];
  /** What the input holds that was not read or not checked (Chinese), e.g. a damaged table. */
  unchecked: readonly string[];
}

export function verdictOf(r: VerdictInput): Verdict {
  if (r.findings.some((f) => f.severity === 'error')) return 'errors';
  if (r.tablesRead === 0 && r.unchecked.length === 0) return 'unreadable';
  if (r.unchecked.length > 0 || r.tablesRead === 0) return 'incomplete';
  return 'passed';
}
