import { cellString } from './cellText';
import { CellId, FormatVersion, TableId, TABLE_NUMBERS } from './formats';
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
  const notes = [
    ...recognition.unplaced.map((u) => `第 ${top + u.row + 1} 行${u.col !== undefined ? `（${a1(top + u.row, left + u.col)}）` : ''}“${u.text}”：${u.reason}`),
    ...recognition.tables
      .filter((t) => t.missing.length > 0)
      .map((t) => `${TABLE_NUMBERS[t.table]}有 ${t.missing.length} 个单元格没有找到：${t.missing.slice(0, 5).join('、')}${t.missing.length > 5 ? ' 等' : ''}`),
  ];
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
