import { CellId, ColumnKind, dataCell, FORMATS, FormatVersion, TableId, TABLE_IDS } from '../standard/formats';

/** What a label cell is, so that the Excel layer, the preview and the exports style it alike. */
export type LabelRole = 'section' | 'blockTitle' | 'header' | 'rowLabel' | 'note';

export interface LabelCell {
  row: number;
  col: number;
  text: string;
  role: LabelRole;
}

export interface DataCellPos {
  row: number;
  col: number;
  id: CellId;
  kind: ColumnKind;
}

/** A merged range; the top-left cell holds the text or value. */
export interface Merge {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

/**
 * One official table drawn as a grid, 0-based. Row 0 is the section title (二、主动公开政府信息情况 …)
 * merged across the table; the table itself starts at row 1, so formats.md's A1 is row 1 of the
 * grid. Columns are sheet columns (COLUMN_SPANS): formats.md's column B of 表二 starts at column 6.
 */
export interface TableLayout {
  table: TableId;
  version: FormatVersion;
  rowCount: number;
  colCount: number;
  labels: LabelCell[];
  data: DataCellPos[];
  merges: Merge[];
}

/** Rows of the grid above formats.md's row 1 (the section title). */
export const TITLE_ROWS = 1;

/**
 * Every table is drawn on one grid of fifteen sheet columns (their widths: GRID_WIDTHS of style.ts),
 * so that tables stacked on one sheet share its columns and each still looks like the official table.
 * A table's own (logical) columns span several sheet columns each: 表二's four columns 6, 3, 3 and 3,
 * 表三's three label columns 1, 2 and 5 and its seven applicant columns one each, 表四's fifteen
 * columns one each. A label or value sits in the top-left sheet cell of its logical cell's merge.
 */
export const COLUMN_SPANS: Record<TableId, readonly number[]> = {
  T2: [6, 3, 3, 3],
  T3: [1, 2, 5, 1, 1, 1, 1, 1, 1, 1],
  T4: Array<number>(15).fill(1),
};

class GridBuilder {
  readonly labels: LabelCell[] = [];
  readonly data: DataCellPos[] = [];
  readonly merges: Merge[] = [];
  /** Sheet column where each logical column starts; the last entry is the grid's width. */
  private readonly starts: number[];
  constructor(
    readonly version: FormatVersion,
    spans: readonly number[],
  ) {
    this.starts = [0];
    for (const s of spans) this.starts.push(this.starts[this.starts.length - 1] + s);
  }

  get colCount(): number {
    return this.starts[this.starts.length - 1];
  }

  /** A label in logical column `col`, spanning `rowSpan` rows and `colSpan` logical columns. */
  label(row: number, col: number, text: string, role: LabelRole, rowSpan = 1, colSpan = 1): void {
    this.labels.push({ row, col: this.starts[col], text, role });
    this.merge(row, col, rowSpan, colSpan);
  }

  /** A data cell in logical column `col`, spanning `colSpan` logical columns. */
  value(row: number, col: number, id: string, colSpan = 1): void {
    const def = dataCell(this.version, id as CellId);
    if (!def) throw new Error(`layout names a cell that the ${this.version} format does not have: ${id}`);
    this.data.push({ row, col: this.starts[col], id: def.id, kind: def.kind });
    this.merge(row, col, 1, colSpan);
  }

  private merge(row: number, col: number, rowSpan: number, colSpan: number): void {
    const sheetSpan = this.starts[col + colSpan] - this.starts[col];
    if (rowSpan > 1 || sheetSpan > 1) this.merges.push({ row, col: this.starts[col], rowSpan, colSpan: sheetSpan });
  }

