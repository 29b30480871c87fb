import { cellString, parseCellText } from './cellText';
import {
  CellId,
  ColumnKind,
  DEFAULT_VERSION,
  FORMATS,
  FormatVersion,
  TableId,
  dataCells,
} from './formats';
import { LabelEntry, LabelMatch, labelDictionary } from './labelMatch';
import { tableLayout } from './layout';
import { CellValue, Report } from './report';
import { reshape, ShapedRow } from './reshape';
import { distinctColumns, HeadLabel, headerOrder, isSubsequence } from './headerOrder';

// Recognising the three tables in a grid that the add-in did not insert (docs/formats.md,
// "Recognising a table"): a worksheet's values, text pasted from Word or a web page, an xlsx sheet.

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
}

/** Split pasted text into rows (\r\n, \n, \r) and cells (tabs). A final empty line is dropped. */
export function parseTsv(text: string): string[][] {
  if (typeof text !== 'string' || text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

// ---------------------------------------------------------------------------------------------
// Cells and rows

interface Cell {
  /** Column in the (reshaped) row. */
  col: number;
  /** Grid cell it comes from. */
  srcRow: number;
  srcCol: number;
  fromText: boolean;
  raw: string;
  /** Parsed without a column kind. */
  value: CellValue;
  blank: boolean;
  num: boolean;
  /** Label match of a text cell. */
  match: LabelMatch | null;
  /** Original value, for re-parsing with a column kind. */
  source: unknown;
}

interface Row {
  /** Index in the reshaped rows (src/report/reshape.ts); a grid of cells is not reshaped. */
  index: number;
  /** First and last grid row the row comes from. */
  first: number;
  last: number;
  reshaped: boolean;
  /** Why its values could not be read (reshape), in Chinese. */
  unreadable?: string;
  /** One per column, blank included. */
  cells: Cell[];
  texts: Cell[];
  numbers: number;
  blank: boolean;
}

function analyseRow(index: number, shaped: ShapedRow): Row {
  const dict = labelDictionary();
  const cells: Cell[] = [];
  for (let col = 0; col < shaped.cells.length; col++) {
    const sc = shaped.cells[col];
    const v = sc.value;
    const raw = sc.text;
    const value = typeof v === 'number' ? parseCellText(v) : parseCellText(raw);
    const blank = value === null;
    const num = typeof value === 'number';
    const match = !blank && !num ? dict.lookup(raw) : null;
    cells.push({ col, srcRow: sc.row, srcCol: sc.col, fromText: sc.fromText, raw, value, blank, num, match, source: v });
  }
  const texts = cells.filter((c) => !c.blank && !c.num);
  const numbers = cells.filter((c) => c.num).length;
  return {
    index,
    first: shaped.first,
    last: shaped.last,
    reshaped: shaped.reshaped,
    unreadable: shaped.unreadable,
    cells,
    texts,
    numbers,
    blank: texts.length === 0 && numbers === 0 && !shaped.unreadable,
  };
}

function valueOf(cell: Cell | undefined, kind: ColumnKind): CellValue {
  if (!cell) return null;
  const s = cell.source;
  if (typeof s === 'number') return parseCellText(s, kind);
  return parseCellText(cell.raw, kind);
}

/** The table a row belongs to: the current one if the row has its labels, else the one it names most. */
function tableOfRow(tables: ReadonlyMap<TableId, number>, state: TableId | null): TableId | null {
  if (state && tables.has(state)) return state;
  let next: TableId | null = null;
  let best = 0;
  for (const [t, n] of tables) if (n > best) [next, best] = [t, n];
  return next;
}

/** The table a row points to by its labels, or 'end' for 一、五、六 section titles. */
function rowMarks(row: Row): { tables: Map<TableId, number>; end: boolean } {
  const tables = new Map<TableId, number>();
  let end = false;
  for (const c of row.texts) {
    const entries = c.match?.entries;
    if (!entries || entries.length === 0) continue;
    if (entries.every((e) => e.role === 'end')) {
      end = true;
      continue;
    }
    const t = entries[0].table;
    if (t && entries.every((e) => e.table === t)) tables.set(t, (tables.get(t) ?? 0) + 1);
  }
  return { tables, end };
}

function isSectionOnly(row: Row): boolean {
  return row.texts.length > 0 && row.texts.every((c) => c.match?.entries.every((e) => e.role === 'section'));
}

const quote = (s: string): string => `“${s}”`;

/** Labels that begin or head a table: section titles and header rows, not data row labels. */
const HEAD_ROLES = new Set(['section', 'blockTitle', 'header', 'column', 'note', 't4group', 'field']);

/**
 * The row where a second report begins, or null: a section title of a table that was already
 * read with its data rows, or a header of a table that was already read and left (two reports on
 * one sheet, e.g. last year's tables followed by this year's). A title repeated before the table's
 * data (a heading line, then the same title as the table's caption) does not begin one.
 */
function furtherReport(rows: Row[]): number | null {
  const read = new Set<TableId>();
  const left = new Set<TableId>();
  let state: TableId | null = null;
  for (const row of rows) {
    const marks = rowMarks(row);
    if (marks.tables.size > 0) {
      const next = tableOfRow(marks.tables, state);
      const heads = row.texts.filter((c) => c.match?.entries.some((e) => e.table === next && HEAD_ROLES.has(e.role)));
      const title = row.texts.some((c) => c.match?.entries.some((e) => e.table === next && e.role === 'section'));
      if (next && title && read.has(next)) return row.index;
      if (next && next !== state && left.has(next) && read.has(next) && heads.length > 0) return row.index;
      if (next !== state) {
        if (state) left.add(state);
        state = next;
      }
    } else if (marks.end) {
      if (state) left.add(state);
      state = null;
    }
    if (state && row.numbers > 0) read.add(state);
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// T3 row labels

interface T3Label {
  entry: LabelEntry;
  /** Column of the last label cell; values are to its right. */
  labelEnd: number;
  exact: boolean;
  text: string;
}

function t3RowEntry(m: LabelMatch | null | undefined): LabelEntry | undefined {
  return m?.entries.find((e) => e.table === 'T3' && e.role === 'row');
}

function isT3Group(m: LabelMatch | null | undefined): LabelEntry | undefined {
  return m?.entries.find((e) => e.table === 'T3' && e.role === 'group');
}

/** The row a T3 row's own label cells name: the last label cell that names a row. */
function ownT3Label(labelCells: Cell[]): T3Label | null {
  for (let k = labelCells.length - 1; k >= 0; k--) {
    const c = labelCells[k];
    const e = t3RowEntry(c.match);
    if (e) return { entry: e, labelEnd: c.col, exact: c.match?.how !== 'fuzzy', text: c.raw.trim() };
  }
  if (labelCells.length > 1) {
    const joined = labelCells.map((c) => c.raw).join('');
    const m = labelDictionary().lookup(joined);
    const e = t3RowEntry(m);
    if (e) return { entry: e, labelEnd: labelCells[labelCells.length - 1].col, exact: m?.how !== 'fuzzy', text: joined };
  }
  return null;
}

function lookupT3Row(text: string): { entry: LabelEntry; exact: boolean } | null {
  const m = labelDictionary().lookup(text);
  const e = t3RowEntry(m);
  return e ? { entry: e, exact: m?.how !== 'fuzzy' } : null;
}

/** Label cells of a data row: the text cells left of its first number. */
function labelCellsOf(row: Row): Cell[] {
  const firstNum = row.cells.find((c) => c.num)?.col ?? Infinity;
  return row.texts.filter((c) => c.col < firstNum);
}

/**
 * How many cells a T3 row's label spans beyond one in the official layout (一、本年新收… spans
 * A:C, （一）予以公开 B:C): a copy may leave that many extra cells (a 0) before the values.
 */
function t3LabelSlack(version: FormatVersion, rowId: string): number {
  const key = `${version}/${rowId}`;
  const hit = slackCache.get(key);
  if (hit !== undefined) return hit;
  const layout = tableLayout(version, 'T3');
  const data = layout.data.find((d) => d.id === `T3.${rowId}.NP`);
  let slack = 0;
  if (data) {
    const own = layout.labels.filter((l) => l.row === data.row && l.col < data.col);
    const col = own.length > 0 ? Math.max(...own.map((l) => l.col)) : data.col - 1;
    slack = Math.max(0, data.col - col - 1);
  }
  slackCache.set(key, slack);
  return slack;
}
const slackCache = new Map<string, number>();


// ---------------------------------------------------------------------------------------------

const T3_WIDTH = 7;
const T4_WIDTH = 15;

class Recogniser {
  private rows: Row[];
  version: FormatVersion = DEFAULT_VERSION;
  readonly evidence: Record<FormatVersion, string[]> = { '2021': [], '2019': [] };
  readonly placed = new Map<CellId, PlacedValue>();
  readonly unplaced: Unplaced[] = [];
  readonly span = new Map<TableId, { first: number; last: number }>();
  readonly cellsOf = new Map<TableId, PlacedValue[]>();
  private readonly consumed = new Set<number>();

  // T2 state
  private t2Header: Map<string, number> | null = null;
  // T3 state
  private t3Cols = new Map<string, number>();
  /** The header's column labels (first of each) and 法人或其他组织 (LEGAL), for the column order. */
  private t3Heads: HeadLabel[] = [];
  private t3Pending: Row | null = null;
  private t3Queue: { row: Row; label: T3Label }[] = [];
  // T4 state
  private t4Start: number | null = null;
  /** The header's field labels (every one) and group labels (行政诉讼 as PARENT), for the column order. */
  private t4Fields: HeadLabel[] = [];
  private t4Groups: HeadLabel[] = [];
  private t4Done = false;

  /** First row of a further report on the same sheet, which is not read. */
  private readonly further: Row | null;

  constructor(grid: unknown) {
    let shaped = reshape(grid);
    let all = shaped.rows.map((r, i) => analyseRow(i, r));
    if (shaped.versionDependent) {
      // A split depended on the version (a 表二 row's column count): decide it, then reshape again.
      this.rows = all;
      this.decideVersion();
      shaped = reshape(grid, this.version);
      all = shaped.rows.map((r, i) => analyseRow(i, r));
      this.evidence['2021'] = [];
      this.evidence['2019'] = [];
    }
    const cut = furtherReport(all);
    this.further = cut === null ? null : all[cut];
    this.rows = cut === null ? all : all.slice(0, cut);
  }

  run(): Recognition {
    if (this.further) {
      this.unplace(
        this.further,
        `工作表中还有另一份年报的表格（第${this.further.first + 1}行起），只识别了第一份`,
      );
    }
    this.decideVersion();
    let state: TableId | null = null;
    for (const row of this.rows) {
      if (this.consumed.has(row.index)) {
        if (state) this.touch(state, row.index);
        continue;
      }
      const marks = rowMarks(row);
      if (row.unreadable && marks.tables.size === 0 && !state) {
        this.unplace(row, row.unreadable);
        continue;
      }
      if (marks.tables.size > 0) {
        const next = tableOfRow(marks.tables, state);
        if (next !== state) {
          this.leave(state);
          state = next;
        }
      } else if (marks.end) {
        this.leave(state);
        state = null;
      }
      if (state === 'T2') this.t2Row(row);
      else if (state === 'T3') this.t3Row(row);
      else if (state === 'T4') this.t4Row(row);
    }
    this.leave(state);
    return this.result();
  }

  // -- version ---------------------------------------------------------------------------------

  private decideVersion(): void {
    const add = (v: FormatVersion, s: string): void => {
      if (!this.evidence[v].includes(s)) this.evidence[v].push(s);
    };
    for (const row of this.rows) {
      for (const c of row.texts) {
        const entries = c.match?.entries;
        if (!entries || entries.length === 0) continue;
        const vs = new Set<FormatVersion>();
        for (const e of entries) for (const v of e.versions) vs.add(v);
        if (vs.size !== 1) continue;
        const v = [...vs][0];
        const e = entries[0];
        const what =
          e.table === 'T3' && e.role === 'row' && e.id.startsWith('O')
            ? `出现“（六）其他处理”的分项${quote(e.label)}`
            : `出现${quote(e.label)}`;
        add(v, `${what}（${v}版）`);
      }
      if (row.numbers > 0) {
        const own = ownT3Label(labelCellsOf(row));
        // A single （六）其他处理 data row is the 2019 signature only when （七）总计 follows it
        // directly: a 2021 copy whose sub-labels were lost has rows of numbers in between.
        if (own && !FORMATS['2021'].T3.rows.some((r) => r.id === own.entry.id) && this.followedByTotal(row)) {
          add('2019', `${quote(own.entry.label)}是单独的一行数据（2019版）`);
        }
      }
    }
    const n21 = this.evidence['2021'].length;
    const n19 = this.evidence['2019'].length;
    this.version = n19 > n21 ? '2019' : n21 > n19 ? '2021' : DEFAULT_VERSION;
  }

  /** Whether the next row with numbers or labels, after a wrapped label's rest, is （七）总计. */
  private followedByTotal(row: Row): boolean {
    for (let i = row.index + 1; i < this.rows.length; i++) {
      const next = this.rows[i];
      if (next.blank) continue;
      if (next.numbers === 0 && next.texts.length === 1 && !next.texts[0].match) continue; // 息
      const own = ownT3Label(labelCellsOf(next));
      return own?.entry.id === 'RT';
    }
    return false;
  }

  private versionEvidence(): string[] {
    const v = this.version;
    const other: FormatVersion = v === '2021' ? '2019' : '2021';
    const out = [...this.evidence[v]];
    const n = this.evidence[v].length;
    const m = this.evidence[other].length;
    if (n === 0 && m === 0) out.push(`未发现区分两版的标志，按默认的${v}版识别`);
    else if (n === m) out.push(`两版的标志一样多，按默认的${v}版识别`);
    if (m > 0) out.push(`也出现了${other}版的标志（${this.evidence[other].join('；')}），按多数判断为${v}版`);
    return out;
  }

  // -- bookkeeping -----------------------------------------------------------------------------

  private touch(table: TableId, row: number): void {
    const s = this.span.get(table);
    if (!s) this.span.set(table, { first: row, last: row });
    else {
      s.first = Math.min(s.first, row);
      s.last = Math.max(s.last, row);
    }
  }

  private place(table: TableId, id: CellId, cell: Cell | undefined, row: Row, col: number, kind: ColumnKind): boolean {
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
  private placeRow(
    table: TableId,
    row: Row,
    items: { id: CellId; col: number; kind: ColumnKind }[],
    label: string,
  ): void {
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
  private unplace(row: Row, reason: string, col?: number, text?: string): void {
    const cell = col === undefined ? undefined : row.cells[col];
    const at = cell ? cell.srcRow : row.first;
    this.unplaced.push(
      col === undefined
        ? { row: at, text: text ?? rowText(row), reason }
        : { row: at, col: cell ? cell.srcCol : col, text: text ?? rowText(row), reason },
    );
  }

  /** A row whose values reshape could not separate: reported, counted in the table. */
  private unreadable(table: TableId, row: Row): boolean {
    if (!row.unreadable) return false;
    this.touch(table, row.index);
    this.unplace(row, row.unreadable);
    return true;
  }

  private leave(state: TableId | null): void {
    if (state === 'T3') {
      this.flushT3Pending();
      this.flushT3Queue();
    }
  }

  // -- T2 --------------------------------------------------------------------------------------

  private t2Row(row: Row): void {
    if (this.unreadable('T2', row)) return;
    let labelCell: Cell | undefined;
    let labelEntry: LabelEntry | undefined;
    const header = new Map<string, number>();
    let isHeader = false;
    for (const c of row.texts) {
      const entries = c.match?.entries ?? [];
      if (entries.some((e) => e.table === 'T2' && (e.role === 'blockTitle' || e.role === 'header'))) isHeader = true;
      const colIds = new Set(entries.filter((e) => e.table === 'T2' && e.role === 'column').map((e) => e.id));
      if (colIds.size === 1) header.set([...colIds][0], c.col);
      const r = entries.find((e) => e.table === 'T2' && e.role === 'row');
      if (r && !labelCell) {
        labelCell = c;
        labelEntry = r;
      }
    }
    if (header.size > 0) {
      this.t2Header = header;
      isHeader = true;
    }
    if (!labelCell || !labelEntry) {
      if (isHeader) this.touch('T2', row.index);
      else if (row.numbers > 0) this.unplace(row, '主动公开表中这一行有数值，但没有能识别的行名，未读入');
      return;
    }
    const label = labelEntry.label;
    const block = FORMATS[this.version].T2.blocks.find((b) => b.rows.some((r) => r.id === labelEntry?.id));
    if (!block) {
      const other = labelEntry.versions.find((v) => v !== this.version) ?? labelEntry.versions[0];
      this.touch('T2', row.index);
      this.unplace(row, `${quote(label)}是${other}版的行，${this.version}版的主动公开表没有这一行，未读入`);
      return;
    }
    const labelCol = labelCell.col;
    const n = block.columns.length;
    const region = row.cells.filter((c) => c.col > labelCol);
    const nonBlank = region.filter((c) => !c.blank);
    const positions = block.columns.map((c) => this.t2Header?.get(c.id));
    const known = positions.every((p): p is number => p !== undefined && p > labelCol);
    // A grid whose cells sit under the header: every header column exists in the row (blank or not).
    const structured =
      known && nonBlank.every((c) => positions.includes(c.col)) && row.cells.length > Math.max(...positions);
    const rowId = labelEntry.id;
    const item = (i: number, col: number): { id: CellId; col: number; kind: ColumnKind } => ({
      id: `T2.${rowId}.${block.columns[i].id}` as CellId,
      col,
      kind: block.columns[i].kind,
    });
    if (structured) {
      this.placeRow('T2', row, (positions as number[]).map((p, i) => item(i, p)), label);
      return;
    }
    if (nonBlank.length === 0) {
      this.touch('T2', row.index);
      this.unplace(row, `${quote(label)}一行没有数值，未读入`);
      return;
    }
    const from = nonBlank[0].col;
    const to = nonBlank[nonBlank.length - 1].col;
    const span = region.filter((c) => c.col >= from && c.col <= to);
    if (span.length < n) {
      this.touch('T2', row.index);
      this.unplace(row, `${quote(label)}一行只有${nonBlank.length}个数值，应有${n}个，无法确定各是哪一列，未读入`);
      return;
    }
    this.placeRow('T2', row, span.slice(0, n).map((c, i) => item(i, c.col)), label);
    for (const extra of span.slice(n)) {
      if (!extra.blank && extra.value !== 0) {
        this.unplace(row, `${quote(label)}一行多出的数值${quote(extra.raw.trim())}未读入（按行名后的${n}个数值读取）`, extra.col, extra.raw);
      }
    }
  }

  // -- T3 --------------------------------------------------------------------------------------

  /**
   * The T3 columns in the order the header gives them (the standard order when it agrees or names
   * none), or null when the header is out of order and does not place every column.
   */
  private t3Ordered(): (typeof FORMATS)[FormatVersion]['T3']['columns'][number][] | null {
    const f = FORMATS[this.version].T3;
    const ids = f.columns.map((c) => c.id as string);
    const order = headerOrder(this.t3Heads, ids, { marker: 'LEGAL', members: f.legalGroup.columns }, undefined, ['TOT']);
    if (order.kind === 'uncertain') return null;
    if (order.kind === 'standard') return [...f.columns];
    return order.ids.map((id) => f.columns.find((c) => c.id === id) ?? f.columns[0]);
  }

  /** First data column from the header (自然人 … 总计), when at least two header labels agree. */
  private t3Start(): number | null {
    const cols = this.t3Ordered() ?? FORMATS[this.version].T3.columns;
    const votes = new Map<number, number>();
    cols.forEach((c, i) => {
      const p = this.t3Cols.get(c.id);
      if (p !== undefined) votes.set(p - i, (votes.get(p - i) ?? 0) + 1);
    });
    let best: number | null = null;
    let n = 1;
    for (const [start, k] of votes) if (k > n && start >= 0) [best, n] = [start, k];
    return best;
  }

  private t3Row(row: Row): void {
    if (row.blank) return;
    if (row.unreadable) {
      this.flushT3Pending();
      this.unreadable('T3', row);
      return;
    }
    if (row.numbers === 0) {
      let header = false;
      for (const c of row.texts) {
        const entries = c.match?.entries ?? [];
        const col = entries.find((e) => e.table === 'T3' && e.role === 'column');
        if (col && !this.t3Cols.has(col.id)) {
          this.t3Cols.set(col.id, c.col);
          this.t3Heads.push({ id: col.id, row: row.index, col: c.col });
        }
        const legal = FORMATS[this.version].T3.legalGroup.label;
        if (entries.some((e) => e.table === 'T3' && e.label === legal) && !this.t3Heads.some((h) => h.id === 'LEGAL')) {
          this.t3Heads.push({ id: 'LEGAL', row: row.index, col: c.col });
        }
        if (entries.some((e) => e.table === 'T3' && ['column', 'note', 'header'].includes(e.role))) header = true;
      }
      this.flushT3Pending();
      if (header) this.touch('T3', row.index);
      else if (row.texts.some((c) => c.match?.entries.some((e) => e.table === 'T3' && e.role !== 'section'))) {
        this.touch('T3', row.index);
        this.t3Pending = row;
      } else if (!isSectionOnly(row)) this.t3Pending = row;
      return;
    }
    const pending = this.t3Pending;
    this.t3Pending = null;
    const labelCells = labelCellsOf(row);
    let label = ownT3Label(labelCells);
    let usedPending = false;
    if (!label || !label.exact) {
      // A label wrapped over two lines: the line before (text only) or the line after (text only).
      const firstText = labelCells[0];
      const lastText = labelCells[labelCells.length - 1];
      const firstNum = row.cells.find((c) => c.num)?.col ?? 0;
      if (pending && pending.texts.length > 0) {
        const before = pending.texts[pending.texts.length - 1].raw;
        const hit = lookupT3Row(before + (firstText?.raw ?? ''));
        if (hit && hit.exact) {
          label = { entry: hit.entry, labelEnd: firstText ? firstText.col : firstNum - 1, exact: true, text: before + (firstText?.raw ?? '') };
          usedPending = true;
        }
      }
      if (!usedPending && lastText) {
        const next = this.nextNonBlank(row.index);
        if (next && next.numbers === 0 && next.texts.length === 1) {
          const joined = lastText.raw + next.texts[0].raw;
          const hit = lookupT3Row(joined);
          if (hit && hit.exact) {
            label = { entry: hit.entry, labelEnd: lastText.col, exact: true, text: joined };
            this.consumed.add(next.index);
          }
        }
      }
    }
    if (pending && !usedPending) this.rememberPending(pending);
    if (pending && usedPending) this.touch('T3', pending.index);
    if (!label) {
      const group = labelCells.map((c) => isT3Group(c.match)).find((g) => g);
      if (group) {
        this.touch('T3', row.index);
        this.unplace(row, `${quote(group.label)}是分组名称，不是数据行（本表没有小计行），数值未读入`);
      } else if (labelCells.length === 0) {
        this.unplace(row, '申请处理表中这一行有数值，但没有行名，无法确定是哪一行，未读入');
      } else {
        this.unplace(row, `申请处理表中未能识别的行名${quote(labelCells.map((c) => c.raw.trim()).join(' '))}，数值未读入`);
      }
      return;
    }
    this.t3Values(row, label);
  }

  private nextNonBlank(index: number): Row | undefined {
    for (let i = index + 1; i < this.rows.length; i++) if (!this.rows[i].blank) return this.rows[i];
    return undefined;
  }

  /** A text-only row that was not the first half of a wrapped label. */
  private rememberPending(row: Row): void {
    this.t3Pending = row;
    this.flushT3Pending();
  }

  private flushT3Pending(): void {
    const row = this.t3Pending;
    this.t3Pending = null;
    if (!row) return;
    const own = ownT3Label(row.texts);
    if (!own) return;
    // “（六）其他处理” alone on a line without numbers is, in a 2021 table, the group label of
    // its three items; in a 2019 table it is the data row with blank cells.
    const m = row.texts.find((c) => c.col === own.labelEnd)?.match;
    if (isT3Group(m) && !FORMATS[this.version].T3.rows.some((r) => r.id === own.entry.id)) return;
    this.t3Values(row, own);
  }

  /** Queue a labelled T3 row; the rows are read when the table ends, once its value columns are known. */
  private t3Values(row: Row, label: T3Label): void {
    this.touch('T3', row.index);
    this.t3Queue.push({ row, label });
  }

  /**
   * The table's value columns (自然人 … 总计), or null where unknown: from the header when at least
   * two header labels agree, else from the rows that have seven filled value cells side by side,
   * when they all have them in the same columns. 总计 is known only if the header names it or the
   * rows have a value in the column after 其他.
   */
  private t3Columns(queue: { row: Row; label: T3Label }[]): (number | null)[] | null {
    const valueCells = (q: { row: Row; label: T3Label }): Cell[] =>
      q.row.cells.filter((c) => c.col > q.label.labelEnd && !c.blank);
    const start = this.t3Start();
    if (start !== null) {
      const cols: (number | null)[] = Array.from({ length: T3_WIDTH }, (_, i) => start + i);
      const tot = start + T3_WIDTH - 1;
      if (!this.t3Cols.has('TOT') && !queue.some((q) => valueCells(q).some((c) => c.col === tot))) {
        cols[T3_WIDTH - 1] = null;
      }
      return cols;
    }
    const starts = new Set<number>();
    let n = 0;
    for (const q of queue) {
      const v = valueCells(q);
      if (v.length === T3_WIDTH && v[T3_WIDTH - 1].col - v[0].col === T3_WIDTH - 1) {
        starts.add(v[0].col);
        n++;
      }
    }
    if (n < 2 || starts.size !== 1) return null;
    const s = [...starts][0];
    return Array.from({ length: T3_WIDTH }, (_, i) => s + i);
  }

  /** Read the queued rows of the T3 table that has just ended. */
  private flushT3Queue(): void {
    const queue = this.t3Queue;
    this.t3Queue = [];
    if (queue.length === 0) return;
    if (!this.t3Ordered()) {
      const names = this.t3Heads
        .filter((h) => h.id !== 'LEGAL')
        .map((h) => FORMATS[this.version].T3.columns.find((c) => c.id === h.id)?.label ?? h.id);
      for (const q of queue) {
        this.unplace(
          q.row,
          `申请处理表表头各列（${names.join('、')}）的顺序与标准格式不同，又未能从表头确定每一列的位置，无法确定各数值属于哪一列，未读入`,
        );
      }
      return;
    }
    const cols = this.t3Columns(queue);
    for (const q of queue) this.t3Read(q.row, q.label, cols);
  }

  private t3Read(row: Row, label: T3Label, known: (number | null)[] | null): void {
    const entry = label.entry;
    const v = this.version;
    const name = entry.label;
    if (!FORMATS[v].T3.rows.some((r) => r.id === entry.id)) {
      const reason =
        v === '2021' && entry.id === 'O'
          ? `${quote(name)}在2019版是一行，2021版分为三项（${FORMATS['2021'].T3.rows
              .filter((r) => r.group === name)
              .map((r) => quote(r.label))
              .join('、')}），无法确定数值属于哪一项，未读入`
          : `${quote(name)}是${v === '2021' ? '2019' : '2021'}版的行，${v}版的申请处理表没有这一行，未读入`;
      this.unplace(row, reason);
      return;
    }
    const cols = this.t3Ordered() ?? FORMATS[v].T3.columns;
    const region = row.cells.filter((c) => c.col > label.labelEnd);
    const nonBlank = region.filter((c) => !c.blank);
    const item = (i: number, col: number): { id: CellId; col: number; kind: ColumnKind } => ({
      id: `T3.${entry.id}.${cols[i].id}` as CellId,
      col,
      kind: cols[i].kind,
    });
    const reportExtras = (extras: Cell[], how: string): void => {
      for (const extra of extras) {
        if (!extra.blank && extra.value !== 0) {
          this.unplace(row, `${quote(name)}一行多出的数值${quote(extra.raw.trim())}未读入（${how}）`, extra.col, extra.raw);
        }
      }
    };

    // 1. The row's cells sit under the table's value columns (blank cells included). A merged
    //    label cell may leave a cell (an extra 0) between the label and the first value column.
    const first = known?.[0] ?? null;
    if (known && first !== null && first > label.labelEnd) {
      const at = known.filter((c): c is number => c !== null);
      const extras = nonBlank.filter((c) => c.col < first);
      const fits =
        nonBlank.every((c) => c.col < first || at.includes(c.col)) &&
        extras.length <= t3LabelSlack(v, entry.id) &&
        row.cells.length > Math.max(...at);
      if (fits) {
        this.placeRow(
          'T3',
          row,
          known.flatMap((c, i) => (c === null ? [] : [item(i, c)])),
          name,
        );
        reportExtras(extras, '第一个数值列之前的单元格不读');
        return;
      }
    }
    if (nonBlank.length === 0) {
      this.unplace(row, `${quote(name)}一行没有数值，未读入`);
      return;
    }
    if (nonBlank.length < T3_WIDTH) {
      this.unplace(
        row,
        `${quote(name)}一行只有${nonBlank.length}个数值，应有${T3_WIDTH}个（自然人至总计），无法确定各是哪一列，未读入`,
      );
      return;
    }
    // 2. Otherwise the last seven filled cells, when they are side by side (formats.md: the last
    //    seven numeric cells; a blank is not one of them, and one among them means the columns are
    //    not known).
    const take = nonBlank.slice(nonBlank.length - T3_WIDTH);
    const together = take[T3_WIDTH - 1].col - take[0].col === T3_WIDTH - 1;
    // A merged label's extra 0 followed by six values and a blank 总计 looks like seven values:
    // when the cell after them is blank, which it is cannot be told.
    const after = row.cells[take[T3_WIDTH - 1].col + 1];
    const ambiguous =
      nonBlank.length === T3_WIDTH &&
      take[0].value === 0 &&
      take[0].col === label.labelEnd + 1 &&
      t3LabelSlack(v, entry.id) > 0 &&
      after !== undefined &&
      after.blank;
    if (!together || ambiguous) {
      this.unplace(
        row,
        `${quote(name)}一行的数值之间或之后有空白单元格，表头未能给出各列位置，无法确定各数值属于哪一列，未读入`,
      );
      return;
    }
    this.placeRow('T3', row, take.map((c, i) => item(i, c.col)), name);
    reportExtras(nonBlank.slice(0, nonBlank.length - T3_WIDTH), `按行末的${T3_WIDTH}个数值读取`);
  }

  // -- T4 --------------------------------------------------------------------------------------

  private t4Row(row: Row): void {
    if (row.blank) return;
    if (this.unreadable('T4', row)) return;
    const hasLabels = row.texts.some((c) => c.match?.entries.some((e) => e.table === 'T4' && e.role !== 'section'));
    if (hasLabels) {
      const parents = new Set<string>();
      for (const g of FORMATS[this.version].T4.groups) if (g.parent) parents.add(g.parent);
      for (const c of row.texts) {
        const entries = c.match?.entries ?? [];
        const field = entries.find((e) => e.table === 'T4' && e.role === 'field');
        if (field) {
          if (this.t4Start === null || c.col < this.t4Start) this.t4Start = c.col;
          this.t4Fields.push({ id: field.id, row: row.index, col: c.col });
        }
        const group = entries.find((e) => e.table === 'T4' && e.role === 't4group');
        if (group) this.t4Groups.push({ id: group.id, row: row.index, col: c.col });
        if (entries.some((e) => e.table === 'T4' && e.role === 'header' && parents.has(e.label))) {
          this.t4Groups.push({ id: 'PARENT', row: row.index, col: c.col });
        }
      }
      this.touch('T4', row.index);
      return;
    }
    if (row.numbers === 0) return;
    if (this.t4Done) {
      this.unplace(row, '复议诉讼表只有一行数据，这一行未读入');
      return;
    }
    this.t4Done = true;
    const f = FORMATS[this.version].T4;
    const items = this.t4Items();
    if (!items) {
      this.touch('T4', row.index);
      this.unplace(row, '复议诉讼表表头各列的顺序与标准格式不同，又未能从表头确定每一列的位置，无法确定各数值属于哪一列，未读入');
      return;
    }
    const nonBlank = row.cells.filter((c) => !c.blank);
    const start = this.t4Start;
    if (start !== null && nonBlank.every((c) => c.col >= start && c.col < start + T4_WIDTH)) {
      const groups = f.groups.length;
      const size = f.fields.length;
      const groupCols = (g: number): number[] => Array.from({ length: size }, (_, i) => start + g * size + i);
      const blankGroups = [...Array(groups).keys()].filter((g) => groupCols(g).every((c) => row.cells[c]?.blank ?? true));
      const full = row.cells.length >= start + T4_WIDTH;
      // A data row split over two lines (行政复议 on one, 行政诉讼 on the next): the groups left
      // blank on this line are on the next numeric line, either in their own columns or, on a
      // shorter line, in its first columns.
      const next = blankGroups.length > 0 && blankGroups.length < groups ? this.nextNonBlank(row.index) : undefined;
      if (next && next.texts.length === 0 && next.numbers > 0) {
        const nextFilled = next.cells.filter((c) => !c.blank);
        const missingCols = blankGroups.flatMap(groupCols);
        let from: number[] | null = null;
        if (nextFilled.every((c) => missingCols.includes(c.col))) from = missingCols;
        else {
          const width = blankGroups.length * size;
          const lastGroup = (width - size);
          if (
            nextFilled.every((c) => c.col < width) &&
            !next.cells[0].blank &&
            nextFilled.some((c) => c.col >= lastGroup)
          ) {
            from = Array.from({ length: width }, (_, i) => i);
          }
        }
        if (from) {
          const cols = from;
          const here = items.flatMap((it, i) =>
            blankGroups.includes(Math.floor(i / size)) ? [] : [{ ...it, col: start + i }],
          );
          const there = blankGroups.flatMap((g, k) =>
            Array.from({ length: size }, (_, j) => ({ ...items[g * size + j], col: cols[k * size + j] })),
          );
          if ([...here, ...there].some((it) => this.placed.has(it.id))) {
            this.placeRow('T4', row, [...here, ...there], '复议诉讼数据');
            return;
          }
          this.placeRow('T4', row, here, '复议诉讼数据');
          this.placeRow('T4', next, there, '复议诉讼数据');
          this.consumed.add(next.index);
          return;
        }
      }
      if (full) {
        this.placeRow('T4', row, items.map((it, i) => ({ ...it, col: start + i })), '复议诉讼数据');
        return;
      }
    }
    const from = nonBlank[0].col;
    const to = nonBlank[nonBlank.length - 1].col;
    const span = row.cells.filter((c) => c.col >= from && c.col <= to);
    if (span.length < T4_WIDTH) {
      this.touch('T4', row.index);
      this.unplace(row, `复议诉讼表的数据行只有${nonBlank.length}个数值，应有${T4_WIDTH}个，无法确定各是哪一列，未读入`);
      return;
    }
    const take = span.slice(span.length - T4_WIDTH);
    this.placeRow('T4', row, items.map((it, i) => ({ ...it, col: take[i].col })), '复议诉讼数据');
    for (const extra of span.slice(0, span.length - T4_WIDTH)) {
      if (!extra.blank && extra.value !== 0) {
        this.unplace(row, `复议诉讼表数据行多出的${quote(extra.raw.trim())}未读入（按行末的${T4_WIDTH}个数值读取）`, extra.col, extra.raw);
      }
    }
  }

  /**
   * The fifteen T4 cells in the order of the data row's columns: the standard order when the header
   * agrees with it (or names nothing), the header's order when it names every group and field, null
   * when it is out of order and does not place every column. The fields of a flattened or text
   * header are taken line by line; its groups then must be in the standard order.
   */
  private t4Items(): { id: CellId; kind: ColumnKind }[] | null {
    const f = FORMATS[this.version].T4;
    const fieldIds = f.fields.map((x) => x.id as string);
    const groupIds = f.groups.map((g) => g.id as string);
    const standard: { id: CellId; kind: ColumnKind }[] = [];
    for (const g of f.groups) for (const fl of f.fields) standard.push({ id: `T4.${g.id}.${fl.id}` as CellId, kind: fl.kind });
    const positional = distinctColumns(this.t4Fields);
    const fields = [...this.t4Fields]
      .sort((a, b) => (positional ? a.col - b.col : a.row - b.row || a.col - b.col))
      .map((h) => h.id);
    const parent = { marker: 'PARENT', members: f.groups.filter((g) => g.parent).map((g) => g.id as string) };
    const groups = headerOrder(this.t4Groups, groupIds, parent, positional ? 'positional' : 'lines');
    const fieldsStandard = isSubsequence(fields, [...fieldIds, ...fieldIds, ...fieldIds]);
    if (groups.kind === 'standard' && fieldsStandard) return standard;
    if (groups.kind === 'uncertain' || (groups.kind === 'order' && !positional)) return null;
    const order = groups.kind === 'order' ? groups.ids : groupIds;
    if (fields.length !== T4_WIDTH) return null;
    const items: { id: CellId; kind: ColumnKind }[] = [];
    for (let k = 0; k < T4_WIDTH; k++) {
      const chunk = fields.slice(k - (k % f.fields.length), k - (k % f.fields.length) + f.fields.length);
      if (new Set(chunk).size !== f.fields.length) return null;
      const fl = f.fields.find((x) => x.id === fields[k]);
      if (!fl) return null;
      items.push({ id: `T4.${order[Math.floor(k / f.fields.length)]}.${fl.id}` as CellId, kind: fl.kind });
    }
    return items;
  }

  // -- result ----------------------------------------------------------------------------------

  private result(): Recognition {
    const tables: RecognisedTable[] = [];
    const v = this.version;
    for (const [table, s] of this.span) {
      const cells = this.cellsOf.get(table) ?? [];
      const missing = dataCells(v)
        .filter((d) => d.table === table && !this.placed.has(d.id))
        .map((d) => d.id);
      let firstRow = Infinity;
      let lastRow = -Infinity;
      for (let i = s.first; i <= s.last; i++) {
        const r = this.rows[i];
        if (!r) continue;
        firstRow = Math.min(firstRow, r.first);
        lastRow = Math.max(lastRow, r.last);
      }
      tables.push({ table, version: v, firstRow, lastRow, cells, missing });
    }
    tables.sort((a, b) => a.firstRow - b.firstRow);
    const found = tables.length > 0;
    const report: Report = { format: found ? v : DEFAULT_VERSION, cells: {} };
    const positions: Recognition['positions'] = {};
    const fromText = new Set<CellId>();
    for (const t of tables) {
      for (const pv of t.cells) {
        report.cells[pv.id] = pv.value;
        positions[pv.id] = { row: pv.row, col: pv.col };
        if (pv.fromText) fromText.add(pv.id);
      }
    }
    this.unplaced.sort((a, b) => a.row - b.row || (a.col ?? -1) - (b.col ?? -1));
    return {
      version: found ? v : null,
      versionEvidence: found ? this.versionEvidence() : [],
      tables,
      report,
      positions,
      fromText,
      unplaced: this.unplaced,
    };
  }
}

function rowText(row: Row): string {
  let end = row.cells.length;
  while (end > 0 && row.cells[end - 1].blank) end--;
  return row.cells
    .slice(0, end)
    .map((c) => c.raw)
    .join(row.reshaped ? ' ' : '\t');
}

/**
 * Find tables 二, 三 and 四 in a grid (rows of cell texts), decide the version, and read every value
 * with its grid position. Never throws: what cannot be placed is listed in `unplaced`.
 */
export function recognise(grid: string[][]): Recognition {
  try {
    return new Recogniser(grid).run();
  } catch (e) {
    return {
      version: null,
      versionEvidence: [],
      tables: [],
      report: { format: DEFAULT_VERSION, cells: {} },
      positions: {},
      fromText: new Set(),
      unplaced: [{ row: 0, text: '', reason: `内部错误，未能识别表格：${e instanceof Error ? e.message : String(e)}` }],
    };
  }
}
