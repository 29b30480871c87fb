import { cellString, normaliseLabel, parseCellText } from '../standard/cellText';
import { FORMATS, FORMAT_VERSIONS, FormatVersion, T3_WIDTH, T4_WIDTH } from '../standard/formats';
import { LabelEntry, LabelMatch, labelDictionary } from './labelMatch';

// Tables copied from PDF, Word or web pages as text rather than as cells: the recogniser's grid
// reshaped into rows of cells before it is read, every cell keeping the grid cell it came from.
//
// - A cell holding labels and numbers separated by spaces (“一、本年新收政府信息公开申请数量 3 0 0 0 0 0 3”),
//   only numbers (“3 0 0 0 0 0 3”) or only header labels (“自然人 商业企业 科研机构 …”) is split.
// - A cell whose labels and numbers run together without separators (“…申请数量3000003二、上年结转…”,
//   a whole table on one line) is split where the labels begin (found with the label dictionary);
//   a row's digit string is read one digit per cell only when it has exactly as many digits as the
//   row has value columns (spaces inside it ignored); otherwise the row is marked unreadable, and
//   undetermined where it has more digits than cells (the table reader lists its readings).
// - A text with prose and section titles around the tables, all on one line: read from the first
//   label that begins a table (splitAmongText).
// - A label line followed by lines holding one value each (as many as the row has value columns)
//   becomes that row; so do the 十五 values of 表四 after its header.
// Pure: nothing here decides which table or column a value belongs to beyond the row's width.

export interface SourceCell {
  /** The cell's text as the recogniser reads it ('' for blank). */
  text: string;
  /** The grid's own value for a whole grid cell (a number stays a number); the text for a part. */
  value: unknown;
  /** 0-based position of the grid cell it comes from (several cells may share one). */
  row: number;
  col: number;
  /** A part of a longer text in that grid cell: Excel's formulas cannot see it as a number. */
  fromText: boolean;
}

export interface ShapedRow {
  cells: SourceCell[];
  /** First and last grid row that the row's cells come from. */
  first: number;
  last: number;
  /** Not a grid row as it was: split out of a cell or joined from lines. */
  reshaped: boolean;
  /** Why the row's values cannot be read, in Chinese; those values are not among its cells. */
  unreadable?: string;
  /**
   * The row's digits run together, more of them than it has cells (ASCII digits, spaces dropped):
   * the table reader lists their readings (digitReadings.ts).
   */
  undetermined?: { digits: string; width: number };
}

export interface Reshaped {
  rows: ShapedRow[];
  /**
   * A split depended on the version (a 表二 row whose column count differs between the versions)
   * and no version was given: reshape again once the version is decided.
   */
  versionDependent: boolean;
}

const MAX_SPLIT_LENGTH = 50000;

type Piece = { kind: 'label'; text: string; match: LabelMatch } | { kind: 'text'; text: string } | { kind: 'number'; text: string };

const quote = (s: string): string => `“${s}”`;
const RUN = /^[0-9\uff10-\uff19]{2,}$/;
const DIGITS = /^[0-9\uff10-\uff19]+$/;
const ITEM_NUMBER = /^[0-9\uff10-\uff19]{1,2}[.\uff0e、]$/;
const isNumber = (s: string): boolean => typeof parseCellText(s) === 'number';

// ---------------------------------------------------------------------------------------------
// Splitting one cell's text into labels and numbers (version independent, cached)

const splitCache = new Map<string, Piece[] | null>();

function splitText(text: string): Piece[] | null {
  const hit = splitCache.get(text);
  if (hit !== undefined) return hit;
  const result = computeSplit(text);
  if (splitCache.size > 5000) splitCache.clear();
  splitCache.set(text, result);
  return result;
}

let labelChars: Set<string> | null = null;

/**
 * Whether every character of a text can be part of a label or a number: a cheap test that prose
 * (which has characters no label has) fails before it is searched for labels.
 */
function onlyLabelCharacters(text: string): boolean {
  if (!labelChars) {
    const chars = new Set<string>(Array.from('0123456789.,+-万元件个项次家人条宗起份'));
    for (const e of labelDictionary().entries) {
      for (const ch of e.label) chars.add(ch);
      for (const ch of normaliseLabel(e.label)) chars.add(ch);
    }
    labelChars = chars;
  }
  for (const ch of text) {
    if (labelChars.has(ch) || /\s/.test(ch)) continue;
    const n = normaliseLabel(ch);
    for (const c of n) if (!labelChars.has(c)) return false;
  }
  return true;
}

