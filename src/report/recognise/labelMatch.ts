import { normaliseLabel } from '../standard/cellText';
import { FORMATS, FORMAT_VERSIONS, FormatVersion, TableId } from '../standard/formats';
import { VARIANT_CHARACTERS } from './labelVariants';

// The labels of both versions as a dictionary of aliases, built from formats.ts by normalisation
// (no label is retyped here), and a lookup that tolerates typography and one-character typos.

export type LabelRole =
  | 'section' // 二、主动公开政府信息情况 …: starts a table
  | 'end' // 一、五、六 sections: end a table
  | 'blockTitle' // T2 第二十条第（一）项
  | 'header' // T2 信息内容, T3 申请人情况 / 法人或其他组织, T4 行政诉讼
  | 'column' // T2/T3 column header
  | 'row' // T2/T3 data row label
  | 'group' // T3 group label (三、本年度办理结果, （三）不予公开 …)
  | 'note' // T3 note
  | 't4group' // T4 行政复议 / 未经复议直接起诉 / 复议后起诉
  | 'field'; // T4 结果维持 …

export interface LabelEntry {
  /** The official label, exactly as in formats.ts. */
  label: string;
  table: TableId | null;
  role: LabelRole;
  /** Row, column, block, group or field id; '' when the label has none. */
  id: string;
  /** T2 only: the block of a row or column. */
  block?: string;
  /** The versions whose tables have this label in this role. */
  versions: FormatVersion[];
}

export type MatchHow = 'exact' | 'alias' | 'fuzzy';

/** Roles of the labels that head a table's columns. */
export const HEADER_ROLES: ReadonlySet<LabelRole> = new Set(['header', 'column', 't4group', 'field']);

export interface LabelMatch {
  entries: LabelEntry[];
  how: MatchHow;
}

/** A leading item number: (一) 一. 1. 1) (1) — on normalised text. */
const ITEM_NUMBER = /^(?:\([0-9一二三四五六七八九十]{1,3}\)|[0-9一二三四五六七八九十]{1,3}[.):])/;

export function stripItemNumber(normalised: string): string {
  return normalised.replace(ITEM_NUMBER, '');
}

/** A trailing parenthesised explanation: （区分处理的…）, （单位：万元）. */
function stripTrailingParen(label: string): string {
  return label.replace(/[（(][^（()）]*[）)]$/, '');
}

const UNIT_SUFFIX = '（单位：万元）';

function levenshteinAtMost1(a: string[], b: string[]): boolean {
  // Whether the edit distance of a and b is at most 1 (lengths differ by at most 1 on entry).
  if (a.length > b.length) [a, b] = [b, a];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  if (a.length === b.length) {
    // one substitution at i, the rest equal
    for (let j = i + 1; j < a.length; j++) if (a[j] !== b[j]) return false;
    return true;
  }
  // one insertion into a at i
  for (let j = i; j < a.length; j++) if (a[j] !== b[j + 1]) return false;
  return true;
}

/** Shortest official label (in characters of the normal form) for which one typo is tolerated. */
export const FUZZY_MIN_LENGTH = 6;
/** Shortest beginning of a label taken as that label cut short (nearLabels). */
const PREFIX_MIN_LENGTH = 4;

export class LabelDictionary {
  readonly entries: LabelEntry[] = [];
  private readonly byKey = new Map<string, LabelEntry[]>();
  private readonly keys: { key: string; chars: string[]; entries: LabelEntry[] }[] = [];
  private readonly cache = new Map<string, LabelMatch | null>();

  constructor() {
    for (const v of FORMAT_VERSIONS) this.addVersion(v);
    for (const [key, entries] of this.byKey) this.keys.push({ key, chars: Array.from(key), entries });
  }

  private entry(e: Omit<LabelEntry, 'versions'>, version: FormatVersion, amount = false): LabelEntry {
    let found = this.entries.find(
      (x) => x.label === e.label && x.table === e.table && x.role === e.role && x.id === e.id && x.block === e.block,
    );
    if (!found) {
      found = { ...e, versions: [] };
      this.entries.push(found);
      for (const alias of aliasesOf(e.label, e.role, amount)) {
        const list = this.byKey.get(alias) ?? [];
        if (!list.includes(found)) list.push(found);
        this.byKey.set(alias, list);
      }
    }
    if (!found.versions.includes(version)) found.versions.push(version);
    return found;
  }

