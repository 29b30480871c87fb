import { FORMATS } from '../../../src/report/standard/formats';
import { recognise } from '../../../src/report/recognise/recognise';
import { MAX_READINGS } from '../../../src/report/recognise/digitReadings';
import { layoutGrid } from '../../helpers/layoutGrids';

// Tables in the shapes that copies from PDF, Word and web pages give (src/report/recognise/reshape.ts), and
// the section-title repeats of such copies.

describe('a section title given twice (a heading, then the table caption)', () => {
  test.each(['2021', '2019'] as const)('%s: the repeated 三、 title before 表三 does not start another report', (v) => {
    const { grid, values } = layoutGrid(v);
    const title = FORMATS[v].T3.title;
    const at = grid.findIndex((r) => r[0] === title);
    grid.splice(at, 0, [title], []);
    const r = recognise(grid);
    expect(r.unplaced).toEqual([]);
    expect(r.tables.map((t) => t.table)).toEqual(['T2', 'T3', 'T4']);
    for (const t of r.tables) expect(t.missing).toEqual([]);
    expect(r.report.cells).toEqual(values);
  });

  test('every title repeated: still one report, all three tables', () => {
    const { grid, values } = layoutGrid('2021');
    const titles = new Set<string>([FORMATS['2021'].T2.title, FORMATS['2021'].T3.title, FORMATS['2021'].T4.title]);
    const doubled = grid.flatMap((r) => (titles.has(r[0]) ? [[r[0]], r] : [r]));
    const r = recognise(doubled);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
  });

  test('the title of a table already read with its data rows still starts another report', () => {
    const { grid, values } = layoutGrid('2021', ['T3']);
    const r = recognise([...grid, [FORMATS['2021'].T3.title], ...layoutGrid('2019', ['T3']).grid.slice(1)]);
    expect(r.report.cells).toEqual(values);
    expect(r.unplaced).toEqual([expect.objectContaining({ row: grid.length })]);
    expect(r.unplaced[0].reason).toContain('只识别了第一份');
  });
});

describe('a copy of the tables the add-in draws', () => {
  test.each(['2021', '2019'] as const)(
    '%s: the fifteen-column grid, merged cells blank, is read cell for cell where the layout puts each',
    (v) => {
      const { grid, values, positions } = layoutGrid(v, undefined, true, true);
      expect(Math.max(...grid.map((r) => r.length))).toBe(15);
      const r = recognise(grid);
      expect(r.unplaced).toEqual([]);
      for (const t of r.tables) expect(t.missing).toEqual([]);
      expect(r.report.cells).toEqual(values);
      expect(r.positions).toEqual(positions);
    },
  );
});

// ---------------------------------------------------------------------------------------------
// Text shapes written from the official layouts

type Shape = (rows: string[][]) => string[][];
const filled = (r: string[]): string[] => r.filter((c) => c.trim() !== '');
const isValue = (c: string): boolean => /^\d+(\.\d+)?$/.test(c);

/** Each row's filled cells on one line, separated by spaces (a PDF or Word copy). */
const spaced: Shape = (rows) => rows.map((r) => [filled(r).join(' ')]);
/** Each row's labels on one line, then each value on a line of its own. */
const onePerLine: Shape = (rows) =>
  rows.flatMap((r) => {
    const labels = filled(r).filter((c) => !isValue(c));
    const values = filled(r).filter(isValue);
    return [...(labels.length ? [[labels.join(' ')]] : values.length ? [] : [[]]), ...values.map((v) => [v])];
  });
/** Each row's filled cells run together without separators (a web page copy). */
const runTogether: Shape = (rows) => rows.map((r) => [filled(r).join('')]);
/** The whole report on one line. */
const oneLine: Shape = (rows) => [[rows.map((r) => filled(r).join('')).join('')]];

/** A report of one version with single-digit values, as a grid of the official layouts. */
function digits(v: '2021' | '2019', seed = 7): { grid: string[][]; values: Record<string, number> } {
  const { grid, values, positions } = layoutGrid(v);
  let k = seed;
  for (const id of Object.keys(values)) {
    const d = (k = (k * 31 + 11) % 97) % 10;
    grid[positions[id].row][positions[id].col] = String(d);
    values[id] = d;
  }
  return { grid, values: values as Record<string, number> };
}

