import { shortText } from '../standard/cellText';
import { CellId, dataCell, FormatVersion, TableId } from '../standard/formats';
import {
  CHANGE_WORDS,
  CHINESE_DIGITS,
  LISTED_BEFORE,
  PART_BEFORE,
  PROSE_PATTERNS,
  ProseId,
  ProsePattern,
  UNITS,
  YEAR_WORDS,
  ZERO_NOT_AFTER,
} from './prosePatterns';
import { Report } from '../standard/report';
import { ruleDef } from '../standard/rules';
import { Finding, formatNumber } from '../standard/validate';

// The report's text against its own tables: each sentence that restates a table figure (the phrases of
// prosePatterns.ts) is compared with the cells it names. Pure.

export interface ProseStatement {
  id: ProseId;
  sentence: string;
  /** The number the sentence gives (0 for a claim of zero such as 未发生行政复议). */
  stated: number;
  cells: readonly CellId[];
  /** The tables' figure, or null when the tables do not hold it. */
  table: number | null;
  /** What the statement says against the tables, in Chinese: the same words as its warning, or that it agrees. */
  message: string;
}

export interface ProseCheck {
  /** One warning per statement that contradicts the tables. */
  findings: Finding[];
  /** Every statement compared with the tables, those that agree too. */
  statements: ProseStatement[];
  /** Statements recognised but not compared, and why (Chinese). */
  skipped: string[];
}

/** Sentences: split after 。；！？ and line breaks; a very long run without them is cut. */
export function sentences(text: string): string[] {
  return text
    .replace(/([。；;！!？?\n])/g, '$1\u0000')
    .split('\u0000')
    .flatMap((s) => (s.length > 400 ? (s.match(/[\s\S]{1,400}/g) ?? []) : [s]))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** Where the clause that holds position `at` begins: after the last ，；： before it. */
function clauseStart(sentence: string, at: number): number {
  let i = at - 1;
  while (i >= 0 && !'，,；;：:'.includes(sentence[i])) i--;
  return i + 1;
}

/** The sentence as quoted: whole when short, else the clause that states the figure. */
function quoteOf(sentence: string, r?: Pick<Reading, 'at' | 'end'>): string {
  if (sentence.length <= 60 || !r) return shortText(sentence, 60);
  const start = clauseStart(sentence, r.at);
  const after = sentence.slice(r.end).search(/[，,；;。]/);
  const end = after < 0 ? sentence.length : r.end + after;
  return `${start > 0 ? '…' : ''}${shortText(sentence.slice(start, end), 60)}${end < sentence.length - 1 ? '…' : ''}`;
}

const CHINESE_VALUE: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CHINESE_UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** A Chinese figure (一百零三, 十二, 两千), or null when it is not one written the usual way (一二, 零). */
export function chineseNumber(s: string): number | null {
  if (/^[零〇]$/.test(s)) return null;
  let total = 0;
  let section = 0;
  let digit: number | null = null;
  let lastUnit = Infinity;
  for (const ch of s) {
    if (ch in CHINESE_VALUE) {
      if (digit !== null && digit !== 0) return null;
      digit = CHINESE_VALUE[ch];
    } else if (ch in CHINESE_UNIT) {
      const unit = CHINESE_UNIT[ch];
      if (unit >= lastUnit || digit === 0) return null;
      if (digit === null && !(unit === 10 && section === 0)) return null;
      section += (digit ?? 1) * unit;
      lastUnit = unit;
      digit = null;
    } else if (ch === '万') {
      if (total > 0) return null;
      total = (section + (digit ?? 0)) * 10000;
      if (total === 0) return null;
      section = 0;
      digit = null;
      lastUnit = Infinity;
    } else return null;
  }
  return total + section + (digit ?? 0);
}

function parseCount(text: string): number | null {
  if (new RegExp(`^[${CHINESE_DIGITS}]+$`).test(text)) return chineseNumber(text);
  return Number(text.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/[,，]/g, ''));
}

