import { FORMATS } from './formatsData';
import { FormatVersion, TableId } from './formatNames';

export { FORMATS };
export { DEFAULT_VERSION, FORMAT_VERSIONS, isFormatVersion, TABLE_IDS, TABLE_NAMES, TABLE_NUMBERS } from './formatNames';
export type { FormatVersion, TableId } from './formatNames';

type Format = (typeof FORMATS)[FormatVersion];

/** Data cells in a 表三 row: the seven applicant columns (both versions). */
export const T3_WIDTH = FORMATS['2021'].T3.columns.length;
/** Data cells of 表四: every field of every group (both versions). */
export const T4_WIDTH = FORMATS['2021'].T4.groups.length * FORMATS['2021'].T4.fields.length;
type T2Block = Format['T2']['blocks'][number];

export type ColumnKind = 'count' | 'signed' | 'amount';
export type T2BlockId = T2Block['block'];
export type T2RowId = T2Block['rows'][number]['id'];
export type T2ColumnId = T2Block['columns'][number]['id'];
export type T3RowId = Format['T3']['rows'][number]['id'];
export type T3ColumnId = Format['T3']['columns'][number]['id'];
export type T4GroupId = Format['T4']['groups'][number]['id'];
export type T4FieldId = Format['T4']['fields'][number]['id'];

export type T2CellId = `T2.${T2RowId}.${T2ColumnId}`;
export type T3CellId = `T3.${T3RowId}.${T3ColumnId}`;
export type T4CellId = `T4.${T4GroupId}.${T4FieldId}`;
/** A canonical cell id of formats.md: T2.<row>.<column>, T3.<row>.<column> or T4.<group>.<field>. */
export type CellId = T2CellId | T3CellId | T4CellId;

export function format(version: FormatVersion): Format {
  return FORMATS[version];
}

/** One data cell of a version: where it belongs and what it may hold. */
export interface DataCellDef {
  id: CellId;
  table: TableId;
  /** T2 block, T3 row or T4 group. */
  row: string;
  /** T2/T3 column or T4 field. */
  column: string;
  kind: ColumnKind;
  /** Human-readable place, e.g. 自然人一列的“（一）予以公开”. */
  label: string;
  /** T2 only: the block the row is in. */
  block?: T2BlockId;
}

const dataCellCache = new Map<FormatVersion, DataCellDef[]>();

type Labelled = { readonly id: string; readonly label: string };

/** The cells where each row (T2/T3 row, T4 group) crosses each column (T2/T3 column, T4 field), row by row. */
function crossCells(
  table: TableId,
  rows: readonly Labelled[],
  columns: readonly (Labelled & { readonly kind: ColumnKind })[],
  label: (row: Labelled, column: Labelled) => string,
  block?: T2BlockId,
): DataCellDef[] {
  return rows.flatMap((r) =>
    columns.map((c) => ({
      id: `${table}.${r.id}.${c.id}` as CellId,
      table,
      row: r.id,
      column: c.id,
      kind: c.kind,
      label: label(r, c),
      ...(block ? { block } : {}),
    })),
  );
}

/** Every data cell of a version, table by table in reading order (row by row, left to right). */
export function dataCells(version: FormatVersion): readonly DataCellDef[] {
  const cached = dataCellCache.get(version);
  if (cached) return cached;
  const f = FORMATS[version];
  const cells: DataCellDef[] = [
    ...f.T2.blocks.flatMap((b) => crossCells('T2', b.rows, b.columns, (r, c) => `${r.label}的“${c.label}”`, b.block)),
    ...crossCells('T3', f.T3.rows, f.T3.columns, (r, c) => `${c.label}一列的“${t3RowName(version, r.id as T3RowId)}”`),
    ...crossCells('T4', f.T4.groups, f.T4.fields, (g, fl) => `${g.label}的“${fl.label}”`),
  ];
  dataCellCache.set(version, cells);
  return cells;
}

export function dataCellIds(version: FormatVersion): readonly CellId[] {
  return dataCells(version).map((c) => c.id);
}

export function dataCell(version: FormatVersion, id: CellId): DataCellDef | undefined {
  return dataCells(version).find((c) => c.id === id);
}

export function isCellId(version: FormatVersion, id: string): id is CellId {
  return dataCells(version).some((c) => c.id === id);
}

/**
 * How a T3 row is named in a message: the numbered group and the item, without the long
 * explanation of （二）, e.g. “（三）1.属于国家秘密”, “（七）总计”, “第一项”.
 */
export function t3RowShortLabel(version: FormatVersion, row: T3RowId): string {
  const def = FORMATS[version].T3.rows.find((r) => r.id === row);
  if (!def) return row;
  const main = /^([一二三四])、/.exec(def.label);
  if (main) return `第${main[1]}项`;
  const label = def.label.replace(/（区分处理的.*）$/, '');
  const group = def.group && /^（[一二三四五六七]）/.exec(def.group);
  return group && !label.startsWith('（') ? `${group[0]}${label}` : label;
}

/** A T3 row as a person names it: the official label of a main row (一、本年新收…), else its short label. */
export function t3RowName(version: FormatVersion, row: T3RowId): string {
  const def = FORMATS[version].T3.rows.find((r) => r.id === row);
  if (!def) return row;
  return /^[一二三四]、/.test(def.label) ? def.label : t3RowShortLabel(version, row);
}

export function t3ColumnLabel(version: FormatVersion, col: T3ColumnId): string {
  return FORMATS[version].T3.columns.find((c) => c.id === col)?.label ?? col;
}
