import { CellId, ColumnKind, DEFAULT_VERSION, FormatVersion, TableId } from '../standard/formats';
import { labelDictionary } from './labelMatch';
import type { ApproximateLabel, PlacedValue, UndeterminedRow, Unplaced } from './types';
import { digitReadings } from './digitReadings';
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
  readonly undetermined: UndeterminedRow[] = [];
  readonly approximate: ApproximateLabel[] = [];
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

  /**
   * A row whose values reshape could not separate: reported, counted in the table. Given the row's
   * cells and name, run-together digits are reported with their readings.
   */
  unreadable(table: TableId, row: Row, cells?: { ids: CellId[]; name: string }): boolean {
    if (!row.unreadable) return false;
    this.touch(table, row.index);
    const u = row.undetermined;
    if (!u || !cells || cells.ids.length !== u.width || cells.ids.some((id) => this.placed.has(id))) {
      this.unplace(row, row.unreadable);
      return true;
    }
    const { count, list } = digitReadings(u.digits, u.width);
    this.undetermined.push({ row: row.first, name: cells.name, digits: u.digits, cells: cells.ids, count, readings: list });
    this.unplace(row, undeterminedReason(cells.name, u.digits, u.width, count, list));
    this.unplaced[this.unplaced.length - 1].readings = true;
    return true;
  }

  /** A row label read by an approximate match: named, so that the user can see which row it was taken for. */
  readApproximately(row: Row, text: string, label: string): void {
    if (!this.approximate.some((a) => a.row === row.first && a.label === label)) this.approximate.push({ row: row.first, text, label });
  }

  /** A header cell read by an approximate match: named, so that the user can see which column it was taken for. */
  readHeaderApproximately(row: Row, text: string, label: string): void {
    const at = row.first;
    if (!this.approximate.some((a) => a.row === at && a.text === text && a.label === label)) {
      this.approximate.push({ row: at, text, label, header: true });
    }
  }

  /** Why a row whose label is one character off from two or more labels is not read, or null when it is not. */
  twoLabelsFit(texts: string[], table: TableId): string | null {
    for (const t of texts) {
      const near = labelDictionary()
        .nearLabels(t)
        .map((entries) => entries.find((e) => e.table === table && e.role === 'row'))
        .filter((e) => e !== undefined);
      const labels = [...new Set(near.map((e) => e.label))];
      if (labels.length > 1) {
        const which = `${labels.slice(0, -1).map(quote).join('、')}或${quote(labels[labels.length - 1])}`;
        return `行名${quote(t.trim())}可能是${which}，无法确定是哪一行，数值未读入`;
      }
    }
    return null;
  }

  nextNonBlank(index: number): Row | undefined {
    for (let i = index + 1; i < this.rows.length; i++) if (!this.rows[i].blank) return this.rows[i];
    return undefined;
  }

  /** A text-only row that was not the first half of a wrapped label. */
}

/** Readings a message lists at most: more are counted (and still weighed by the rules, up to MAX_READINGS). */
export const LISTED_READINGS = 50;

/** Why a row of run-together digits is not read, with its readings (numbers of a reading separated by spaces). */
export function undeterminedReason(name: string, digits: string, width: number, count: number, readings: number[][]): string {
  const head = `${name}的数字${quote(digits)}连在一起`;
  if (count === 0) return `${head}，分不成 ${width} 个数（除 0 本身外，数不以 0 开头），未读入`;
  if (count > LISTED_READINGS || readings.length === 0)
    return `${head}，分成 ${width} 个数有 ${count} 种分法，超过 ${LISTED_READINGS} 种，未逐一列出，无法确定各列的数值，未读入`;
  return `${head}，分成 ${width} 个数有 ${count} 种分法（${readings.map((r) => r.join(' ')).join('；')}），无法确定是哪一种，未读入`;
}