describe('text shapes of a whole report', () => {
  const shapes: [string, Shape][] = [
    ['spaces', spaced],
    ['one value per line', onePerLine],
    ['run together, a row per line', runTogether],
    ['run together, all on one line', oneLine],
  ];
  for (const v of ['2021', '2019'] as const) {
    test.each(shapes)(`${v}: %s`, (_, shape) => {
      const { grid, values } = digits(v);
      const text = shape(grid);
      const r = recognise(text);
      expect(r.unplaced).toEqual([]);
      expect(r.version).toBe(v);
      expect(r.tables.map((t) => t.table)).toEqual(['T2', 'T3', 'T4']);
      for (const t of r.tables) expect(t.missing).toEqual([]);
      expect(r.report.cells).toEqual(values);
    });
  }
});

describe('positions and fromText of values read from text', () => {
  const NEW = FORMATS['2021'].T3.rows[0].label;
  const t3Cols = FORMATS['2021'].T3.columns.map((c) => c.id);

  test('a one-column paste in Excel: the values of a line point at its cell and are marked fromText', () => {
    const { grid, values } = digits('2021');
    const col = spaced(grid);
    const at = col.findIndex((r) => r[0].startsWith(NEW));
    expect(col[at][0]).toMatch(/^一、本年新收政府信息公开申请数量( \d){7}$/);
    const r = recognise(col);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
    for (const c of t3Cols) {
      const id = `T3.NEW.${c}` as const;
      expect(r.positions[id]).toEqual({ row: at, col: 0 });
      expect(r.fromText.has(id)).toBe(true);
    }
    const pv = r.tables.find((t) => t.table === 'T3')?.cells.find((c) => c.id === 'T3.NEW.NP');
    expect(pv).toEqual(expect.objectContaining({ row: at, col: 0, fromText: true, raw: String(values['T3.NEW.NP']) }));
    expect(r.fromText.size).toBe(Object.keys(values).length);
    // the tables span the original lines
    const t3 = r.tables.find((t) => t.table === 'T3');
    expect(col[t3?.firstRow ?? -1][0]).toContain('本列数据的勾稽关系');
  });

  test('one value per line: each value points at its own line, and is not fromText', () => {
    const { grid, values } = digits('2021');
    const lines = onePerLine(grid);
    const at = lines.findIndex((r) => r[0] === NEW);
    const r = recognise(lines);
    expect(r.report.cells).toEqual(values);
    t3Cols.forEach((c, k) => expect(r.positions[`T3.NEW.${c}` as const]).toEqual({ row: at + 1 + k, col: 0 }));
    expect(r.fromText.size).toBe(0);
  });

  test('a whole table on one line: every value points at that one cell', () => {
    const { grid, values } = digits('2019');
    const r = recognise([['标题'], ...oneLine(grid)]);
    expect(r.report.cells).toEqual(values);
    for (const id of Object.keys(values)) expect(r.positions[id as never]).toEqual({ row: 1, col: 0 });
    expect(r.tables.map((t) => [t.firstRow, t.lastRow])).toEqual([
      [1, 1],
      [1, 1],
      [1, 1],
    ]);
  });

  test('label in one cell, the values as text in the next: split, positions at the second cell', () => {
    const { grid, values } = layoutGrid('2021', ['T3']);
    const i = grid.findIndex((r) => r[0] === NEW);
    const nums = grid[i].slice(3);
    grid[i] = [NEW, '', '', nums.join(' ')];
    const r = recognise(grid);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
    expect(r.positions['T3.NEW.TOT']).toEqual({ row: i, col: 3 });
    expect(r.fromText.has('T3.NEW.TOT')).toBe(true);
    expect(r.fromText.has('T3.CIN.TOT')).toBe(false);
  });

  test('a text cell among number cells of a grid row is not split: it stays text', () => {
    const { grid, values, positions } = layoutGrid('2021');
    const p = positions['T3.R1.SCI'];
    grid[p.row][p.col] = '1 2';
    const r = recognise(grid);
    expect(r.report.cells).toEqual({ ...values, 'T3.R1.SCI': '1 2' });
    expect(r.unplaced).toEqual([]);
    expect(r.fromText.size).toBe(0);
  });
});

