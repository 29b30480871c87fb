import { CellId, ColumnKind, FORMATS } from '../standard/formats';
import { LabelEntry } from './labelMatch';
import { RecognitionSink } from './recogniseSink';
import { Cell, Row, quote, headerFit, twoHeadersReason } from './recogniseRows';

/** 表二 (主动公开): each row read under the columns its block header names. */
export class T2Reader {
  // T2 state
  private t2Header: Map<string, number> | null = null;
  /** Header cells of the last header that two column labels fit: their columns are not read. */
  private t2Ambiguous: { row: Row; col: number; labels: string[]; text: string; told: boolean }[] = [];

  constructor(private readonly s: RecognitionSink) {}

  /** How the last header names columns of the other version's block instead of this one's (Chinese), or null. */
  private foreignHeader(blockId: string, own: readonly string[]): string | null {
    const ids = [...(this.t2Header?.keys() ?? [])];
    if (ids.length === 0 || ids.some((id) => own.includes(id))) return null;
    const other = this.s.version === '2021' ? '2019' : '2021';
    const theirs = FORMATS[other].T2.blocks.find((b) => b.block === blockId)?.columns ?? [];
    const named = theirs.filter((c) => ids.includes(c.id));
    if (named.length !== ids.length) return null;
    return `（${named.map((c) => quote(c.label)).join('、')}）是${other}版的列名`;
  }

  /** The cells of the row a label cell of an unreadable row names, for its readings. */
  private cellsOfRow(row: Row): { ids: CellId[]; name: string } | undefined {
    for (const c of row.texts) {
      const r = c.match?.entries.find((e) => e.table === 'T2' && e.role === 'row');
      const block = r && FORMATS[this.s.version].T2.blocks.find((b) => b.rows.some((x) => x.id === r.id));
      if (r && block) return { ids: block.columns.map((col) => `T2.${r.id}.${col.id}` as CellId), name: `${quote(r.label)}一行` };
    }
    return undefined;
  }

