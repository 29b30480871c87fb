import { normaliseLabel, parseCellText } from '../standard/cellText';
import { ColumnKind, FORMAT_VERSIONS, FORMATS, FormatVersion, T3_WIDTH, T4_WIDTH, TableId } from '../standard/formats';
import { LabelEntry, LabelMatch, labelDictionary } from './labelMatch';
import { officialLayout } from '../look/layout';
import { CellValue } from '../standard/report';
import { ShapedRow } from './reshape';

// The rows of a grid as the recogniser reads them (cells, labels, which table a row points to), and
// the label helpers of 表三. Pure helpers shared by the per-table readers.

export interface Cell {
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

export interface Row {
  /** Index in the reshaped rows (src/report/recognise/reshape.ts); a grid of cells is not reshaped. */
  index: number;
  /** First and last grid row the row comes from. */
  first: number;
  last: number;
  reshaped: boolean;
  /** Why its values could not be read (reshape), in Chinese. */
  unreadable?: string;
  /** Its digits run together, more than its cells (reshape). */
  undetermined?: ShapedRow['undetermined'];
  /** One per column, blank included. */
  cells: Cell[];
  texts: Cell[];
  numbers: number;
  blank: boolean;
}

export function analyseRow(index: number, shaped: ShapedRow): Row {
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
    undetermined: shaped.undetermined,
    cells,
    texts,
    numbers,
    blank: texts.length === 0 && numbers === 0 && !shaped.unreadable,
  };
}

export function valueOf(cell: Cell | undefined, kind: ColumnKind): CellValue {
  if (!cell) return null;
  const s = cell.source;
  if (typeof s === 'number') return parseCellText(s, kind);
  return parseCellText(cell.raw, kind);
}

/** The table a row belongs to: the current one if the row has its labels, else the one it names most. */
export function tableOfRow(tables: ReadonlyMap<TableId, number>, state: TableId | null): TableId | null {
  if (state && tables.has(state)) return state;
  let next: TableId | null = null;
  let best = 0;
  for (const [t, n] of tables) if (n > best) [next, best] = [t, n];
  return next;
}