describe('numbers run together', () => {
  const NEW = FORMATS['2021'].T3.rows[0].label;

  test('a row whose digits are not one per column is reported with its original row and its readings; the table is still found', () => {
    const { grid, values } = digits('2021');
    const lines = runTogether(grid);
    const at = lines.findIndex((r) => r[0].startsWith(NEW));
    lines[at] = [`${NEW}1203456`.replace('1203456', '12034567')];
    const r = recognise(lines);
    // 12034567 as seven numbers: one of 1 2 3 4 5 6 7 takes two digits, and 0 cannot begin one
    const readings = ['1 20 3 4 5 6 7', '12 0 3 4 5 6 7', '1 2 034 5 6 7'].filter((x) => !/\b0\d/.test(x));
    expect(r.unplaced).toEqual([expect.objectContaining({ row: at })]);
    expect(r.unplaced[0].reason).toMatch(
      new RegExp(`^“${NEW}”一行的数字“12034567”连在一起，分成 7 个数有 6 种分法（.*），无法确定是哪一种，未读入$`),
    );
    for (const x of readings) expect(r.unplaced[0].reason).toContain(x);
    expect(r.undetermined).toEqual([
      expect.objectContaining({ row: at, digits: '12034567', count: 6, cells: FORMATS['2021'].T3.columns.map((c) => `T3.NEW.${c.id}`) }),
    ]);
    const t3 = r.tables.find((t) => t.table === 'T3');
    expect(t3?.missing).toEqual(FORMATS['2021'].T3.columns.map((c) => `T3.NEW.${c.id}`));
    for (const [id, v] of Object.entries(r.report.cells)) expect(v).toBe(values[id]);
  });

  test('a whole report of multi-digit values on one line: the rows reported, the tables still listed with their cells missing', () => {
    const { grid, values, positions } = layoutGrid('2021');
    for (const id of Object.keys(values)) {
      values[id] = 10 + (values[id] ?? 0);
      grid[positions[id].row][positions[id].col] = String(values[id]);
    }
    const r = recognise(oneLine(grid));
    expect(r.version).toBe('2021');
    expect(r.tables.map((t) => t.table)).toEqual(['T2', 'T3', 'T4']);
    // only the rows of one value column are read: their digits are one value
    const single = ['T2.LIC.DECISIONS', 'T2.PUN.DECISIONS', 'T2.ENF.DECISIONS', 'T2.FEE.FEEAMT'];
    expect(r.report.cells).toEqual(Object.fromEntries(single.map((id) => [id, values[id]])));
    expect(r.tables.find((t) => t.table === 'T3')?.missing).toHaveLength(FORMATS['2021'].T3.rows.length * 7);
    expect(r.tables.find((t) => t.table === 'T4')?.missing).toHaveLength(15);
    expect(r.unplaced).toHaveLength(2 + FORMATS['2021'].T3.rows.length + 1);
    for (const u of r.unplaced) {
      expect(u.row).toBe(0);
      expect(u.reason).toMatch(
        /连在一起，分成 \d+ 个数有 \d+ 种分法(（.*），无法确定是哪一种|，超过 50 种，未逐一列出，无法确定各列的数值)，未读入$/,
      );
    }
    // each row's true reading is among its readings, unless they are too many to list
    for (const u of r.undetermined) {
      if (u.count <= MAX_READINGS) expect(u.readings).toContainEqual(u.cells.map((id) => values[id]));
      else expect(u.readings).toEqual([]);
    }
    expect(r.undetermined.some((u) => u.count > MAX_READINGS)).toBe(true);
    expect(r.undetermined).toHaveLength(r.unplaced.length);
  });

  test('item numbers that begin a label are not taken for values (…国家秘密1234567 2.其他法律…)', () => {
    const d1 = FORMATS['2021'].T3.rows.find((x) => x.id === 'D1')?.label ?? '';
    const d2 = FORMATS['2021'].T3.rows.find((x) => x.id === 'D2')?.label ?? '';
    expect(d2.startsWith('2.')).toBe(true);
    const r = recognise([[FORMATS['2021'].T3.title], [`（三）不予公开${d1}1234567${d2}7654321`]]);
    expect(r.unplaced).toEqual([]);
    expect(FORMATS['2021'].T3.columns.map((c) => r.report.cells[`T3.D2.${c.id}` as never])).toEqual([7, 6, 5, 4, 3, 2, 1]);
    expect(r.report.cells['T3.D1.TOT' as never]).toBe(7);
  });

  test('a 表二 row whose column count differs by version: read after the version is decided', () => {
    const lic = '行政许可';
    const g19 = runTogether(digits('2019').grid);
    const i19 = g19.findIndex((r) => r[0].startsWith(lic));
    g19[i19] = [`${lic}105`];
    const r19 = recognise(g19);
    expect(r19.version).toBe('2019');
    expect([
      r19.report.cells['T2.LIC.PREV' as never],
      r19.report.cells['T2.LIC.DELTA' as never],
      r19.report.cells['T2.LIC.DECISIONS' as never],
    ]).toEqual([1, 0, 5]);
    const g21 = runTogether(digits('2021').grid);
    const i21 = g21.findIndex((r) => r[0].startsWith(lic));
    g21[i21] = [`${lic}105`];
    const r21 = recognise(g21);
    expect(r21.version).toBe('2021');
    expect(r21.report.cells['T2.LIC.DECISIONS']).toBe(105);
    expect(r21.unplaced).toEqual([]);
  });

  test('one value per line with a value missing: the row is reported, not shifted', () => {
    const { grid } = digits('2021');
    const lines = onePerLine(grid);
    const at = lines.findIndex((r) => r[0] === NEW);
    lines.splice(at + 1, 1);
    const r = recognise(lines);
    expect(r.unplaced).toEqual([
      expect.objectContaining({ row: at, reason: `“${NEW}”后面逐行列出的数值有6个，应有7个，无法确定各是哪一列，未读入` }),
    ]);
    expect(r.report.cells['T3.NEW.NP']).toBeUndefined();
    expect(r.report.cells['T3.CIN.NP']).toBeDefined();
  });
});

