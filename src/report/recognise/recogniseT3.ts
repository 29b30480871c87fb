import { CellId, ColumnKind, FORMATS, FormatVersion } from '../standard/formats';
import { HeadLabel, headerOrder } from './headerOrder';
import { LabelEntry } from './labelMatch';
import { RecognitionSink } from './recogniseSink';
import {
  Cell,
  Row,
  quote,
  T3Label,
  isSectionOnly,
  isT3Group,
  ownT3Label,
  lookupT3Row,
  labelCellsOf,
  t3LabelSlack,
  T3_WIDTH,
  cellMatches,
  headerFit,
  twoHeadersReason,
} from './recogniseRows';

/** 表三 (申请处理): rows queued until the table ends, then read at the columns its header gives. */
export class T3Reader {
  // T3 state
  private t3Cols = new Map<string, number>();
  /** The header's column labels (first of each) and 法人或其他组织 (LEGAL), for the column order. */
  private t3Heads: HeadLabel[] = [];
  private t3Pending: Row | null = null;
  private t3Queue: { row: Row; label: T3Label }[] = [];
  /** Header cells two column labels fit: their columns are not read. */
  private t3Ambiguous: { row: Row; col: number; labels: string[]; text: string }[] = [];

  constructor(private readonly s: RecognitionSink) {}

  /** The table ended: read what is pending and queued. */
  leave(): void {
    this.flushT3Pending();
    this.flushT3Queue();
  }

  private t3Ordered(): (typeof FORMATS)[FormatVersion]['T3']['columns'][number][] | null {
    const f = FORMATS[this.s.version].T3;
    const ids = f.columns.map((c) => c.id as string);
    const order = headerOrder(this.t3Heads, ids, { marker: 'LEGAL', members: f.legalGroup.columns }, undefined, ['NP', 'TOT']);
    if (order.kind === 'uncertain') return null;
    if (order.kind === 'standard') return [...f.columns];
    return order.ids.map((id) => f.columns.find((c) => c.id === id) ?? f.columns[0]);
  }

  /** First data column from the header (自然人 … 总计), when at least two header labels agree. */
  private t3Start(): number | null {
    const cols = this.t3Ordered() ?? FORMATS[this.s.version].T3.columns;
    const votes = new Map<number, number>();
    cols.forEach((c, i) => {
      const p = this.t3Cols.get(c.id);
      if (p !== undefined) votes.set(p - i, (votes.get(p - i) ?? 0) + 1);
    });
    let best: number | null = null;
    let n = 1;
    for (const [start, k] of votes) if (k > n && start >= 0) [best, n] = [start, k];
    return best;
  }