  private addVersion(v: FormatVersion): void {
    const f = FORMATS[v];
    const sectionTable: Record<string, TableId> = {
      [f.T2.title]: 'T2',
      [f.T3.title]: 'T3',
      [f.T4.title]: 'T4',
    };
    for (const s of f.sections) {
      const t = sectionTable[s];
      this.entry({ label: s, table: t ?? null, role: t ? 'section' : 'end', id: '' }, v);
    }
    this.entry({ label: f.T2.header, table: 'T2', role: 'header', id: '' }, v);
    for (const b of f.T2.blocks) {
      this.entry({ label: b.title, table: 'T2', role: 'blockTitle', id: b.block }, v);
      for (const c of b.columns) {
        this.entry({ label: c.label, table: 'T2', role: 'column', id: c.id, block: b.block }, v, c.kind === 'amount');
      }
      for (const r of b.rows) this.entry({ label: r.label, table: 'T2', role: 'row', id: r.id, block: b.block }, v);
    }
    this.entry({ label: f.T3.note, table: 'T3', role: 'note', id: '' }, v);
    this.entry({ label: f.T3.applicantHeader, table: 'T3', role: 'header', id: '' }, v);
    this.entry({ label: f.T3.legalGroup.label, table: 'T3', role: 'header', id: '' }, v);
    for (const c of f.T3.columns) this.entry({ label: c.label, table: 'T3', role: 'column', id: c.id }, v);
    for (const r of f.T3.rows) {
      if (r.group) this.entry({ label: r.group, table: 'T3', role: 'group', id: '' }, v);
      this.entry({ label: r.label, table: 'T3', role: 'row', id: r.id }, v);
    }
    const parents = new Set<string>();
    for (const g of f.T4.groups) {
      this.entry({ label: g.label, table: 'T4', role: 't4group', id: g.id }, v);
      if (g.parent) parents.add(g.parent);
    }
    for (const p of parents) this.entry({ label: p, table: 'T4', role: 'header', id: '' }, v);
    for (const fl of f.T4.fields) this.entry({ label: fl.label, table: 'T4', role: 'field', id: fl.id }, v);
  }

  /**
   * Every label (official text or alias, at least two characters) that occurs in a normalised
   * text, as [start, end) offsets into it: for text whose labels and numbers run together.
   */
  occurrences(normalised: string): { start: number; end: number; entries: LabelEntry[] }[] {
    if (!this.byFirst) {
      const byFirst = new Map<string, { key: string; entries: LabelEntry[] }[]>();
      for (const [key, entries] of this.byKey) {
        if (key.length < 2) continue;
        const list = byFirst.get(key[0]) ?? [];
        list.push({ key, entries });
        byFirst.set(key[0], list);
      }
      this.byFirst = byFirst;
    }
    const out: { start: number; end: number; entries: LabelEntry[] }[] = [];
    for (let i = 0; i < normalised.length; i++) {
      const list = this.byFirst.get(normalised[i]);
      if (!list) continue;
      for (const k of list) {
        if (normalised.startsWith(k.key, i)) out.push({ start: i, end: i + k.key.length, entries: k.entries });
      }
    }
    return out;
  }

  private byFirst: Map<string, { key: string; entries: LabelEntry[] }[]> | null = null;

  /** The entries a cell's text names, or null. Exact normal form first, then aliases, then one typo. */
  lookup(text: string): LabelMatch | null {
    const raw = this.rawCache.get(text);
    if (raw !== undefined) return raw;
    const n = normaliseLabel(text);
    let result: LabelMatch | null = null;
    if (n !== '') {
      const hit = this.cache.get(n);
      if (hit !== undefined) result = hit;
      else {
        result = this.lookupNormalised(n);
        if (this.cache.size > 5000) this.cache.clear();
        this.cache.set(n, result);
      }
    }
    // the same texts are looked up on every recognition (the add-in recognises on every edit)
    if (this.rawCache.size > 5000) this.rawCache.clear();
    this.rawCache.set(text, result);
    return result;
  }

