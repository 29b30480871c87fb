import { normaliseLabel } from '../report/standard/cellText';
import { tableOnlyLabels } from '../report/recognise/labelMatch';
import { NotAReportError } from './exchange';
import type { SheetRead } from './types';

// What the readers of published documents (.html, .docx, .pdf) share: the text of a table cell as
// the recogniser reads it, merged cells expanded into a grid the way a spreadsheet holds them (the
// text in the top-left cell, the covered cells empty), the choice of the tables that hold the
// report among a page's layout tables, and the grid of those tables stacked in document order.

/** A table of a document, before its cells are laid out on a grid. */
export interface DocTable {
  /** Rows of cells in source order; a cell covered by a vertical merge (docx) is not listed. */
  rows: DocCell[][];
  /** The text of the table's own cells (nested tables left out), to tell a report table from layout. */
  ownText: string;
  /** Tables nested in this table's cells. */
  nested: DocTable[];
}

export interface DocCell {
  text: string;
  rowSpan: number;
  colSpan: number;
  /** Grid columns left empty before this cell (docx w:gridBefore on a row's first cell). */
  skipBefore?: number;
}

/** Largest span honoured (the HTML standard caps colspan at 1000); a larger one is a broken page. */
const MAX_SPAN = 1000;
/** Cells of one document's tables laid out on a grid: beyond this the document is refused before the grid is built. */
export const MAX_GRID_CELLS = 200_000;