/** The table a row points to by its labels, or 'end' for 一、五、六 section titles. */
export function rowMarks(row: Row): { tables: Map<TableId, number>; end: boolean } {
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

export function isSectionOnly(row: Row): boolean {
  return row.texts.length > 0 && row.texts.every((c) => c.match?.entries.every((e) => e.role === 'section'));
}

export const quote = (s: string): string => `“${s}”`;

/** Labels that begin or head a table: section titles and header rows, not data row labels. */
export const HEAD_ROLES = new Set(['section', 'blockTitle', 'header', 'column', 'note', 't4group', 'field']);

/**
 * The row where a second report begins, or null: a section title of a table that was already
 * read with its data rows, or a header of a table that was already read and left (two reports on
 * one sheet, e.g. last year's tables followed by this year's). A title repeated before the table's
 * data (a heading line, then the same title as the table's caption) does not begin one, nor does
 * one printed again inside the table at the top of a page (headingRepeated).
 */
export function furtherReport(rows: Row[]): number | null {
  const read = new Set<TableId>();
  const left = new Set<TableId>();
  /** The label text of the data rows read in the table being read. */
  let readLabels = new Set<string>();
  /** The label text of every data row read, by table. */
  const labelsRead = new Map<TableId, Set<string>>();
  let state: TableId | null = null;
  for (const [i, row] of rows.entries()) {
    const marks = rowMarks(row);
    if (marks.tables.size > 0) {
      const next = tableOfRow(marks.tables, state);
      const heads = row.texts.filter((c) => c.match?.entries.some((e) => e.table === next && HEAD_ROLES.has(e.role)));
      const title = row.texts.some((c) => c.match?.entries.some((e) => e.table === next && e.role === 'section'));
      if (next && title && read.has(next) && !(next === state && headingRepeated(rows, i, next, readLabels))) return row.index;
      // A table's header again after another table: a second report, unless it stands over another table's
      // rows or over rows of its own not read yet (a print's repeated header rows at the top of a page).
      if (
        next &&
        next !== state &&
        left.has(next) &&
        read.has(next) &&
        heads.length > 0 &&
        !headingRepeated(rows, i, next, labelsRead.get(next)!)
      )
        return row.index;
      if (next !== state) {
        if (state) left.add(state);
        state = next;
        readLabels = new Set();
      }
    } else if (marks.end) {
      if (state) left.add(state);
      state = null;
    }
    if (state && row.numbers > 0) {
      read.add(state);
      readLabels.add(rowLabelKey(row));
      if (!labelsRead.has(state)) labelsRead.set(state, new Set());
      labelsRead.get(state)!.add(rowLabelKey(row));
    }
  }
  return null;
}

/** Rows looked at past a repeated title for the table's next data row (a header has three). */
const HEADING_ROWS = 8;

const rowLabelKey = (row: Row): string =>
  labelCellsOf(row)
    .map((c) => normaliseLabel(c.raw))
    .join('|');

/**
 * A table's title (and header) printed again at the top of a page inside the table, as a sheet
 * printed with 顶端标题行 or a table with 重复标题行 has it: the table's next data row, if any before
 * another table begins, is one not read yet. A second report starts its table again from a row
 * already read (一、本年新收…, 表四's only row of numbers).
 */
function headingRepeated(rows: Row[], at: number, table: TableId, readLabels: ReadonlySet<string>): boolean {
  for (let k = at + 1; k < rows.length && k <= at + HEADING_ROWS; k++) {
    const row = rows[k];
    const marks = rowMarks(row);
    if (marks.end || [...marks.tables.keys()].some((t) => t !== table)) return true;
    if (row.numbers > 0) return !readLabels.has(rowLabelKey(row));
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// T3 row labels

export interface T3Label {
  entry: LabelEntry;
  /** Column of the last label cell; values are to its right. */
  labelEnd: number;
  exact: boolean;
  text: string;
}

export function t3RowEntry(m: LabelMatch | null | undefined): LabelEntry | undefined {
  return m?.entries.find((e) => e.table === 'T3' && e.role === 'row');
}

export function isT3Group(m: LabelMatch | null | undefined): LabelEntry | undefined {
  return m?.entries.find((e) => e.table === 'T3' && e.role === 'group');
}

/** The row a T3 row's own label cells name: the last label cell that names a row. */
export function ownT3Label(labelCells: Cell[]): T3Label | null {
  for (let k = labelCells.length - 1; k >= 0; k--) {
    const c = labelCells[k];
    const e = t3RowEntry(c.match);
    if (e && c.match?.how !== 'fuzzy') return { entry: e, labelEnd: c.col, exact: true, text: c.raw.trim() };
    const under = underGroupFragment(c.raw);
    if (under) return { entry: under.entry, labelEnd: c.col, exact: true, text: under.text };
    if (e) return { entry: e, labelEnd: c.col, exact: false, text: c.raw.trim() };
  }
  if (labelCells.length > 1) {
    const joined = labelCells.map((c) => c.raw).join('');
    const m = labelDictionary().lookup(joined);
    const e = t3RowEntry(m);
    if (e) return { entry: e, labelEnd: labelCells[labelCells.length - 1].col, exact: m?.how !== 'fuzzy', text: joined };
  }
  return null;
}

/**
 * A row label after a piece of its group's label: the group label of a merged cell, wrapped down its
 * column and centred, lands on the lines of the group's middle rows (a browser printing the page to
 * PDF): 「（三）不予公 4.保护第三方合法权益」, 「开 5.属于三类内部事务信息」. The words after the piece
 * name the row exactly, and the piece begins or ends that row's own group label. The rest of the
 * group label may stand on a line of a row label wrapped around it, and be read into it
 * (「（六）其他处 1.申请人无正当理由逾期不补正、行理政机关…」): taken out again where exactly one place
 * leaves a row of that group.
 */
function underGroupFragment(raw: string): { entry: LabelEntry; text: string } | null {
  // A group label's piece and a row label are a few words, well under a hundred characters.
  if (raw.length > MAX_LABEL_CHARS) return null;
  const words = raw.trim().split(/\s+/);
  for (let i = 1; i < words.length; i++) {
    const piece = normaliseLabel(words.slice(0, i).join(''));
    if (!piece) continue;
    const text = words.slice(i).join(' ');
    const groupOf = (id: string) => t3Groups().get(id) ?? [];
    const hit = lookupT3Row(text);
    if (hit?.exact && groupOf(hit.entry.id).some((g) => g.startsWith(piece) || g.endsWith(piece))) return { entry: hit.entry, text };
    if (hit?.exact) continue;
    const tail = normaliseLabel(text);
    const found = new Map<string, { entry: LabelEntry; text: string }>();
    for (const g of new Set([...t3Groups().values()].flat())) {
      if (!g.startsWith(piece) || g === piece) continue;
      const rest = g.slice(piece.length);
      for (let at = tail.indexOf(rest); at >= 0; at = tail.indexOf(rest, at + 1)) {
        const candidate = tail.slice(0, at) + tail.slice(at + rest.length);
        const h = lookupT3Row(candidate);
        if (h?.exact && groupOf(h.entry.id).includes(g)) found.set(h.entry.id, { entry: h.entry, text: candidate });
      }
    }
    if (found.size === 1) return [...found.values()][0];
  }
  return null;
}

/** Longer than any label with a piece of its group's label before it: not tried as one (each try joins its words again). */
const MAX_LABEL_CHARS = 200;

let groupsByRow: Map<string, string[]> | null = null;

/** Each 表三 row's group label, normalised, in the versions that have it (built once). */
function t3Groups(): Map<string, string[]> {
  if (groupsByRow) return groupsByRow;
  groupsByRow = new Map();
  for (const v of FORMAT_VERSIONS)
    for (const r of FORMATS[v].T3.rows) if (r.group) groupsByRow.set(r.id, [...(groupsByRow.get(r.id) ?? []), normaliseLabel(r.group)]);
  return groupsByRow;
}

export function lookupT3Row(text: string): { entry: LabelEntry; exact: boolean } | null {
  const m = labelDictionary().lookup(text);
  const e = t3RowEntry(m);
  return e ? { entry: e, exact: m?.how !== 'fuzzy' } : null;
}

/**
 * The label matches of a text cell: its own, or those of each of its words when every word is a
 * label (a PDF line joins labels printed close together: 商业企业 科研机构).
 */
export function cellMatches(c: Cell): LabelMatch[] {
  if (c.match) return [c.match];
  const words = c.raw.trim().split(/\s+/);
  if (words.length < 2) return [];
  const found = words.map((w) => labelDictionary().lookup(w));
  return found.every((m): m is LabelMatch => m !== null) ? found : [];
}

/**
 * What a header cell names among the labels `accept` takes: one label exactly, one nearly (a
 * character off, a variant character, a fragment: named in a remark), or two or more that fit
 * (its column is not read), or nothing.
 */
export type HeaderFit =
  | { kind: 'exact'; entries: LabelEntry[] }
  | { kind: 'near'; entry: LabelEntry; text: string }
  | { kind: 'two'; labels: string[]; text: string };

export function headerFit(c: Cell, accept: (e: LabelEntry) => boolean): HeaderFit | null {
  const text = c.raw.trim();
  if (c.match) {
    const entries = c.match.entries.filter(accept);
    if (entries.length === 0) return null;
    return c.match.how === 'fuzzy' ? { kind: 'near', entry: entries[0], text } : { kind: 'exact', entries };
  }
  const near = labelDictionary()
    .nearHeaders(c.raw)
    .map((g) => g.filter(accept))
    .filter((g) => g.length > 0);
  const labels = [...new Set(near.map((g) => g[0].label))];
  if (labels.length === 1) return { kind: 'near', entry: near[0][0], text };
  return labels.length > 1 ? { kind: 'two', labels, text } : null;
}

/** Why a header cell that two labels fit leaves its column unread (Chinese). */
export function twoHeadersReason(fit: { labels: string[]; text: string }, what = '这一列的数值未读入'): string {
  const which = `${fit.labels.slice(0, -1).map(quote).join('、')}或${quote(fit.labels[fit.labels.length - 1])}`;
  return `表头${quote(fit.text)}可能是${which}，无法确定是哪一列，${what}`;
}

/** Label cells of a data row: the text cells left of its first number. */
export function labelCellsOf(row: Row): Cell[] {
  const firstNum = row.cells.find((c) => c.num)?.col ?? Infinity;
  return row.texts.filter((c) => c.col < firstNum);
}

/**
 * How many cells a T3 row's label spans beyond one in the official layout (一、本年新收… spans
 * A:C, （一）予以公开 B:C): a copy may leave that many extra cells (a 0) before the values.
 */
export function t3LabelSlack(version: FormatVersion, rowId: string): number {
  const key = `${version}/${rowId}`;
  const hit = slackCache.get(key);
  if (hit !== undefined) return hit;
  const layout = officialLayout(version, 'T3');
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

export { T3_WIDTH, T4_WIDTH };

export function rowText(row: Row): string {
  let end = row.cells.length;
  while (end > 0 && row.cells[end - 1].blank) end--;
  return row.cells
    .slice(0, end)
    .map((c) => c.raw)
    .join(row.reshaped ? ' ' : '\t');
}