  t3Row(row: Row): void {
    if (row.blank) return;
    if (row.unreadable) {
      this.flushT3Pending();
      this.s.unreadable('T3', row, row.undetermined && this.cellsOfRow(row));
      return;
    }
    if (row.numbers === 0) {
      let header = false;
      const legal = FORMATS[this.s.version].T3.legalGroup.label;
      for (const c of row.texts) {
        const matches = cellMatches(c);
        let entries = matches.flatMap((m) => m.entries);
        const column = (e: LabelEntry) => e.table === 'T3' && e.role === 'column';
        for (const m of matches) {
          const col = m.entries.find(column);
          if (col && !this.t3Cols.has(col.id)) {
            this.t3Cols.set(col.id, c.col);
            this.t3Heads.push({ id: col.id, row: row.index, col: c.col });
          }
          if (col && m.how === 'fuzzy') this.s.readHeaderApproximately(row, c.raw.trim(), col.label);
        }
        // Before the first data row, a cell that is no label may be a header label the text layer damaged.
        if (matches.length === 0 && this.t3Queue.length === 0) {
          const fit = headerFit(c, (e) => e.table === 'T3' && (e.role === 'column' || e.role === 'header'));
          if (fit?.kind === 'two') {
            this.t3Ambiguous.push({ row, col: c.col, labels: fit.labels, text: fit.text });
            header = true;
          } else if (fit?.kind === 'near') {
            entries = [fit.entry];
            this.s.readHeaderApproximately(row, fit.text, fit.entry.label);
            if (column(fit.entry) && !this.t3Cols.has(fit.entry.id)) {
              this.t3Cols.set(fit.entry.id, c.col);
              this.t3Heads.push({ id: fit.entry.id, row: row.index, col: c.col });
            }
          }
        }
        if (entries.some((e) => e.table === 'T3' && e.label === legal) && !this.t3Heads.some((h) => h.id === 'LEGAL')) {
          this.t3Heads.push({ id: 'LEGAL', row: row.index, col: c.col });
        }
        if (entries.some((e) => e.table === 'T3' && ['column', 'note', 'header'].includes(e.role))) header = true;
      }
      this.flushT3Pending();
      if (header) this.s.touch('T3', row.index);
      else if (row.texts.some((c) => c.match?.entries.some((e) => e.table === 'T3' && e.role !== 'section'))) {
        this.s.touch('T3', row.index);
        this.t3Pending = row;
      } else if (!isSectionOnly(row)) this.t3Pending = row;
      return;
    }
    const pending = this.t3Pending;
    this.t3Pending = null;
    const labelCells = labelCellsOf(row);
    let label = ownT3Label(labelCells);
    let usedPending = false;
    if (!label || !label.exact) {
      // A label wrapped over two lines: the line before (text only) or the line after (text only).
      const firstText = labelCells[0];
      const lastText = labelCells[labelCells.length - 1];
      const firstNum = row.cells.find((c) => c.num)?.col ?? 0;
      if (pending && pending.texts.length > 0) {
        const before = pending.texts[pending.texts.length - 1].raw;
        const hit = lookupT3Row(before + (firstText?.raw ?? ''));
        if (hit && hit.exact) {
          label = {
            entry: hit.entry,
            labelEnd: firstText ? firstText.col : firstNum - 1,
            exact: true,
            text: before + (firstText?.raw ?? ''),
          };
          usedPending = true;
        }
      }
      if (!usedPending && lastText) {
        const next = this.s.nextNonBlank(row.index);
        if (next && next.numbers === 0 && next.texts.length === 1) {
          const joined = lastText.raw + next.texts[0].raw;
          const hit = lookupT3Row(joined);
          if (hit && hit.exact) {
            label = { entry: hit.entry, labelEnd: lastText.col, exact: true, text: joined };
            this.s.consumed.add(next.index);
          }
        }
      }
    }
    if (pending && !usedPending) this.rememberPending(pending);
    if (pending && usedPending) this.s.touch('T3', pending.index);
    if (!label) {
      const group = labelCells.map((c) => isT3Group(c.match)).find((g) => g);
      if (group) {
        this.s.touch('T3', row.index);
        this.s.unplace(row, `${quote(group.label)}是分组名称，不是数据行（本表没有小计行），数值未读入`);
      } else if (labelCells.length === 0) {
        this.s.unplace(row, '申请处理表中这一行有数值，但没有行名，无法确定是哪一行，未读入');
      } else {
        const fit = this.s.twoLabelsFit(
          labelCells.map((c) => c.raw),
          'T3',
        );
        this.s.unplace(row, fit ?? `申请处理表中未能识别的行名${quote(labelCells.map((c) => c.raw.trim()).join(' '))}，数值未读入`);
      }
      return;
    }
    this.t3Values(row, label);
  }

  /** The cells of the row an unreadable row's label names, in the header's column order, for its readings. */
  private cellsOfRow(row: Row): { ids: CellId[]; name: string } | undefined {
    const label = ownT3Label(labelCellsOf(row));
    const cols = this.t3Ordered();
    if (!label || !label.exact || !cols || !FORMATS[this.s.version].T3.rows.some((r) => r.id === label.entry.id)) return undefined;
    return { ids: cols.map((c) => `T3.${label.entry.id}.${c.id}` as CellId), name: `${quote(label.entry.label)}一行` };
  }

  private rememberPending(row: Row): void {
    this.t3Pending = row;
    this.flushT3Pending();
  }