function computeSplit(text: string): Piece[] | null {
  const trimmed = text.trim();
  if (trimmed === '' || isNumber(trimmed)) return null;
  const dict = labelDictionary();
  const whole = dict.lookup(trimmed);
  if (whole && whole.how !== 'fuzzy') return null;
  const pieces =
    (/\s/.test(trimmed) ? splitBySpaces(trimmed) : null) ??
    (onlyLabelCharacters(trimmed) ? splitRunTogether(trimmed) : null) ??
    (mayHoldTables(trimmed) ? splitAmongText(trimmed) : null);
  if (!pieces || pieces.length < 2) return null;
  // A fuzzy whole-cell label stays a label unless the split found numbers in it.
  if (whole && !pieces.some((p) => p.kind === 'number')) return null;
  return pieces;
}

const LABEL_COST = 10;
const FUZZY_COST = 15;
const MAX_LABEL_TOKENS = 6;

/**
 * Whitespace-separated tokens as numbers and labels (a label may span several tokens: “结果 维持”,
 * “1. 属于国家秘密”), the reading with the fewest labels; or unknown text followed by two or more
 * numbers (a row whose label is not official); else null.
 */
function splitBySpaces(text: string): Piece[] | null {
  const tokens = text.split(/[\s\u3000]+/).filter((t) => t !== '');
  const n = tokens.length;
  if (n < 2) return null;
  const dict = labelDictionary();
  const cost: number[] = Array(n + 1).fill(Infinity);
  const step: { to: number; piece: Piece }[] = Array(n + 1);
  cost[n] = 0;
  const numeric = tokens.map(isNumber);
  for (let i = n - 1; i >= 0; i--) {
    if (numeric[i] && cost[i + 1] < Infinity) {
      // an item number (“2.”) before a label is more likely the label's than a value
      const c = cost[i + 1] + (ITEM_NUMBER.test(tokens[i]) ? 1 : 0);
      if (c < cost[i]) [cost[i], step[i]] = [c, { to: i + 1, piece: { kind: 'number', text: tokens[i] } }];
    }
    // a label may begin with an item number (“1.”), but has no other number among its tokens
    if (numeric[i] && !ITEM_NUMBER.test(tokens[i])) continue;
    for (let j = i + 1; j <= Math.min(n, i + MAX_LABEL_TOKENS); j++) {
      if (j - 1 > i && numeric[j - 1]) break;
      if (cost[j] === Infinity) continue;
      const joined = tokens.slice(i, j).join(' ');
      const m = dict.lookup(joined);
      if (!m) continue;
      const c = cost[j] + (m.how === 'fuzzy' ? FUZZY_COST : LABEL_COST);
      if (c < cost[i]) [cost[i], step[i]] = [c, { to: j, piece: { kind: 'label', text: joined, match: m } }];
    }
  }
  if (cost[0] < Infinity) {
    const out: Piece[] = [];
    for (let i = 0; i < n; i = step[i].to) out.push(step[i].piece);
    return out;
  }
  let k = n;
  while (k > 0 && isNumber(tokens[k - 1])) k--;
  if (n - k >= 2 && k > 0 && tokens.slice(0, k).every((t) => !isNumber(t))) {
    return [{ kind: 'text', text: tokens.slice(0, k).join(' ') }, ...tokens.slice(k).map((t): Piece => ({ kind: 'number', text: t }))];
  }
  return null;
}

/** The normal form of a text (normaliseLabel) with, for each of its characters, the offset it comes from. */
function normalisedWithOffsets(text: string): { norm: string; at: number[] } {
  let norm = '';
  const at: number[] = [];
  let i = 0;
  for (const ch of text) {
    const n = normaliseLabel(ch);
    for (let k = 0; k < n.length; k++) at.push(i);
    norm += n;
    i += ch.length;
  }
  return { norm, at };
}

type Found = ReturnType<ReturnType<typeof labelDictionary>['occurrences']>[number];

/** The labels found in a text (longest first, not overlapping), in text order, and a text offset of each normal-form index. */
function labelsIn(text: string): { chosen: Found[]; offset: (normIndex: number) => number } {
  const { norm, at } = normalisedWithOffsets(text);
  const found = labelDictionary().occurrences(norm);
  found.sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: boolean[] = Array(norm.length).fill(false);
  const chosen: Found[] = [];
  for (const f of found) {
    let free = true;
    for (let i = f.start; i < f.end && free; i++) if (taken[i]) free = false;
    if (!free) continue;
    for (let i = f.start; i < f.end; i++) taken[i] = true;
    chosen.push(f);
  }
  chosen.sort((a, b) => a.start - b.start);
  return { chosen, offset: (normIndex: number): number => (normIndex < at.length ? at[normIndex] : text.length) };
}

