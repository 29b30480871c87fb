import JSZip from 'jszip';
import { DOMParser } from '@xmldom/xmldom';
import type { Element as XmlElement, Node as XmlNode } from '@xmldom/xmldom';
import { cellText, chooseReportTables, DocCell, DocTable, documentSheetRead, joinProse, reportGrids } from './documentGrid';
import { NotAReportError } from './exchange';
import type { SheetRead } from './types';

// A Word document (.docx, Office Open XML): word/document.xml read with an XML parser, its tables
// (w:tbl) laid out on a grid with w:gridSpan and w:vMerge expanded as a spreadsheet holds merged
// cells, the report's tables picked out of any layout table around them, and the paragraphs
// outside them kept as prose. The guard (src/read/guard.ts) has already bounded what the zip inflates to.

const NOT_DOCX = '不是有效的 .docx 文件（可能是其他类型的文件改了扩展名，或文件已损坏）';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

const elements = (n: XmlNode): XmlElement[] => {
  const out: XmlElement[] = [];
  for (let c = n.firstChild; c; c = c.nextSibling) if (c.nodeType === ELEMENT_NODE) out.push(c as XmlElement);
  return out;
};
const child = (n: XmlNode, name: string): XmlElement | undefined => elements(n).find((e) => e.localName === name);
/** The w:val of a property element (any namespace prefix). */
const val = (e: XmlElement | undefined): string | null => {
  if (!e) return null;
  for (let i = 0; i < e.attributes.length; i++) {
    const a = e.attributes.item(i)!;
    if (a.localName === 'val') return a.value;
  }
  return null;
};
/** An attribute by its local name (any namespace prefix). */
const attr = (e: XmlElement, name: string): string | null => {
  for (let i = 0; i < e.attributes.length; i++) {
    const a = e.attributes.item(i)!;
    if (a.localName === name) return a.value;
  }
  return null;
};
const intVal = (e: XmlElement | undefined, fallback: number): number => {
  const n = parseInt(val(e) ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? n : fallback;
};

/** Containers whose children are read as if they stood in their place (content controls, tracked insertions…). */
const TRANSPARENT = new Set(['sdt', 'sdtContent', 'customXml', 'smartTag', 'ins', 'moveTo', 'hyperlink', 'fldSimple', 'r', 'dir', 'bdo']);

/**
 * A run Word does not show as part of the text: hidden (w:vanish, 隐藏文字) or raised as a
 * superscript (a footnote marker: 2 with a superscript 1 is 2, not 21).
 */
function unseenRun(r: XmlElement): boolean {
  const rPr = child(r, 'rPr');
  if (!rPr) return false;
  const vanish = child(rPr, 'vanish');
  if (vanish && !/^(0|false|off)$/i.test(val(vanish) ?? '')) return true;
  return val(child(rPr, 'vertAlign')) === 'superscript';
}

/** Text of a paragraph or run subtree: w:t, tabs as spaces, breaks as line ends; deleted text (w:delText), field codes and unseen runs left out. */
function runText(n: XmlNode, out: { text: string }): void {
  for (const e of elements(n)) {
    if (e.localName === 'r' && unseenRun(e)) continue;
    switch (e.localName) {
      case 't':
        for (let c = e.firstChild; c; c = c.nextSibling) if (c.nodeType === TEXT_NODE) out.text += c.nodeValue ?? '';
        break;
      case 'tab':
      case 'ptab':
        out.text += ' ';
        break;
      case 'br':
      case 'cr':
        out.text += '\n';
        break;
      case 'noBreakHyphen':
        out.text += '-';
        break;
      case 'del':
      case 'moveFrom':
      case 'instrText':
      case 'delText':
      case 'pPr':
      case 'rPr':
        break;
      default:
        runText(e, out);
    }
  }
}

interface Walked {
  tables: DocTable[];
  /** Paragraphs outside tables, and the chosen tables' places among them. */
  blocks: (string | DocTable)[];
}

/** Block content (a body, a cell): paragraphs and tables in order. */
function walkBlocks(n: XmlNode, into: Walked, paragraphs: string[]): void {
  for (const e of elements(n)) {
    if (e.localName === 'p') {
      const t = { text: '' };
      runText(e, t);
      paragraphs.push(t.text);
      into.blocks.push(t.text);
    } else if (e.localName === 'tbl') {
      const table = readTable(e);
      into.tables.push(table);
      into.blocks.push(table);
    } else if (TRANSPARENT.has(e.localName ?? '') || e.localName === 'txbxContent') {
      walkBlocks(e, into, paragraphs);
    }
  }
}

/** The rows of a table, and the cells of a row, through content controls around them. */
function through(n: XmlNode, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  for (const e of elements(n)) {
    if (e.localName === name) out.push(e);
    else if (e.localName === 'sdt' || e.localName === 'sdtContent' || e.localName === 'customXml') out.push(...through(e, name));
  }
  return out;
}

/** Blocks of the cells' nested tables and paragraphs, kept for the prose of a layout table. */
const cellBlocks = new WeakMap<DocTable, (string | DocTable)[]>();

/**
 * A grid column narrower than this (twips: twentieths of a point) shows nothing: a sliver that Word
 * or LibreOffice leaves where the borders of two rows' cells nearly meet.
 */
const SLIVER_TWIPS = 60;
/** More slivers than this in one table is not a table drawn by hand: they are left as they are. */
const MAX_SLIVERS = 64;

/** The grid columns of a table (w:tblGrid) too narrow to show anything. */
function sliverColumns(tbl: XmlElement): Set<number> {
  const grid = child(tbl, 'tblGrid');
  const widths = grid ? elements(grid).filter((e) => e.localName === 'gridCol') : [];
  const out = new Set<number>();
  widths.forEach((e, i) => {
    const w = Number(attr(e, 'w') ?? '');
    if (Number.isFinite(w) && w < SLIVER_TWIPS) out.add(i);
  });
  return out;
}

interface Placed {
  cell: DocCell;
  /** Its first grid column and how many it spans. */
  start: number;
  span: number;
}

/**
 * Sliver columns taken out of the grid: a cell that also spans one spans one column fewer, so that
 * a 总计 spanning a sliver does not push the columns after it one to the right. A sliver that a
 * cell stands on alone is kept (that cell is seen).
 */
function dropSlivers(placed: Placed[], slivers: Set<number>): void {
  if (slivers.size === 0 || slivers.size > MAX_SLIVERS) return;
  const within = (start: number, span: number): number => {
    let n = 0;
    for (const c of slivers) if (c >= start && c < start + span) n++;
    return n;
  };
  for (const p of placed) {
    if (within(p.start, p.span) === p.span) for (let c = p.start; c < p.start + p.span; c++) slivers.delete(c);
  }
  for (const p of placed) {
    p.cell.colSpan -= within(p.start, p.span);
    if (p.cell.skipBefore) p.cell.skipBefore -= within(0, p.cell.skipBefore);
  }
}

function readTable(tbl: XmlElement): DocTable {
  const nested: DocTable[] = [];
  const own: string[] = [];
  const blocks: (string | DocTable)[] = [];
  const placed: Placed[] = [];
  // Cells merged down (w:vMerge): the cell that starts the merge, by grid column, grows a row for each continuation.
  const open = new Map<number, DocCell>();
  const rows: DocCell[][] = through(tbl, 'tr').map((tr) => {
    const trPr = child(tr, 'trPr');
    let col = intVal(trPr && child(trPr, 'gridBefore'), 0);
    const cells: DocCell[] = [];
    let skip = col;
    for (const tc of through(tr, 'tc')) {
      const tcPr = child(tc, 'tcPr');
      const colSpan = Math.max(1, intVal(tcPr && child(tcPr, 'gridSpan'), 1));
      const vMerge = tcPr && child(tcPr, 'vMerge');
      const continues = vMerge !== undefined && val(vMerge) !== 'restart';
      const above = open.get(col);
      if (continues && above) {
        above.rowSpan++; // the covered cell is not listed: its columns are taken by the merge above
      } else {
        const walked: Walked = { tables: [], blocks: [] };
        const paragraphs: string[] = [];
        walkBlocks(tc, walked, paragraphs);
        nested.push(...walked.tables);
        blocks.push(...walked.blocks);
        const cell: DocCell = {
          text: cellText(paragraphs.join('\n')),
          rowSpan: 1,
          colSpan,
          ...(skip > 0 && cells.length === 0 ? { skipBefore: skip } : {}),
        };
        skip = 0;
        own.push(cell.text);
        cells.push(cell);
        placed.push({ cell, start: col, span: colSpan });
        if (vMerge !== undefined) open.set(col, cell);
        else open.delete(col);
      }
      col += colSpan;
    }
    return cells;
  });
  dropSlivers(placed, sliverColumns(tbl));
  const table: DocTable = { rows, ownText: own.join('\n'), nested };
  cellBlocks.set(table, blocks);
  return table;
}

/** Paragraphs of the document outside the chosen tables, layout tables' cells included. */
function proseOf(blocks: (string | DocTable)[], chosen: Set<DocTable>, out: string[]): void {
  for (const b of blocks) {
    if (typeof b === 'string') out.push(b);
    else if (!chosen.has(b)) proseOf(cellBlocks.get(b) ?? [], chosen, out);
  }
}

/** The report's tables and prose of word/document.xml. */
export function readDocumentXml(xml: string): SheetRead {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') errors.push(message);
    },
  }).parseFromString(xml, 'text/xml');
  const body = doc.documentElement && child(doc.documentElement, 'body');
  if (!body || errors.length) throw new NotAReportError(`${NOT_DOCX}：word/document.xml 无法解析`);
  const walked: Walked = { tables: [], blocks: [] };
  walkBlocks(body, walked, []);
  const chosen = chooseReportTables(walked.tables);
  const prose: string[] = [];
  proseOf(walked.blocks, new Set(chosen.tables), prose);
  // A continued vertical merge without a start above is read as an empty cell of its own.
  return documentSheetRead(reportGrids(chosen.tables), joinProse(prose), [], chosen.remarks);
}

