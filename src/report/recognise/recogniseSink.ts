import { CellId, ColumnKind, DEFAULT_VERSION, FormatVersion, TableId } from '../standard/formats';
import type { PlacedValue, Unplaced } from './types';
import { Cell, Row, quote, valueOf, rowText } from './recogniseRows';

/**
 * What the per-table readers write into: the rows, the decided version, every value placed (once),
 * what could not be placed, and the rows each table spans.
 */
export class RecognitionSink {
  rows: Row[] = [];
  version: FormatVersion = DEFAULT_VERSION;
  readonly placed = new Map<CellId, PlacedValue>();
  readonly unplaced: Unplaced[] = [];
  readonly span = new Map<TableId, { first: number; last: number }>();
  readonly cellsOf = new Map<TableId, PlacedValue[]>();
  /** Rows already read as the continuation of another (a wrapped label, a split 表四 row). */
  readonly consumed = new Set<number>();

  touch(table: TableId, row: number): void {
    const s = this.span.get(table);
    if (!s) this.span.set(table, { first: row, last: row });
    else {
      s.first = Math.min(s.first, row);
      s.last = Math.max(s.last, row);
    }
  }

  place(table: TableId, id: CellId, cell: Cell | undefined, row: Row, col: number, kind: ColumnKind): boolean {
    const value = valueOf(cell, kind);
    const raw = cell?.raw ?? '';
    if (this.placed.has(id)) return false;
    const pv: PlacedValue = cell
      ? { id, value, row: cell.srcRow, col: cell.srcCol, raw }
      : { id, value, row: row.first, col: row.reshaped ? (row.cells[row.cells.length - 1]?.srcCol ?? col) : col, raw };
    if (cell?.fromText) pv.fromText = true;
    this.placed.set(id, pv);
    const list = this.cellsOf.get(table) ?? [];
    list.push(pv);
    this.cellsOf.set(table, list);
    return true;
  }

  /** Place a whole row, or nothing if any of its cells was placed before. */

  placeRow(table: TableId, row: Row, items: { id: CellId; col: number; kind: ColumnKind }[], label: string): void {
    if (items.some((it) => this.placed.has(it.id))) {
      this.unplaced.push({
        row: row.first,
        text: rowText(row),
        reason: `${quote(label)}一行重复出现，已按第一次出现的数值读取，这一行未读入`,
      });
      return;
    }
    for (const it of items) this.place(table, it.id, row.cells[it.col], row, it.col, it.kind);
    this.touch(table, row.index);
  }

  /** Report a row (or one cell of it, by its column in the row) at its grid position. */

  unplace(row: Row, reason: string, col?: number, text?: string): void {
    const cell = col === undefined ? undefined : row.cells[col];
    const at = cell ? cell.srcRow : row.first;
    this.unplaced.push(
      col === undefined
        ? { row: at, text: text ?? rowText(row), reason }
        : { row: at, col: cell ? cell.srcCol : col, text: text ?? rowText(row), reason },
    );
  }

  /** A row whose values reshape could not separate: reported, counted in the table. */

  unreadable(table: TableId, row: Row): boolean {
    if (!row.unreadable) return false;
    this.touch(table, row.index);
    this.unplace(row, row.unreadable);
    return true;
  }

  nextNonBlank(index: number): Row | undefined {
    for (let i = index + 1; i < this.rows.length; i++) if (!this.rows[i].blank) return this.rows[i];
    return undefined;
  }

  /** A text-only row that was not the first half of a wrapped label. */
}