/** Numbers separated by spaces, or by the sign that begins one (2019's 本年增/减: “20-5”); null if any is not a number. */
const numberTokens = (s: string): string[] | null => {
  const tokens = s
    .replace(/([0-9\uff10-\uff19])([-\u2212])/g, '$1 $2')
    .split(/[\s\u3000]+/)
    .filter((t) => t !== '');
  return tokens.every(isNumber) ? tokens : null;
};

/**
 * Labels and numbers that run together: the labels found in the text, and between them numbers.
 * Everything that is not a label must be numbers and spaces, or the text is not split (prose
 * mentions labels too).
 */
function splitRunTogether(text: string): Piece[] | null {
  const { chosen, offset } = labelsIn(text);
  if (chosen.length === 0) return null;
  const pieces: Piece[] = [];
  let from = 0;
  const gap = (to: number): boolean => {
    const tokens = numberTokens(text.slice(from, to));
    if (!tokens) return false;
    for (const t of tokens) pieces.push({ kind: 'number', text: t });
    return true;
  };
  for (const c of chosen) {
    if (!gap(offset(c.start))) return null;
    const labelText = text.slice(offset(c.start), offset(c.end)).trim();
    pieces.push({ kind: 'label', text: labelText, match: { entries: c.entries, how: 'exact' } });
    from = offset(c.end);
  }
  if (!gap(text.length)) return null;
  return pieces;
}

/** Digits followed by what is not a unit, a date or punctuation: a row's digits before the next label (…数量4100005二、…). */
const DIGITS_BEFORE_TEXT = /[0-9\uff10-\uff19][\s\u3000]*[^\s\u30000-9\uff10-\uff19件个条项份次家人宗起万元年月日号，。；：、,;:%）).．-]/;
/** Shorter texts without such digits are prose (a blank table on one line is longer). */
const LONG_TEXT = 200;

/** A cheap test that most prose fails before it is searched for labels (splitAmongText). */
function mayHoldTables(text: string): boolean {
  return text.length >= LONG_TEXT || DIGITS_BEFORE_TEXT.test(text);
}

/** Labels that begin a table or head its columns: where the tables of a text begin. */
const ANCHOR_ROLES = new Set(['section', 'blockTitle', 'header', 'column', 't4group']);
const isAnchor = (f: Found): boolean => f.entries.some((e) => e.table !== null && ANCHOR_ROLES.has(e.role));
const isEnd = (f: Found): boolean => f.entries.every((e) => e.role === 'end');
/** A label whose numbers follow it: a data row's, or 表四's last header cell before its fifteen values. */
const isDataRow = (f: Found): boolean => f.entries.some((e) => e.role === 'row' || (e.table === 'T4' && e.role === 'field'));
/** A count in a sentence (“予以公开5件，…”): digits followed by a unit or punctuation. */
const SENTENCE_COUNT = /^[\s\u3000]*[0-9\uff10-\uff19.]+[\s\u3000]*[件个条项份次家人宗起万元，。；、,;%）)]/;

/**
 * The tables of a text that runs on without line breaks, with section titles and prose around and
 * between them (a web page's text, an archive's copy): read from the first label that begins a
 * table to the first section title that ends them. Between a row label and the next label, the
 * numbers right after the label are the row's; the rest is text. A label followed by a count in a
 * sentence is text too. Split only when a row label is followed by numbers alone up to the next
 * label, or three labels follow one another with nothing between them, so that prose that names
 * labels stays whole.
 */