  private flushT3Pending(): void {
    const row = this.t3Pending;
    this.t3Pending = null;
    if (!row) return;
    const own = ownT3Label(row.texts);
    if (!own) return;
    // “（六）其他处理” alone on a line without numbers is, in a 2021 table, the group label of
    // its three items; in a 2019 table it is the data row with blank cells.
    const m = row.texts.find((c) => c.col === own.labelEnd)?.match;
    if (isT3Group(m) && !FORMATS[this.s.version].T3.rows.some((r) => r.id === own.entry.id)) return;
    this.t3Values(row, own);
  }

  /** Queue a labelled T3 row; the rows are read when the table ends, once its value columns are known. */
  private t3Values(row: Row, label: T3Label): void {
    this.s.touch('T3', row.index);
    this.t3Queue.push({ row, label });
  }

  /**
   * The table's value columns (自然人 … 总计), or null where unknown: from the header when at least
   * two header labels agree, else from the rows that have seven filled value cells side by side,
   * when they all have them in the same columns. 总计 is known only if the header names it or the
   * rows have a value in the column after 其他.
   */
  private t3Columns(queue: { row: Row; label: T3Label }[]): (number | null)[] | null {
    const valueCells = (q: { row: Row; label: T3Label }): Cell[] => q.row.cells.filter((c) => c.col > q.label.labelEnd && !c.blank);
    const start = this.t3Start();
    if (start !== null) {
      const cols: (number | null)[] = Array.from({ length: T3_WIDTH }, (_, i) => start + i);
      const tot = start + T3_WIDTH - 1;
      if (!this.t3Cols.has('TOT') && !queue.some((q) => valueCells(q).some((c) => c.col === tot))) {
        cols[T3_WIDTH - 1] = null;
      }
      return cols;
    }
    const starts = new Set<number>();
    let n = 0;
    for (const q of queue) {
      const v = valueCells(q);
      if (v.length === T3_WIDTH && v[T3_WIDTH - 1].col - v[0].col === T3_WIDTH - 1) {
        starts.add(v[0].col);
        n++;
      }
    }
    if (n < 2 || starts.size !== 1) return null;
    const s = [...starts][0];
    return Array.from({ length: T3_WIDTH }, (_, i) => s + i);
  }

  /** Read the queued rows of the T3 table that has just ended. */
  private flushT3Queue(): void {
    const queue = this.t3Queue;
    this.t3Queue = [];
    if (queue.length === 0) return;
    if (!this.t3Ordered()) {
      const names = this.t3Heads
        .filter((h) => h.id !== 'LEGAL')
        .map((h) => FORMATS[this.s.version].T3.columns.find((c) => c.id === h.id)?.label ?? h.id);
      for (const q of queue) {
        this.s.unplace(
          q.row,
          `申请处理表表头各列（${names.join('、')}）的顺序与标准格式不同，又未能从表头确定每一列的位置，无法确定各数值属于哪一列，未读入`,
        );
      }
      return;
    }
    const cols = this.t3Columns(queue);
    // A header cell two labels fit: its column is not read, or no row is when its column is not known.
    const skip: number[] = [];
    const ambiguous = this.t3Ambiguous;
    this.t3Ambiguous = [];
    for (const a of ambiguous) {
      const i = cols ? cols.indexOf(a.col) : -1;
      if (!cols || i < 0) {
        for (const q of queue) this.s.unplace(q.row, twoHeadersReason(a, '各数值属于哪一列无法确定，未读入'));
        return;
      }
      cols[i] = null;
      skip.push(a.col);
      this.s.unplace(a.row, twoHeadersReason(a), a.col, a.text);
    }
    for (const q of queue) this.t3Read(q.row, q.label, cols, skip);
  }

