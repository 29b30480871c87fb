// A streaming scan of an XML part's bytes: start tags with their attributes, end tags and text, in
// order, without building a tree (an .xlsx sheet is read cell by cell). Strict where it matters for
// reading the same thing as a full parser: tags must nest and close, entities must be the five of
// XML or character references, no DTD. Names are given without their namespace prefix.

/** The part is not well-formed XML (or declares a DTD). */
export class XmlFormatError extends Error {}

export interface XmlHandler {
  open(name: string, attributes: Record<string, string>, selfClosing: boolean): void;
  close(name: string): void;
  /** The elements whose attributes are read; the others are given none (skipping them is most of a sheet). */
  attributesOf: ReadonlySet<string>;
  /** Called with the text between tags only while `wantsText` is true. */
  text(text: string): void;
  wantsText: boolean;
}

/** Elements nested deeper than this are not a spreadsheet part (a sheet's cells are 5 levels deep). */
export const MAX_XML_DEPTH = 256;

const NONE: Record<string, string> = Object.freeze({}) as Record<string, string>;

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const APOS = 0x27;
const EQ = 0x3d;
const COLON = 0x3a;

const utf8 = new TextDecoder('utf-8');

const isSpace = (b: number): boolean => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Text with its entity and character references replaced, and line ends as XML reads them. */
function unescape(raw: string): string {
  const text = raw.indexOf('\r') >= 0 ? raw.replace(/\r\n?/g, '\n') : raw;
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&([^;&]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlFormatError('unterminated entity reference');
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!/^#(x[0-9a-fA-F]+|[0-9]+)$/.test(ref) || !(code > 0 && code <= 0x10ffff))
        throw new XmlFormatError(`bad character reference &${ref};`);
      return String.fromCodePoint(code);
    }
    const e = ENTITIES[ref];
    if (e === undefined) throw new XmlFormatError(`undefined entity &${ref};`);
    return e;
  });
}

/** UTF-8 text of a range; short ASCII ranges (names, addresses, numbers) without a decoder call. */
function decode(bytes: Uint8Array, from: number, to: number): string {
  if (to - from <= 32) {
    let s = '';
    for (let i = from; i < to; i++) {
      const b = bytes[i];
      if (b >= 0x80) return utf8.decode(bytes.subarray(from, to));
      s += String.fromCharCode(b);
    }
    return s;
  }
  return utf8.decode(bytes.subarray(from, to));
}

/**
 * An attribute value as XML reads it: entity references replaced, tabs and line ends as spaces. A
 * short plain ASCII value (a cell's address, style or type: most of a sheet) is built directly.
 */
function attributeValue(bytes: Uint8Array, from: number, to: number): string {
  if (to - from <= 32) {
    let s = '';
    let i = from;
    for (; i < to; i++) {
      const b = bytes[i];
      if (b >= 0x80 || b < 0x20 || b === 0x26 /* & */) break;
      s += String.fromCharCode(b);
    }
    if (i === to) return s;
  }
  return unescape(decode(bytes, from, to).replace(/[\t\n]|\r\n?/g, ' '));
}

/** Names met so far, by a hash of their bytes: a part repeats a few names thousands of times. */
const NAMES = new Map<number, string>();

/** The local name of a qualified name (x:c → c). */
function localName(bytes: Uint8Array, from: number, to: number): string {
  let start = from;
  let hash = 0;
  let ascii = to - from <= 24;
  for (let i = from; i < to; i++) {
    const b = bytes[i];
    if (b === COLON) {
      start = i + 1;
      hash = 0;
    } else hash = (Math.imul(hash, 31) + b) | 0;
    if (b >= 0x80) ascii = false;
  }
  if (!ascii) return decode(bytes, start, to);
  const known = NAMES.get(hash);
  if (known !== undefined && known.length === to - start) {
    let same = true;
    for (let i = 0; same && i < known.length; i++) same = known.charCodeAt(i) === bytes[start + i];
    if (same) return known;
  }
  const name = decode(bytes, start, to);
  if (NAMES.size < 4096) NAMES.set(hash, name);
  return name;
}

function indexOfSequence(bytes: Uint8Array, sequence: number[], from: number): number {
  for (let at = bytes.indexOf(sequence[0], from); at >= 0; at = bytes.indexOf(sequence[0], at + 1)) {
    let i = 1;
    while (i < sequence.length && bytes[at + i] === sequence[i]) i++;
    if (i === sequence.length) return at;
  }
  return -1;
}

const ascii = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));
const COMMENT_END = ascii('-->');
const PI_END = ascii('?>');
const CDATA_START = ascii('<![CDATA[');
const CDATA_END = ascii(']]>');

