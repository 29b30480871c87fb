import { readFileSync } from 'fs';
import { join } from 'path';
import { FORMATS, FormatVersion } from '../../../src/report/standard/formats';
import { layoutTextGrid, officialLayout } from '../../../src/report/look/layout';
import { parseTsv, recognise } from '../../../src/report/recognise/recognise';
import { layoutGrid as build } from '../../helpers/layoutGrids';
import { labelDictionary } from '../../../src/report/recognise/labelMatch';

// Regressions found in review: each test states the behaviour it keeps.

const t3Ids = (v: FormatVersion, row: string): string[] => FORMATS[v].T3.columns.map((c) => `T3.${row}.${c.id}`);

describe('P1: T3 rows with blank cells are read at the table’s value columns', () => {
  test('a 2021 T3 copied from Excel without its 3 header rows: a row whose 总计 is blank is not shifted one column right', () => {
    const { grid, values } = build('2021', ['T3'], false);
    grid.splice(0, 4); // the section title and the three header rows
    const row = (id: string): string[] =>
      grid.find((r) => r.includes(FORMATS['2021'].T3.rows.find((x) => x.id === id)?.label ?? '?')) ?? [];
    row('NEW')[9] = '';
    values['T3.NEW.TOT'] = null;
    row('COUT')[8] = '';
    row('COUT')[9] = '';
    values['T3.COUT.OTH'] = null;
    values['T3.COUT.TOT'] = null;
    const r = recognise(grid);
    expect(r.version).toBe('2021');
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
    expect(r.positions['T3.NEW.NP']).toEqual({ row: grid.indexOf(row('NEW')), col: 3 });
    expect(r.positions['T3.COUT.NP']?.col).toBe(3);
    expect(r.tables[0].missing).toEqual([]);
  });

  test('a 2021 T3 whose 总计 column is missing entirely: no row is shifted, the 总计 cells are listed as missing', () => {
    const { grid, values } = build('2021', ['T3'], false);
    const cut = grid.map((r) => r.slice(0, 9));
    expect(cut.flat()).not.toContain('总计');
    const r = recognise(cut);
    expect(r.version).toBe('2021');
    expect(r.unplaced).toEqual([]);
    const expected = Object.fromEntries(Object.entries(values).filter(([id]) => !id.endsWith('.TOT')));
    expect(r.report.cells).toEqual(expected);
    expect(r.tables[0].missing).toEqual(FORMATS['2021'].T3.rows.map((x) => `T3.${x.id}.TOT`));
    // the six rows whose labels are merged over A:C or B:C are among them
    for (const id of ['NEW', 'CIN', 'R1', 'R2', 'RT', 'COUT']) expect(r.report.cells[`T3.${id}.NP` as never]).toBe(values[`T3.${id}.NP`]);
  });

  test('a 2021 T3 without header and without 总计 column: the rows are not guessed', () => {
    const { grid } = build('2021', ['T3'], false);
    const cut = grid.slice(4).map((r) => r.slice(0, 9));
    const r = recognise(cut);
    expect(Object.keys(r.report.cells)).toEqual([]);
    expect(r.unplaced.length).toBeGreaterThan(0);
    for (const u of r.unplaced) expect(u.reason).toMatch(/无法确定/);
  });

  test('a web copy with a merged label’s extra 0 before the values and a blank 总计: read at the header’s columns, the 0 is not 自然人', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8');
    const grid = parseTsv(text);
    const i = grid.findIndex((r) => r[0] === '(七) 总计');
    expect(grid[i]).toEqual(['(七) 总计', '0', '0', '0', '0', '0', '0', '0', '0']);
    grid[i] = ['(七) 总计', '0', '1', '2', '3', '4', '5', '6', ''];
    const r = recognise(grid);
    expect(r.version).toBe('2019');
    expect(r.unplaced).toEqual([]);
    expect(t3Ids('2019', 'RT').map((id) => r.report.cells[id as never])).toEqual([1, 2, 3, 4, 5, 6, null]);
    expect(r.positions['T3.RT.NP']).toEqual({ row: i, col: 2 });
    expect(r.positions['T3.RT.TOT']).toEqual({ row: i, col: 8 });
  });

  test('a flattened copy (no usable header) with an extra 0 then six values and a kept blank: reported, not guessed', () => {
    const { grid } = build('2021');
    const flat = grid.map((r) => r.filter((c) => c !== ''));
    const rt = FORMATS['2021'].T3.rows.find((x) => x.id === 'RT')?.label ?? '';
    const i = flat.findIndex((r) => r.includes(rt));
    const at = flat[i].indexOf(rt);
    flat[i] = [...flat[i].slice(0, at + 1), '0', ...flat[i].slice(at + 1, at + 7), ''];
    const r = recognise(flat);
    for (const id of t3Ids('2021', 'RT')) expect(r.report.cells[id as never]).toBeUndefined();
    expect(r.unplaced).toEqual([expect.objectContaining({ row: i })]);
    expect(r.unplaced[0].reason).toContain('无法确定各数值属于哪一列');
  });
});