/** One number a phrase reads in a sentence. */
export interface Reading {
  n: number;
  m?: number;
  unit: string;
  /** A claim of zero (未发生…). */
  zero?: boolean;
  /** Where the phrase stands in the sentence. */
  at: number;
  end: number;
  /** The phrase is the last of a list (予以公开、部分公开共 70 件): its number is the list's sum. */
  listed?: boolean;
}

const clauseBefore = (sentence: string, at: number) => sentence.slice(clauseStart(sentence, at), at);
const insideTitle = (before: string) => (before.match(/《/g) ?? []).length > (before.match(/》/g) ?? []).length;
const COUNT_AFTER = new RegExp(`[0-9０-９${CHINESE_DIGITS}]\\s*(?:${UNITS})`);

const compiled = new Map<string, RegExp>();
/** A phrase's regular expression, compiled once (a global one is reset before each use). */
function regex(source: string, flags = ''): RegExp {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) compiled.set(key, (re = new RegExp(source, flags)));
  re.lastIndex = 0;
  return re;
}

/** Said when the engine cannot compile the phrases (Edge Legacy has no lookbehind nor named groups). */
export const UNSUPPORTED = '此版本的 Excel（旧版 Edge 内核）无法核对正文，请在新版 Excel 或网页版 Excel 中核对，或使用命令行工具';

/** Whether a phrase is the last of a list whose items before it have no number of their own. */
function listedIn(clause: string): boolean {
  if (!LISTED_BEFORE.test(clause)) return false;
  const items = clause.replace(LISTED_BEFORE, '').split(/、|和|及|与/);
  return !COUNT_AFTER.test(items[items.length - 1]);
}

/** The numbers one phrase states in a sentence, each a count of the phrase's figure (not a part, a result, a change or an article). */
export function readPhrase(p: ProsePattern, sentence: string): Reading[] {
  const out: Reading[] = [];
  for (const phrase of p.phrases) {
    const re = regex(phrase, 'g');
    for (let match = re.exec(sentence); match; match = re.exec(sentence)) {
      const groups = match.groups ?? {};
      const before = sentence.slice(0, match.index);
      const clause = clauseBefore(sentence, match.index);
      if (insideTitle(before) || regex(PART_BEFORE).test(clause)) continue;
      if (CHANGE_WORDS.test(match[0].slice(0, match[0].indexOf(groups.n)))) continue;
      if (p.needsYear && !YEAR_WORDS.test(before + match[0])) continue;
      const n = parseCount(groups.n);
      const m = groups.m !== undefined ? parseCount(groups.m) : undefined;
      if (n === null || m === null) continue;
      const unit = new RegExp(`(?:${UNITS})`).exec(match[0].slice(match[0].indexOf(groups.n) + groups.n.length))?.[0] ?? '件';
      out.push({
        n,
        ...(m !== undefined ? { m } : {}),
        unit,
        at: match.index,
        end: match.index + match[0].length,
        ...(listedIn(clause) ? { listed: true } : {}),
      });
    }
  }
  if (p.zero) {
    const re = regex(p.zero, 'g');
    for (let match = re.exec(sentence); match; match = re.exec(sentence)) {
      const end = match.index + match[0].length;
      const rest = sentence.slice(end).split(/[。；;，,：:]/)[0];
      if (insideTitle(sentence.slice(0, match.index)) || ZERO_NOT_AFTER.test(rest) || COUNT_AFTER.test(rest)) continue;
      out.push({ n: 0, unit: '件', zero: true, at: match.index, end });
    }
  }
  return out;
}

/** The table figure: the sum of the cells (a blank counts as 0, as in the tables' own rules), or null when one was not read or is text. */
function tableFigure(report: Report, cells: readonly CellId[]): number | null {
  let sum = 0;
  for (const c of cells) {
    const v = report.cells[c];
    if (v === null) continue;
    if (typeof v !== 'number') return null;
    sum += v;
  }
  return sum;
}

