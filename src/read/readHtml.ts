import { parse } from 'parse5';
import type { DefaultTreeAdapterMap } from 'parse5';
import { decodeTextDetailed, undecodableNote } from './decode';
import { cellText, chooseReportTables, DocCell, DocTable, documentSheetRead, joinProse, reportGrids } from './documentGrid';
import { NotAReportError } from './exchange';
import { HIDES, hiddenByStyleSheets } from './htmlStyles';
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

/** The elements the page being read hides through its style sheets (htmlStyles.ts); set while it is read. */
let hiddenByStyle: ReadonlySet<Element> = new Set();

/**
 * An element a browser does not show: hidden, display:none or visibility:hidden in its own style
 * or through a rule of the page's style sheets (a hidden copy of the tables, a hidden duplicate
 * row, a hidden digit), or a superscript (a footnote marker: 2<sup>1</sup> is 2, not 21). Its text
 * is not read.
 */
function unseen(e: Element): boolean {
  if (e.tagName === 'sup') return true;
  if (attr(e, 'hidden') !== undefined) return true;
  if (hiddenByStyle.has(e)) return true;
  const style = attr(e, 'style');
  return style !== undefined && HIDES.test(style);
}
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
    if (SKIP.has(n.tagName) || unseen(n)) return;
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
    if (unseen(c)) continue;
    if (c.tagName === 'tr') rows.push(c);
    else if (c.tagName === 'thead' || c.tagName === 'tbody' || c.tagName === 'tfoot') {
      for (const r of children(c)) if (isElement(r) && r.tagName === 'tr' && !unseen(r)) rows.push(r);
    }
  }
  return rows;
}

/** The tables of a subtree, each with the tables nested in it. */
function findTables(root: Node, elements: Map<DocTable, Element>): DocTable[] {
  const found: DocTable[] = [];
  const walk = (n: Node) => {
    if (isElement(n) && (SKIP.has(n.tagName) || unseen(n))) return;
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
      .filter((c): c is Element => isElement(c) && (c.tagName === 'td' || c.tagName === 'th') && !unseen(c))
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

/** Deeper than this, browsers stop nesting elements (Chromium's parser: 512); a report is a few levels deep. */
export const MAX_HTML_DEPTH = 512;

/** Elements whose end tag may be left out, and void elements: they do not deepen an unclosed page. */
const NOT_NESTING = new Set(
  'p li td th tr tbody thead tfoot option optgroup dt dd colgroup caption rb rt rp html head body br img hr meta link input col area base embed param source track wbr'.split(
    ' ',
  ),
);

/**
 * How deep the page's elements nest, counted from its tags before any parsing (parse5 takes time
 * quadratic in the depth of unclosed elements, and every walk of the tree is as deep).
 */
export function htmlDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  const tag = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>/g;
  // Comments, scripts and styles hold no elements (a < in a script is not a tag).
  const markup = html.replace(/<!--[\s\S]*?-->|<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>/gi, '');
  for (let m = tag.exec(markup); m; m = tag.exec(markup)) {
    const name = m[2].toLowerCase();
    if (NOT_NESTING.has(name) || m[3]) continue;
    if (m[1]) depth = Math.max(0, depth - 1);
    else if (++depth > deepest) deepest = depth;
    if (deepest > MAX_HTML_DEPTH) break;
  }
  return deepest;
}

/** The report's tables and prose of an HTML page (decoded text). */
/** Characters of markup parsed at most, once inline images are set aside (parse5 holds many times it). */
export const MAX_HTML_MARKUP = 8_000_000;

export function readHtmlText(page: string, notes: string[] = [], remarks: string[] = []): SheetRead {
  // Images inlined as data: URIs (a saved page's pictures) hold no text and may be most of the file.
  const html = page.replace(/\bsrc\s*=\s*(["'])data:[^"']*\1/gi, 'src=""');
  if (html.length > MAX_HTML_MARKUP)
    throw new NotAReportError(`网页内容过多（超过 ${MAX_HTML_MARKUP / 1_000_000} 百万个字符，图片除外），不像年报网页，已拒绝读取`);
  if (htmlDepth(html) > MAX_HTML_DEPTH)
    throw new NotAReportError(`网页的标签嵌套过深（超过 ${MAX_HTML_DEPTH} 层），不是正常的年报网页，已拒绝读取`);
  const doc = parse(html);
  hiddenByStyle = hiddenByStyleSheets(doc);
  try {
    return readDocument(doc, notes, remarks);
  } finally {
    hiddenByStyle = new Set();
  }
}

function readDocument(doc: DefaultTreeAdapterMap['document'], notes: string[], remarks: string[]): SheetRead {
  const elements = new Map<DocTable, Element>();
  const chosen = chooseReportTables(findTables(doc, elements));
  const chosenElements = new Set(chosen.tables.map((t) => elements.get(t)!));
  const prose: string[] = [];
  collectText(doc, (e) => chosenElements.has(e), prose);
  return documentSheetRead(reportGrids(chosen.tables), joinProse(prose), notes, [...remarks, ...chosen.remarks]);
}

/** Whether a read page holds any of the report's tables. */
const holdsTables = (read: SheetRead) => (read.input.unnamed?.values.length ?? 0) > 0;

export function readHtml(data: Uint8Array): SheetRead {
  const page = decodePage(data);
  const read = readHtmlText(page.text, page.notes, page.remarks);
  if (holdsTables(read) || page.encoding === 'auto') return read;
  // A page that declares the wrong charset (UTF-8 bytes under gb2312 decode without an error, as
  // mojibake): no tables in it, so the encoding told from the bytes is tried.
  const d = decodeTextDetailed(data);
  const note = undecodableNote(d.undecodable);
  const again = readHtmlText(d.text, note ? [note] : [], [`网页声明的字符编码（${page.encoding}）与内容不符，已按内容识别编码`]);
  return holdsTables(again) ? again : read;
}