function splitAmongText(text: string): Piece[] | null {
  const { chosen, offset } = labelsIn(text);
  const first = chosen.findIndex(isAnchor);
  if (first < 0) return null;
  let last = chosen.length;
  for (let i = first + 1; i < chosen.length; i++) if (isEnd(chosen[i])) [last, i] = [i, chosen.length];
  const labels = chosen.slice(first, last);
  const end = last < chosen.length ? offset(chosen[last].start) : text.length;
  const between = (i: number): string => text.slice(offset(labels[i].end), i + 1 < labels.length ? offset(labels[i + 1].start) : end);
  // a row label followed by numbers alone, or (a table not yet filled in) three labels in a row
  const numbered = labels.some((l, i) => isDataRow(l) && between(i).trim() !== '' && numberTokens(between(i)) !== null);
  if (!numbered && !labels.some((_, i) => i + 2 < labels.length && between(i).trim() === '' && between(i + 1).trim() === '')) return null;
  const pieces: Piece[] = [];
  const addText = (t: string): void => {
    const trimmed = t.trim();
    if (trimmed === '') return;
    const prev = pieces[pieces.length - 1];
    if (prev?.kind === 'text') prev.text = `${prev.text}${trimmed}`;
    else pieces.push({ kind: 'text', text: trimmed });
  };
  addText(text.slice(0, offset(labels[0].start)));
  labels.forEach((l, i) => {
    const labelText = text.slice(offset(l.start), offset(l.end)).trim();
    const gap = between(i);
    if (SENTENCE_COUNT.test(gap)) {
      addText(labelText + gap);
      return;
    }
    pieces.push({ kind: 'label', text: labelText, match: { entries: l.entries, how: 'exact' } });
    const numbers = /^[\s\u3000\d\uff10-\uff19.\-\u2212]*/.exec(gap)?.[0] ?? '';
    const tokens = numberTokens(numbers);
    if (tokens) for (const t of tokens) pieces.push({ kind: 'number', text: t });
    addText(tokens ? gap.slice(numbers.length) : gap);
  });
  addText(text.slice(end));
  return pieces;
}

// ---------------------------------------------------------------------------------------------
// Widths: how many value cells a row has

function rowEntries(m: LabelMatch | null | undefined): LabelEntry[] {
  return m ? m.entries.filter((e) => e.role === 'row' && (e.table === 'T2' || e.table === 'T3')) : [];
}

function isT4Label(m: LabelMatch | null | undefined): boolean {
  return !!m && m.entries.some((e) => e.table === 'T4' && e.role !== 'section');
}

/** The value column counts a data row label can have: in the given version, else in any. */
function widthsOf(m: LabelMatch | null | undefined, version?: FormatVersion): Set<number> {
  const out = new Set<number>();
  const entries = rowEntries(m);
  const versions = (e: LabelEntry): FormatVersion[] => {
    const own = version && e.versions.includes(version) ? [version] : e.versions;
    return FORMAT_VERSIONS.filter((v) => own.includes(v));
  };
  for (const e of entries) {
    for (const v of versions(e)) {
      if (e.table === 'T3') out.add(T3_WIDTH);
      else {
        const block = FORMATS[v].T2.blocks.find((b) => b.block === e.block && b.rows.some((r) => r.id === e.id));
        if (block) out.add(block.columns.length);
      }
    }
  }
  return out;
}

/** A label that heads a table or column (not a data row, not a group of rows). */
function isHeading(m: LabelMatch): boolean {
  return rowEntries(m).length === 0 && !m.entries.some((e) => e.role === 'group');
}

// ---------------------------------------------------------------------------------------------
// Reshaping

class Shaper {
  versionDependent = false;
  constructor(private readonly version: FormatVersion | undefined) {}

  /** The one width of a row label, or null when it depends on a version not yet known. */
  width(m: LabelMatch | null | undefined): { width: number | null; widths: Set<number> } {
    const widths = widthsOf(m, this.version);
    if (widths.size === 1) return { width: [...widths][0], widths };
    if (widths.size > 1) this.versionDependent = true;
    return { width: null, widths };
  }

