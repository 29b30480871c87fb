import { TableId } from '../report/standard/formats';
import { Report } from '../report/standard/report';
import { SheetInput } from '../report/sheet/sheetCheck';

// What a reader finds in one file, shared by every reader and by the check of what was read.

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
  /** A roll-up the tool wrote (rollupMark.ts): checked like any report, never summed as a unit. */
  rollup?: true;
}

export interface ExchangeRead {
  kind: 'exchange';
  report: Report;
  tables: TableId[];
  notes: string[];
  /** A roll-up the tool wrote (rollupMark.ts). */
  rollup?: true;
}

/** Reads a file's bytes (already past the guard). A file holds one report, or several (a workbook with tables on several sheets). */
export type Reader = (bytes: Uint8Array) => ReadReport | ReadReport[] | Promise<ReadReport | ReadReport[]>;
