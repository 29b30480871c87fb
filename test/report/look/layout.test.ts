import { dataCellIds, FORMAT_VERSIONS, FORMATS, TABLE_IDS } from '../../../src/report/standard/formats';
import { a1, columnLetters, parseA1 } from '../../../src/report/standard/a1';
import { COLUMN_SPANS, layoutTextGrid, officialLayout, tableLayout, TITLE_ROWS } from '../../../src/report/look/layout';

type Table = 'T2' | 'T3' | 'T4';
const mergeAt = (v: '2019' | '2021', t: Table, row: number, col: number) =>
  tableLayout(v, t).merges.find((m) => m.row === row && m.col === col);
/** Sheet column where logical column `col` of a table starts. */
const start = (t: Table, col: number) => COLUMN_SPANS[t].slice(0, col).reduce((a, b) => a + b, 0);
/** Sheet columns that `n` logical columns from `col` span. */
const span = (t: Table, col: number, n: number) => start(t, col + n) - start(t, col);

describe('layout grids', () => {
  it.each(FORMAT_VERSIONS)('places every data cell of %s exactly once', (v) => {
    const placed = TABLE_IDS.flatMap((t) => tableLayout(v, t).data.map((d) => d.id));
    expect([...placed].sort()).toEqual([...dataCellIds(v)].sort());
  });

  it.each(FORMAT_VERSIONS)('has no overlapping merges and no label or value inside a merge (%s)', (v) => {
    for (const t of TABLE_IDS) {
      const l = tableLayout(v, t);
      const owner = new Map<string, number>();
      l.merges.forEach((m, i) => {
        for (let r = m.row; r < m.row + m.rowSpan; r++)
          for (let c = m.col; c < m.col + m.colSpan; c++) {
            expect(owner.has(`${r},${c}`)).toBe(false);
            owner.set(`${r},${c}`, i);
            expect(r).toBeLessThan(l.rowCount);
            expect(c).toBeLessThan(l.colCount);
          }
      });
      for (const cell of [...l.labels, ...l.data]) {
        const m = owner.get(`${cell.row},${cell.col}`);
        if (m !== undefined) expect([l.merges[m].row, l.merges[m].col]).toEqual([cell.row, cell.col]);
      }
    }
  });

  it('draws T3 with ten logical columns, the note over the three label columns and 申请人情况 over the seven others', () => {
    const l = tableLayout('2021', 'T3');
    expect(COLUMN_SPANS.T3).toHaveLength(10);
    const grid = layoutTextGrid(l);
    expect(grid[TITLE_ROWS][0]).toBe(FORMATS['2021'].T3.note);
    expect(mergeAt('2021', 'T3', TITLE_ROWS, 0)).toEqual({ row: TITLE_ROWS, col: 0, rowSpan: 3, colSpan: span('T3', 0, 3) });
    expect(mergeAt('2021', 'T3', TITLE_ROWS, start('T3', 3))).toEqual({
      row: TITLE_ROWS,
      col: start('T3', 3),
      rowSpan: 1,
      colSpan: span('T3', 3, 7),
    });
    expect(grid[TITLE_ROWS + 1][start('T3', 3)]).toBe('自然人');
    expect(grid[TITLE_ROWS + 1][start('T3', 4)]).toBe('法人或其他组织');
    expect(grid[TITLE_ROWS + 1][start('T3', 9)]).toBe('总计');
    expect([5, 6, 7, 8].map((c) => grid[TITLE_ROWS + 2][start('T3', c)])).toEqual(['科研机构', '社会公益组织', '法律服务机构', '其他']);
    expect(grid[TITLE_ROWS + 2][start('T3', 4)]).toBe('商业企业');
    expect(mergeAt('2021', 'T3', TITLE_ROWS + 1, start('T3', 3))).toEqual({
      row: TITLE_ROWS + 1,
      col: start('T3', 3),
      rowSpan: 2,
      colSpan: 1,
    });
  });

  it('merges 三、本年度办理结果 down to （七）总计 and each group label over its items', () => {
    for (const v of FORMAT_VERSIONS) {
      const rows = FORMATS[v].T3.rows.map((r) => r.id as string);
      const body = TITLE_ROWS + 3;
      const first = body + rows.indexOf('R1');
      const last = body + rows.indexOf('RT');
      const group = start('T3', 1);
      expect(mergeAt(v, 'T3', first, 0)?.rowSpan).toBe(last - first + 1);
      expect(mergeAt(v, 'T3', body + rows.indexOf('D1'), group)?.rowSpan).toBe(8);
      expect(mergeAt(v, 'T3', body + rows.indexOf('U1'), group)?.rowSpan).toBe(3);
      expect(mergeAt(v, 'T3', body + rows.indexOf('X1'), group)?.rowSpan).toBe(5);
      expect(mergeAt(v, 'T3', body + rows.indexOf('NEW'), 0)?.colSpan).toBe(span('T3', 0, 3));
      expect(mergeAt(v, 'T3', body + rows.indexOf('RT'), group)?.colSpan).toBe(span('T3', 1, 2));
    }
    expect(mergeAt('2021', 'T3', TITLE_ROWS + 3 + 20, start('T3', 1))?.rowSpan).toBe(3); // （六） over O1..O3
    expect(mergeAt('2019', 'T3', TITLE_ROWS + 3 + 20, start('T3', 1))?.colSpan).toBe(span('T3', 1, 2)); // single （六）其他处理 row
  });

  it('draws T4 with fifteen columns and four rows, 行政诉讼 over F1:O1', () => {
    const l = tableLayout('2021', 'T4');
    expect(l.colCount).toBe(15);
    expect(l.rowCount).toBe(TITLE_ROWS + 4);
    const grid = layoutTextGrid(l);
    expect(grid[TITLE_ROWS][0]).toBe('行政复议');
    expect(grid[TITLE_ROWS][5]).toBe('行政诉讼');
    expect(mergeAt('2021', 'T4', TITLE_ROWS, 5)?.colSpan).toBe(10);
    expect(grid[TITLE_ROWS + 1].slice(0, 5)).toEqual(['结果维持', '结果纠正', '其他结果', '尚未审结', '总计']);
    expect(grid[TITLE_ROWS + 1][5]).toBe('未经复议直接起诉');
    expect(grid[TITLE_ROWS + 1][10]).toBe('复议后起诉');
    expect(l.data.map((d) => d.id).slice(0, 6)).toEqual(['T4.RV.UPH', 'T4.RV.COR', 'T4.RV.OTH', 'T4.RV.PEN', 'T4.RV.TOT', 'T4.LD.UPH']);
  });

  it('draws T2 in four logical columns with merged block titles and merged single value cells', () => {
    const l = tableLayout('2021', 'T2');
    expect(COLUMN_SPANS.T2).toHaveLength(4);
    const grid = layoutTextGrid(l);
    expect(grid[TITLE_ROWS].filter(Boolean)).toEqual(['第二十条第（一）项']);
    expect(mergeAt('2021', 'T2', TITLE_ROWS, 0)?.colSpan).toBe(l.colCount);
    expect([0, 1, 2, 3].map((c) => grid[TITLE_ROWS + 1][start('T2', c)])).toEqual([
      '信息内容',
      '本年制发件数',
      '本年废止件数',
      '现行有效件数',
    ]);
    expect(grid[TITLE_ROWS + 1].filter(Boolean)).toHaveLength(4);
    const lic = l.data.find((d) => d.id === 'T2.LIC.DECISIONS')!;
    expect(lic.col).toBe(start('T2', 1));
    expect(mergeAt('2021', 'T2', lic.row, lic.col)?.colSpan).toBe(span('T2', 1, 3));
    const l19 = tableLayout('2019', 'T2');
    const amt = l19.data.find((d) => d.id === 'T2.PROC.PROCAMT')!;
    expect(amt.col).toBe(start('T2', 2));
    expect(mergeAt('2019', 'T2', amt.row, amt.col)?.colSpan).toBe(span('T2', 2, 2));
  });

  it('puts every label and data cell at the start of a logical column', () => {
    for (const v of FORMAT_VERSIONS)
      for (const t of TABLE_IDS) {
        const starts = new Set(COLUMN_SPANS[t].map((_, i) => start(t, i)));
        for (const c of [...tableLayout(v, t).labels, ...tableLayout(v, t).data])
          expect([t, c.col, starts.has(c.col)]).toEqual([t, c.col, true]);
      }
  });

  it('puts each section title above its table', () => {
    for (const v of FORMAT_VERSIONS) for (const t of TABLE_IDS) expect(layoutTextGrid(tableLayout(v, t))[0][0]).toBe(FORMATS[v][t].title);
  });

  it('matches the recorded grids', () => {
    for (const v of FORMAT_VERSIONS)
      for (const t of TABLE_IDS)
        expect(
          layoutTextGrid(officialLayout(v, t))
            .map((r) => r.join('\t'))
            .join('\n'),
        ).toMatchSnapshot(`${v} ${t}`);
  });

  it('draws the official grid with each column spread over its sheet columns', () => {
    for (const v of FORMAT_VERSIONS)
      for (const t of TABLE_IDS) {
        const official = officialLayout(v, t);
        const drawn = tableLayout(v, t);
        expect(official.colCount).toBe(COLUMN_SPANS[t].length);
        expect(drawn.rowCount).toBe(official.rowCount);
        expect(drawn.labels).toEqual(official.labels.map((l) => ({ ...l, col: start(t, l.col) })));
        expect(drawn.data).toEqual(official.data.map((d) => ({ ...d, col: start(t, d.col) })));
        // Every cell of the form, merged or not, spans the sheet columns of its form columns.
        const cells = [...official.labels, ...official.data].map(
          (c) => official.merges.find((m) => m.row === c.row && m.col === c.col) ?? { row: c.row, col: c.col, rowSpan: 1, colSpan: 1 },
        );
        const expected = cells
          .map((m) => ({ ...m, col: start(t, m.col), colSpan: span(t, m.col, m.colSpan) }))
          .filter((m) => m.rowSpan > 1 || m.colSpan > 1);
        const key = (m: { row: number; col: number }) => `${m.row},${m.col}`;
        expect(drawn.merges.map(key).sort()).toEqual(expected.map(key).sort());
        for (const m of drawn.merges) expect(m).toEqual(expected.find((x) => key(x) === key(m)));
      }
  });

  it('converts A1 addresses both ways', () => {
    expect(columnLetters(0)).toBe('A');
    expect(columnLetters(25)).toBe('Z');
    expect(columnLetters(26)).toBe('AA');
    expect(a1(3, 9, true, false)).toBe('J$4');
    expect(parseA1('$AB$12')).toEqual({ row: 11, col: 27 });
  });
});
