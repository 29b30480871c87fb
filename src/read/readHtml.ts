import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { decodeTextDetailed, undecodableNote } from './decode';
import { cellText, chooseReportTables, DocCell, DocTable, documentSheetRead, expandSpans, joinProse } from './documentGrid';
import type { SheetRead } from './types';

// A saved web page (.html/.htm), as government sites publish the annual report: decoded in the
// charset its <meta> declares (GB2312/GBK pages are common), parsed by parse5 as a browser would
// (implied <tbody>, unclosed cells), the report's tables picked out of the layout tables around
// them, their rowspan/colspan expanded, and the rest of the page's text kept as prose.

type Node = DefaultTreeAdapterMap['node'];
type Element = DefaultTreeAdapterMap['element'];

// html-encoding-sniffer (the encoding sniffing algorithm of the HTML standard) has no type declarations.
const sniffEncoding: (data: Uint8Array, options?: { defaultEncoding?: string | null }) => string | null = require('html-encoding-sniffer');

export interface DecodedPage {
  text: string;
  /** The encoding read (a WHATWG name), or 'auto' when the page declares none. */
  encoding: string;
  notes: string[];
  remarks: string[];
}

/** Decodes a page: BOM, then the charset of its <meta> (GB2312/GBK/GB18030 as GB18030), else told from the bytes. */
export function decodePage(data: Uint8Array): DecodedPage {
  const declared = sniffEncoding(data, { defaultEncoding: null });
  const auto = (): DecodedPage => {
    const d = decodeTextDetailed(data);
    const note = undecodableNote(d.undecodable);
    return { text: d.text, encoding: 'auto', notes: note ? [note] : [], remarks: [] };
  };
  if (!declared) return auto();
  const name = /^(gbk|gb2312|gb18030|x-gbk)$/i.test(declared) ? 'gb18030' : declared;
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(name, { fatal: true });
  } catch {
    return auto(); // a charset this Node cannot decode
  }
  try {
    return { text: decoder.decode(data), encoding: declared, notes: [], remarks: [] };
  } catch {
    const d = auto();
    d.remarks.push(`网页声明的字符编码（${declared}）与内容不符，已按内容识别编码`);
    return d;
  }
}

const SKIP = new Set(['head', 'script', 'style', 'noscript', 'template', 'title', 'select', 'option', 'iframe', 'object', 'svg', 'math']);
const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'br',
  'caption',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
]);

const isElement = (n: Node): n is Element => 'tagName' in n;
const attr = (e: Element, name: string): string | undefined => e.attrs.find((a) => a.name === name)?.value;
const span = (e: Element, name: string): number => {
  const v = attr(e, name);
  if (v === undefined) return 1;
  const n = parseInt(v.trim(), 10); // as browsers read it: leading digits
  return Number.isFinite(n) ? n : 1;
};
const children = (n: Node): Node[] => ('childNodes' in n ? n.childNodes : []);

/** Text of a node as lines (block elements and <br> break lines); `stop` elements are left out, `onStop` told where they were. */
function collectText(root: Node, stop: (e: Element) => boolean, out: string[], onStop?: (e: Element) => void): void {
  let line = '';
  const flush = () => {
    out.push(line);
    line = '';
  };
  const walk = (n: Node) => {
    if (n.nodeName === '#text') {
      line += (n as DefaultTreeAdapterMap['textNode']).value.replace(/[\t\r\n]+/g, ' ');
      return;
    }
    if (!isElement(n)) {
      for (const c of children(n)) walk(c); // the document
      return;
    }
    if (SKIP.has(n.tagName)) return;
    if (stop(n)) {
      flush();
      onStop?.(n);
      return;
    }
    const block = BLOCK.has(n.tagName);
    if (block) flush();
    for (const c of children(n)) walk(c);
    if (block) flush();
  };
  for (const c of children(root)) walk(c);
  flush();
}

/** The rows of a table (in its own thead/tbody/tfoot, not those of nested tables). */
function tableRows(table: Element): Element[] {
  const rows: Element[] = [];
  for (const c of children(table)) {
    if (!isElement(c)) continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') {
      for (const r of children(c)) if (isElement(r) && r.tagName === 'tr') rows.push(r);
    }
  }
  return rows;
}

/** The tables of a subtree, each with the tables nested in it. */
function findTables(root: Node, elements: Map<DocTable, Element>): DocTable[] {
  const found: DocTable[] = [];
  const walk = (n: Node) => {
    if (isElement(n) && SKIP.has(n.tagName)) return;
    if (isElement(n) && n.tagName === 'table') {
      found.push(readTable(n, elements));
      return;
    }
    for (const c of children(n)) walk(c);
  };
  walk(root);
  return found;
}

function readTable(table: Element, elements: Map<DocTable, Element>): DocTable {
  const nested: DocTable[] = [];
  const own: string[] = [];
  const rows: DocCell[][] = tableRows(table).map((tr) =>
    children(tr)
      .filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th'))
      .map((td) => {
        const lines: string[] = [];
        collectText(
          td,
          (e) => e.tagName === 'table',
          lines,
          (t) => nested.push(readTable(t, elements)),
        );
        const text = cellText(lines.join('\n'));
        own.push(text);
        return { text, rowSpan: span(td, 'rowspan'), colSpan: span(td, 'colspan') };
      }),
  );
  const t: DocTable = { rows, ownText: own.join('\n'), nested };
  elements.set(t, table);
  return t;
}

/** The report's tables and prose of an HTML page (decoded text). */
export function readHtmlText(html: string, notes: string[] = [], remarks: string[] = []): SheetRead {
  const doc = parse(html);
  const elements = new Map<DocTable, Element>();
  const chosen = chooseReportTables(findTables(doc, elements));
  const chosenElements = new Set(chosen.tables.map((t) => elements.get(t)!));
  const prose: string[] = [];
  collectText(doc, (e) => chosenElements.has(e), prose);
  return documentSheetRead(
    chosen.tables.map((t) => expandSpans(t)),
    joinProse(prose),
    notes,
    [...remarks, ...chosen.remarks],
  );
}

export function readHtml(data: Uint8Array): SheetRead {
  const page = decodePage(data);
  return readHtmlText(page.text, page.notes, page.remarks);
}