const startsWith = (bytes: Uint8Array, at: number, sequence: number[]): boolean => sequence.every((b, i) => bytes[at + i] === b);

/** Scans `bytes` (UTF-8 XML) from start to end, telling `handler` what it meets. Throws XmlFormatError. */
export function scanXml(bytes: Uint8Array, handler: XmlHandler): void {
  const n = bytes.length;
  const stack: string[] = [];
  let pos = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  let rooted = false;
  while (pos < n) {
    const lt = bytes.indexOf(LT, pos);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > pos && handler.wantsText && stack.length) handler.text(unescape(decode(bytes, pos, textEnd)));
    if (lt < 0) break;
    const next = bytes[lt + 1];
    if (next === 0x21 /* ! */) {
      if (bytes[lt + 2] === 0x2d && bytes[lt + 3] === 0x2d) {
        const end = indexOfSequence(bytes, COMMENT_END, lt + 4);
        if (end < 0) throw new XmlFormatError('unclosed comment');
        pos = end + 3;
      } else if (startsWith(bytes, lt, CDATA_START)) {
        const end = indexOfSequence(bytes, CDATA_END, lt + 9);
        if (end < 0) throw new XmlFormatError('unclosed CDATA section');
        if (handler.wantsText && stack.length) handler.text(decode(bytes, lt + 9, end));
        pos = end + 3;
      } else {
        throw new XmlFormatError('DTDs are not read');
      }
      continue;
    }
    if (next === 0x3f /* ? */) {
      const end = indexOfSequence(bytes, PI_END, lt + 2);
      if (end < 0) throw new XmlFormatError('unclosed processing instruction');
      pos = end + 2;
      continue;
    }
    if (next === SLASH) {
      const end = bytes.indexOf(GT, lt + 2);
      if (end < 0) throw new XmlFormatError('unclosed end tag');
      let nameEnd = end;
      while (nameEnd > lt + 2 && isSpace(bytes[nameEnd - 1])) nameEnd--;
      const name = localName(bytes, lt + 2, nameEnd);
      if (stack.pop() !== name) throw new XmlFormatError(`unexpected end tag </${name}>`);
      handler.close(name);
      pos = end + 1;
      continue;
    }
    // A start tag: its name, then attributes up to > or />.
    let i = lt + 1;
    while (i < n && !isSpace(bytes[i]) && bytes[i] !== GT && bytes[i] !== SLASH) i++;
    if (i === lt + 1 || i >= n) throw new XmlFormatError('malformed start tag');
    const name = localName(bytes, lt + 1, i);
    const wanted = handler.attributesOf.has(name);
    // No attribute value holds a <, so the tag ends before the next one (found once: a tag of many attributes stays linear).
    const nextLt = bytes.indexOf(LT, i);
    const attributes: Record<string, string> = wanted ? {} : NONE;
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace(bytes[i])) i++;
      if (i >= n) throw new XmlFormatError('unclosed start tag');
      if (bytes[i] === GT) break;
      if (bytes[i] === SLASH) {
        if (bytes[i + 1] !== GT) throw new XmlFormatError('malformed start tag');
        selfClosing = true;
        i++;
        break;
      }
      const attrStart = i;
      while (i < n && bytes[i] !== EQ && !isSpace(bytes[i]) && bytes[i] !== GT) i++;
      const attrName = wanted ? localName(bytes, attrStart, i) : '';
      while (i < n && isSpace(bytes[i])) i++;
      if (bytes[i] !== EQ) throw new XmlFormatError('attribute without a value');
      i++;
      while (i < n && isSpace(bytes[i])) i++;
      const quote = bytes[i];
      if (quote !== QUOTE && quote !== APOS) throw new XmlFormatError('unquoted attribute value');
      const valueEnd = bytes.indexOf(quote, i + 1);
      if (valueEnd < 0) throw new XmlFormatError('unclosed attribute value');
      if (nextLt >= 0 && nextLt < valueEnd) throw new XmlFormatError('< in an attribute value');
      if (wanted) attributes[attrName] = attributeValue(bytes, i + 1, valueEnd);
      i = valueEnd + 1;
    }
    if (stack.length === 0) {
      if (rooted) throw new XmlFormatError('more than one root element');
      rooted = true;
    }
    handler.open(name, attributes, selfClosing);
    if (selfClosing) handler.close(name);
    else {
      stack.push(name);
      if (stack.length > MAX_XML_DEPTH) throw new XmlFormatError('elements nested too deep');
    }
    pos = i + 1;
  }
  if (stack.length) throw new XmlFormatError(`unclosed element <${stack[stack.length - 1]}>`);
  if (!rooted) throw new XmlFormatError('no root element');
}
