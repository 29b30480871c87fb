import type { CheckOptions, WorkbookCheck } from './check';
import type { InsertOptions, InsertResult, Inserted } from './insert';
import type { LastYearSource, LinkResult } from './lastYear';
import type { LiveCheckerOptions } from './live';
import type { Done, Failed, NoneFound } from './outcome';
import type { Problem } from './problems';
import type { RecogniseResult, Reinserted } from './pasted';
import type { RollupResult, RollupUnit } from './rollup';
import type { FormatVersion, TableId } from '../report/standard/formatNames';

// The host operations the task pane uses, in one interface: Excel implements it (excelHost.ts,
// through office.js); a second spreadsheet host (WPS 表格's JS API) would be one more
// implementation, and the pane would not change. Every operation answers with an outcome
// (outcome.ts) and never throws for what the user can put right.

/** The live check of the workbook: its latest result goes to the options' onResult. */
export interface Watcher {
  /**
   * Checks the whole workbook now. 'click' (the default): the user asked, so it runs at once and says
   * any error; 'auto': held during cell edit, passing errors tried again before they are shown.
   */
  refresh(how?: 'auto' | 'click'): Promise<WorkbookCheck>;
  /** Runs one of the add-in's own writes: its change events are not taken for the user's edits. */
  whileWriting<T>(write: () => Promise<T>): Promise<T>;
  setEnabled(on: boolean): void;
  stop(): Promise<void>;
}

export interface HostOperations {
  /** insert: the official tables, on a new sheet or at the selection. */
  insertTables(options: InsertOptions): Promise<InsertResult>;
  /** check and watch: every table of the workbook, now and after each edit. */
  watch(options: LiveCheckerOptions): Watcher;
  /** select: a finding's cells on their sheet; a message when that failed. */
  selectCells(sheetId: string, addresses: string[], options?: { multiArea?: boolean }): Promise<Problem | null>;
  /** recognise: a pasted table checked where it stands. */
  recogniseActiveSheet(): Promise<RecogniseResult>;
  unmarkActiveSheet(): Promise<Done<{ removed: number }> | Failed>;
  /** convert: a pasted table into the official one on a new sheet. */
  convertActiveSheet(totalsAsFormulas?: boolean, pageSetup?: boolean): Promise<InsertResult | (NoneFound & { sheet: string })>;
  reinsertTable(
    table: { sheet: string; table: TableId; version: FormatVersion; address?: string },
    totalsAsFormulas?: boolean,
    pageSetup?: boolean,
  ): Promise<Done<Reinserted> | Exclude<InsertResult, Done<Inserted>>>;
  /** link last year: a sheet of the workbook or a file's values. */
  listSheets(): Promise<{ id: string; name: string }[]>;
  linkLastYear(source: LastYearSource): Promise<LinkResult>;
  unlinkLastYear(): Promise<Done<{ removed: number }> | Failed>;
  /** roll up: the units' sheets added up on a summary sheet. */
  rollupUnits(): Promise<RollupUnit[]>;
  insertWorkbookRollup(chosen?: readonly string[], pageSetup?: boolean): Promise<RollupResult>;
}

export type { CheckOptions };
