// Tables the add-in did not insert, recognised in a block of sheet values and read in place (the
// values as the sheet holds them), with the notes on what could not be placed.

import { cellString, shortText } from '../standard/cellText';
import { CellId, FormatVersion, TableId, TABLE_NAMES, TABLE_NUMBERS, dataCell } from '../standard/formats';
import { a1 } from '../standard/a1';
import { RawValue, SheetValueType, valueFromSheet } from './templateBlock';
import { recognise, Recognition } from '../recognise/recognise';
import { Report } from '../standard/report';

/** A recognised pasted table read in place: values as the sheet holds them, and where each sits. */
export interface PastedRead {
  recognition: Recognition;
  /** Values exactly as the sheet holds them (text stays text, as Excel's formulas see it). */
  inPlace: Report | null;
  /** Sheet position of each recognised cell. */
  sites: Map<CellId, { row: number; col: number }>;
  tables: TableId[];
  /** The rows the recognised tables span on the sheet. */
  top: number;
  bottom: number;
  notes: string[];
}

/** Where a grid cell sits on the sheet (or in the file): grid row and column → sheet row and column. */
export type GridOrigin = (row: number, col: number) => { row: number; col: number };

export const offsetOrigin =
  (top: number, left: number): GridOrigin =>
  (row, col) => ({ row: top + row, col: left + col });

export interface NoteOptions {
  /** Sheet position of a grid cell (the grid's (0, 0) is A1 by default). */
  at?: GridOrigin;
  /** Put before each note, e.g. 工作表“Sheet1”. */
  prefix?: string;
  /** Name the cell of an unplaced row (a worksheet), not only its row (a text file). */
  cellAddresses?: boolean;
  /** Unplaced rows listed at most; the rest are counted. */
  max?: number;
}

/**
 * What the recogniser could not place or find, in Chinese, for every reader (the add-in, the
 * command's .xlsx and pasted-text readers). Cells not found are not checked (validate's `present`).
 */
export function recognitionNotes(r: Recognition, options: NoteOptions = {}): string[] {
  const { at = offsetOrigin(0, 0), prefix = '', cellAddresses = false, max = 10 } = options;
  const note = (u: Recognition['unplaced'][number]): string => {
    const p = at(u.row, u.col ?? 0);
    const cell = cellAddresses && u.col !== undefined ? `（${a1(p.row, p.col)}）` : '';
    return `${prefix}第 ${p.row + 1} 行${cell}${u.text ? `“${shortText(u.text)}”` : ''}：${u.reason}`;
  };
  // Every row of run-together digits is named with its readings; the other notes are counted beyond `max`.
  const unplaced = r.unplaced.filter((u) => !u.readings).map(note);
  const notes = [...r.unplaced.filter((u) => u.readings).map(note), ...unplaced.slice(0, max)];
  if (unplaced.length > max) notes.push(`${prefix}另有 ${unplaced.length - max} 处内容未能识别`);
  for (const t of r.tables) {
    if (t.missing.length === 0) continue;
    // Named as the table names them (自然人一列的“…”), not by the cell ids of the exchange format.
    const names = t.missing.map((id) => dataCell(t.version, id)?.label ?? id);
    const ids = `${names.slice(0, 5).join('、')}${names.length > 5 ? ' 等' : ''}`;
    notes.push(`${prefix}${TABLE_NUMBERS[t.table]}（${TABLE_NAMES[t.table]}）有 ${t.missing.length} 个单元格没有找到，不参与校验：${ids}`);
  }
  return notes;
}

/** The cells a recognition found: the others are not checked. */
export function recognisedCells(r: Recognition): Set<CellId> {
  return new Set(Object.keys(r.positions) as CellId[]);
}

/**
 * Recognises tables in a block of sheet values whose top-left cell is at (top, left) on the sheet.
 * The recogniser's cleaned values (units stripped) serve a conversion to the template; the in-place
 * check uses the raw values, so that its findings agree with the highlights Excel computes.
 */
export function readPastedBlock(
  values: RawValue[][],
  top: number,
  left: number,
  types?: SheetValueType[][],
  options: PastedOptions = {},
): PastedRead {
  const at = options.at ?? offsetOrigin(top, left);
  const grid = values.map((row) => row.map((v) => cellString(v)));
  const recognition = recognise(grid);
  const sites = new Map<CellId, { row: number; col: number }>();
  const version: FormatVersion | null = recognition.version;
  let inPlace: Report | null = null;
  if (version) {
    inPlace = { format: version, cells: {} };
    for (const [id, p] of Object.entries(recognition.positions) as [CellId, { row: number; col: number }][]) {
      sites.set(id, at(p.row, p.col));
      // Text has no cell types to honour; a number found inside a longer text is only the recogniser's.
      inPlace.cells[id] =
        options.asText || recognition.fromText.has(id)
          ? (recognition.report.cells[id] ?? null)
          : valueFromSheet(values[p.row]?.[p.col], types?.[p.row]?.[p.col]);
    }
  }
  const tables = recognition.tables.map((t) => t.table);
  const notes = recognitionNotes(recognition, { at, prefix: options.prefix, cellAddresses: !options.asText });
  const rows = recognition.tables.flatMap((t) => [t.firstRow, t.lastRow]);
  return {
    recognition,
    inPlace,
    sites,
    tables,
    top: rows.length ? at(Math.min(...rows), 0).row : top,
    bottom: rows.length ? at(Math.max(...rows), 0).row : top,
    notes,
  };
}

export interface PastedOptions {
  /** The grid is text (a .txt file), not sheet cells: the recogniser's cleaned values are the values. */
  asText?: boolean;
  /** Sheet position of a grid cell, where the grid is not a plain block (a compacted sheet). */
  at?: GridOrigin;
  /** Put before each note, e.g. 工作表“Sheet1”. */
  prefix?: string;
}