  private readonly rawCache = new Map<string, LabelMatch | null>();

  /**
   * The labels a text that is no label could be, when more than one fits (lookup then gives null:
   * it does not guess): those it differs from by one character, and those it begins (a label cut
   * short, 属于行政 of 属于行政执法案卷 and 属于行政查询事项). Empty when fewer than two fit.
   */
  nearLabels(text: string): LabelEntry[][] {
    const n = normaliseLabel(text);
    const chars = Array.from(n);
    if (this.byKey.has(n)) return [];
    const bare = stripItemNumber(n);
    const found: LabelEntry[][] = [];
    for (const k of this.keys) {
      const typo =
        chars.length >= FUZZY_MIN_LENGTH - 1 && k.chars.length >= FUZZY_MIN_LENGTH && Math.abs(k.chars.length - chars.length) <= 1;
      const cut = Array.from(bare).length >= PREFIX_MIN_LENGTH && k.key.length > bare.length && k.key.startsWith(bare);
      if (!cut && !(typo && levenshteinAtMost1(chars, k.chars))) continue;
      if (!found.some((f) => sameEntries(f, k.entries))) found.push(k.entries);
    }
    return found.length > 1 ? found : [];
  }

  /**
   * Whether a text is a header label or its beginning, at least three characters and half of it
   * (社会公益 of 社会公益组织, not 处理 of 处理决定数量), compared without punctuation and with
   * variant characters folded (科研機 of 科研机构): a header cell's first lines.
   */
  beginsHeader(text: string): boolean {
    const t = foldHeader(normaliseLabel(text));
    return this.foldedHeaders().some(
      (k) =>
        k.folded.length >= t.length &&
        startsWith(k.folded, t) &&
        (t.length === k.folded.length || (t.length >= 3 && 2 * t.length >= k.folded.length)),
    );
  }

  private headerKeys: { folded: string[]; entries: LabelEntry[] }[] | null = null;
  private headerMaxChars = 0;

  private foldedHeaders(): { folded: string[]; entries: LabelEntry[] }[] {
    if (!this.headerKeys) {
      this.headerKeys = this.keys
        .filter((k) => k.entries.some((e) => HEADER_ROLES.has(e.role)))
        .map((k) => ({ folded: foldHeader(k.key), entries: k.entries.filter((e) => HEADER_ROLES.has(e.role)) }));
      this.headerMaxChars = Math.max(...this.headerKeys.map((k) => k.folded.length));
    }
    return this.headerKeys;
  }
  private readonly nearHeaderCache = new Map<string, LabelEntry[][]>();

  /**
   * The header labels (a table's headers, columns, groups and fields) a text that is no label
   * could be, each as the entries of one official label: the text and the label compared without
   * punctuation and with variant characters folded (labelVariants.ts), they are equal, or differ by
   * one character dropped, doubled or changed (both at least three characters), or the text is the
   * beginning or the end of the label, at least three characters and half of it (a line-broken
   * fragment: 社会公益 of 社会公益组织). Empty when none fits; the caller says which fit its table.
   */
  nearHeaders(text: string): LabelEntry[][] {
    const hit = this.nearHeaderCache.get(text);
    if (hit) return hit;
    const headerKeys = this.foldedHeaders();
    const t = foldHeader(normaliseLabel(text));
    const found: LabelEntry[][] = [];
    // Longer than any header label by more than one character: prose or a row label, never a header.
    if (t.length >= 2 && t.length <= this.headerMaxChars + 1) {
      for (const k of headerKeys) {
        const kl = k.folded.length;
        const same = t.length === kl && t.every((ch, i) => ch === k.folded[i]);
        const typo = t.length >= 3 && kl >= 3 && Math.abs(kl - t.length) <= 1 && levenshteinAtMost1(t, k.folded);
        const part =
          t.length >= 3 &&
          t.length < kl &&
          2 * t.length >= kl &&
          (startsWith(k.folded, t) || startsWith([...k.folded].reverse(), [...t].reverse()));
        if (!same && !typo && !part) continue;
        if (!found.some((f) => sameEntries(f, k.entries))) found.push(k.entries);
      }
    }
    if (this.nearHeaderCache.size > 5000) this.nearHeaderCache.clear();
    this.nearHeaderCache.set(text, found);
    return found;
  }