  /** A grid row, split when its last filled cell is text of labels and numbers. */
  splitRow(index: number, values: unknown[]): ShapedRow[] {
    const whole = (): ShapedRow[] => [
      {
        cells: values.map((v, col) => ({ text: cellString(v), value: v, row: index, col, fromText: false })),
        first: index,
        last: index,
        reshaped: false,
      },
    ];
    let last = values.length - 1;
    while (last >= 0 && cellString(values[last]).trim() === '') last--;
    if (last < 0 || typeof values[last] !== 'string') return whole();
    const text = values[last] as string;
    // a whole report on one line is a few thousand characters; longer text is not searched
    if (text.length < 3 || text.length > MAX_SPLIT_LENGTH) return whole();
    const pieces = splitText(text);
    if (!pieces) return whole();
    // A row that has numbers in cells of its own is a grid: its text cells stay text.
    for (let c = 0; c < last; c++) {
      const v = values[c];
      if (typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && isNumber(v))) return whole();
    }
    const before: SourceCell[] = values
      .slice(0, last)
      .map((v, col) => ({ text: cellString(v), value: v, row: index, col, fromText: false }));
    const beforeLabel = [...before].reverse().find((c) => c.text.trim() !== '');
    const lead = beforeLabel ? labelDictionary().lookup(beforeLabel.text) : null;
    return this.rowsOf(pieces, index, last, before, lead);
  }

  /** Pieces of one cell as rows: a row ends after its values; values after header labels start a row. */
  private rowsOf(pieces: Piece[], row: number, col: number, before: SourceCell[], lead: LabelMatch | null): ShapedRow[] {
    const out: ShapedRow[] = [];
    let labels: Piece[] = [];
    let values: Piece[] = [];
    let cells: SourceCell[] = before;
    let prevT4 = isT4Label(lead);
    const cell = (text: string): SourceCell => ({ text, value: text, row, col, fromText: true });
    const flush = (): void => {
      if (labels.length === 0 && values.length === 0) return;
      const lastLabel = [...labels].reverse().find((p) => p.kind === 'label') as Extract<Piece, { kind: 'label' }> | undefined;
      const r: ShapedRow = { cells: [...cells, ...labels.map((p) => cell(p.text))], first: row, last: row, reshaped: true };
      const leadLabel: Piece | undefined =
        lead && before.length > 0 && out.length === 0
          ? {
              kind: 'label',
              text:
                [...before]
                  .reverse()
                  .find((c) => c.text.trim() !== '')
                  ?.text.trim() ?? '',
              match: lead,
            }
          : undefined;
      const rowLabel = labels.length > 0 ? labels[labels.length - 1] : leadLabel;
      let width: number | null = null;
      let known = false;
      if (rowLabel?.kind === 'label' && rowEntries(rowLabel.match).length > 0) {
        width = this.width(rowLabel.match).width;
        known = true;
      } else if (labels.length === 0 && prevT4) {
        width = T4_WIDTH;
        known = true;
      }
      // Digits run together, or with stray spaces inside the row (“000000 0”): one digit a cell when
      // they number exactly the row's cells, else undetermined.
      const run = values.every((v) => DIGITS.test(v.text)) ? values.map((v) => v.text).join('') : '';
      const single = values.length === 1 && RUN.test(run);
      const spaced = values.length > 1 && width !== null && values.length < width && Array.from(run).length >= width;
      if (single || spaced) {
        const name = rowLabel?.text;
        const digits = Array.from(run);
        if (width === 1 && single) r.cells.push(cell(run));
        else if (width !== null && digits.length === width) for (const d of digits) r.cells.push(cell(d));
        else {
          if (width !== null && width > 1 && digits.length > width) r.undetermined = { digits: run.normalize('NFKC'), width };
          if (known && name) r.unreadable = `${quote(name)}一行的数字${quote(run)}连在一起，无法分出各列，未读入`;
          else if (known) r.unreadable = `复议诉讼表的数字${quote(run)}连在一起，无法分出各列，未读入`;
          else r.unreadable = `数字${quote(run)}连在一起，无法确定是哪一行、哪一列的数值，未读入`;
        }
      } else {
        for (const v of values) r.cells.push(cell(v.text));
      }
      out.push(r);
      prevT4 = labels.length > 0 ? isT4Label(lastLabel?.match) : prevT4;
      labels = [];
      values = [];
      cells = [];
    };
    for (const p of pieces) {
      if (p.kind === 'number') {
        const lastLabel = labels[labels.length - 1];
        // Values after header labels (表四's fifteen counts): a row of their own.
        if (values.length === 0 && lastLabel?.kind === 'label' && isHeading(lastLabel.match)) flush();
        values.push(p);
      } else {
        // A row label with no numbers after it (a blank row), or a section title: the row ends.
        const last = labels[labels.length - 1];
        const ends = last?.kind === 'label' && rowEntries(last.match).length > 0;
        const title = p.kind === 'label' && p.match.entries.every((e) => e.role === 'section' || e.role === 'end');
        if (values.length > 0 || ends || (title && labels.length > 0)) flush();
        labels.push(p);
      }
    }
    flush();
    return out;
  }

  /** Label lines followed by their values one per line (or as one run of digits), joined. */
  joinLines(rows: ShapedRow[]): ShapedRow[] {
    const dict = labelDictionary();
    const filled = (r: ShapedRow): SourceCell[] => r.cells.filter((c) => c.text.trim() !== '');
    const isBlank = (r: ShapedRow): boolean => filled(r).length === 0 && !r.unreadable;
    /** The value of a line that is one number (not a row of cells whose first alone is filled), or null. */
    const single = (r: ShapedRow): SourceCell | null => {
      if (r.unreadable || r.cells.length !== 1) return null;
      const f = filled(r);
      return f.length === 1 && f[0].col === 0 && !f[0].fromText && isNumber(f[0].text) ? f[0] : null;
    };
    const out: ShapedRow[] = [];
    let i = 0;
    while (i < rows.length) {
      const r = rows[i];
      // a label line: its last filled cell is a data row label (or 表四's header), no cell a number
      let lastCell: SourceCell | undefined;
      for (let c = r.cells.length - 1; c >= 0 && !lastCell; c--) if (r.cells[c].text.trim() !== '') lastCell = r.cells[c];
      const m = lastCell && !r.unreadable && typeof lastCell.value !== 'number' ? dict.lookup(lastCell.text) : null;
      let isRow = rowEntries(m).length > 0;
      let isT4 = !isRow && isT4Label(m);
      const lastText = isRow || isT4 ? lastCell : undefined;
      if ((isRow || isT4) && filled(r).some((c) => isNumber(c.text))) isRow = isT4 = false;
      if (!isRow && !isT4) {
        out.push(r);
        i++;
        continue;
      }
      // the lines after it that hold one value each (blank lines between them skipped)
      const taken: SourceCell[] = [];
      let j = i + 1;
      let end = i;
      while (j < rows.length) {
        if (isBlank(rows[j])) {
          j++;
          continue;
        }
        const v = single(rows[j]);
        if (!v) break;
        taken.push(v);
        end = j;
        j++;
      }
      if (taken.length === 0 || (isT4 && taken.length === 1 && !RUN.test(taken[0].text.trim()))) {
        out.push(r);
        i++;
        continue;
      }
      const w = isT4 ? { width: T4_WIDTH, widths: new Set([T4_WIDTH]) } : this.width(m);
      const name = lastText?.text.trim() ?? '';
      const joined: ShapedRow = { cells: isT4 ? [] : [...r.cells], first: r.first, last: rows[end].last, reshaped: true };
      const k = taken.length;
      const run = k === 1 ? taken[0].text.trim() : '';
      if (k > 1 && (w.width === k || (w.width === null && w.widths.has(k)))) {
        joined.cells.push(...taken);
      } else if (k === 1 && (w.width === 1 || (w.width === null && w.widths.has(1) && !RUN.test(run)))) {
        joined.cells.push(taken[0]);
      } else if (k === 1 && RUN.test(run) && w.width !== null && Array.from(run).length === w.width) {
        for (const d of Array.from(run)) joined.cells.push({ ...taken[0], text: d, value: d, fromText: true });
      } else if (k === 1 && RUN.test(run)) {
        const width = w.width ?? (w.widths.size === 1 ? [...w.widths][0] : null);
        const digits = run.normalize('NFKC');
        if (width !== null && width > 1 && digits.length > width) joined.undetermined = { digits, width };
        joined.unreadable = `${isT4 ? '复议诉讼表' : quote(name) + '一行'}的数字${quote(run)}连在一起，无法分出各列，未读入`;
      } else {
        const n = w.width ?? [...w.widths].join('或');
        joined.unreadable = `${isT4 ? '复议诉讼表' : quote(name)}后面逐行列出的数值有${k}个，应有${n}个，无法确定各是哪一列，未读入`;
      }
      if (isT4) out.push(r);
      out.push(joined);
      i = end + 1;
    }
    return out;
  }
}

/**
 * The grid as rows of cells with their grid positions, text-shaped tables reshaped (see the top of
 * this file). A grid of cells comes back row for row. Never throws on any input.
 */
export function reshape(grid: unknown, version?: FormatVersion): Reshaped {
  const rows: unknown[] = Array.isArray(grid) ? grid : [];
  const shaper = new Shaper(version);
  const split: ShapedRow[] = [];
  for (let i = 0; i < rows.length; i++) {
    const values: unknown[] = Array.isArray(rows[i]) ? (rows[i] as unknown[]) : [];
    split.push(...shaper.splitRow(i, values));
  }
  const joined = shaper.joinLines(split);
  return { rows: joined, versionDependent: shaper.versionDependent };
}
