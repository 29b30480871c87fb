import { CellId, FormatVersion, TableId } from '../standard/formats';
import { CellValue, Report } from '../standard/report';

// What the recogniser finds in a grid: the placed values, the tables and what could not be placed.
// Its own module, so that the table readers (recogniseSink.ts) and the walker (recognise.ts) share
// these types without importing each other.

export interface PlacedValue {
  id: CellId;
  value: CellValue;
  /** 0-based position of the grid cell the value comes from. */
  row: number;
  col: number;
  /** The text the value was read from: the cell's text, or the part of it (fromText). */
  raw: string;
  /**
   * The value is a part of a longer text in its grid cell (“一、本年新收… 3 0 0 0 0 0 3”, or a digit
   * of “3000003”): the cell itself is text, so Excel's formulas cannot see the number, and several
   * values may share that cell. Absent for a value that is its cell's whole content.
   */
  fromText?: true;
}

export interface Unplaced {
  row: number;
  col?: number;
  text: string;
  /** Why it was not placed, in Chinese. */
  reason: string;
  /** A row of run-together digits whose reason lists its readings: never left out of a list of notes. */
  readings?: true;
}

/**
 * A row whose digits run together, more of them than it has cells: its cells are not read, and
 * every way to read its digits is listed (digitReadings.ts), for the message and for the rules
 * that fail whichever way they are read.
 */
export interface UndeterminedRow {
  row: number;
  /** The row's name as the message gives it, e.g. “（一）予以公开”一行. */
  name: string;
  digits: string;
  /** The row's cells, in the order of the digits. */
  cells: CellId[];
  /** How many readings there are; `readings` lists them all, or none when there are too many. */
  count: number;
  readings: number[][];
}

/** A label read as the official one it nearly is (a character off, a variant character, a fragment). */
export interface ApproximateLabel {
  row: number;
  text: string;
  label: string;
  /** A header cell (a column, a group of columns), not a row label. */
  header?: true;
}

export interface RecognisedTable {
  table: TableId;
  version: FormatVersion;
  /** First and last grid row that belongs to the table (the section title above it is not counted). */
  firstRow: number;
  lastRow: number;
  cells: PlacedValue[];
  /** Data cells of the version that were not found. */
  missing: CellId[];
}

export interface Recognition {
  /** Decided from the signatures of formats.md; null if no table was found. */
  version: FormatVersion | null;
  /** Why that version, in Chinese, e.g. 出现“上一年项目数量”（2019版）. */
  versionEvidence: string[];
  /** The tables found, in grid order. */
  tables: RecognisedTable[];
  /** Every placed value, in the exchange format (format is the default version when no table was found). */
  report: Report;
  /** 0-based grid position of each placed value (several values may share a cell: see fromText). */
  positions: Partial<Record<CellId, { row: number; col: number }>>;
  /**
   * The placed values read from inside a longer text cell (PlacedValue.fromText). The sheet's cell
   * at their position holds text, not the number: use the value in `report`, not the sheet's.
   */
  fromText: Set<CellId>;
  /** Rows (or cells) that look like table rows but could not be placed. */
  unplaced: Unplaced[];
  /** The rows among `unplaced` whose run-together digits have several readings. */
  undetermined: UndeterminedRow[];
  /** Row labels and header labels read by an approximate match: the text and the label taken. */
  approximate: ApproximateLabel[];
}
