import { FORMAT_VERSIONS, FormatVersion, TABLE_IDS, TABLE_NAMES, TABLE_NUMBERS, TableId } from '../standard/formats';
import { isEntireColumns, isEntireRows, parseAddress } from '../standard/a1';

/**
 * Each inserted table carries a sheet-scoped name, XXGK_<table>_<version>, over its whole block.
 * Excel moves the name with the table (rows added above, table cut and pasted), keeps it in the
 * saved file, and lets two sheets each hold one; the name says which table and version it is.
 */
export const NAME_PREFIX = 'XXGK_';

export function tableName(table: TableId, version: FormatVersion): string {
  return `${NAME_PREFIX}${table}_${version}`;
}

export function parseTableName(name: string): { table: TableId; version: FormatVersion } | null {
  const m = /^XXGK_(T[234])_(\d{4})$/.exec(name);
  if (!m) return null;
  const table = TABLE_IDS.find((t) => t === m[1]);
  const version = FORMAT_VERSIONS.find((v) => v === m[2]);
  return table && version ? { table, version } : null;
}

/** In a name's comment: the table's totals were inserted as formulas (合计用公式), so a total typed over is told. */
export const FORMULA_TOTALS_MARK = '合计用公式';

export function tableNameComment(table: TableId, version: FormatVersion, totalsAsFormulas = false): string {
  return `年报助手：${TABLE_NUMBERS[table]} ${TABLE_NAMES[table]}（${version}版${totalsAsFormulas ? `，${FORMULA_TOTALS_MARK}` : ''}），请勿删除此名称`;
}

/**
 * Parses a name's reference, e.g. "=Sheet1!$A$3:$J$31" or "='年报 (2021)'!$A$3:$J$31"; null for #REF!
 * and for entire rows or columns, which are no table's block.
 */
export function parseNameReference(value: string): { sheet: string; top: number; left: number; bottom: number; right: number } | null {
  const p = parseAddress(value.trim().replace(/^=/, ''));
  if (!p || p.sheet === undefined || isEntireRows(p.rect) || isEntireColumns(p.rect)) return null;
  const { r0, c0, r1, c1 } = p.rect;
  return { sheet: p.sheet, top: r0, left: c0, bottom: r1, right: c1 };
}

/**
 * A pasted table the user asked to check in place carries XXGK_PASTED_<version> over the rows it
 * spans, so the live check finds it again and the add-in can remove its own highlights later.
 */
export const PASTED_PREFIX = `${NAME_PREFIX}PASTED_`;

export function pastedName(version: FormatVersion): string {
  return `${PASTED_PREFIX}${version}`;
}

export function parsePastedName(name: string): FormatVersion | null {
  const m = /^XXGK_PASTED_(\d{4})$/.exec(name);
  return m ? (FORMAT_VERSIONS.find((v) => v === m[1]) ?? null) : null;
}

/** Marks a summary sheet (汇总本工作簿, sheet-scoped): its formulas sum other sheets, so it is checked again when they change. */
export const ROLLUP_NAME = `${NAME_PREFIX}ROLLUP`;