describe('P4: a T4 data row split over two lines', () => {
  const t4 = (): { grid: string[][]; data: number } => {
    const g = layoutTextGrid(officialLayout('2021', 'T4'));
    return { grid: g, data: g.length - 1 };
  };
  const vals = Array.from({ length: 15 }, (_, k) => String(k + 1));
  const ids = FORMATS['2021'].T4.groups.flatMap((g) => FORMATS['2021'].T4.fields.map((f) => `T4.${g.id}.${f.id}`));

  test('行政复议 (A–E) on one line and 行政诉讼 (F–O) in their own columns on the next: both lines are read, none dropped', () => {
    const { grid, data } = t4();
    grid[data] = [...vals.slice(0, 5), ...Array(10).fill('')];
    grid.push([...Array(5).fill(''), ...vals.slice(5)]);
    const r = recognise(grid);
    expect(r.unplaced).toEqual([]);
    expect(ids.map((id) => r.report.cells[id as never])).toEqual(vals.map(Number));
    expect(r.positions['T4.RV.UPH']).toEqual({ row: data, col: 0 });
    expect(r.positions['T4.LD.UPH']).toEqual({ row: data + 1, col: 5 });
    expect(r.positions['T4.LR.TOT']).toEqual({ row: data + 1, col: 14 });
    expect(r.tables[0].missing).toEqual([]);
    expect(r.tables[0].lastRow).toBe(data + 1);
  });

  test('the second line shorter, the 行政诉讼 values in its first ten columns: read into the groups the first line lacks', () => {
    const { grid, data } = t4();
    grid[data] = vals.slice(0, 5);
    grid.push([], vals.slice(5));
    const r = recognise(grid);
    expect(r.unplaced).toEqual([]);
    expect(ids.map((id) => r.report.cells[id as never])).toEqual(vals.map(Number));
    expect(r.positions['T4.LD.UPH']).toEqual({ row: data + 2, col: 0 });
    expect(r.positions['T4.LR.TOT']).toEqual({ row: data + 2, col: 9 });
  });

  test('a complete data row followed by another numeric line: the second line is still reported, not merged', () => {
    const { grid, data } = t4();
    grid[data] = vals;
    grid.push(vals.slice(5));
    const r = recognise(grid);
    expect(ids.map((id) => r.report.cells[id as never])).toEqual(vals.map(Number));
    expect(r.unplaced).toEqual([expect.objectContaining({ row: data + 1, reason: '复议诉讼表只有一行数据，这一行未读入' })]);
  });

  test('a blank 行政诉讼 group not followed by its values stays blank', () => {
    const { grid, data } = t4();
    grid[data] = [...vals.slice(0, 10), ...Array(5).fill('')];
    const r = recognise(grid);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells['T4.LR.UPH']).toBeNull();
    expect(r.report.cells['T4.LD.TOT']).toBe(10);
  });
});

