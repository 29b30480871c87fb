import type { ColumnKind } from './formats';
import type { CellValue } from './report';

// What a cell shows, turned into the exchange value of formats.md (a number, null for blank, or
// the text typed), and the normal form of a label used to compare labels.

/** Whitespace that copies from Word and web pages leave: ASCII, NBSP, full-width space, zero-width. */
const EDGE_SPACE = /^[\s\u200b-\u200d\u2060]+|[\s\u200b-\u200d\u2060]+$/g;
const EDGE_SPACE_AT = /^[\s\u200b-\u200d\u2060]|[\s\u200b-\u200d\u2060]$/;
const ANY_SPACE = /[\s\u200b-\u200d\u2060\u00ad]/g;

/** Full-width digits and number punctuation → ASCII. */
const FULL_WIDTH_NUMBER = /[\uff10-\uff19\uff0d\uff0e\uff0b\uff0c\u2212]/;
function halfWidthNumber(s: string): string {
  if (!FULL_WIDTH_NUMBER.test(s)) return s;
  return s.replace(/[\uff10-\uff19\uff0d\uff0e\uff0b\uff0c\u2212]/g, (ch) => {
    const c = ch.charCodeAt(0);
    if (c >= 0xff10 && c <= 0xff19) return String.fromCharCode(c - 0xff10 + 0x30);
    if (ch === '\uff0d' || ch === '\u2212') return '-';
    if (ch === '\uff0e') return '.';
    if (ch === '\uff0b') return '+';
    return ','; // \uff0c full-width comma, accepted only as a thousands separator below
  });
}

/**
 * A number, optionally with thousands separators, optionally followed by a unit that people type
 * into cells. 万元 is the unit of the amount columns; 元 is converted for them.
 */
const NUMBER_WITH_UNIT = /^([+-]?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d*)?|\.\d+))\s*(万元|元|件|个|项|次|家|人|条|宗|起|份)?$/;

/**
 * The exchange value of what a cell shows: numbers stay numbers, blank (empty, whitespace only,
 * null) is null, "１２", "1,234", "12件", "160.5964万元" are numbers, "251000元" is 25.1 in an
 * amount column (万元); a sum of money in a count column ("12元") stays text, and so does a decimal
 * of more than 15 significant digits, which cannot be read exactly; anything else is the trimmed text.
 */
export function parseCellText(text: string | number | boolean | null | undefined, kind?: ColumnKind): CellValue {
  if (text === null || text === undefined) return null;
  if (typeof text === 'number') {
    if (!Number.isFinite(text)) return null;
    return text === 0 ? 0 : text; // no -0
  }
  if (typeof text === 'boolean') return String(text);
  if (typeof text !== 'string') return null;
  const trimmed = EDGE_SPACE_AT.test(text) ? text.replace(EDGE_SPACE, '') : text;
  if (trimmed === '') return null;
  const m = NUMBER_WITH_UNIT.exec(halfWidthNumber(trimmed));
  if (!m) return trimmed;
  const significant = m[1].replace(/[^0-9]/g, '').replace(/^0+/, '');
  // A decimal past double precision would be rounded silently (an integer past 2^53 is refused by the validator).
  if (m[1].includes('.') && significant.length > 15) return trimmed;
  const money = m[2] === '元' || m[2] === '万元';
  if (money && kind !== undefined && kind !== 'amount') return trimmed;
  let n = Number(m[1].replace(/,/g, ''));
  if (!Number.isFinite(n)) return trimmed;
  if (m[2] === '元' && kind === 'amount') n = n / 10000;
  return n === 0 ? 0 : n;
}

/** The text of a cell as the recogniser sees it: '' for blank. */
export function cellString(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return '';
}

const BRACKETS: Record<string, string> = {
  '(': '(',
  ')': ')',
  '[': '(',
  ']': ')',
  '〔': '(',
  '〕': ')',
  '【': '(',
  '】': ')',
  '〈': '(',
  '〉': ')',
};

/**
 * The normal form used to compare labels: NFKC (full-width brackets, digits, colon, comma → ASCII),
 * every kind of whitespace removed, bracket variants → ( ), 、 。 ． → ".", curly and straight
 * quotes unified. Two labels that differ only in typography have the same normal form.
 */
export function normaliseLabel(text: string): string {
  if (typeof text !== 'string') return '';
  let s = text.normalize('NFKC').replace(ANY_SPACE, '');
  s = s.replace(/[[\]〔〕【】〈〉]/g, (ch) => BRACKETS[ch] ?? ch);
  s = s.replace(/[、。.｡]/g, '.');
  s = s.replace(/[“”„‟"〝〞〟「」『』]/g, '"');
  s = s.replace(/[‘’‚‛'`´]/g, "'");
  return s;
}

/** A text as a message quotes it: at most `max` characters, then “…”. */
export function shortText(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
