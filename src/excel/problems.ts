import type { TableId } from '../report/standard/formatNames';
import type { FormulaTotalLost } from './check';

// Why a host operation was not done, as data: the task pane words each problem for the user
// (src/taskpane/problemText.ts), so that the words live with the pane and a second host adapter
// answers with the same problems.

export type Problem =
  /** An Excel batch failed: Excel's error code (null when it gave none) and its own words. */
  | { code: 'excel'; excelCode: string | null; detail: string }
  | { code: 'noTableChosen' }
  | { code: 'sheetProtected'; sheet: string; to: 'insert' | 'mark' }
  | { code: 'tablesOnSheet'; sheet: string; tables: TableId[] }
  /** Cells the tables would cover hold something (never overwritten). */
  | { code: 'areaInUse'; occupied: string[]; validation: boolean; merges: string[] }
  /** The drawing sync failed; `undone` when what it drew was removed again. */
  | { code: 'drawFailed'; cause: Extract<Problem, { code: 'excel' }>; undone: boolean; onNewSheet: boolean }
  | { code: 'emptySheet'; sheet: string; for: 'recognise' | 'lastYear' }
  | { code: 'noTables'; sheet: string; for: 'recognise' | 'convert' | 'lastYear' }
  | { code: 'nothingToRollUp' }
  | { code: 'mixedVersions'; sheetsByVersion: { version: string; sheets: string[] }[] }
  /** Last year's report is in a later format than this year's sheets. */
  | { code: 'lastYearNewer'; last: string; sheets: string[] }
  /**
   * Reading the workbook failed because another workbook has the focus: InactiveWorkbook, or
   * InvalidSelection from a worksheet's names (https://github.com/OfficeDev/office-js/issues/6365),
   * which is not about the user's selection.
   */
  | { code: 'workbookNotInView'; excelCode: string }
  /**
   * Excel refused a highlight rule (a conditional format) with InvalidArgument: not a table that does
   * not fit. `for`: linking last year's report, or putting back the highlights after a paste.
   */
  | { code: 'highlightRefused'; for: 'lastYear' | 'repair'; detail: string }
  /** A reason already worded where it arose (the shared file readers, the pane itself). */
  | { code: 'said'; text: string };

/** Something the live check put right by itself, or noticed, to tell the user once. */
export type LiveNotice =
  { code: 'restored'; sheet: string; tables: TableId[] } | { code: 'formulaTotalsLost'; sheet: string; lost: FormulaTotalLost[] };

/** A problem thrown inside an operation, to be answered as its outcome. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.code);
  }
}

/** The problem of anything an Excel batch may throw. */
export function problemOf(e: unknown): Problem {
  if (e instanceof ProblemError) return e.problem;
  const code = (e as { code?: string } | null)?.code;
  return { code: 'excel', excelCode: code ?? null, detail: (e as Error | null)?.message ?? String(e) };
}

/** The Excel error code of a problem, if it is one. */
export function excelCodeOf(p: Problem | null | undefined): string | null {
  return p?.code === 'excel' ? p.excelCode : null;
}

/**
 * The problem of a failed operation that does not use the selection (a check, linking, recognising,
 * rolling up): InvalidSelection there is never about the user's selection.
 */
export function readProblem(e: unknown): Problem {
  const p = problemOf(e);
  const code = excelCodeOf(p);
  return code === 'InvalidSelection' || code === 'InactiveWorkbook' ? { code: 'workbookNotInView', excelCode: code } : p;
}