/** Where cells stand, as a clerk finds them: the phrase's own words, else each cell's row and column. */
function whereOf(p: ProsePattern, version: FormatVersion, cells: readonly CellId[]): string {
  if (p.where) return p.where;
  const labels = cells.map(
    (c) => `${c.slice(0, 2) === 'T2' ? '表二' : c.slice(0, 2) === 'T3' ? '表三' : '表四'}${dataCell(version, c)?.label ?? c}`,
  );
  return labels.length === 1 ? labels[0] : `${labels.join('、')}之和`;
}

export function checkProse(text: string, report: Report): ProseCheck {
  try {
    regex(PROSE_PATTERNS[0].phrases[0]);
  } catch {
    return { findings: [], statements: [], skipped: [UNSUPPORTED] };
  }
  const findings: Finding[] = [];
  const statements: ProseStatement[] = [];
  const skipped: string[] = [];
  const def = ruleDef('TEXT-TABLE');
  const compare = (
    id: ProseId,
    what: string,
    where: string,
    sentence: string,
    r: Reading,
    stated: number,
    cells: readonly CellId[],
    instance: string,
  ) => {
    const quote = `正文“${quoteOf(sentence, r)}”`;
    const said = r.zero ? `${quote}说没有${what}（即 0 件）` : `${quote}中${what}为 ${formatNumber(stated)} ${r.unit}`;
    const table = tableFigure(report, cells);
    if (table === null) {
      skipped.push(`${said}，但表格中没有读到${where}，未核对`);
      return;
    }
    const agrees = table === stated;
    const message = agrees
      ? `${said}，与${where}（${formatNumber(table)}）一致`
      : `${said}，而${where}为 ${formatNumber(table)}，相差 ${formatNumber(Math.abs(table - stated))}`;
    statements.push({ id, sentence, stated, cells, table, message });
    if (agrees) return;
    findings.push({
      rule: 'TEXT-TABLE',
      instance,
      severity: def.severity,
      table: cells[0].slice(0, 2) as TableId,
      cells: [...cells],
      expected: table,
      actual: stated,
      message,
    });
  };
  sentences(text).forEach((sentence, k) => {
    const covered = new Set<ProseId>();
    const read: { p: ProsePattern; found: Reading[] }[] = [];
    for (const p of PROSE_PATTERNS) {
      if (covered.has(p.id)) continue;
      const found = readPhrase(p, sentence);
      if (found.length === 0) continue;
      for (const c of p.covers ?? []) covered.add(c);
      read.push({ p, found });
    }
    // In the order the sentence says them.
    read.sort((a, b) => Math.min(...a.found.map((f) => f.at)) - Math.min(...b.found.map((f) => f.at)));
    for (const { p, found } of read) {
      const numbers = [...new Set(found.map((f) => f.n))];
      if (new Set(found.map((f) => `${f.n}/${f.m ?? ''}`)).size > 1) {
        // 予以公开 12 件……予以公开 3 件: which one the tables hold cannot be told; never guessed.
        skipped.push(`正文“${quoteOf(sentence)}”中${p.what}出现了不同的数字（${numbers.join('、')}），未核对`);
        continue;
      }
      const r = found[0];
      if (r.listed) {
        skipped.push(
          `正文“${quoteOf(sentence, r)}”中${p.what}与前面列出的几项合在一起为 ${formatNumber(r.n)} ${r.unit}，表格中没有这一合计，未核对`,
        );
        continue;
      }
      const cells = p.cells[report.format];
      if (!Array.isArray(cells)) {
        skipped.push(
          `正文“${quoteOf(sentence, r)}”中${p.what}为 ${formatNumber(r.n)} ${r.unit}，${(cells as { none: string }).none}，未核对`,
        );
        continue;
      }
      compare(p.id, p.what, whereOf(p, report.format, cells), sentence, r, r.n, cells, `${p.id}#${k}`);
      if (p.second && r.m !== undefined) compare(p.id, p.second.what, p.second.where, sentence, r, r.m, p.second.cells, `${p.id}.2#${k}`);
    }
  });
  return { findings, statements, skipped };
}