  private t3Read(row: Row, label: T3Label, known: (number | null)[] | null, skip: readonly number[] = []): void {
    const entry = label.entry;
    const v = this.s.version;
    const name = entry.label;
    if (!FORMATS[v].T3.rows.some((r) => r.id === entry.id)) {
      const reason =
        v === '2021' && entry.id === 'O'
          ? `${quote(name)}在2019版是一行，2021版分为三项（${FORMATS['2021'].T3.rows
              .filter((r) => r.group === name)
              .map((r) => quote(r.label))
              .join('、')}），无法确定数值属于哪一项，未读入`
          : `${quote(name)}是${v === '2021' ? '2019' : '2021'}版的行，${v}版的申请处理表没有这一行，未读入`;
      this.s.unplace(row, reason);
      return;
    }
    if (!label.exact) this.s.readApproximately(row, label.text, name);
    const cols = this.t3Ordered() ?? FORMATS[v].T3.columns;
    const region = row.cells.filter((c) => c.col > label.labelEnd);
    const nonBlank = region.filter((c) => !c.blank);
    const item = (i: number, col: number): { id: CellId; col: number; kind: ColumnKind } => ({
      id: `T3.${entry.id}.${cols[i].id}` as CellId,
      col,
      kind: cols[i].kind,
    });
    const reportExtras = (extras: Cell[], how: string): void => {
      for (const extra of extras) {
        if (!extra.blank && extra.value !== 0) {
          this.s.unplace(row, `${quote(name)}一行多出的数值${quote(extra.raw.trim())}未读入（${how}）`, extra.col, extra.raw);
        }
      }
    };

    // 1. The row's cells sit under the table's value columns (blank cells included). A merged
    //    label cell may leave a cell (an extra 0) between the label and the first value column.
    const first = known?.[0] ?? null;
    if (known && first !== null && first > label.labelEnd) {
      const at = known.filter((c): c is number => c !== null);
      const extras = nonBlank.filter((c) => c.col < first);
      const fits =
        nonBlank.every((c) => c.col < first || at.includes(c.col) || skip.includes(c.col)) &&
        extras.length <= t3LabelSlack(v, entry.id) &&
        row.cells.length > Math.max(...at);
      if (fits) {
        this.s.placeRow(
          'T3',
          row,
          known.flatMap((c, i) => (c === null ? [] : [item(i, c)])),
          name,
        );
        reportExtras(extras, '第一个数值列之前的单元格不读');
        return;
      }
    }
    if (skip.length > 0) {
      this.s.unplace(row, `${quote(name)}一行的数值不在表头各列之下，表头又有一列无法确定是哪一列，未读入`);
      return;
    }
    if (nonBlank.length === 0) {
      this.s.unplace(row, `${quote(name)}一行没有数值，未读入`);
      return;
    }
    if (nonBlank.length < T3_WIDTH) {
      this.s.unplace(row, `${quote(name)}一行只有${nonBlank.length}个数值，应有${T3_WIDTH}个（自然人至总计），无法确定各是哪一列，未读入`);
      return;
    }
    // 2. Otherwise the last seven filled cells, when they are side by side (formats.md: the last
    //    seven numeric cells; a blank is not one of them, and one among them means the columns are
    //    not known).
    const take = nonBlank.slice(nonBlank.length - T3_WIDTH);
    const together = take[T3_WIDTH - 1].col - take[0].col === T3_WIDTH - 1;
    // A merged label's extra 0 followed by six values and a blank 总计 looks like seven values:
    // when the cell after them is blank, which it is cannot be told.
    const after = row.cells[take[T3_WIDTH - 1].col + 1];
    const ambiguous =
      nonBlank.length === T3_WIDTH &&
      take[0].value === 0 &&
      take[0].col === label.labelEnd + 1 &&
      t3LabelSlack(v, entry.id) > 0 &&
      after !== undefined &&
      after.blank;
    if (!together || ambiguous) {
      this.s.unplace(row, `${quote(name)}一行的数值之间或之后有空白单元格，表头未能给出各列位置，无法确定各数值属于哪一列，未读入`);
      return;
    }
    this.s.placeRow(
      'T3',
      row,
      take.map((c, i) => item(i, c.col)),
      name,
    );
    reportExtras(nonBlank.slice(0, nonBlank.length - T3_WIDTH), `按行末的${T3_WIDTH}个数值读取`);
  }

  // -- T4 --------------------------------------------------------------------------------------
}
