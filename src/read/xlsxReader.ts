import { a1 } from '../report/standard/a1';
import { RawValue } from '../report/sheet/templateBlock';
import { StoredCell } from '../report/sheet/sparseSheet';
import { NotAReportError } from './exchange';
import { inflatedParts, LIMITS } from './guard';
import { inflateBounded } from './inflate';
import { LocalName, SheetContent, sumRanges, WorkbookContent } from './workbookInputs';
import { scanXml, XmlHandler } from './xmlScan';
import { entryData, readZipDirectory, ZipEntry } from './zipDirectory';

// The .xlsx reader of the check: the parts a check needs (the workbook's sheets and defined names,
// shared strings, the number formats that make a number a date, each sheet's cells, merges and
// hyperlinks, the document keywords), read from the zip directory the guard read and inflated with
// the same bound, each sheet scanned cell by cell without a tree. It reads what ExcelJS's full load
// gives the check (readXlsx.ts, excelJSContent; test/read/xlsxReader.test.ts holds the two to the
// same result): a merged range's covered cells are blank, formulas give their saved result (a SUM
// saved without one is added up), a number in a date format is its date, a hyperlink's cell its text.

const CORRUPT = '无法打开 Excel 工作簿，文件已损坏或内容不符合 .xlsx 规范';
const RESAVE = '；请在 Excel 或 WPS 中打开后另存为 .xlsx 再校验';

/** Cells stored in one workbook (a report has a few thousand; ExcelJS ran out of memory near a million). */
export const MAX_WORKBOOK_CELLS = 500_000;
/** Cells visited adding up SUM formulas saved without their result; past it, their values are unknown. */
const SUM_BUDGET = 5_000_000;

class CorruptWorkbook extends Error {}

const corrupt = (what: string): never => {
  throw new CorruptWorkbook(what);
};