describe('P6: the 2019 signature “a single （六）其他处理 data row”', () => {
  test('a 2021 T3 pasted alone whose （六） sub-labels were lost is not counted as 2019; the ambiguous rows are reported', () => {
    const { grid, values } = build('2021', ['T3']);
    const flat = grid.map((r) => r.filter((c) => c !== ''));
    const o = FORMATS['2021'].T3.rows.filter((x) => x.id.startsWith('O'));
    const i = flat.findIndex((r) => r.includes(o[0].label));
    // “（六）其他处理” then the numbers; the next two rows lose their labels “2.” and “3.”
    flat[i] = flat[i].filter((c) => c !== o[0].label);
    flat[i + 1] = flat[i + 1].filter((c) => c !== o[1].label);
    flat[i + 2] = flat[i + 2].filter((c) => c !== o[2].label);
    expect(flat[i][0]).toBe(o[0].group);
    expect(flat[i + 1]).toHaveLength(7);
    const r = recognise(flat);
    expect(r.version).toBe('2021');
    expect(r.versionEvidence.join('')).not.toContain('单独的一行数据');
    expect(r.unplaced.map((u) => u.row)).toEqual([i, i + 1, i + 2]);
    expect(r.unplaced[0].reason).toContain('无法确定数值属于哪一项');
    const t3 = r.tables.find((t) => t.table === 'T3');
    expect(t3?.missing).toEqual(['O1', 'O2', 'O3'].flatMap((id) => t3Ids('2021', id)));
    for (const [id, v] of Object.entries(r.report.cells)) expect(v).toBe(values[id]);
    expect(r.report.cells['T3.RT.TOT' as never]).toBe(values['T3.RT.TOT']);
  });

  test('a 2019 T3 pasted alone: （六）其他处理 directly followed by （七）总计 still decides 2019', () => {
    const { grid, values } = build('2019', ['T3']);
    const r = recognise(grid.map((row) => row.filter((c) => c !== '')));
    expect(r.version).toBe('2019');
    expect(r.versionEvidence).toContain('“（六）其他处理”是单独的一行数据（2019版）');
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
  });
});

