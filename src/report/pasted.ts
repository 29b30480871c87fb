import { cellString } from './cellText';
import { CellId, FormatVersion, TableId, TABLE_NAMES, TABLE_NUMBERS } from './formats';
import { a1 } from './layout';
import { RawValue, SheetValueType, valueFromSheet } from './placed';
import { recognise, Recognition } from './recognise';
import { Report } from './report';

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

export interface NoteOptions {
  /** Sheet row and column of the grid's (0, 0). */
  top?: number;
  left?: number;
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
  const { top = 0, left = 0, prefix = '', cellAddresses = false, max = 10 } = options;
  const unplaced = r.unplaced.map((u) => {
    const cell = cellAddresses && u.col !== undefined ? `（${a1(top + u.row, left + u.col)}）` : '';
    return `${prefix}第 ${top + u.row + 1} 行${cell}${u.text ? `“${u.text.slice(0, 40)}”` : ''}：${u.reason}`;
  });
  const notes = unplaced.slice(0, max);
  if (unplaced.length > max) notes.push(`${prefix}另有 ${unplaced.length - max} 处内容未能识别`);
  for (const t of r.tables) {
    if (t.missing.length === 0) continue;
    const ids = `${t.missing.slice(0, 5).join('、')}${t.missing.length > 5 ? ' 等' : ''}`;
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
export function readPastedBlock(values: RawValue[][], top: number, left: number, types?: SheetValueType[][]): PastedRead {
  const grid = values.map((row) => row.map((v) => cellString(v)));
  const recognition = recognise(grid);
  const sites = new Map<CellId, { row: number; col: number }>();
  const version: FormatVersion | null = recognition.version;
  let inPlace: Report | null = null;
  if (version) {
    inPlace = { format: version, cells: {} };
    for (const [id, p] of Object.entries(recognition.positions) as [CellId, { row: number; col: number }][]) {
      sites.set(id, { row: top + p.row, col: left + p.col });
      inPlace.cells[id] = valueFromSheet(values[p.row]?.[p.col], types?.[p.row]?.[p.col]);
    }
  }
  const tables = recognition.tables.map((t) => t.table);
  const notes = recognitionNotes(recognition, { top, left, cellAddresses: true });
  const rows = recognition.tables.flatMap((t) => [t.firstRow, t.lastRow]);
  return {
    recognition,
    inPlace,
    sites,
    tables,
    top: rows.length ? top + Math.min(...rows) : top,
    bottom: rows.length ? top + Math.max(...rows) : top,
    notes,
  };
}