// ---------------------------------------------------------------------------------------------
// Columns in another order than the standard

/** Swap two whole columns of a grid (labels and values). */
function swapCols(grid: string[][], a: number, b: number): string[][] {
  return grid.map((r) => {
    const x = [...r];
    while (x.length <= Math.max(a, b)) x.push('');
    [x[a], x[b]] = [x[b], x[a]];
    return x;
  });
}

describe('表三 columns in another order', () => {
  const T3_FIRST = 3; // column D
  const col = (id: string): number => T3_FIRST + FORMATS['2021'].T3.columns.findIndex((c) => c.id === id);

  test('商业企业 and 科研机构 swapped in a grid: every value lands in its own cell', () => {
    const { grid, values, positions } = layoutGrid('2021', ['T3']);
    const g = swapCols(grid, col('BIZ'), col('SCI'));
    expect(g[3].slice(3, 6)).toEqual(['', '科研机构', '商业企业']);
    const r = recognise(g);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
    expect(r.positions['T3.NEW.BIZ']).toEqual({ row: positions['T3.NEW.BIZ'].row, col: col('SCI') });
    expect(r.positions['T3.NEW.SCI']).toEqual({ row: positions['T3.NEW.SCI'].row, col: col('BIZ') });
  });

  test('自然人 and 总计 swapped in a grid', () => {
    const { grid, values } = layoutGrid('2019', ['T3']);
    const r = recognise(swapCols(grid, col('NP'), col('TOT')));
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
  });

  test('swapped in a flattened copy (empty cells dropped): read by the order of the header labels', () => {
    const { grid, values } = layoutGrid('2021', ['T3']);
    const flat = swapCols(grid, col('NGO'), col('LAW')).map((r) => r.filter((c) => c !== ''));
    const r = recognise(flat);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
  });

  test('swapped in a text copy with a one-line header (自然人 科研机构 商业企业 …)', () => {
    const { grid, values } = digits('2021');
    const g = swapCols(grid.slice(grid.findIndex((r) => r[0] === FORMATS['2021'].T3.title)), col('BIZ'), col('SCI'));
    const lines = spaced(g).filter((l) => !/^(申请人情况|自然人|商业企业|（本列)/.test(l[0]));
    const at = lines.findIndex((l) => l[0] === FORMATS['2021'].T3.title);
    lines.splice(at + 1, 0, ['自然人 科研机构 商业企业 社会公益组织 法律服务机构 其他 总计']);
    const r = recognise(lines);
    expect(r.unplaced).toEqual([]);
    for (const [id, v] of Object.entries(values)) if (id.startsWith('T3.')) expect(r.report.cells[id as never]).toBe(v);
  });

  test('a printed header (text lines): 自然人 and 总计, centred over two rows, on a line between 法人或其他组织 and its members', () => {
    const { grid, values } = layoutGrid('2021', ['T3']);
    const flat = grid.map((r) => r.filter((c) => c !== ''));
    const top = flat.findIndex((r) => r.includes('申请人情况'));
    const note = FORMATS['2021'].T3.note;
    // As a PDF's text layer gives the header of the tables printed from the template.
    flat.splice(
      top + 1,
      2,
      [note.slice(0, 30), '法人或其他组织'],
      [note.slice(30), '自然人', '总计'],
      ['商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他'],
    );
    flat[top] = ['申请人情况'];
    const r = recognise(flat);
    expect(r.unplaced).toEqual([]);
    for (const [id, v] of Object.entries(values)) expect([id, r.report.cells[id as never]]).toEqual([id, v]);
  });

  test('a printed header whose close labels a PDF line joins into one cell (商业企业 科研机构), the long ones split over two lines', () => {
    const { grid, values } = layoutGrid('2021', ['T3']);
    const flat = grid.map((r) => r.filter((c) => c !== ''));
    const top = flat.findIndex((r) => r.includes('申请人情况'));
    flat.splice(
      top,
      3,
      ['申请人情况'],
      ['法人或其他组织'],
      [FORMATS['2021'].T3.note],
      ['自然人', '社会公益 法律服务', '总计'],
      ['商业企业 科研机构', '其他'],
      ['组织', '机构'],
    );
    const r = recognise(flat);
    expect(r.unplaced).toEqual([]);
    for (const [id, v] of Object.entries(values)) expect([id, r.report.cells[id as never]]).toEqual([id, v]);
  });

  test('a header whose order is not standard but does not name every column: the rows are reported, not read in the standard order', () => {
    const { grid } = layoutGrid('2021', ['T3']);
    const g = swapCols(grid, col('BIZ'), col('SCI')).map((r) => r.filter((c) => c !== ''));
    const h = g.findIndex((r) => r.includes('科研机构'));
    g[h] = g[h].filter((c) => c !== '其他'); // 其他 lost, the others out of order
    const r = recognise(g);
    expect(Object.keys(r.report.cells)).toEqual([]);
    expect(r.tables[0].missing).toHaveLength(FORMATS['2021'].T3.rows.length * 7);
    expect(r.unplaced).toHaveLength(FORMATS['2021'].T3.rows.length);
    for (const u of r.unplaced) expect(u.reason).toContain('表头');
  });
});

