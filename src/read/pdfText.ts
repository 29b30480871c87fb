import { recognise } from '../report/recognise/recognise';
import { labelDictionary } from '../report/recognise/labelMatch';
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
  return groups.flatMap(untangle).map((line) => {
    line.sort((a, b) => a.x - b.x);
    const cells: PdfCell[] = [];
    let cell: PdfCell | null = null;
    for (const item of line) {
      const gap = cell ? item.x - cell.right : 0;
      // A gap wider than a character's height is a column boundary; a narrower one a space within a cell.
      if (!cell || gap > 0.9 * item.size) {
        cell = { text: item.text, x: item.x, right: item.right };
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

const isNumber = (c: PdfCell) => /^[+-]?[\d,，.]+$/.test(c.text);

/** A label of the tables, matched exactly or by a known variant (not by a guessed typo). */
function isLabel(text: string): boolean {
  const m = labelDictionary().lookup(text);
  return m !== null && m.how !== 'fuzzy';
}

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
      cells.push({ text: run.map((x) => x.text).join(''), x: run[0].x, right: Math.max(...run.map((x) => x.right)) });
      i = end + 1;
    }
    return { ...line, cells };
  });
}

/**
 * Header cells whose labels stand on several lines (表四's narrow columns: 结果 / 维持, 尚未 / 审结):
 * a cell of a text-only line joined to the cell above it on the line before, when they overlap
 * across, it is no label by itself and together they make one (其他 / 结果).
 */
export function joinStackedLabels(lines: PdfLine[]): PdfLine[] {
  const out: PdfLine[] = [];
  const textOnly = (l: PdfLine) => l.cells.length > 0 && !l.cells.some(isNumber);
  for (const line of lines) {
    const above = out[out.length - 1];
    if (!above || !textOnly(above) || !textOnly(line) || Math.abs(above.y - line.y) > 1.6 * Math.max(above.size, line.size)) {
      out.push(line);
      continue;
    }
    const rest: PdfCell[] = [];
    const joined = above.cells.map((c) => ({ ...c }));
    for (const b of line.cells) {
      const a = joined.find((x) => x.x < b.right && b.x < x.right);
      if (a && !isLabel(b.text) && isLabel(a.text + b.text)) {
        a.text += b.text;
        a.x = Math.min(a.x, b.x);
        a.right = Math.max(a.right, b.right);
      } else rest.push(b);
    }
    out[out.length - 1] = { ...above, cells: joined };
    if (rest.length > 0) out.push({ ...line, cells: rest });
  }
  return out;
}

/**
 * Table rows whose label wraps: a cell's text is centred in its row, so a label of two or three
 * lines puts a line of it above the row's numbers and one below (行政规范性 / 14 10 8 / 文件). A
 * line of text only, left of a row's first number and within a line's height of it, is joined to
 * that row's label cell (the one above it on the page, or a new cell where none is).
 */
export function joinWrappedLabels(lines: PdfLine[]): PdfLine[] {
  const hasNumbers = (l: PdfLine) => l.cells.some(isNumber);
  const firstNumberX = (l: PdfLine) => Math.min(...l.cells.filter(isNumber).map((c) => c.x));
  const textOnly = (l: PdfLine) => l.cells.length > 0 && !hasNumbers(l);
  const near = (a: PdfLine, b: PdfLine) => Math.abs(a.y - b.y) <= 1.6 * Math.max(a.size, b.size);
  const owner = new Map<number, number>();
  lines.forEach((line, i) => {
    if (!textOnly(line)) return;
    const candidates: number[] = [];
    // The rows of numbers next to it, through other wrapped lines of the same label.
    for (const step of [-1, 1]) {
      let j = i + step;
      let from = line;
      while (j >= 0 && j < lines.length && textOnly(lines[j]) && near(from, lines[j])) {
        from = lines[j];
        j += step;
      }
      if (j >= 0 && j < lines.length && hasNumbers(lines[j]) && near(from, lines[j])) candidates.push(j);
    }
    const fits = candidates.filter((j) => line.cells.every((c) => c.right <= firstNumberX(lines[j]) + 1));
    if (!fits.length) return;
    // A row whose label is whole already is not the one whose label wrapped, however near it stands.
    const whole = (j: number) => (lines[j].cells.some((c) => !isNumber(c) && c.x < firstNumberX(lines[j]) && isLabel(c.text)) ? 1 : 0);
    fits.sort((a, b) => whole(a) - whole(b) || Math.abs(lines[a].y - line.y) - Math.abs(lines[b].y - line.y));
    owner.set(i, fits[0]);
  });
  const out: PdfLine[] = [];
  lines.forEach((line, i) => {
    if (owner.has(i)) return;
    if (!hasNumbers(line)) {
      out.push(line);
      return;
    }
    const cells = line.cells.map((c) => ({ ...c }));
    // Nearest first: lines above are put before the label one by one upwards, lines below after it downwards.
    const joined = [...owner].filter(([, o]) => o === i).map(([k]) => k);
    joined.sort((a, b) => Math.abs(a - i) - Math.abs(b - i));
    for (const k of joined) {
      const before = k < i;
      for (const f of lines[k].cells) {
        const target = cells.find((c) => !isNumber(c) && c.x < f.right && f.x < c.right);
        if (target) {
          target.text = before ? f.text + target.text : target.text + f.text;
          target.x = Math.min(target.x, f.x);
          target.right = Math.max(target.right, f.right);
        } else {
          cells.push({ ...f });
          cells.sort((a, b) => a.x - b.x);
        }
      }
    }
    out.push({ ...line, cells });
  });
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
    const lines: string[][] = [];
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
        continue;
      }
      lines.push(...joinWrappedLabels(joinStackedLabels(joinSplitLabels(pageLines(placed)))).map((l) => l.cells.map((c) => c.text)));
    }
    if (doc.numPages > pages) notes.push(`PDF 共 ${doc.numPages} 页，只读取了前 ${pages} 页，其后的内容未校验`);
    return { lines, notes, hasText };
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
