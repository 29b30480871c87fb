import { CellId, ColumnKind, FORMATS } from '../standard/formats';
import { distinctColumns, HeadLabel, headerOrder, isSubsequence } from './headerOrder';
import { RecognitionSink } from './recogniseSink';
import { Row, quote, T4_WIDTH, headerFit, twoHeadersReason } from './recogniseRows';
import { LabelEntry } from './labelMatch';

/** 表四 (复议诉讼): one data row of 15 values, at the columns its header gives. */
export class T4Reader {
  // T4 state
  private t4Start: number | null = null;
  /** The header's field labels (every one) and group labels (行政诉讼 as PARENT), for the column order. */
  private t4Fields: HeadLabel[] = [];
  private t4Groups: HeadLabel[] = [];
  private t4Done = false;
  /** Header cells two labels fit: a field's column is not read; a group's, the data row is not. */
  private t4Ambiguous: { row: Row; col: number; labels: string[]; text: string; field: boolean }[] = [];

  constructor(private readonly s: RecognitionSink) {}

  t4Row(row: Row): void {
    if (row.blank) return;
    if (row.unreadable) {
      const items = row.undetermined && !this.t4Done ? this.t4Items() : null;
      this.s.unreadable('T4', row, items ? { ids: items.map((it) => it.id), name: '复议诉讼表的数据行' } : undefined);
      if (items) this.t4Done = true;
      return;
    }
    const parents = new Set<string>();
    for (const g of FORMATS[this.s.version].T4.groups) if (g.parent) parents.add(g.parent);
    const headerLabel = (e: LabelEntry) =>
      e.table === 'T4' && (e.role === 'field' || e.role === 't4group' || (e.role === 'header' && parents.has(e.label)));
    // Before the data row, a text cell that is no label may be a header label the text layer damaged.
    const fits = new Map<number, ReturnType<typeof headerFit>>();
    if (row.numbers === 0 && !this.t4Done) {
      for (const c of row.texts) if (!c.match) fits.set(c.col, headerFit(c, headerLabel));
    }
    const hasLabels =
      row.texts.some((c) => c.match?.entries.some((e) => e.table === 'T4' && e.role !== 'section')) ||
      [...fits.values()].some((f) => f !== null);
    if (hasLabels) {
      for (const c of row.texts) {
        let entries = c.match?.entries ?? [];
        const fit = fits.get(c.col) ?? (c.match?.how === 'fuzzy' ? headerFit(c, headerLabel) : null);
        if (fit?.kind === 'two') {
          const field = fit.labels.every((l) => FORMATS[this.s.version].T4.fields.some((f) => f.label === l));
          this.t4Ambiguous.push({ row, col: c.col, labels: fit.labels, text: fit.text, field });
          if (field && (this.t4Start === null || c.col < this.t4Start)) this.t4Start = c.col;
        } else if (fit?.kind === 'near') {
          entries = [fit.entry];
          this.s.readHeaderApproximately(row, fit.text, fit.entry.label);
        }
        const field = entries.find((e) => e.table === 'T4' && e.role === 'field');
        if (field) {
          if (this.t4Start === null || c.col < this.t4Start) this.t4Start = c.col;
          this.t4Fields.push({ id: field.id, row: row.index, col: c.col });
        }
        const group = entries.find((e) => e.table === 'T4' && e.role === 't4group');
        if (group) this.t4Groups.push({ id: group.id, row: row.index, col: c.col });
        if (entries.some((e) => e.table === 'T4' && e.role === 'header' && parents.has(e.label))) {
          this.t4Groups.push({ id: 'PARENT', row: row.index, col: c.col });
        }
      }
      this.s.touch('T4', row.index);
      return;
    }
    if (row.numbers === 0) return;
    if (this.t4Done) {
      this.s.unplace(row, '复议诉讼表只有一行数据，这一行未读入');
      return;
    }
    this.t4Done = true;
    const f = FORMATS[this.s.version].T4;
    const items = this.t4Items();
    if (!items) {
      this.s.touch('T4', row.index);
      this.s.unplace(row, '复议诉讼表表头各列的顺序与标准格式不同，又未能从表头确定每一列的位置，无法确定各数值属于哪一列，未读入');
      return;
    }
    const nonBlank = row.cells.filter((c) => !c.blank);
    const start = this.t4Start;
    // A header cell two groups fit: which group's columns is not known; the row is not read.
    const unsure = this.t4Ambiguous.find((a) => !a.field);
    if (unsure) {
      this.s.touch('T4', row.index);
      this.s.unplace(row, twoHeadersReason(unsure, '复议诉讼表的数值属于哪一列无法确定，未读入'));
      return;
    }
    if (start !== null && nonBlank.every((c) => c.col >= start && c.col < start + T4_WIDTH)) {
      const groups = f.groups.length;
      const size = f.fields.length;
      const groupCols = (g: number): number[] => Array.from({ length: size }, (_, i) => start + g * size + i);
      const blankGroups = [...Array(groups).keys()].filter((g) => groupCols(g).every((c) => row.cells[c]?.blank ?? true));
      const full = row.cells.length >= start + T4_WIDTH;
      // A data row split over two lines (行政复议 on one, 行政诉讼 on the next): the groups left
      // blank on this line are on the next numeric line, either in their own columns or, on a
      // shorter line, in its first columns.
      const next = blankGroups.length > 0 && blankGroups.length < groups ? this.s.nextNonBlank(row.index) : undefined;
      if (next && next.texts.length === 0 && next.numbers > 0 && this.t4Ambiguous.length === 0) {
        const nextFilled = next.cells.filter((c) => !c.blank);
        const missingCols = blankGroups.flatMap(groupCols);
        let from: number[] | null = null;
        if (nextFilled.every((c) => missingCols.includes(c.col))) from = missingCols;
        else {
          const width = blankGroups.length * size;
          const lastGroup = width - size;
          if (nextFilled.every((c) => c.col < width) && !next.cells[0].blank && nextFilled.some((c) => c.col >= lastGroup)) {
            from = Array.from({ length: width }, (_, i) => i);
          }
        }
        if (from) {
          const cols = from;
          const here = items.flatMap((it, i) => (blankGroups.includes(Math.floor(i / size)) ? [] : [{ ...it, col: start + i }]));
          const there = blankGroups.flatMap((g, k) =>
            Array.from({ length: size }, (_, j) => ({ ...items[g * size + j], col: cols[k * size + j] })),
          );
          if ([...here, ...there].some((it) => this.s.placed.has(it.id))) {
            this.s.placeRow('T4', row, [...here, ...there], '复议诉讼数据');
            return;
          }
          this.s.placeRow('T4', row, here, '复议诉讼数据');
          this.s.placeRow('T4', next, there, '复议诉讼数据');
          this.s.consumed.add(next.index);
          return;
        }
      }
      if (full && this.t4Ambiguous.every((a) => a.field)) {
        const skip = this.t4Ambiguous.map((a) => a.col);
        this.s.placeRow(
          'T4',
          row,
          items.flatMap((it, i) => (skip.includes(start + i) ? [] : [{ ...it, col: start + i }])),
          '复议诉讼数据',
        );
        for (const a of this.t4Ambiguous) this.s.unplace(a.row, twoHeadersReason(a), a.col, a.text);
        return;
      }
    }
    if (this.t4Ambiguous.length > 0) {
      this.s.touch('T4', row.index);
      this.s.unplace(row, twoHeadersReason(this.t4Ambiguous[0], '复议诉讼表的数值属于哪一列无法确定，未读入'));
      return;
    }
    const from = nonBlank[0].col;
    const to = nonBlank[nonBlank.length - 1].col;
    const span = row.cells.filter((c) => c.col >= from && c.col <= to);
    if (span.length < T4_WIDTH) {
      this.s.touch('T4', row.index);
      this.s.unplace(row, `复议诉讼表的数据行只有${nonBlank.length}个数值，应有${T4_WIDTH}个，无法确定各是哪一列，未读入`);
      return;
    }
    const take = span.slice(span.length - T4_WIDTH);
    this.s.placeRow(
      'T4',
      row,
      items.map((it, i) => ({ ...it, col: take[i].col })),
      '复议诉讼数据',
    );
    for (const extra of span.slice(0, span.length - T4_WIDTH)) {
      if (!extra.blank && extra.value !== 0) {
        this.s.unplace(
          row,
          `复议诉讼表数据行多出的${quote(extra.raw.trim())}未读入（按行末的${T4_WIDTH}个数值读取）`,
          extra.col,
          extra.raw,
        );
      }
    }
  }

