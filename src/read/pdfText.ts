import { recognise } from '../report/recognise/recognise';
import { LabelMatch, labelDictionary } from '../report/recognise/labelMatch';
import { documentSheetRead, joinProse } from './documentGrid';
import { NotAReportError } from './exchange';
import type { SheetRead } from './types';

// A PDF with a text layer (exported from Word, WPS or LibreOffice): the text items of each page,
// read by pdf.js (pdfjs-dist, legacy build: the command loads it in Node without a canvas,
// readPdf.ts; the web page in its workers, src/web/pdfReader.ts), put back into
// lines by their height on the page and into cells by the gaps between them. The lines of all
// pages, in order, are read like pasted text (a 表三 row is its label and seven numbers; a label
// wrapped over two lines is joined by the recogniser); the lines outside the tables are the prose.
// A label broken up by the text layer is put together first: its characters spread across a cell
// (joinSplitLabels), a header cell's label on two lines (joinStackedLabels), a wrapped label's
// first line interleaved with the row above it (untangle).
// A scanned PDF has no text to read.

export const PDF_LIMITS = {
  /** Pages read; an annual report has a dozen. */
  pages: 300,
  /** Text items read in all (a page of an annual report has a few hundred). */
  textItems: 200_000,
};

/** Text turned by less than this (radians, about 0.6°) is level; a page turned further is read in its own frame. */
const LEVEL = 0.01;
/** Items of one page whose directions differ by more than this (about 1.1°) cannot be put in rows together. */
const SAME_DIRECTION = 0.02;

const SCANNED = '这是扫描件（PDF 中没有文字层），无法读取表格中的数字；扫描件没有文字层，请使用原始的 Word 或网页版本';
const NOT_PDF = '不是有效的 PDF 文件（可能是其他类型的文件改了扩展名，或文件已损坏）';
const ENCRYPTED = 'PDF 设置了打开密码，无法读取；请使用原始的 Word 或网页版本，或取消密码后再校验';

/** A text item as pdf.js gives it: its string, its transform [a b c d e f] and its width along the baseline. */
export interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** What the readers use of pdf.js (its module, as the command or the web page loads it). */
export interface PdfJs {
  getDocument(params: Record<string, unknown>): { promise: Promise<PdfDocument> };
}
interface PdfDocument {
  numPages: number;
  getPage(n: number): Promise<{ getTextContent(): Promise<{ items: (TextItem | { type: string })[] }>; cleanup(): void }>;
  destroy(): Promise<void>;
}

export interface Placed {
  text: string;
  x: number;
  right: number;
  y: number;
  size: number;
}

interface PdfCell {
  text: string;
  x: number;
  right: number;
  /** Baseline of its first item (a line's items may stand a little apart). */
  y: number;
}

interface PdfLine {
  y: number;
  size: number;
  cells: PdfCell[];
}

/**
 * A line whose items overlap across (one starts before the other ends) holds two lines of print
 * close together: a row and the first line of the next row's wrapped label, interleaved. Split by
 * baseline, top first; a line whose items sit side by side is kept.
 */
function untangle(line: Placed[]): Placed[][] {
  const byX = [...line].sort((a, b) => a.x - b.x);
  const overlap = byX.some((item, i) => i > 0 && item.x < byX[i - 1].right - 0.5 * item.size && Math.abs(item.y - byX[i - 1].y) > 0.5);
  if (!overlap) return [line];
  const out: Placed[][] = [];
  for (const item of [...line].sort((a, b) => b.y - a.y)) {
    const last = out[out.length - 1];
    if (last && Math.abs(last[0].y - item.y) <= 0.5) last.push(item);
    else out.push([item]);
  }
  return out;
}

const NUMBER_TEXT = /^[+-]?[\d,，.]+$/;

/**
 * A column's header printed again at the top of a page, over the first row's numbers (LibreOffice
 * repeating some of a table's header rows centres a merged header cell's text there: 「自然人 4」,
 * 「总计 7」): a column label right against a number on its line is not part of the row.
 */