  private lookupNormalised(n: string): LabelMatch | null {
    const exact = this.byKey.get(n);
    if (exact) return { entries: exact, how: 'exact' };
    const stripped = stripItemNumber(n);
    if (stripped !== n && Array.from(stripped).length >= 4) {
      const alias = this.byKey.get(stripped);
      if (alias) return { entries: alias, how: 'alias' };
    }
    const chars = Array.from(n);
    if (chars.length < FUZZY_MIN_LENGTH - 1) return null;
    let found: LabelEntry[] | null = null;
    for (const k of this.keys) {
      if (k.chars.length < FUZZY_MIN_LENGTH) continue;
      if (Math.abs(k.chars.length - chars.length) > 1) continue;
      if (!levenshteinAtMost1(chars, k.chars)) continue;
      if (found && !sameEntries(found, k.entries)) return null; // two candidates: do not guess
      found = k.entries;
    }
    return found ? { entries: found, how: 'fuzzy' } : null;
  }
}

/** A header label's characters without punctuation, variant characters folded. */
function foldHeader(normalised: string): string[] {
  return Array.from(normalised)
    .map((ch) => VARIANT_CHARACTERS[ch] ?? ch)
    .filter((ch) => /[\p{L}\p{N}]/u.test(ch));
}

function startsWith(a: readonly string[], b: readonly string[]): boolean {
  return b.every((ch, i) => a[i] === ch);
}

function sameEntries(a: LabelEntry[], b: LabelEntry[]): boolean {
  return a.length === b.length && a.every((e) => b.includes(e));
}

/** The normal forms under which a label is accepted. */
function aliasesOf(label: string, role: LabelRole, amount: boolean): string[] {
  const out = new Set<string>();
  const add = (s: string): void => {
    const n = normaliseLabel(s);
    if (n) out.add(n);
  };
  add(label);
  const bare = stripTrailingParen(label);
  if (bare !== label && Array.from(bare).length >= 4) add(bare); // （二）部分公开, 本年收费金额
  // 采购总金额（单位：万元）, as reports print the amount columns
  if (amount && !label.includes(UNIT_SUFFIX)) add(label + UNIT_SUFFIX);
  if (role === 'row' || role === 'group') {
    for (const s of [label, bare]) {
      const stripped = stripItemNumber(normaliseLabel(s));
      if (Array.from(stripped).length >= 4) out.add(stripped); // 属于国家秘密, 予以公开
    }
  }
  return [...out];
}

/** Roles whose labels stand only in the tables: headers, columns, rows and fields, not titles or notes. */
const TABLE_ONLY_ROLES: ReadonlySet<LabelRole> = new Set(['header', 'column', 'row', 'group', 't4group', 'field']);
/** Shorter cores (总计, 规章) are words of ordinary prose. */
const TABLE_ONLY_MIN_CHARS = 3;

/**
 * Labels, in normal form without item numbers or a trailing explanation, that only the report's
 * tables hold: a section heading (四、政府信息公开行政复议、行政诉讼情况) and its words can stand in the
 * prose, and so can 表二's row labels (行政许可, 行政处罚), which name kinds of government information.
 */
export function tableOnlyLabels(): readonly string[] {
  const dict = labelDictionary();
  const sections = dict.entries.filter((e) => e.role === 'section' || e.role === 'end').map((e) => normaliseLabel(e.label));
  const out = new Set<string>();
  for (const e of dict.entries) {
    if (!TABLE_ONLY_ROLES.has(e.role) || (e.table === 'T2' && e.role === 'row')) continue;
    const core = stripItemNumber(normaliseLabel(stripTrailingParen(e.label)));
    if (Array.from(core).length < TABLE_ONLY_MIN_CHARS || sections.some((s) => s.includes(core))) continue;
    out.add(core);
  }
  return [...out];
}

let shared: LabelDictionary | null = null;

/** The dictionary of both versions' labels (built once). */
export function labelDictionary(): LabelDictionary {
  if (!shared) shared = new LabelDictionary();
  return shared;
}
