import { CellId, DEFAULT_VERSION, FORMATS, FormatVersion, TableId, dataCells } from '../standard/formats';
import { Report } from '../standard/report';
import { reshape } from './reshape';
import type { PlacedValue, Recognition, RecognisedTable, UndeterminedRow, Unplaced } from './types';
import { RecognitionSink } from './recogniseSink';
import { analyseRow, furtherReport, labelCellsOf, ownT3Label, quote, Row, rowMarks, tableOfRow } from './recogniseRows';
import { T2Reader } from './recogniseT2';
import { T3Reader } from './recogniseT3';
import { T4Reader } from './recogniseT4';

// Recognising the three tables in a grid that the add-in did not insert (docs/formats.md,
// "Recognising a table"): a worksheet's values, text pasted from Word or a web page, an xlsx sheet.
// This module decides the version and walks the rows; src/report/recognise/recogniseT2.ts, T3 and T4 read
// each table into one RecognitionSink (src/report/recognise/recogniseSink.ts).

export type { PlacedValue, Recognition, RecognisedTable, UndeterminedRow, Unplaced };

/** Split pasted text into rows (\r\n, \n, \r) and cells (tabs). A final empty line is dropped. */
export function parseTsv(text: string): string[][] {
  if (typeof text !== 'string' || text === '') return [];
  const lines = text.split(/\r\n|\n|\r/);
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.map((l) => l.split('\t'));
}

// ---------------------------------------------------------------------------------------------
// Cells and rows

class Recogniser {
  private readonly s = new RecognitionSink();
  private readonly t2 = new T2Reader(this.s);
  private readonly t3 = new T3Reader(this.s);
  private readonly t4 = new T4Reader(this.s);
  readonly evidence: Record<FormatVersion, string[]> = { '2021': [], '2019': [] };

  /** First row of a further report on the same sheet, which is not read. */
  private readonly further: Row | null;

  constructor(grid: unknown) {
    let shaped = reshape(grid);
    let all = shaped.rows.map((r, i) => analyseRow(i, r));
    if (shaped.versionDependent) {
      // A split depended on the version (a 表二 row's column count): decide it, then reshape again.
      this.s.rows = all;
      this.decideVersion();
      shaped = reshape(grid, this.s.version);
      all = shaped.rows.map((r, i) => analyseRow(i, r));
      this.evidence['2021'] = [];
      this.evidence['2019'] = [];
    }
    const cut = furtherReport(all);
    this.further = cut === null ? null : all[cut];
    this.s.rows = cut === null ? all : all.slice(0, cut);
  }

  run(): Recognition {
    if (this.further) {
      this.s.unplace(this.further, `工作表中还有另一份年报的表格（第${this.further.first + 1}行起），只识别了第一份`);
    }
    this.decideVersion();
    let state: TableId | null = null;
    for (const row of this.s.rows) {
      if (this.s.consumed.has(row.index)) {
        if (state) this.s.touch(state, row.index);
        continue;
      }
      const marks = rowMarks(row);
      if (row.unreadable && marks.tables.size === 0 && !state) {
        this.s.unplace(row, row.unreadable);
        continue;
      }
      if (marks.tables.size > 0) {
        const next = tableOfRow(marks.tables, state);
        if (next !== state) {
          if (state === 'T3') this.t3.leave();
          state = next;
        }
      } else if (marks.end) {
        if (state === 'T3') this.t3.leave();
        state = null;
      }
      if (state === 'T2') this.t2.t2Row(row);
      else if (state === 'T3') this.t3.t3Row(row);
      else if (state === 'T4') this.t4.t4Row(row);
    }
    if (state === 'T3') this.t3.leave();
    return this.result();
  }

  // -- version ---------------------------------------------------------------------------------