/** A cell's text: non-breaking and full-width spaces as spaces, runs of spaces as one, lines trimmed, empty lines dropped. */
export function cellText(raw: string): string {
  return raw
    .split('\n')
    .map((line) => line.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}

/** A merge that runs past the last row of a part: it goes on over the first rows of the next part. */
interface Carried {
  col: number;
  colSpan: number;
  rows: number;
}

interface LaidOut {
  grid: string[][];
  /** Grid positions taken by a cell, by row. */
  taken: boolean[][];
  /** Merges that ran past the table's last row (a table cut into parts with its rowspans kept). */
  overflow: Carried[];
  /** Where each cell stands: its first grid column and how many it spans, by row and index in the row. */
  starts: number[][];
}

/**
 * The table laid out on a grid (the HTML table model: each cell takes the first free column of its
 * row), the columns of `carried` merges taken in its first rows.
 */
function layOut(table: DocTable, carried: readonly Carried[] = []): LaidOut {
  const grid: string[][] = [];
  const taken: boolean[][] = [];
  const overflow: Carried[] = [];
  const starts: number[][] = [];
  const rowCount = table.rows.length;
  let filled = 0;
  const take = (r: number, c: number, text: string): void => {
    grid[r] ??= [];
    taken[r] ??= [];
    taken[r][c] = true;
    grid[r][c] = text;
  };
  const count = (cells: number): void => {
    // Bounded before it is built: spans that would lay out a huge grid are a broken or hostile document.
    filled += cells;
    if (filled > MAX_GRID_CELLS)
      throw new NotAReportError(
        `文档中的表格按合并单元格展开后超过 ${MAX_GRID_CELLS} 个单元格（年报的表格只有数百个），不像年报表格，已拒绝读取`,
      );
  };
  for (const m of carried) {
    const rows = Math.min(m.rows, rowCount);
    count(rows * m.colSpan);
    for (let r = 0; r < rows; r++) for (let dc = 0; dc < m.colSpan; dc++) take(r, m.col + dc, '');
    if (m.rows > rowCount) overflow.push({ ...m, rows: m.rows - rowCount });
  }
  table.rows.forEach((cells, r) => {
    grid[r] ??= [];
    taken[r] ??= [];
    starts[r] = [];
    let c = 0;
    for (const cell of cells) {
      c += Math.max(0, Math.min(cell.skipBefore ?? 0, MAX_SPAN));
      while (taken[r][c]) c++;
      starts[r].push(c);
      const colSpan = Math.max(1, Math.min(cell.colSpan || 1, MAX_SPAN));
      // rowspan="0" reaches the end of the table, as in HTML.
      const asked = cell.rowSpan === 0 ? rowCount - r : Math.max(1, cell.rowSpan || 1);
      const rowSpan = Math.min(asked, rowCount - r);
      if (asked > rowSpan) overflow.push({ col: c, colSpan, rows: Math.min(asked - rowSpan, MAX_SPAN) });
      count(rowSpan * colSpan);
      for (let dr = 0; dr < rowSpan; dr++) for (let dc = 0; dc < colSpan; dc++) take(r + dr, c + dc, dr === 0 && dc === 0 ? cell.text : '');
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return { grid: grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? '')), taken, overflow, starts };
}

/** More sliver columns than this in one table is not a table drawn by hand: it is laid out as it stands. */
const MAX_SLIVERS = 64;

/**
 * The table without its sliver columns: a grid column that a cell starts on and another ends on,
 * but no cell with text stands on alone, is what a table whose borders do not quite line up across
 * rows leaves (a Word table saved as a web page by LibreOffice: 总计 spans its own column and a
 * sliver that 行政诉讼 starts on; Word adds a row of empty spacer cells). Every cell that spans a
 * sliver spans one column fewer (an empty one on the sliver alone is left out), so that the columns
 * after it are not pushed one to the right. A table with cells placed by w:gridBefore is left as it
 * stands (src/read/readDocx.ts drops Word's slivers by their widths).
 */
function withoutSlivers(table: DocTable, laid: LaidOut): DocTable {
  if (table.rows.some((row) => row.some((c) => c.skipBefore))) return table;
  const starting = new Set<number>();
  const ending = new Set<number>();
  const alone = new Set<number>();
  const span = (cell: DocCell) => Math.max(1, Math.min(cell.colSpan || 1, MAX_SPAN));
  table.rows.forEach((cells, r) =>
    cells.forEach((cell, i) => {
      const c = laid.starts[r][i];
      const n = span(cell);
      // An empty cell alone (Word's row of spacer cells under a table whose columns do not line up) shows nothing.
      if (n === 1) {
        if (cell.text !== '') alone.add(c);
      } else {
        starting.add(c);
        ending.add(c + n - 1);
      }
    }),
  );
  const candidates = [...starting].filter((c) => ending.has(c) && !alone.has(c)).sort((x, y) => x - y);
  if (candidates.length === 0 || candidates.length > MAX_SLIVERS) return table;
  // Of two columns that only a merge spans together (总计 over its own and the sliver), one goes:
  // a column is taken out only while every cell with text on it keeps a column of its own.
  const cells = table.rows.flatMap((row, r) => row.map((cell, i) => ({ r, i, cell, start: laid.starts[r][i], left: span(cell) })));
  const slivers: number[] = [];
  for (const c of candidates) {
    const on = cells.filter((x) => x.start <= c && c < x.start + span(x.cell));
    if (on.some((x) => x.left === 1 && x.cell.text !== '')) continue;
    for (const x of on) x.left--;
    slivers.push(c);
  }
  if (slivers.length === 0) return table;
  const left = new Map(cells.map((x) => [`${x.r},${x.i}`, x.left]));
  const rows = table.rows.map((row, r) =>
    row.flatMap((cell, i) => {
      const n = left.get(`${r},${i}`)!;
      // An empty cell that stood on a sliver alone goes with it.
      if (n === 0) return [];
      return n === span(cell) ? [cell] : [{ ...cell, colSpan: n }];
    }),
  );
  return { ...table, rows };
}

/**
 * The table as a spreadsheet holds it: a merged cell's text in its top-left position, the cells it
 * covers empty (the HTML table model: each cell takes the first free column of its row).
 */
export function expandSpans(table: DocTable): string[][] {
  return layOut(table).grid;
}

let tableLabels: readonly string[] | null = null;

/** How many of the labels that only the report's tables hold (src/report/recognise/labelMatch.ts) a text holds. */
export function labelScore(text: string): number {
  tableLabels ??= tableOnlyLabels();
  const t = normaliseLabel(text);
  return tableLabels.filter((l) => t.includes(l)).length;
}

/** A table holds the report when its own cells carry at least this many of the labels. */
const HOLDS_REPORT = 2;
/** Own text of a cell beyond which a table that holds labels is taken to be a layout table too. */
const LAYOUT_CELL_CHARS = 200;

export interface ChosenTables {
  /** The tables that hold the report, in document order. */
  tables: DocTable[];
  /** Chinese remarks on the choice (a report table that is also the page's layout). */
  remarks: string[];
}

/** A table with more cells than this is not one of the report's (表三, the largest, has about 450). */
const MAX_REPORT_TABLE_CELLS = 20_000;
/** Rows of a part that continues a report table without its labels (表三's last rows, 表四's number row). */
const MAX_FRAGMENT_ROWS = 10;

/** The cells a table lists (spans not expanded: a table whose spans would expand too far is refused by expandSpans). */
const cellCount = (t: DocTable): number => t.rows.reduce((n, row) => n + row.length, 0);

/** The width of a table on the grid, from its cells' spans (no grid is built). */
const widthOf = (t: DocTable): number =>
  Math.max(0, ...t.rows.map((row) => row.reduce((n, c) => n + Math.max(1, c.colSpan || 1) + (c.skipBefore ?? 0), 0)));

/**
 * A table that continues the report table before it, printed in parts (a page break inside the
 * table): too few labels of its own to be chosen, but as wide as that table, a few rows, with numbers.
 */
function continues(t: DocTable, before: DocTable): boolean {
  return (
    t.nested.length === 0 &&
    t.rows.length > 0 &&
    t.rows.length <= MAX_FRAGMENT_ROWS &&
    widthOf(t) === widthOf(before) &&
    t.rows.some((row) => row.some((c) => /^[\d０-９]/.test(c.text)))
  );
}

/**
 * The innermost tables that hold the report's labels, in document order: a layout table around the
 * report (a page's frame, a Word document laid out in a table) is passed over for the tables inside
 * it. A table whose own cells hold both the labels and long prose cannot be told apart from the
 * layout: it is read whole, and a remark says so. A table far larger than a report's is passed over
 * (an unrelated list on the page), and a part that continues a chosen table is taken with it.
 */
export function chooseReportTables(top: DocTable[]): ChosenTables {
  const chosen = new Set<DocTable>();
  const remarks: string[] = [];
  const passedOver: number[] = [];
  const visit = (t: DocTable): boolean => {
    let inner = false;
    for (const n of t.nested) inner = visit(n) || inner;
    if (inner) return true;
    if (labelScore(t.ownText) < HOLDS_REPORT) return false;
    if (cellCount(t) > MAX_REPORT_TABLE_CELLS) {
      passedOver.push(t.rows.length);
      return false;
    }
    chosen.add(t);
    if (t.rows.some((row) => row.some((c) => c.text.length > LAYOUT_CELL_CHARS))) {
      remarks.push(
        '统计表格与页面的排版表格无法区分（同一个表格中既有统计表格的栏目，又有大段正文），已把整个表格当作统计表格读取；如有内容未能识别，请检查原文',
      );
    }
    return true;
  };
  for (const t of top) visit(t);
  if (passedOver.length)
    remarks.push(
      `文档中有 ${passedOver.length} 个表格（最多 ${Math.max(...passedOver)} 行）含有年报表格的栏目，但远大于年报表格，未当作年报表格读取`,
    );
  // Document order: every table, each before the tables nested in it.
  const order: DocTable[] = [];
  const stack = [...top].reverse();
  while (stack.length) {
    const t = stack.pop()!;
    order.push(t);
    for (let k = t.nested.length - 1; k >= 0; k--) stack.push(t.nested[k]);
  }
  const tables: DocTable[] = [];
  order.forEach((t, i) => {
    const before = order[i - 1];
    if (chosen.has(t) || (before && tables[tables.length - 1] === before && continues(t, before))) tables.push(t);
  });
  return { tables, remarks };
}

/** Rows at the top of `grid` that repeat the rows at the top of `before` (the last row is always kept). */
function repeatedRows(before: string[][] | undefined, grid: string[][]): number {
  if (!before || !grid.length || before[0]?.length !== grid[0].length) return 0;
  let k = 0;
  while (k < grid.length - 1 && k < before.length && before[k].join('\t') === grid[k].join('\t')) k++;
  return k;
}

/**
 * The part laid out under the merges that ran past the end of the part before it (a table cut in
 * two with its rowspans kept: the second part's rows leave out the cells the merge covers), when
 * that is what makes its first rows as wide as the part before; null when they do not fit.
 */
function underCarried(rows: DocCell[][], carried: readonly Carried[], width: number): LaidOut | null {
  if (!carried.length || !rows.length) return null;
  const part: DocTable = { rows, ownText: '', nested: [] };
  const own = layOut(part);
  const ownWidth = (own.taken[0] ?? []).filter(Boolean).length;
  const carriedWidth = carried.reduce((n, m) => n + m.colSpan, 0);
  if (ownWidth >= width || ownWidth + carriedWidth !== width) return null;
  const laid = layOut(part, carried);
  const full = (r: number) => laid.taken[r]?.filter(Boolean).length === width;
  const deep = Math.min(rows.length, Math.min(...carried.map((m) => m.rows)));
  if (laid.grid[0]?.length !== width || !Array.from({ length: deep }, (_, r) => r).every(full)) return null;
  return laid;
}

/**
 * The grids of the report's tables, in order. A part that starts again with the rows the part
 * before it started with (a table printed with its header repeated on each page) is read without
 * them, so that the header is not taken for another report's table. A part cut from the table with
 * its merges kept in the part before (the merged labels' cells left out of its rows) is laid out
 * under those merges, as one table.
 */
export function reportGrids(tables: DocTable[]): string[][][] {
  const out: string[][][] = [];
  let before: { top: string[][]; width: number; overflow: Carried[] } | undefined;
  for (const found of tables) {
    const first = layOut(found);
    const table = withoutSlivers(found, first);
    const plain = table === found ? first : layOut(table);
    const k = repeatedRows(before?.top, plain.grid);
    const carried = before ? underCarried(table.rows.slice(k), before.overflow, before.width) : null;
    const grid = carried ? carried.grid : k > 0 ? plain.grid.slice(k) : plain.grid;
    out.push(grid);
    // The next part may repeat this part's first rows, and run on under the merges this part left open.
    before = { top: plain.grid, width: grid[0]?.length ?? 0, overflow: carried ? carried.overflow : plain.overflow };
  }
  return out;
}

/** The grids of the tables one under the other, a blank row between (tables split in several parts join up). */
export function stackGrids(grids: string[][][]): string[][] {
  const out: string[][] = [];
  for (const g of grids) {
    if (g.length === 0) continue;
    if (out.length) out.push([]);
    out.push(...g);
  }
  return out;
}

/** Prose: paragraphs trimmed, empty ones dropped, joined with newlines. */
export function joinProse(paragraphs: string[]): string {
  return paragraphs
    .map((p) => cellText(p).replace(/\n/g, ' '))
    .filter((p) => p !== '')
    .join('\n');
}

/**
 * A document's tables as one sheet for the shared check (src/report/sheet/sheetCheck.ts): the chosen
 * tables' grids stacked, read as text, with the document's prose.
 */
export function documentSheetRead(grids: string[][][], prose: string, notes: string[] = [], remarks: string[] = []): SheetRead {
  const grid = stackGrids(grids);
  const cells = grid.reduce((n, row) => n + row.length, 0);
  // Said in a document's words (a sheet's far cells are an .xlsx's matter).
  if (cells > MAX_GRID_CELLS)
    throw new NotAReportError(
      `文档中的表格共有 ${cells} 个单元格，超过 ${MAX_GRID_CELLS} 个（年报的表格只有数百个），不像年报表格，已拒绝读取`,
    );
  const unnamed = { row: 0, col: 0, values: grid, asText: true };
  return {
    kind: 'sheet',
    input: { sheet: '', sheetId: '', named: [], unnamed },
    notes,
    prose,
    document: true,
    ...(remarks.length ? { remarks } : {}),
  };
}