  /**
   * The fifteen T4 cells in the order of the data row's columns: the standard order when the header
   * agrees with it (or names nothing), the header's order when it names every group and field, null
   * when it is out of order and does not place every column. The fields of a flattened or text
   * header are taken line by line; its groups then must be in the standard order.
   */
  private t4Items(): { id: CellId; kind: ColumnKind }[] | null {
    const f = FORMATS[this.s.version].T4;
    const fieldIds = f.fields.map((x) => x.id as string);
    const groupIds = f.groups.map((g) => g.id as string);
    const standard: { id: CellId; kind: ColumnKind }[] = [];
    for (const g of f.groups) for (const fl of f.fields) standard.push({ id: `T4.${g.id}.${fl.id}` as CellId, kind: fl.kind });
    const positional = distinctColumns(this.t4Fields);
    const fields = [...this.t4Fields].sort((a, b) => (positional ? a.col - b.col : a.row - b.row || a.col - b.col)).map((h) => h.id);
    const parent = { marker: 'PARENT', members: f.groups.filter((g) => g.parent).map((g) => g.id as string) };
    const groups = headerOrder(this.t4Groups, groupIds, parent, positional ? 'positional' : 'lines');
    const fieldsStandard = isSubsequence(fields, [...fieldIds, ...fieldIds, ...fieldIds]);
    if (groups.kind === 'standard' && fieldsStandard) return standard;
    if (groups.kind === 'uncertain' || (groups.kind === 'order' && !positional)) return null;
    const order = groups.kind === 'order' ? groups.ids : groupIds;
    if (fields.length !== T4_WIDTH) return null;
    const items: { id: CellId; kind: ColumnKind }[] = [];
    for (let k = 0; k < T4_WIDTH; k++) {
      const chunk = fields.slice(k - (k % f.fields.length), k - (k % f.fields.length) + f.fields.length);
      if (new Set(chunk).size !== f.fields.length) return null;
      const fl = f.fields.find((x) => x.id === fields[k]);
      if (!fl) return null;
      items.push({ id: `T4.${order[Math.floor(k / f.fields.length)]}.${fl.id}` as CellId, kind: fl.kind });
    }
    return items;
  }

  // -- result ----------------------------------------------------------------------------------
}