function headerOverNumber(item: Placed, before: Placed | undefined, after: Placed | undefined): boolean {
  // A count: not a label's number (3.).
  const count = (n: Placed) => /^[+-]?\d[\d,，]*(\.\d+)?$/.test(n.text.trim());
  const near = (n: Placed) => Math.max(n.x - item.right, item.x - n.right) <= 0.9 * item.size;
  if (!(before && count(before) && near(before)) && !(after && count(after) && near(after))) return false;
  // Text right before it makes it the end of a label (3. 其他), not a header of its own.
  if (before && !count(before) && near(before)) return false;
  return exactLabel(item.text)?.entries.every((e) => ['column', 'field', 't4group', 'header'].includes(e.role)) ?? false;
}

/** The text items of a page as lines (top to bottom) of cells (left to right). */
export function pageLines(items: Placed[]): PdfLine[] {
  const sorted = items.filter((i) => i.text.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const groups: Placed[][] = [];
  for (const item of sorted) {
    const line = groups[groups.length - 1];
    // One line: baselines closer than half the text's height (a superscript or a cell's text centred a little lower stays on it).
    if (line && Math.abs(line[0].y - item.y) <= Math.max(1, 0.5 * Math.min(line[0].size, item.size))) line.push(item);
    else groups.push([item]);
  }
  return groups.flatMap(untangle).map((all) => {
    all.sort((a, b) => a.x - b.x);
    const line = all.filter((item, k) => !headerOverNumber(item, all[k - 1], all[k + 1]));
    const cells: PdfCell[] = [];
    let cell: PdfCell | null = null;
    for (const item of line) {
      const gap = cell ? item.x - cell.right : 0;
      // A gap wider than a character's height is a column boundary; a narrower one a space within a cell.
      if (!cell || gap > 0.9 * item.size) {
        cell = { text: item.text, x: item.x, right: item.right, y: item.y };
        cells.push(cell);
        continue;
      }
      cell.text += (gap > 0.2 * item.size ? ' ' : '') + item.text;
      cell.right = Math.max(cell.right, item.right);
    }
    for (const c of cells) c.text = c.text.trim();
    return { y: line[0].y, size: Math.max(...line.map((i) => i.size)), cells };
  });
}

const isNumber = (c: PdfCell) => NUMBER_TEXT.test(c.text);

/** A label of the tables, matched exactly or by a known variant (not by a guessed typo). */
/** The labels a text is exactly (typography aside), or null. */
function exactLabel(text: string): LabelMatch | null {
  const m = labelDictionary().lookup(text);
  return m !== null && m.how !== 'fuzzy' ? m : null;
}
const isLabel = (text: string): boolean => exactLabel(text) !== null;

/**
 * A label whose characters stand apart (a cell's text spread across its width, 行 政 许 可, or put
 * down in pieces): the consecutive text cells of a line that are no label each but together are
 * one, joined into one cell.
 */
export function joinSplitLabels(lines: PdfLine[]): PdfLine[] {
  return lines.map((line) => {
    const cells: PdfCell[] = [];
    const c = line.cells;
    for (let i = 0; i < c.length;) {
      let end = -1;
      // a label may begin with its item number (1 . 属 于 …)
      if (!isLabel(c[i].text)) {
        let text = c[i].text;
        for (let j = i + 1; j < c.length && j < i + 24 && !isLabel(c[j].text); j++) {
          text += c[j].text;
          if (isLabel(text)) end = j;
        }
      }
      if (end < 0) {
        cells.push(c[i]);
        i++;
        continue;
      }
      const run = c.slice(i, end + 1);
      cells.push({ text: run.map((x) => x.text).join(''), x: run[0].x, right: Math.max(...run.map((x) => x.right)), y: run[0].y });
      i = end + 1;
    }
    return { ...line, cells };
  });
}

/** A text that is a label or the first lines of a header label (社会 / 公益 / 组织). */
/** A section title, a table's note or a header over several columns: whole on its own, never a wrapped label's line. */
function standsAlone(text: string): boolean {
  return exactLabel(text)?.entries.some((e) => ['section', 'note', 'header', 'blockTitle'].includes(e.role)) ?? false;
}
const labelOrHeaderStart = (text: string) => isLabel(text) || labelDictionary().beginsHeader(text);

/**
 * Header cells whose labels stand on several lines (表四's narrow columns: 结果 / 维持, 尚未 / 审结;
 * 表三's 社会 / 公益 / 组织): a cell of a text-only line joined to the cell above it on a text-only
 * line before, when they overlap across, it is no label by itself and together they make one (其他 /
 * 结果) or the beginning of a header label. A cell's lines are centred in their row, so cells of one
 * header row that take more lines start higher, and the lines of cells taking fewer stand between
 * theirs (结果 / 总计 / 维持 with 总计 on neither line): the lines a header cell spans are one line,
 * its cells in order across.
 */
export function joinStackedLabels(lines: PdfLine[]): PdfLine[] {
  const textOnly = (l: PdfLine) => !l.cells.some(isNumber);
  const out: PdfLine[] = [];
  /** The lowest line of a joined cell, and the line each joined cell's top stands on. */
  const bottom = new Map<PdfCell, number>();
  const band = new Map<PdfLine, PdfLine>();
  const root = (l: PdfLine): PdfLine => {
    let r = l;
    while (band.has(r) && band.get(r) !== r) r = band.get(r)!;
    return r;
  };
  const link = (a: PdfLine, b: PdfLine) => {
    const [ra, rb] = [root(a), root(b)];
    if (ra !== rb) band.set(rb, ra);
    if (!band.has(ra)) band.set(ra, ra);
  };
  for (const line of lines) {
    if (!textOnly(line)) {
      out.push(line);
      continue;
    }
    const reach = 1.8 * line.size;
    const mine: PdfLine = { ...line, cells: [] };
    for (const b of line.cells) {
      let top: { line: PdfLine; cell: PdfCell } | null = null;
      for (let k = out.length - 1; k >= 0 && !top && textOnly(out[k]) && out[k].y - line.y <= 4 * reach; k--) {
        const a = out[k].cells.find(
          (x) =>
            x.x < b.right &&
            b.x < x.right &&
            (bottom.get(x) ?? x.y) - b.y <= reach &&
            !isLabel(b.text) &&
            labelOrHeaderStart(x.text + b.text),
        );
        if (a) top = { line: out[k], cell: a };
      }
      if (!top) {
        mine.cells.push(b);
        continue;
      }
      const a = top.cell;
      a.text += b.text;
      a.x = Math.min(a.x, b.x);
      a.right = Math.max(a.right, b.right);
      bottom.set(a, b.y);
      link(top.line, mine);
    }
    out.push(mine);
  }
  // A text-only line standing within a joined cell's lines belongs to them.
  for (const [cell, low] of bottom) {
    const own = out.find((l) => l.cells.includes(cell));
    if (!own) continue;
    for (const l of out) if (l !== own && textOnly(l) && l.y < cell.y && l.y > low) link(own, l);
  }
  const merged: PdfLine[] = [];
  for (const line of out) {
    if (line.cells.length === 0) continue;
    if (!band.has(line)) {
      merged.push(line);
      continue;
    }
    const r = root(line);
    if (r !== line) continue;
    const members = out.filter((l) => band.has(l) && root(l) === r);
    const cells = members.flatMap((l) => l.cells).sort((p, q) => p.x - q.x);
    merged.push({ y: line.y, size: Math.max(...members.map((l) => l.size)), cells });
  }
  return merged;
}

/** The most lines a wrapped label (with a group label's characters between them) is looked for across. */
const MAX_WRAPPED_LINES = 16;
/** More cells than any table's row has (表四: 15 numbers and its labels): such a line is not a row. */
const MAX_ROW_CELLS = 64;

/**
 * Table rows whose label wraps: a cell's text is centred in its row, so a label of two or three
 * lines puts a line of it above the row's numbers and one below (行政规范性 / 14 10 8 / 文件). A
 * text cell of a text-only line whose cells all stand left of a row's first number, within a line's
 * height of it (through the label's other lines, which overlap it across), is joined to that row's label cell
 * (the one above it on the page, or a new cell where none is). Cell by cell: a group label written
 * down a narrow column (（ / 四 / ） / 无 …) puts its characters on the lines of the labels beside it,
 * a little above or below them.
 */
export function joinWrappedLabels(lines: PdfLine[]): PdfLine[] {
  // Each line's numbers looked at once; a line of more cells than a table's row is nobody's label.
  const numbered = lines.map((l) => l.cells.some(isNumber));
  const numbersX = lines.map((l, i) => (numbered[i] ? Math.min(...l.cells.filter(isNumber).map((c) => c.x)) : Infinity));
  const numbersY = lines.map((l) => l.cells.find(isNumber)?.y ?? l.y);
  const rowLike = (l: PdfLine) => l.cells.length <= MAX_ROW_CELLS;
  const across = (a: PdfCell, b: PdfCell) => a.x < b.right && b.x < a.right;
  /** Owner row of each text cell of a text-only line. */
  const owner = new Map<PdfCell, number>();
  /** The cells each row is given, with the line each comes from. */
  const given = new Map<number, { c: PdfCell; k: number }[]>();
  lines.forEach((line, i) => {
    if (numbered[i] || !rowLike(line)) return;
    const reach = 1.6 * line.size;
    for (const cell of line.cells) {
      // A table's title, note or header printed again at the top of a page is no row label's part.
      if (standsAlone(cell.text)) continue;
      const candidates: number[] = [];
      // The rows of numbers next to it, through other wrapped lines of the same label.
      for (const step of [-1, 1]) {
        let from = cell;
        // No label wraps over more lines than this: the walk stops there (a page of stacked text stays linear).
        for (let j = i + step; j >= 0 && j < lines.length && Math.abs(j - i) <= MAX_WRAPPED_LINES; j += step) {
          const l = lines[j];
          if (!rowLike(l)) break;
          if (numbered[j]) {
            if (Math.abs(numbersY[j] - from.y) <= reach) candidates.push(j);
            break;
          }
          const next = l.cells.find((c) => across(c, from));
          if (next && Math.abs(next.y - from.y) <= reach) from = next;
          // a line of another column's text (a group label's character) between the label's lines
          else if (next || Math.abs(l.y - from.y) > 2 * reach) break;
        }
      }
      // Every cell of the line left of the row's numbers: a header line (信息内容 | 本年制发件数) is no label's part.
      const fits = candidates.filter((j) => line.cells.every((c) => c.right <= numbersX[j] + 1));
      if (!fits.length) continue;
      // A row whose label is whole already is not the one whose label wrapped, however near it stands.
      const whole = (j: number) => (lines[j].cells.some((c) => !isNumber(c) && c.x < numbersX[j] && isLabel(c.text)) ? 1 : 0);
      fits.sort((a, b) => whole(a) - whole(b) || Math.abs(numbersY[a] - cell.y) - Math.abs(numbersY[b] - cell.y));
      owner.set(cell, fits[0]);
      if (!given.has(fits[0])) given.set(fits[0], []);
      given.get(fits[0])!.push({ c: cell, k: i });
    }
  });
  const out: PdfLine[] = [];
  lines.forEach((line, i) => {
    if (!numbered[i]) {
      const rest = line.cells.filter((c) => !owner.has(c));
      if (rest.length > 0) out.push(rest.length === line.cells.length ? line : { ...line, cells: rest });
      return;
    }
    const cells = line.cells.map((c) => ({ ...c }));
    // Nearest first: lines above are put before the label one by one upwards, lines below after it downwards.
    const joined = given.get(i) ?? [];
    joined.sort((a, b) => Math.abs(a.k - i) - Math.abs(b.k - i) || a.c.x - b.c.x);
    for (const { c: f, k } of joined) {
      const before = k < i;
      // The cell it overlaps most: a line spanning a group label's column and the row labels' column
      // (（六）其他处 2.申请人…) belongs to the row label, not to the group label's character beside it.
      const overlap = (c: PdfCell) => Math.min(c.right, f.right) - Math.max(c.x, f.x);
      const target = cells
        .filter((c) => !isNumber(c) && across(c, f))
        .reduce<PdfCell | undefined>((best, c) => (!best || overlap(c) > overlap(best) ? c : best), undefined);
      if (target) {
        target.text = before ? f.text + target.text : target.text + f.text;
        target.x = Math.min(target.x, f.x);
        target.right = Math.max(target.right, f.right);
      } else {
        cells.push({ ...f });
        cells.sort((a, b) => a.x - b.x);
      }
    }
    out.push({ ...line, cells });
  });
  return out;
}

/**
 * The lines of all pages, in order. A row cut by a page break leaves the end of its label at the
 * top of the next page (行政事业 | 19 | 11, then 性收 / 费 overleaf): the text-only lines that
 * begin a page, under the label cell of the last row before it, are joined to that label when
 * together they make one.
 */
export function joinAcrossPages(pages: PdfLine[][]): string[][] {
  const out: string[][] = [];
  let carry: { cells: string[]; at: number; cell: PdfCell } | null = null;
  for (const lines of pages) {
    let skip = 0;
    if (carry) {
      const label = carry.cell;
      let text = label.text;
      // Under the label, or (a table set again overleaf, its columns moved) left of the page's first numbers.
      const numbered = lines.find((l) => l.cells.some(isNumber));
      const numbersX = numbered ? Math.min(...numbered.cells.filter(isNumber).map((c) => c.x)) : -Infinity;
      const labelPart = (c: PdfCell) => (c.x < label.right && label.x < c.right) || c.right <= numbersX;
      for (let k = 0; k < Math.min(8, lines.length); k++) {
        const l = lines[k];
        if (l.cells.some(isNumber) || !l.cells.every(labelPart)) break;
        text += l.cells.map((c) => c.text).join('');
        if (isLabel(text)) {
          carry.cells[carry.at] = text;
          skip = k + 1;
          break;
        }
      }
    }
    const page = lines.slice(skip).map((l) => l.cells.map((c) => c.text));
    out.push(...page);
    // The last row of the page, when its label is not whole.
    carry = null;
    const last = lines.length - 1;
    if (last >= skip && lines[last].cells.some(isNumber)) {
      const cells = lines[last].cells;
      const first = cells.findIndex(isNumber);
      if (first > 0 && !isLabel(cells[first - 1].text)) carry = { cells: page[page.length - 1], at: first - 1, cell: cells[first - 1] };
    }
  }
  return out;
}

/**
 * A page's text items placed for rows and columns. A page drawn turned (a landscape page rotated, a
 * scan's text layer skewed by a degree or two) is read in the frame of its text: every position is
 * turned back by the text's own angle. Items in different directions (a rotated stamp, a vertical
 * label) cannot be put in rows: null, and the page is named as not read rather than misread.
 */
export function placeItems(raw: readonly TextItem[]): Placed[] | null {
  const items = raw.filter((r) => r.str.trim() !== '');
  if (items.length === 0) return [];
  const angles = items.map((r) => Math.atan2(r.transform[1], r.transform[0]));
  const sorted = [...angles].sort((a, b) => a - b);
  const angle = sorted[Math.floor(sorted.length / 2)];
  if (angles.some((a) => Math.abs(Math.atan2(Math.sin(a - angle), Math.cos(a - angle))) > SAME_DIRECTION)) return null;
  const turned = Math.abs(angle) > LEVEL;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return items.map((r) => {
    const [a, b, c, d, e, f] = r.transform;
    const size = Math.hypot(c, d) || Math.hypot(a, b) || r.height || 1;
    // Turned back by the text's angle: x along the baseline, y across it.
    const x = turned ? e * cos + f * sin : e;
    const y = turned ? -e * sin + f * cos : f;
    return { text: r.str, x, right: x + r.width, y, size };
  });
}

/** What was read of a PDF: its lines, what was not read (Chinese), and whether it holds any text. */
interface PdfText {
  lines: string[][];
  notes: string[];
  hasText: boolean;
}

/** The lines of a PDF's pages, in order, and the pages that were not read. */
async function pdfLines(lib: PdfJs, sources: PdfDataSources, data: Uint8Array): Promise<PdfText> {
  let doc: PdfDocument;
  try {
    doc = await lib.getDocument({
      data,
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      useWorkerFetch: false,
      cMapPacked: true,
      ...sources,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = (e as Error)?.name;
    if (name === 'PasswordException') throw new NotAReportError(ENCRYPTED);
    if (name === 'InvalidPDFException' || name === 'FormatError') throw new NotAReportError(NOT_PDF);
    // pdf.js's own words are English (Bad encoding in flate stream, circular references…).
    throw new NotAReportError(`${NOT_PDF}：无法解析文件结构`);
  }
  try {
    /** Each page's lines; none for a page not read, so that no row is carried over it. */
    const read: PdfLine[][] = [];
    const notes: string[] = [];
    let hasText = false;
    let itemCount = 0;
    const pages = Math.min(doc.numPages, PDF_LIMITS.pages);
    for (let n = 1; n <= pages; n++) {
      let raws: TextItem[];
      try {
        const page = await doc.getPage(n);
        const content = await page.getTextContent();
        raws = content.items.filter((r): r is TextItem => 'str' in r);
        page.cleanup();
      } catch {
        // One broken page does not make the others unreadable: it is named, the rest are read.
        notes.push(`PDF 第 ${n} 页已损坏，无法读取，其中的内容未校验`);
        read.push([]);
        continue;
      }
      itemCount += raws.length;
      if (itemCount > PDF_LIMITS.textItems) {
        notes.push(`PDF 中的文字过多（超过 ${PDF_LIMITS.textItems} 段），只读取了前 ${n - 1} 页，第 ${n} 页起的内容未校验`);
        break;
      }
      if (raws.some((r) => r.str.trim() !== '')) hasText = true;
      const placed = placeItems(raws);
      if (!placed) {
        notes.push(`PDF 第 ${n} 页的文字方向不一致（有旋转或倾斜的文字），无法还原表格的行和列，该页未校验`);
        read.push([]);
        continue;
      }
      read.push(joinWrappedLabels(joinStackedLabels(joinSplitLabels(pageLines(placed)))));
    }
    if (doc.numPages > pages) notes.push(`PDF 共 ${doc.numPages} 页，只读取了前 ${pages} 页，其后的内容未校验`);
    return { lines: joinAcrossPages(read), notes, hasText };
  } finally {
    await doc.destroy();
  }
}

/**
 * Where pdf.js finds the predefined CMaps (CJK fonts without a ToUnicode map) and the standard
 * fonts: the command's file paths (readPdf.ts), or the web page's data inlined in its PDF script
 * (src/web/pdfEntry.ts), which fetches nothing.
 */
export type PdfDataSources = { cMapUrl: string; standardFontDataUrl: string } | { BinaryDataFactory: unknown };

/** The report's tables and prose of a PDF's text layer, read by `lib` (pdf.js) with its data from `sources`. */
export async function readPdfWith(lib: PdfJs, sources: PdfDataSources, data: Uint8Array): Promise<SheetRead> {
  // pdf.js takes the buffer over (transfers it): give it a copy, the caller's bytes stay.
  const { lines, notes, hasText } = await pdfLines(lib, sources, data.slice());
  if (!hasText && notes.length === 0) throw new NotAReportError(SCANNED);
  // The prose: the lines outside the tables the recogniser finds (the check recognises them again, from the same grid).
  const tables = recognise(lines).tables;
  const inTable = (row: number) => tables.some((t) => row >= t.firstRow && row <= t.lastRow);
  // Each cell of a line apart: two columns of text are not one sentence.
  const prose = joinProse(lines.flatMap((cells, row) => (inTable(row) ? [] : cells)));
  return documentSheetRead([lines], prose, notes);
}