  build(table: TableId, rowCount: number): TableLayout {
    return {
      table,
      version: this.version,
      rowCount,
      colCount: this.colCount,
      labels: this.labels,
      data: this.data,
      merges: this.merges,
    };
  }
}

/** Logical columns of each table, as the official tables have them. */
const T2_COLS = COLUMN_SPANS.T2.length;
const T3_COLS = COLUMN_SPANS.T3.length;
const T4_COLS = COLUMN_SPANS.T4.length;

/** Column spans of a T2 block's value cells: one column spans B:D; two are B and C:D. */
function t2ValueSpans(columns: number): number[] {
  if (columns === 1) return [3];
  if (columns === 2) return [1, 2];
  return [1, 1, 1];
}

function t2Layout(version: FormatVersion, spans: readonly number[]): TableLayout {
  const f = FORMATS[version].T2;
  const g = new GridBuilder(version, spans);
  g.label(0, 0, f.title, 'section', 1, T2_COLS);
  let row = TITLE_ROWS;
  for (const block of f.blocks) {
    g.label(row, 0, block.title, 'blockTitle', 1, T2_COLS);
    row++;
    const spans = t2ValueSpans(block.columns.length);
    g.label(row, 0, f.header, 'header');
    let col = 1;
    block.columns.forEach((c, i) => {
      g.label(row, col, c.label, 'header', 1, spans[i]);
      col += spans[i];
    });
    row++;
    for (const r of block.rows) {
      g.label(row, 0, r.label, 'rowLabel');
      col = 1;
      block.columns.forEach((c, i) => {
        g.value(row, col, `T2.${r.id}.${c.id}`, spans[i]);
        col += spans[i];
      });
      row++;
    }
  }
  return g.build('T2', row);
}

const T3_HEADER_ROWS = 3;
const T3_FIRST_DATA_COL = 3;

function t3Layout(version: FormatVersion, spans: readonly number[]): TableLayout {
  const f = FORMATS[version].T3;
  const g = new GridBuilder(version, spans);
  const top = TITLE_ROWS;
  g.label(0, 0, f.title, 'section', 1, T3_COLS);
  g.label(top, 0, f.note, 'note', T3_HEADER_ROWS, 3);
  g.label(top, T3_FIRST_DATA_COL, f.applicantHeader, 'header', 1, f.columns.length);
  const legal = new Set<string>(f.legalGroup.columns);
  const firstLegal = f.columns.findIndex((c) => legal.has(c.id));
  f.columns.forEach((c, i) => {
    const col = T3_FIRST_DATA_COL + i;
    if (legal.has(c.id)) g.label(top + 2, col, c.label, 'header');
    else g.label(top + 1, col, c.label, 'header', 2, 1);
  });
  g.label(top + 1, T3_FIRST_DATA_COL + firstLegal, f.legalGroup.label, 'header', 1, f.legalGroup.columns.length);

  const bodyTop = top + T3_HEADER_ROWS;
  const rows = f.rows;
  // Consecutive rows that share a group share one merged label cell to their left.
  const span = (from: number, pick: (r: (typeof rows)[number]) => string | null): number => {
    let n = 1;
    while (from + n < rows.length && pick(rows[from + n]) === pick(rows[from])) n++;
    return n;
  };
  const outcomeGroup = rows.find((r) => r.group && /^[一二三四]、/.test(r.group))?.group ?? null;
  const isOutcome = (r: (typeof rows)[number]): boolean => r.group !== null;
  rows.forEach((r, i) => {
    const row = bodyTop + i;
    if (!isOutcome(r)) {
      g.label(row, 0, r.label, 'rowLabel', 1, 3);
    } else {
      if (i === 0 || !isOutcome(rows[i - 1])) {
        g.label(
          row,
          0,
          outcomeGroup ?? '',
          'rowLabel',
          span(i, (x) => (isOutcome(x) ? 'outcome' : null)),
          1,
        );
      }
      if (r.group === outcomeGroup) {
        g.label(row, 1, r.label, 'rowLabel', 1, 2);
      } else {
        if (rows[i - 1].group !== r.group)
          g.label(
            row,
            1,
            r.group ?? '',
            'rowLabel',
            span(i, (x) => x.group),
            1,
          );
        g.label(row, 2, r.label, 'rowLabel');
      }
    }
    f.columns.forEach((c, j) => g.value(row, T3_FIRST_DATA_COL + j, `T3.${r.id}.${c.id}`));
  });
  return g.build('T3', bodyTop + rows.length);
}

function t4Layout(version: FormatVersion, spans: readonly number[]): TableLayout {
  const f = FORMATS[version].T4;
  const g = new GridBuilder(version, spans);
  const top = TITLE_ROWS;
  const width = f.fields.length;
  g.label(0, 0, f.title, 'section', 1, T4_COLS);
  const parents: string[] = [];
  f.groups.forEach((grp, gi) => {
    const col = gi * width;
    if (grp.parent === null) {
      g.label(top, col, grp.label, 'header', 1, width);
      f.fields.forEach((fl, fi) => g.label(top + 1, col + fi, fl.label, 'header', 2, 1));
    } else {
      if (!parents.includes(grp.parent)) {
        parents.push(grp.parent);
        const n = f.groups.filter((x) => x.parent === grp.parent).length;
        g.label(top, col, grp.parent, 'header', 1, n * width);
      }
      g.label(top + 1, col, grp.label, 'header', 1, width);
      f.fields.forEach((fl, fi) => g.label(top + 2, col + fi, fl.label, 'header'));
    }
    f.fields.forEach((fl, fi) => g.value(top + 3, col + fi, `T4.${grp.id}.${fl.id}`));
  });
  return g.build('T4', top + 4);
}

const BUILDERS: Record<TableId, (v: FormatVersion, spans: readonly number[]) => TableLayout> = { T2: t2Layout, T3: t3Layout, T4: t4Layout };
const cache = new Map<string, TableLayout>();

function cachedLayout(version: FormatVersion, table: TableId, official: boolean): TableLayout {
  const key = `${version}/${table}/${official}`;
  let layout = cache.get(key);
  if (!layout) {
    const spans = official ? COLUMN_SPANS[table].map(() => 1) : COLUMN_SPANS[table];
    layout = BUILDERS[table](version, spans);
    cache.set(key, layout);
  }
  return layout;
}

/** One table of one version as the add-in draws it: on the sheet grid of COLUMN_SPANS. */
export function tableLayout(version: FormatVersion, table: TableId): TableLayout {
  return cachedLayout(version, table, false);
}

/**
 * One table as the official form draws it, one column per column of the form (表二 4, 表三 10,
 * 表四 15): the shape of the tables published in reports, which the recogniser reads.
 */
export function officialLayout(version: FormatVersion, table: TableId): TableLayout {
  return cachedLayout(version, table, true);
}

export function allLayouts(version: FormatVersion): TableLayout[] {
  return TABLE_IDS.map((t) => tableLayout(version, t));
}

/** The grid as rows of strings: labels where they sit, '' elsewhere (data cells, merged-over cells). */
export function layoutTextGrid(layout: TableLayout): string[][] {
  const grid = Array.from({ length: layout.rowCount }, () => Array<string>(layout.colCount).fill(''));
  for (const l of layout.labels) grid[l.row][l.col] = l.text;
  return grid;
}

/** Where a data cell sits in its table's grid. */
export function cellPosition(version: FormatVersion, id: CellId): DataCellPos & { table: TableId } {
  const table = id.slice(0, 2) as TableId;
  const pos = tableLayout(version, table).data.find((d) => d.id === id);
  if (!pos) throw new Error(`no cell ${id} in the ${version} format`);
  return { ...pos, table };
}