const OFFICE_DOCUMENT = /\/officeDocument$/;

/** The main document part that _rels/.rels names (ECMA-376 Part 2, the officeDocument relationship); null when none. */
async function mainPartName(zip: JSZip): Promise<string | null> {
  const rels = zip.file('_rels/.rels');
  if (!rels) return zip.file('word/document.xml') ? 'word/document.xml' : null;
  const doc = new DOMParser({ onError: () => undefined }).parseFromString(await rels.async('string'), 'text/xml');
  const list = doc.documentElement ? elements(doc.documentElement).filter((e) => e.localName === 'Relationship') : [];
  const main = list.find((e) => OFFICE_DOCUMENT.test(e.getAttribute('Type') ?? '') && e.getAttribute('TargetMode') !== 'External');
  const target = main?.getAttribute('Target');
  if (!target) return null;
  // Relative to the package root; a leading / is the root itself.
  return target.replace(/^\/+/, '').replace(/^\.\//, '');
}

export async function readDocx(data: Uint8Array): Promise<SheetRead> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch {
    throw new NotAReportError(NOT_DOCX);
  }
  // The main part is the one the package's relationships name (what Word opens), not always word/document.xml.
  const name = await mainPartName(zip);
  const part = name ? zip.file(name) : null;
  if (!part) throw new NotAReportError(`${NOT_DOCX}：找不到文档的正文部分`);
  return readDocumentXml(await part.async('string'));
}