  private decideVersion(): void {
    const add = (v: FormatVersion, s: string): void => {
      if (!this.evidence[v].includes(s)) this.evidence[v].push(s);
    };
    for (const row of this.s.rows) {
      for (const c of row.texts) {
        const entries = c.match?.entries;
        if (!entries || entries.length === 0) continue;
        const vs = new Set<FormatVersion>();
        for (const e of entries) for (const v of e.versions) vs.add(v);
        if (vs.size !== 1) continue;
        const v = [...vs][0];
        const e = entries[0];
        const what =
          e.table === 'T3' && e.role === 'row' && e.id.startsWith('O')
            ? `出现“（六）其他处理”的分项${quote(e.label)}`
            : `出现${quote(e.label)}`;
        add(v, `${what}（${v}版）`);
      }
      if (row.numbers > 0) {
        const own = ownT3Label(labelCellsOf(row));
        // A single （六）其他处理 data row is the 2019 signature only when （七）总计 follows it
        // directly: a 2021 copy whose sub-labels were lost has rows of numbers in between.
        if (own && !FORMATS['2021'].T3.rows.some((r) => r.id === own.entry.id) && this.followedByTotal(row)) {
          add('2019', `${quote(own.entry.label)}是单独的一行数据（2019版）`);
        }
      }
    }
    const n21 = this.evidence['2021'].length;
    const n19 = this.evidence['2019'].length;
    this.s.version = n19 > n21 ? '2019' : n21 > n19 ? '2021' : DEFAULT_VERSION;
  }

  /** Whether the next row with numbers or labels, after a wrapped label's rest, is （七）总计. */

  private followedByTotal(row: Row): boolean {
    for (let i = row.index + 1; i < this.s.rows.length; i++) {
      const next = this.s.rows[i];
      if (next.blank) continue;
      if (next.numbers === 0 && next.texts.length === 1 && !next.texts[0].match) continue; // 息
      const own = ownT3Label(labelCellsOf(next));
      return own?.entry.id === 'RT';
    }
    return false;
  }

  private versionEvidence(): string[] {
    const v = this.s.version;
    const other: FormatVersion = v === '2021' ? '2019' : '2021';
    const out = [...this.evidence[v]];
    const n = this.evidence[v].length;
    const m = this.evidence[other].length;
    if (n === 0 && m === 0) out.push(`未发现区分两版的标志，按默认的${v}版识别`);
    else if (n === m) out.push(`两版的标志一样多，按默认的${v}版识别`);
    if (m > 0) out.push(`也出现了${other}版的标志（${this.evidence[other].join('；')}），按多数判断为${v}版`);
    return out;
  }

  // -- bookkeeping -----------------------------------------------------------------------------

  private result(): Recognition {
    const tables: RecognisedTable[] = [];
    const v = this.s.version;
    for (const [table, s] of this.s.span) {
      const cells = this.s.cellsOf.get(table) ?? [];
      const missing = dataCells(v)
        .filter((d) => d.table === table && !this.s.placed.has(d.id))
        .map((d) => d.id);
      let firstRow = Infinity;
      let lastRow = -Infinity;
      for (let i = s.first; i <= s.last; i++) {
        const r = this.s.rows[i];
        if (!r) continue;
        firstRow = Math.min(firstRow, r.first);
        lastRow = Math.max(lastRow, r.last);
      }
      tables.push({ table, version: v, firstRow, lastRow, cells, missing });
    }
    tables.sort((a, b) => a.firstRow - b.firstRow);
    const found = tables.length > 0;
    const report: Report = { format: found ? v : DEFAULT_VERSION, cells: {} };
    const positions: Recognition['positions'] = {};
    const fromText = new Set<CellId>();
    for (const t of tables) {
      for (const pv of t.cells) {
        report.cells[pv.id] = pv.value;
        positions[pv.id] = { row: pv.row, col: pv.col };
        if (pv.fromText) fromText.add(pv.id);
      }
    }
    this.s.unplaced.sort((a, b) => a.row - b.row || (a.col ?? -1) - (b.col ?? -1));
    return {
      version: found ? v : null,
      versionEvidence: found ? this.versionEvidence() : [],
      tables,
      report,
      positions,
      fromText,
      unplaced: this.s.unplaced,
      undetermined: this.s.undetermined,
      approximate: this.s.approximate,
    };
  }
}

/**
 * Find tables 二, 三 and 四 in a grid (rows of cell texts), decide the version, and read every value
 * with its grid position. Never throws: what cannot be placed is listed in `unplaced`.
 */
export function recognise(grid: string[][]): Recognition {
  try {
    return new Recogniser(grid).run();
  } catch (e) {
    return {
      version: null,
      versionEvidence: [],
      tables: [],
      report: { format: DEFAULT_VERSION, cells: {} },
      positions: {},
      fromText: new Set(),
      unplaced: [{ row: 0, text: '', reason: `内部错误，未能识别表格：${e instanceof Error ? e.message : String(e)}` }],
      undetermined: [],
      approximate: [],
    };
  }
}