  t2Row(row: Row): void {
    if (this.s.unreadable('T2', row, row.undetermined && this.cellsOfRow(row))) return;
    let labelCell: Cell | undefined;
    let labelEntry: LabelEntry | undefined;
    const header = new Map<string, number>();
    let isHeader = false;
    for (const c of row.texts) {
      const entries = c.match?.entries ?? [];
      if (entries.some((e) => e.table === 'T2' && (e.role === 'blockTitle' || e.role === 'header'))) isHeader = true;
      const cols = entries.filter((e) => e.table === 'T2' && e.role === 'column');
      const colIds = new Set(cols.map((e) => e.id));
      if (colIds.size === 1) header.set([...colIds][0], c.col);
      if (colIds.size === 1 && c.match?.how === 'fuzzy') this.s.readHeaderApproximately(row, c.raw.trim(), cols[0].label);
      const r = entries.find((e) => e.table === 'T2' && e.role === 'row');
      if (r && !labelCell) {
        labelCell = c;
        labelEntry = r;
      }
    }
    // In a header row, a cell that is no label may be a column label the text layer damaged.
    const ambiguous: T2Reader['t2Ambiguous'] = [];
    if (row.numbers === 0 && !labelCell && (isHeader || header.size > 0)) {
      for (const c of row.texts) {
        if (c.match) continue;
        const fit = headerFit(c, (e) => e.table === 'T2' && e.role === 'column');
        if (fit?.kind === 'near') {
          header.set(fit.entry.id, c.col);
          this.s.readHeaderApproximately(row, fit.text, fit.entry.label);
        } else if (fit?.kind === 'two') ambiguous.push({ row, col: c.col, labels: fit.labels, text: fit.text, told: false });
      }
    }
    if (header.size > 0 || ambiguous.length > 0) {
      this.t2Header = header;
      this.t2Ambiguous = ambiguous;
      isHeader = true;
    }
    if (!labelCell || !labelEntry) {
      if (isHeader) this.s.touch('T2', row.index);
      else if (row.numbers > 0)
        this.s.unplace(
          row,
          this.s.twoLabelsFit(
            row.texts.map((c) => c.raw),
            'T2',
          ) ?? '主动公开表中这一行有数值，但没有能识别的行名，未读入',
        );
      return;
    }
    const label = labelEntry.label;
    if (labelCell.match?.how === 'fuzzy') this.s.readApproximately(row, labelCell.raw.trim(), label);
    const block = FORMATS[this.s.version].T2.blocks.find((b) => b.rows.some((r) => r.id === labelEntry?.id));
    if (!block) {
      const other = labelEntry.versions.find((v) => v !== this.s.version) ?? labelEntry.versions[0];
      this.s.touch('T2', row.index);
      this.s.unplace(row, `${quote(label)}是${other}版的行，${this.s.version}版的主动公开表没有这一行，未读入`);
      return;
    }
    // A header from the other version (本年制发件数 … over a 2019 block): its columns mean other things.
    const foreign = this.foreignHeader(
      block.block,
      block.columns.map((c) => c.id as string),
    );
    if (foreign) {
      this.s.touch('T2', row.index);
      this.s.unplace(row, `${quote(label)}一行上方的表头${foreign}，与${this.s.version}版这一块的列不同，无法确定各数值的含义，未读入`);
      return;
    }
    const labelCol = labelCell.col;
    const n = block.columns.length;
    const region = row.cells.filter((c) => c.col > labelCol);
    const nonBlank = region.filter((c) => !c.blank);
    const positions = block.columns.map((c) => this.t2Header?.get(c.id));
    const known = positions.every((p): p is number => p !== undefined && p > labelCol);
    // A grid whose cells sit under the header: every header column exists in the row (blank or not).
    const structured = known && nonBlank.every((c) => positions.includes(c.col)) && row.cells.length > Math.max(...positions);
    const rowId = labelEntry.id;
    const item = (i: number, col: number): { id: CellId; col: number; kind: ColumnKind } => ({
      id: `T2.${rowId}.${block.columns[i].id}` as CellId,
      col,
      kind: block.columns[i].kind,
    });
    if (this.t2Ambiguous.length > 0) {
      this.placeBesideAmbiguous(row, labelCol, positions, nonBlank, item, label);
      return;
    }
    if (structured) {
      this.s.placeRow(
        'T2',
        row,
        (positions as number[]).map((p, i) => item(i, p)),
        label,
      );
      return;
    }
    if (nonBlank.length === 0) {
      this.s.touch('T2', row.index);
      this.s.unplace(row, `${quote(label)}一行没有数值，未读入`);
      return;
    }
    const from = nonBlank[0].col;
    const to = nonBlank[nonBlank.length - 1].col;
    const span = region.filter((c) => c.col >= from && c.col <= to);
    if (span.length < n) {
      this.s.touch('T2', row.index);
      this.s.unplace(row, `${quote(label)}一行只有${nonBlank.length}个数值，应有${n}个，无法确定各是哪一列，未读入`);
      return;
    }
    this.s.placeRow(
      'T2',
      row,
      span.slice(0, n).map((c, i) => item(i, c.col)),
      label,
    );
    for (const extra of span.slice(n)) {
      if (!extra.blank && extra.value !== 0) {
        this.s.unplace(
          row,
          `${quote(label)}一行多出的数值${quote(extra.raw.trim())}未读入（按行名后的${n}个数值读取）`,
          extra.col,
          extra.raw,
        );
      }
    }
  }

  /**
   * A row under a header one of whose cells two column labels fit: the columns the header names are
   * read, the one it does not tell is not (said once, at the header cell); a row whose values do not
   * stand under the header's cells is not read at all.
   */
  private placeBesideAmbiguous(
    row: Row,
    labelCol: number,
    positions: (number | undefined)[],
    nonBlank: Cell[],
    item: (i: number, col: number) => { id: CellId; col: number; kind: ColumnKind },
    label: string,
  ): void {
    const amb = this.t2Ambiguous;
    const under = nonBlank.every((c) => positions.includes(c.col) || amb.some((a) => a.col === c.col));
    const known = positions.flatMap((p, i) => (p !== undefined && p > labelCol ? [item(i, p)] : []));
    this.s.touch('T2', row.index);
    if (!under || known.length + amb.length < positions.length || row.cells.length <= Math.max(...known.map((k) => k.col), 0)) {
      this.s.unplace(row, twoHeadersReason(amb[0], `${quote(label)}一行的数值属于哪一列无法确定，未读入`));
      return;
    }
    this.s.placeRow('T2', row, known, label);
    for (const a of amb) {
      if (a.told) continue;
      a.told = true;
      this.s.unplace(a.row, twoHeadersReason(a), a.col, a.text);
    }
  }

  // -- T3 --------------------------------------------------------------------------------------

  /**
   * The T3 columns in the order the header gives them (the standard order when it agrees or names
   * none), or null when the header is out of order and does not place every column.
   */
}
