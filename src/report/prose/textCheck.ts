import { shortText } from '../standard/cellText';
import { CellId, TableId } from '../standard/formats';
import { CHANGE_WORDS, PROSE_PATTERNS, ProseId, ProsePattern } from './prosePatterns';
import { Report } from '../standard/report';
import { ruleDef } from '../standard/rules';
import { Finding, formatNumber } from '../standard/validate';

// The report's text against its own tables: each sentence that restates a table figure
// (src/report/prose/prosePatterns.ts) is compared with the cells it names. Pure.

export interface ProseStatement {
  id: ProseId;
  sentence: string;
  /** The number the sentence gives. */
  stated: number;
  cells: readonly CellId[];
  /** The tables' figure, or null when the tables do not hold it. */
  table: number | null;
}

export interface ProseCheck {
  /** One warning per statement that contradicts the tables. */
  findings: Finding[];
  statements: ProseStatement[];
  /** Statements recognised but not compared, and why (Chinese). */
  skipped: string[];
}

/** Sentences: split after 。；！？ and line breaks; a very long run without them is cut. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[。；;！!？?\n])/)
    .flatMap((s) => (s.length > 400 ? (s.match(/[\s\S]{1,400}/g) ?? []) : [s]))
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

const quoteOf = (s: string) => shortText(s, 60);

function parseCount(digits: string): number {
  return Number(digits.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xff10 + 48)).replace(/[,，]/g, ''));
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

/** The numbers one phrase states in a sentence: for `n` (and `m`), those not preceded by a word of change. */
function statedNumbers(p: ProsePattern, sentence: string): { n: number; m?: number }[] {
  const out: { n: number; m?: number }[] = [];
  const re = new RegExp(p.phrase.source, 'g');
  for (let match = re.exec(sentence); match; match = re.exec(sentence)) {
    const groups = match.groups ?? {};
    const before = match[0].slice(0, match[0].indexOf(groups.n));
    if (CHANGE_WORDS.test(before)) continue;
    out.push({ n: parseCount(groups.n), ...(groups.m !== undefined ? { m: parseCount(groups.m) } : {}) });
  }
  return out;
}

export function checkProse(text: string, report: Report): ProseCheck {
  const findings: Finding[] = [];
  const statements: ProseStatement[] = [];
  const skipped: string[] = [];
  const def = ruleDef('TEXT-TABLE');
  const compare = (id: ProseId, what: string, where: string, sentence: string, stated: number, cells: readonly CellId[], k: number) => {
    if (cells.length === 0) {
      skipped.push(`正文“${quoteOf(sentence)}”中${what}为 ${stated}，${where}，未核对`);
      return;
    }
    const table = tableFigure(report, cells);
    statements.push({ id, sentence, stated, cells, table });
    if (table === null) {
      skipped.push(`正文“${quoteOf(sentence)}”中${what}为 ${stated} 件，但表格中没有读到${where}，未核对`);
      return;
    }
    if (table === stated) return;
    findings.push({
      rule: 'TEXT-TABLE',
      instance: `${id}#${k}`,
      severity: def.severity,
      table: cells[0].slice(0, 2) as TableId,
      cells: [...cells],
      expected: table,
      actual: stated,
      message: `正文“${quoteOf(sentence)}”中${what}为 ${stated} 件，而${where}为 ${formatNumber(table)}，相差 ${formatNumber(Math.abs(table - stated))}`,
    });
  };
  sentences(text).forEach((sentence, k) => {
    const covered = new Set<ProseId>();
    for (const p of PROSE_PATTERNS) {
      if (covered.has(p.id)) continue;
      const found = statedNumbers(p, sentence);
      if (found.length === 0) continue;
      for (const c of p.covers ?? []) covered.add(c);
      const distinct = new Set(found.map((f) => `${f.n}/${f.m ?? ''}`));
      if (distinct.size > 1) {
        // 予以公开 12 件……予以公开 3 件: which one the tables hold cannot be told; never guessed.
        skipped.push(`正文“${quoteOf(sentence)}”中${p.what}出现了不同的数字（${[...new Set(found.map((f) => f.n))].join('、')}），未核对`);
        continue;
      }
      compare(p.id, p.what, p.where, sentence, found[0].n, p.cells, k);
      if (p.second && found[0].m !== undefined) compare(p.id, p.second.what, p.second.where, sentence, found[0].m, p.second.cells, k);
    }
  });
  return { findings, statements, skipped };
}