/** The inflated parts of the zip, by name (a leading / dropped; a later entry of the same name wins, as in JSZip). */
function zipParts(bytes: Uint8Array): (name: string) => Uint8Array | null {
  const guarded = inflatedParts(bytes);
  if (guarded) return (name) => guarded.get(name) ?? null;
  const entries = new Map<string, ZipEntry>();
  const { entries: list } = readZipDirectory(bytes, { maxDirectoryBytes: 16 * 1024 * 1024, maxEntries: LIMITS.zipEntries });
  for (const e of list) if (!e.name.endsWith('/')) entries.set(e.name.replace(/^\//, ''), e);
  return (name) => {
    const e = entries.get(name);
    if (!e) return null;
    const stored = entryData(bytes, e);
    if (e.method === 0) return stored;
    if (e.method !== 8) return corrupt(`compression method ${e.method}`);
    return inflateBounded(stored, e.uncompressedSize, true).bytes!;
  };
}

/** A handler of the elements it names, with the text of the element it asked for. */
function handler(
  attributesOf: string[],
  open: (name: string, attributes: Record<string, string>) => void,
  close: (name: string, text: string) => void = () => undefined,
): XmlHandler & { textOf(name: string): void } {
  let text = '';
  let of: string | null = null;
  return {
    attributesOf: new Set(attributesOf),
    wantsText: false,
    textOf(name: string) {
      of = name;
      text = '';
      this.wantsText = true;
    },
    open,
    close(name: string) {
      if (name === of) {
        of = null;
        this.wantsText = false;
        close(name, text);
      } else close(name, '');
    },
    text(t: string) {
      text += t;
    },
  };
}

interface Relationship {
  type: string;
  target: string;
  external: boolean;
}

function readRels(bytes: Uint8Array | null): Map<string, Relationship> {
  const rels = new Map<string, Relationship>();
  if (!bytes) return rels;
  scanXml(
    bytes,
    handler(['Relationship'], (name, a) => {
      if (name === 'Relationship' && a.Id !== undefined)
        rels.set(a.Id, { type: a.Type ?? '', target: a.Target ?? '', external: a.TargetMode === 'External' });
    }),
  );
  return rels;
}

/** A part name of a target relative to xl/ (or absolute from the package root). */
function resolveTarget(target: string): string {
  const path = target.trim().startsWith('/') ? target.trim().slice(1) : `xl/${target.trim()}`;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** Entities ExcelJS decodes a second time in sheet names and text results (utils.xmlDecode). */
const xmlDecode = (text: string): string =>
  text.replace(/&([a-z]*);/g, (c) => ({ '&lt;': '<', '&gt;': '>', '&amp;': '&', '&apos;': "'", '&quot;': '"' })[c] ?? c);

/** Excel's escapes of control characters in shared text (_x000D_). */
const unescapeX = (text: string): string => text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/** ExcelJS's test of a number format that shows a date or a time. */
function isDateFormat(code: string | undefined): boolean {
  if (!code) return false;
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** Built-in number formats (ECMA-376 18.8.30) that are dates or times. */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

/** Which cell styles (xl/styles.xml cellXfs, by index) show a number as a date. */
function readDateStyles(bytes: Uint8Array | null): boolean[] {
  if (!bytes) return [];
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  scanXml(
    bytes,
    handler(
      ['numFmt', 'xf'],
      (name, a) => {
        if (name === 'numFmt') custom.set(parseInt(a.numFmtId, 10), (a.formatCode ?? '').replace(/[\\](.)/g, '$1'));
        else if (name === 'cellXfs') inCellXfs = true;
        else if (name === 'xf' && inCellXfs) xfs.push(parseInt(a.numFmtId, 10));
      },
      (name) => {
        if (name === 'cellXfs') inCellXfs = false;
      },
    ),
  );
  return xfs.map((id) => (id ? (custom.has(id) ? isDateFormat(custom.get(id)) : BUILT_IN_DATE_FORMATS.has(id)) : false));
}

/** The shared strings: text, the runs of rich text joined, null for an empty item. */
function readSharedStrings(bytes: Uint8Array): (string | null)[] {
  const values: (string | null)[] = [];
  let item: { plain?: string; runs?: string[] } | null = null;
  let inRun = false;
  let phonetic = 0;
  const h = handler(
    [],
    (name) => {
      if (name === 'si') item = {};
      else if (!item || phonetic) {
        if (name === 'rPh') phonetic++;
      } else if (name === 'rPh') phonetic++;
      else if (name === 'r') {
        inRun = true;
        (item.runs ??= []).push('');
      } else if (name === 't') h.textOf('t');
    },
    (name, text) => {
      if (name === 'rPh') phonetic--;
      else if (name === 't' && item && !phonetic) {
        if (inRun && item.runs) item.runs[item.runs.length - 1] = unescapeX(text);
        else if (!inRun && !item.runs) item.plain = unescapeX(text);
      } else if (name === 'r') inRun = false;
      else if (name === 'si' && item) {
        values.push(item.runs ? item.runs.join('') : (item.plain ?? null));
        item = null;
      }
    },
  );
  scanXml(bytes, h);
  return values;
}

/** ExcelJS's reading of a defined name's text as ranges (defined-name-xform.js extractRanges). */
function extractRanges(text: string): string[] {
  const ranges: string[] = [];
  let quotesOpened = false;
  let last = '';
  for (const item of text.split(',')) {
    if (!item) continue;
    const quotes = (item.match(/'/g) ?? []).length;
    if (!quotes) {
      if (quotesOpened) last += `${item},`;
      else if (isValidRange(item)) ranges.push(item);
      continue;
    }
    const even = quotes % 2 === 0;
    if (!quotesOpened && even && isValidRange(item)) ranges.push(item);
    else if (quotesOpened && !even) {
      quotesOpened = false;
      if (isValidRange(last + item)) ranges.push(last + item);
      last = '';
    } else {
      quotesOpened = true;
      last += `${item},`;
    }
  }
  return ranges;
}

/** Whether ExcelJS's address decoder takes a reference: it refuses column letters past XFD. */
function isValidRange(value: string): boolean {
  const reference = /(?:(?:(?:'((?:[^']|'')*)')|([^'^ !]*))!)?(.*)/.exec(value)![3];
  const parts = reference.split(':');
  if (parts.length === 1 && reference.startsWith('#')) return true;
  return parts.slice(0, 2).every((p) => decodedColumn(p) <= 16384);
}

interface SheetDef {
  name: string;
  relId: string;
}

function readWorkbookPart(bytes: Uint8Array | null): { sheets: SheetDef[]; names: LocalName[]; date1904: boolean } {
  const sheets: SheetDef[] = [];
  const names: LocalName[] = [];
  let date1904 = false;
  if (!bytes) return { sheets, names, date1904 };
  let pending: { name: string; localSheetId?: number } | null = null;
  const h = handler(
    ['sheet', 'workbookPr', 'definedName'],
    (name, a) => {
      if (name === 'sheet') sheets.push({ name: xmlDecode(a.name ?? ''), relId: a.id ?? '' });
      else if (name === 'workbookPr') date1904 = a.date1904 === '1';
      else if (name === 'definedName') {
        pending = { name: a.name ?? '', ...(a.localSheetId !== undefined ? { localSheetId: parseInt(a.localSheetId, 10) } : {}) };
        h.textOf('definedName');
      }
    },
    (name, text) => {
      if (name === 'definedName' && pending) {
        const n = pending;
        pending = null;
        // Print areas and titles are the sheets' own, not names (ExcelJS sets them apart).
        if (n.name !== '_xlnm.Print_Area' && n.name !== '_xlnm.Print_Titles') names.push({ ...n, ranges: extractRanges(text) });
      }
    },
  );
  scanXml(bytes, h);
  return { sheets, names, date1904 };
}

function readKeywords(bytes: Uint8Array | null): string | undefined {
  if (!bytes) return undefined;
  let keywords: string | undefined;
  const h = handler(
    [],
    (name) => {
      if (name === 'keywords') h.textOf('keywords');
    },
    (name, text) => {
      if (name === 'keywords') keywords = text;
    },
  );
  scanXml(bytes, h);
  return keywords;
}

/** A cell as the sheet stores it, once its text is read. */
interface Cell {
  row: number;
  col: number;
  /** The r attribute as written (a hyperlink names its cell so). */
  address: string | undefined;
  /** The value as a spreadsheet shows it; for a formula, its saved result. */
  value: RawValue;
  /** A formula's text (a shared formula's dependent gets its master's, moved), and how it is shared. */
  formula?: { text: string; shared?: string; master?: boolean };
  kept: boolean;
}

/** Column number (1-based) of an address's letters as ExcelJS's decoder reads them; 0 without letters. */
function decodedColumn(address: string): number {
  let col = 0;
  let hasRow = false;
  for (let i = 0; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (!hasRow && c >= 65 && c <= 90) col = col * 26 + c - 64;
    else if (c >= 48 && c <= 57) hasRow = true;
    else if (hasRow && col > 0 && c !== 36) break;
  }
  return col;
}

/** Column number (1-based) of an address's letters as ExcelJS decodes them; NaN without letters. */
function columnOf(address: string): number {
  const col = decodedColumn(address);
  if (col === 0) return NaN;
  if (col > 16384) corrupt(`column of ${address}`);
  return col;
}

const MERGE_REF = /^\$?([A-Z]{1,3})\$?(\d{1,7})(?::\$?([A-Z]{1,3})\$?(\d{1,7}))?$/;

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function mergeRect(ref: string): Rect {
  const m = MERGE_REF.exec(ref.trim());
  if (!m) return corrupt(`merge ${ref}`);
  const c1 = columnOf(m[1]);
  const r1 = Number(m[2]);
  const c2 = m[3] ? columnOf(m[3]) : c1;
  const r2 = m[4] ? Number(m[4]) : r1;
  return { top: Math.min(r1, r2) - 1, left: Math.min(c1, c2) - 1, bottom: Math.max(r1, r2) - 1, right: Math.max(c1, c2) - 1 };
}

interface SheetContext {
  shared: (string | null)[] | null;
  dateStyles: boolean[];
  date1904: boolean;
  /** Cells of the workbook so far, against MAX_WORKBOOK_CELLS. */
  count: { cells: number; merged: number };
}

/** A number in a date format, as ExcelJS gives it: its date (yyyy-mm-dd). */
function dateOf(v: number, date1904: boolean): RawValue {
  const d = new Date(Math.round((v - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
  return Number.isNaN(d.getTime()) ? v : d.toISOString().slice(0, 10);
}

const SHEET_ATTRIBUTES = new Set(['row', 'c', 'f', 'mergeCell', 'hyperlink']);

/** One worksheet part: its cells row by row, merges applied, formulas without a result added up where they are SUMs. */
function readSheet(name: string, bytes: Uint8Array, ctx: SheetContext): SheetContent {
  const all: Cell[] = [];
  const rows = new Map<number, Cell[]>();
  const merges: Rect[] = [];
  const hyperlinks = new Set<string>();
  let row = 0;
  let rowCells: Cell[] = [];
  let prevCol = NaN;
  // The cell being read.
  let c: {
    address?: string;
    t?: string;
    style: number;
    value?: string;
    runs?: string[];
    formula?: string;
    shareType?: string;
    si?: string;
    ref?: string;
  } | null = null;
  let inRun = false;
  let target: 'f' | 'v' | 't' | 'run' | null = null;
  let inSheetData = false;
  const h: XmlHandler = {
    attributesOf: SHEET_ATTRIBUTES,
    wantsText: false,
    open(tag, a) {
      if (c) {
        if (tag === 'f') {
          target = 'f';
          c.si = a.si;
          c.shareType = a.t;
          c.ref = a.ref;
        } else if (tag === 'v') target = 'v';
        else if (tag === 'r') {
          inRun = true;
          if (c.value === undefined) (c.runs ??= []).push('');
        } else if (tag === 't') target = inRun ? 'run' : 't';
        h.wantsText = target !== null;
        return;
      }
      if (tag === 'sheetData') inSheetData = true;
      else if (tag === 'row' && inSheetData) {
        row = a.r !== undefined ? parseInt(a.r, 10) : row + 1;
        prevCol = NaN;
        rowCells = [];
        // A row stored twice: the later one replaces the earlier, as ExcelJS reads it.
        for (const earlier of rows.get(row) ?? []) earlier.kept = false;
        rows.set(row, rowCells);
      } else if (tag === 'c' && inSheetData) {
        const s = a.s !== undefined ? parseInt(a.s, 10) : 0;
        c = { address: a.r, t: a.t, style: s };
      } else if (tag === 'mergeCell' && a.ref !== undefined) merges.push(mergeRect(a.ref));
      else if (tag === 'hyperlink' && a.id !== undefined && a.ref !== undefined) hyperlinks.add(a.ref);
    },
    text(text) {
      if (!c) return;
      if (target === 'f') c.formula = (c.formula ?? '') + text;
      else if (target === 'run' && c.runs) c.runs[c.runs.length - 1] += text;
      else if (target === 'v' || target === 't') {
        if (!c.runs) c.value = (c.value ?? '') + text;
      }
    },
    close(tag) {
      if (tag === 'sheetData') inSheetData = false;
      if (!c) return;
      if (tag === 'c') {
        finishCell();
        c = null;
        target = null;
        inRun = false;
      } else if (tag === 'r') inRun = false;
      else if (tag === 'f' || tag === 'v' || tag === 't' || tag === 'is') target = null;
      h.wantsText = target !== null;
    },
  };

  const finishCell = () => {
    const m = c!;
    const runs = m.runs?.map(unescapeX);
    const text = m.value !== undefined && m.value !== '' ? m.value : undefined;
    const isFormula = !!m.formula || !!m.shareType;
    if (!isFormula && text === undefined && !runs && !m.style) return; // nothing stored: not even a cell
    const col = m.address ? columnOf(m.address) : prevCol + 1;
    if (Number.isNaN(col)) return;
    prevCol = col;
    const date = !!m.style && ctx.dateStyles[m.style] === true;
    let value: RawValue = null;
    let formula: Cell['formula'];
    if (isFormula) {
      formula = { text: m.formula ?? '' };
      if (m.shareType === 'shared') {
        if (m.ref) formula.master = true;
        formula.shared = m.si ?? '';
      }
      if (text !== undefined) value = typedValue(m.t === 's' ? undefined : m.t, text, date, true);
    } else if (runs) value = runs.join('');
    else if (text !== undefined) {
      if (m.t === 's') {
        const index = parseInt(text, 10);
        if (!ctx.shared) value = index;
        else {
          if (!(index >= 0 && index < ctx.shared.length)) corrupt(`shared string ${index}`);
          value = ctx.shared[index];
        }
      } else value = typedValue(m.t, text, date, false);
    }
    if (++ctx.count.cells > MAX_WORKBOOK_CELLS) throw new TooManyCells();
    const cell: Cell = { row: row - 1, col: col - 1, address: m.address, value, kept: true, ...(formula ? { formula } : {}) };
    all.push(cell);
    rowCells.push(cell);
  };

  const typedValue = (t: string | undefined, text: string, date: boolean, result: boolean): RawValue => {
    switch (t) {
      case 'str':
        return xmlDecode(text);
      case 'inlineStr':
        return result ? parseFloatOrDate(text, date) : text;
      case 'b':
        return parseInt(text, 10) !== 0;
      case 'e':
        return text;
      default:
        return parseFloatOrDate(text, date);
    }
  };
  const parseFloatOrDate = (text: string, date: boolean): RawValue => {
    const n = parseFloat(text);
    return date ? dateOf(n, ctx.date1904) : n;
  };

  scanXml(bytes, h);

  // Cells by position: a later cell at the same place replaces an earlier one.
  const at = new Map<number, Cell>();
  const key = (r: number, col: number) => r * 16384 + col;
  for (const cell of all) if (cell.kept) at.set(key(cell.row, cell.col), cell);

  // Shared formulas: a dependent cell's formula is its master's, moved to the cell.
  const masters = new Map<string, Cell>();
  for (const cell of all) {
    const f = cell.formula;
    if (!f || f.shared === undefined) continue;
    if (f.master) masters.set(f.shared, cell);
    else if (!f.text) {
      const master = masters.get(f.shared);
      f.text = master?.formula ? slideFormula(master.formula.text, master, cell) : '';
    }
  }

  // A hyperlink's cell shows its text (ExcelJS: { text, hyperlink }); a number or a formula there reads as nothing.
  if (hyperlinks.size) {
    for (const cell of all) {
      if (cell.address === undefined || !hyperlinks.has(cell.address)) continue;
      if (typeof cell.value !== 'string') cell.value = null;
      delete cell.formula;
    }
  }

  // Merges: the cells a merged range covers are blank; ranges may not overlap.
  const covered = new Set<number>();
  for (const m of merges) {
    // The guard counted them already; a reference written so that it did not is not expanded either.
    ctx.count.merged += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (ctx.count.merged > LIMITS.mergedCells) throw new MergesTooLarge();
    for (let r = m.top; r <= m.bottom; r++) {
      for (let col = m.left; col <= m.right; col++) {
        const k = key(r, col);
        if (covered.has(k)) throw new OverlappingMerges();
        covered.add(k);
        if (r !== m.top || col !== m.left) at.delete(k);
      }
    }
  }

  const ordered = [...at.keys()].sort((x, y) => x - y).map((k) => at.get(k)!);
  const sums = new SumEvaluator(at, ordered);
  const cells: StoredCell[] = [];
  const uncomputed: string[] = [];
  for (const cell of ordered) {
    const value = sums.valueOf(cell, 0);
    if (value !== null && value !== undefined && value !== '') cells.push({ row: cell.row, col: cell.col, value });
    else if (cell.formula && (cell.value === null || cell.value === undefined)) uncomputed.push(a1(cell.row, cell.col));
  }
  return { name, cells, uncomputed };
}

/** Formulas saved without a result: a SUM is added up as Excel would (numbers only), nested SUMs to a depth of 8. */
class SumEvaluator {
  private budget = SUM_BUDGET;
  private memo = new Map<Cell, (number | null)[]>();

  constructor(
    private at: Map<number, Cell>,
    private ordered: Cell[],
  ) {}

  valueOf(cell: Cell, depth: number): RawValue {
    if (!cell.formula || (cell.value !== null && cell.value !== undefined)) return cell.value;
    if (depth >= 8) return null;
    const memo = this.memo.get(cell) ?? [];
    if (memo[depth] !== undefined) return memo[depth];
    this.memo.set(cell, memo);
    memo[depth] = this.sum(cell.formula.text, depth);
    return memo[depth];
  }

  private sum(formula: string, depth: number): number | null {
    const ranges = sumRanges(formula);
    if (!ranges) return null;
    let sum = 0;
    for (const r of ranges) {
      const area = (r.bottom - r.top + 1) * (r.right - r.left + 1);
      // Row by row as Excel adds: every position of a small range, the stored cells of a large one.
      const inRange: Cell[] = [];
      if (area <= 4096) {
        for (let row = r.top; row <= r.bottom; row++)
          for (let col = r.left; col <= r.right; col++) {
            const cell = this.at.get(row * 16384 + col);
            if (cell) inRange.push(cell);
          }
      } else {
        for (const cell of this.ordered)
          if (cell.row >= r.top && cell.row <= r.bottom && cell.col >= r.left && cell.col <= r.right) inRange.push(cell);
      }
      this.budget -= Math.min(area, this.ordered.length);
      if (this.budget < 0) return null;
      for (const cell of inRange) {
        const v = this.valueOf(cell, depth + 1);
        if (typeof v === 'number') sum += v;
      }
    }
    return sum;
  }
}

const COLUMN_LIMIT = 16384;

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function lettersToNumber(s: string): number {
  let n = 0;
  for (const ch of s) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/** A shared formula moved from its master to another cell (ExcelJS utils/shared-formula.js): relative references shift. */
function slideFormula(formula: string, from: Cell, to: Cell): string {
  return formula.replace(/(([a-z_\-0-9]*)!)?([a-z0-9_$]{2,})([(])?/gi, (whole, sheet: string | undefined, _s, part: string, paren) => {
    if (paren) return whole;
    const m = /^([$])?([a-z]+)([$])?([1-9][0-9]*)$/i.exec(part);
    if (!m) return whole;
    const colStr = m[2].toUpperCase();
    if (colStr.length > 3 || (colStr.length === 3 && colStr > 'XFD')) return whole;
    let col = lettersToNumber(colStr);
    let row = parseInt(m[4], 10);
    if (!m[1]) col += to.col - from.col;
    if (!m[3]) row += to.row - from.row;
    if (col < 1 || col > COLUMN_LIMIT) return whole;
    return (sheet ?? '') + (m[1] ?? '') + letters(col) + (m[3] ?? '') + row;
  });
}

class OverlappingMerges extends Error {}
class TooManyCells extends Error {}
class MergesTooLarge extends Error {}

/**
 * What an .xlsx workbook holds for the check (its bytes already past the guard). A file that is not
 * a readable workbook gives a NotAReportError with the Chinese reason.
 */
export function readXlsxContent(data: Uint8Array): WorkbookContent {
  try {
    const part = zipParts(data);
    const book = readWorkbookPart(part('xl/workbook.xml'));
    const rels = readRels(part('xl/_rels/workbook.xml.rels'));
    const sharedBytes = part('xl/sharedStrings.xml');
    const ctx: SheetContext = {
      shared: sharedBytes ? readSharedStrings(sharedBytes) : null,
      dateStyles: readDateStyles(part('xl/styles.xml')),
      date1904: book.date1904,
      count: { cells: 0, merged: 0 },
    };
    const sheets: SheetContent[] = [];
    const read = new Set<string>();
    for (const def of book.sheets) {
      const rel = rels.get(def.relId);
      // Chart sheets and dialog sheets hold no cells.
      if (!rel || rel.external || !/\/worksheet$/.test(rel.type)) continue;
      const path = resolveTarget(rel.target);
      const bytes = read.has(path) ? null : part(path);
      if (!bytes) continue;
      read.add(path);
      sheets.push(readSheet(def.name, bytes, ctx));
    }
    const keywords = readKeywords(part('docProps/core.xml'));
    return { sheets, names: book.names, sheetOrder: book.sheets.map((s) => s.name), ...(keywords ? { keywords } : {}) };
  } catch (e) {
    if (e instanceof NotAReportError) throw e;
    if (e instanceof OverlappingMerges) throw new NotAReportError(`${CORRUPT}（工作簿中有互相重叠的合并单元格）${RESAVE}`);
    if (e instanceof TooManyCells)
      throw new NotAReportError(
        `工作簿中的单元格过多（超过 ${MAX_WORKBOOK_CELLS} 个有内容或格式的单元格，年报只有数千个），不像年报，已拒绝读取`,
      );
    if (e instanceof MergesTooLarge)
      throw new NotAReportError(
        `工作簿中合并的单元格共超过 ${LIMITS.mergedCells} 个，读取会耗尽内存，已拒绝读取；请取消不必要的合并后再校验`,
      );
    throw new NotAReportError(`${CORRUPT}${RESAVE}`);
  }
}