describe('表四 columns in another order', () => {
  const fields = FORMATS['2021'].T4.fields.map((f) => f.id);

  test('结果纠正 and 其他结果 swapped in every group of a grid: every value lands in its own cell', () => {
    const { grid, values } = layoutGrid('2021', ['T4']);
    let g = grid;
    for (const base of [0, 5, 10]) g = swapCols(g, base + fields.indexOf('COR'), base + fields.indexOf('OTH'));
    const r = recognise(g);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
    expect(r.positions['T4.LD.COR']?.col).toBe(5 + fields.indexOf('OTH'));
  });

  test('a one-line text header with two fields swapped in one group', () => {
    const f = FORMATS['2021'].T4.fields.map((x) => x.label);
    const rv = [f[0], f[1], f[3], f[2], f[4]];
    const lines = [
      [FORMATS['2021'].T4.title],
      ['行政复议 行政诉讼'],
      [`${rv.join(' ')} 未经复议直接起诉 复议后起诉`],
      [[...f, ...f].join(' ')],
      [Array.from({ length: 15 }, (_, k) => String(k + 1)).join(' ')],
    ];
    const r = recognise(lines);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells['T4.RV.PEN']).toBe(3);
    expect(r.report.cells['T4.RV.OTH']).toBe(4);
    expect(r.report.cells['T4.LD.OTH']).toBe(8);
  });

  test('groups swapped in a flattened copy: reported, not read in the standard order', () => {
    const lines = [
      [FORMATS['2021'].T4.title],
      ['行政诉讼', '行政复议'],
      ['未经复议直接起诉', '复议后起诉', ...FORMATS['2021'].T4.fields.map((x) => x.label)],
      [...FORMATS['2021'].T4.fields.map((x) => x.label), ...FORMATS['2021'].T4.fields.map((x) => x.label)],
      Array.from({ length: 15 }, (_, k) => String(k + 1)),
    ];
    const r = recognise(lines);
    expect(Object.keys(r.report.cells)).toEqual([]);
    expect(r.unplaced).toEqual([expect.objectContaining({ row: 4 })]);
    expect(r.unplaced[0].reason).toContain('表头');
  });
});