describe('P5: two reports on one sheet', () => {
  const sample = parseTsv(readFileSync(join(__dirname, '..', '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8'));

  test('2019 tables followed by 2021 tables: only the first report is read, its version from its own rows; the second is reported', () => {
    const only = recognise(sample);
    const second = build('2021');
    const grid = [...sample, [], ...second.grid];
    const r = recognise(grid);
    expect(r.version).toBe('2019');
    expect(r.versionEvidence.join('')).not.toContain('2021');
    expect(r.report).toEqual(only.report);
    expect(r.positions).toEqual(only.positions);
    expect(r.tables.map((t) => [t.table, t.firstRow, t.lastRow])).toEqual(only.tables.map((t) => [t.table, t.firstRow, t.lastRow]));
    const at = sample.length + 1;
    expect(r.unplaced).toEqual([
      { row: at, text: FORMATS['2021'].T2.title, reason: `工作表中还有另一份年报的表格（第${at + 1}行起），只识别了第一份` },
    ]);
  });

  test('without section titles: a second header of a table already read starts the further report', () => {
    const first = build('2021');
    const second = build('2019');
    const noTitles = (g: string[][]): string[][] => g.filter((r) => !(FORMATS['2021'].sections as readonly string[]).includes(r[0] ?? ''));
    const a = noTitles(first.grid);
    const grid = [...a, ...noTitles(second.grid)];
    const r = recognise(grid);
    expect(r.version).toBe('2021');
    expect(r.report).toEqual({ format: '2021', cells: first.values });
    expect(r.unplaced).toHaveLength(1);
    expect(r.unplaced[0].row).toBe(a.length);
    expect(r.unplaced[0].reason).toContain('只识别了第一份');
    for (const t of r.tables) expect(t.missing).toEqual([]);
  });
});

describe('表三’s title and header printed again at the top of a page inside it (顶端标题行)', () => {
  it.each(['2021', '2019'] as const)('is one %s report read whole, not the start of another', (version) => {
    const { grid, values } = build(version);
    const title = FORMATS[version].T3.title;
    const start = grid.findIndex((r) => r[0] === title);
    // Layout row 14 of 表三 begins the next page, under the table's title and three header rows again.
    const printed = [...grid.slice(0, start + 14), ...grid.slice(start, start + 4), ...grid.slice(start + 14)];
    const r = recognise(printed);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
  });

  it('still calls a second 表三 right after the first, starting again from its first row, another report', () => {
    const { grid, values } = build('2021', ['T3']);
    const r = recognise([...grid, ...grid]);
    expect(r.report.cells).toEqual(values);
    expect(r.unplaced).toEqual([
      {
        row: grid.length,
        text: FORMATS['2021'].T3.title,
        reason: `工作表中还有另一份年报的表格（第${grid.length + 1}行起），只识别了第一份`,
      },
    ]);
  });
});

describe('a flattened 表三 header with 总计 and 自然人 swapped (one header line holds both)', () => {
  it('is read by the header order: each value in its own column, as in the tab-separated copy', () => {
    const layout = officialLayout('2021', 'T3');
    const grid = layoutTextGrid(layout).map((r) => [...r]);
    const np = layout.labels.find((l) => l.text === '自然人')!;
    const tot = layout.labels.find((l) => l.text === '总计')!;
    let k = 0;
    const typed: Record<string, number> = {};
    for (const d of layout.data) {
      typed[d.id] = k % 9;
      grid[d.row][d.col] = String(k++ % 9);
    }
    for (let r = np.row; r < grid.length; r++) [grid[r][np.col], grid[r][tot.col]] = [grid[r][tot.col], grid[r][np.col]];
    // 一、本年新收: 0 1 2 3 4 5 6 typed in the standard order, so 6 is 总计, now first on the line.
    expect(grid.find((r) => r[0] === '一、本年新收政府信息公开申请数量')!.filter((c) => c !== '')).toEqual([
      '一、本年新收政府信息公开申请数量',
      '6',
      '1',
      '2',
      '3',
      '4',
      '5',
      '0',
    ]);
    const tabs = recognise(grid);
    const spaces = recognise(grid.map((r) => [r.filter((c) => c.trim() !== '').join(' ')]));
    expect(tabs.unplaced).toEqual([]);
    expect(spaces.unplaced).toEqual([]);
    expect([spaces.report.cells['T3.NEW.NP'], spaces.report.cells['T3.NEW.TOT']]).toEqual([0, 6]);
    expect(spaces.report.cells).toEqual(typed);
    expect(tabs.report.cells).toEqual(typed);
  });
});

describe('a 表二 header of the other version', () => {
  it('leaves the rows under it unread and says why, instead of reading 废止 as 新公开', () => {
    const sample = readFileSync(join(__dirname, '..', '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8');
    const swapped = sample.replace('本年新制作数量\t本年新公开数量\t对外公开总数量', '本年制发件数\t本年废止件数\t现行有效件数');
    expect(swapped).not.toBe(sample);
    const r = recognise(parseTsv(swapped));
    expect(r.version).toBe('2019');
    expect(r.positions['T2.REG.PUBLISHED' as keyof typeof r.positions]).toBeUndefined();
    expect(r.unplaced.map((u) => u.reason).join('\n')).toContain(
      '（“本年制发件数”、“本年废止件数”、“现行有效件数”）是2021版的列名，与2019版这一块的列不同',
    );
    // The rest of the report is still read.
    expect(r.positions['T3.NEW.NP' as keyof typeof r.positions]).toBeDefined();
  });
});

describe('表三’s header as text lines', () => {
  test.each(['2021', '2019'] as const)(
    '%s: the applicant columns on one line under 法人或其他组织 on a line of its own are read in their own order, not rotated',
    (v) => {
      const f = FORMATS[v].T3;
      const values = (k: number) => f.columns.map((_, i) => String(((k + 1) * (i + 2)) % 9));
      const grid: string[][] = [
        [f.title],
        ['（本列数据的勾稽关系为：第一项加第二项之和，'],
        [f.legalGroup.label],
        ['等于第三项加第四项之和）', ...f.columns.map((c) => c.label)],
        ...f.rows.map((r, k) => [r.label, ...values(k)]),
      ];
      const r = recognise(grid);
      expect(r.unplaced).toEqual([]);
      f.rows.forEach((row, k) => expect(f.columns.map((c) => String(r.report.cells[`T3.${row.id}.${c.id}` as never]))).toEqual(values(k)));
    },
  );

  test.each(['2021', '2019'] as const)(
    '%s: 自然人, 法人或其他组织 and 总计 on one line and the organisations on the next (a page cut the rest) are read in the standard order',
    (v) => {
      const f = FORMATS[v].T3;
      const label = (id: string) => f.columns.find((c) => c.id === id)!.label;
      const values = (k: number) => f.columns.map((_, i) => String(((k + 2) * (i + 3)) % 13));
      const grid: string[][] = [
        [f.title],
        ['和，等于第三项加第四', '项之和）', label('NP'), f.legalGroup.label, label('TOT')],
        [label('BIZ'), '科研', '社会', label('LAW'), '其'],
        ...f.rows.map((r, k) => [r.label, ...values(k)]),
      ];
      const r = recognise(grid);
      expect(r.unplaced).toEqual([]);
      f.rows.forEach((row, k) => expect(f.columns.map((c) => String(r.report.cells[`T3.${row.id}.${c.id}` as never]))).toEqual(values(k)));
    },
  );
});

describe('a group label wrapped down its merged column, printed on the lines of its middle rows (a browser prints the page to PDF)', () => {
  // Chromium prints （三）不予公开 centred in its merged cell as 「（三）不予公」 on 4.保护第三方合法权益's line
  // and 「开」 on the next, close enough to the row labels to be read as one cell with them.
  test.each(['2021', '2019'] as const)('%s: every row of every group is read, none is left unplaced', (v) => {
    const { grid, values } = build(v, ['T3'], false);
    const groups = grid.map((r, i) => ({ i, label: r[1] })).filter((g) => g.label && grid[g.i][2]);
    for (const { i, label } of groups) {
      let end = i + 1;
      while (end < grid.length && grid[end][1] === '' && grid[end][2] !== '') end++;
      const middle = i + Math.floor((end - i - 1) / 2);
      const cut = label.length - 1;
      grid[i][1] = '';
      grid[middle][2] = `${label.slice(0, cut)} ${grid[middle][2]}`;
      if (middle + 1 < end) grid[middle + 1][2] = `${label.slice(cut)} ${grid[middle + 1][2]}`;
    }
    expect(grid.some((r) => r[2].startsWith('（三）不予公 '))).toBe(true);
    const r = recognise(grid);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
  });
});

test('2021: the rest of a group label printed on a wrapped row label’s second line is taken out of it again (「（六）其他处」 then 「…行」 / 「理 政机关…」)', () => {
  const { grid, values } = build('2021', ['T3'], false);
  const first = grid.findIndex((r) => r[1] === '（六）其他处理');
  grid[first][1] = '';
  const label = grid[first][2];
  const wrap = label.indexOf('行政机关') + 1;
  grid[first][2] = `（六）其他处 ${label.slice(0, wrap)}理${label.slice(wrap)}`;
  expect(grid[first][2]).toContain('不补正、行理政机关');
  const r = recognise(grid);
  expect(r.unplaced).toEqual([]);
  expect(r.report.cells).toEqual(values);
});

test('a 表三 row whose label cell holds thousands of words is not tried as a group label’s piece before a row label word by word (each try looked the rest up again)', () => {
  const { grid } = build('2021', ['T3'], false);
  const row = grid.find((r) => r[2] === '4.保护第三方合法权益')!;
  row[2] = `${Array.from({ length: 5000 }, (_, i) => `词${i % 10}`).join(' ')} 4.保护第三方合法权益`;
  const lookup = jest.spyOn(labelDictionary(), 'lookup');
  try {
    const r = recognise(grid);
    expect(r.unplaced.map((u) => u.reason)).toEqual([expect.stringContaining('未能识别的行名')]);
    expect(lookup.mock.calls.length).toBeLessThan(2000);
  } finally {
    lookup.mockRestore();
  }
});
