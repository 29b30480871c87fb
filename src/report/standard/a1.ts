/**
 * A1 addresses: column letters, cells, rectangles and sheet-qualified ranges, for the report, the
 * add-in and the in-memory Excel alike. Rows and columns are 0-based; rectangles are inclusive.
 */

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** Column letters of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of column letters: A → 0, AA → 26. */
export function columnIndex(letters: string): number {
  let col = 0;
  for (const ch of letters.toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return col - 1;
}

/** A1 address of a 0-based (row, col), e.g. "D5" or "$D$5". */
export function a1(row: number, col: number, absRow = false, absCol = false): string {
  return `${absCol ? '$' : ''}${columnLetters(col)}${absRow ? '$' : ''}${row + 1}`;
}

const CELL_RE = /^\$?([A-Za-z]{1,3})\$?(\d+)$/;
const COL_RE = /^\$?([A-Za-z]{1,3})$/;
const ROW_RE = /^\$?(\d+)$/;

/** (row, col) of "D5" or "$D$5", or null when it is not a cell of the sheet. */
function parseCell(s: string): { row: number; col: number } | null {
  const m = CELL_RE.exec(s);
  if (!m) return null;
  const col = columnIndex(m[1]);
  const row = parseInt(m[2], 10) - 1;
  if (row < 0 || row >= MAX_ROWS || col < 0 || col >= MAX_COLS) return null;
  return { row, col };
}

/** (row, col) of an A1 cell reference ("D5", "$D$5"); throws for anything else. */
export function parseA1(ref: string): { row: number; col: number } {
  const cell = parseCell(ref);
  if (!cell) throw new Error(`not an A1 reference: ${ref}`);
  return cell;
}

export function isEntireRows(r: Rect): boolean {
  return r.c0 === 0 && r.c1 === MAX_COLS - 1;
}

export function isEntireColumns(r: Rect): boolean {
  return r.r0 === 0 && r.r1 === MAX_ROWS - 1;
}

/** "D5", "D5:J30", "3:5", "A:C" (Excel's own rendering of a rectangle, without sheet). */
export function rectAddress(r: Rect, abs = false): string {
  const d = abs ? '$' : '';
  if (isEntireColumns(r) && !isEntireRows(r)) return `${d}${columnLetters(r.c0)}:${d}${columnLetters(r.c1)}`;
  if (isEntireRows(r)) return `${d}${r.r0 + 1}:${d}${r.r1 + 1}`;
  const first = a1(r.r0, r.c0, abs, abs);
  if (r.r0 === r.r1 && r.c0 === r.c1) return first;
  return `${first}:${a1(r.r1, r.c1, abs, abs)}`;
}

/** Whether a sheet name must be quoted in a reference (spaces, punctuation, leading digit, looks like a cell). */
function sheetNeedsQuotes(name: string): boolean {
  if (!/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name)) return true;
  if (/^[A-Za-z]{1,3}\d+$/.test(name)) return true;
  if (/^[Rr]\d*[Cc]\d*$/.test(name) || /^(true|false)$/i.test(name)) return true;
  return false;
}

/** A sheet name as Excel writes it before "!": quoted only when it must be. */
export function quoteSheet(name: string): string {
  return sheetNeedsQuotes(name) ? `'${name.replace(/'/g, "''")}'` : name;
}

/** "Sheet1!D5:J30", "'My sheet'!A1". */
export function qualifiedAddress(sheet: string, r: Rect, abs = false): string {
  return `${quoteSheet(sheet)}!${rectAddress(r, abs)}`;
}

function ordered(r: Rect): Rect {
  return {
    r0: Math.min(r.r0, r.r1),
    r1: Math.max(r.r0, r.r1),
    c0: Math.min(r.c0, r.c1),
    c1: Math.max(r.c0, r.c1),
  };
}

/**
 * Parses an A1 rectangle ("D5", "$D$5:J30", "3:5", "A:C"), optionally prefixed with a sheet
 * ("Sheet1!A1", "'My sheet'!A1"). Returns null for anything else.
 */
export function parseAddress(address: string): { sheet?: string; rect: Rect } | null {
  let s = address.trim();
  let sheet: string | undefined;
  const bang = s.lastIndexOf('!');
  if (bang >= 0) {
    let sh = s.slice(0, bang);
    s = s.slice(bang + 1);
    if (sh.startsWith("'")) {
      if (!sh.endsWith("'") || sh.length < 2) return null;
      sh = sh.slice(1, -1).replace(/''/g, "'");
    }
    if (!sh) return null;
    sheet = sh;
  }
  const parts = s.split(':');
  if (parts.length === 1) {
    const c = parseCell(parts[0]);
    return c ? { sheet, rect: { r0: c.row, c0: c.col, r1: c.row, c1: c.col } } : null;
  }
  if (parts.length !== 2) return null;
  const [a, b] = parts;
  const ca = parseCell(a);
  const cb = parseCell(b);
  if (ca && cb) return { sheet, rect: ordered({ r0: ca.row, c0: ca.col, r1: cb.row, c1: cb.col }) };
  const ra = ROW_RE.exec(a);
  const rb = ROW_RE.exec(b);
  if (ra && rb) {
    const r0 = parseInt(ra[1], 10) - 1;
    const r1 = parseInt(rb[1], 10) - 1;
    if (r0 < 0 || r1 < 0 || r0 >= MAX_ROWS || r1 >= MAX_ROWS) return null;
    return { sheet, rect: ordered({ r0, c0: 0, r1, c1: MAX_COLS - 1 }) };
  }
  const ka = COL_RE.exec(a);
  const kb = COL_RE.exec(b);
  if (ka && kb) {
    const c0 = columnIndex(ka[1]);
    const c1 = columnIndex(kb[1]);
    if (c0 >= MAX_COLS || c1 >= MAX_COLS) return null;
    return { sheet, rect: ordered({ r0: 0, c0, r1: MAX_ROWS - 1, c1 }) };
  }
  return null;
}
