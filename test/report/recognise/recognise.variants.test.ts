import { readFileSync } from 'fs';
import { join } from 'path';
import { CellId, dataCellIds, FORMATS, FormatVersion } from '../../../src/report/standard/formats';
import { layoutTextGrid, officialLayout } from '../../../src/report/look/layout';
import { parseTsv, recognise, Recognition } from '../../../src/report/recognise/recognise';
import { layoutGrid } from '../../helpers/layoutGrids';

// Grids built from the official layouts (src/report/look/layout.ts), then altered the way real copies are.

/** A copy from a web page: the empty cells of each row dropped, so cells shift left. */
function flatten(grid: string[][]): string[][] {
  return grid.map((r) => r.filter((c) => c.trim() !== ''));
}

/** Apply f to every label cell (a cell that is not a number). */
function mapLabels(grid: string[][], f: (s: string) => string): string[][] {
  return grid.map((r) => r.map((c) => (c === '' || /^[\d.]+$/.test(c) ? c : f(c))));
}

function findRow(grid: string[][], text: string): number {
  return grid.findIndex((r) => r.includes(text));
}

const T3_2021 = FORMATS['2021'].T3.rows;
const t3Label = (id: string): string => T3_2021.find((r) => r.id === id)?.label ?? '';

function expectComplete(r: Recognition, version: FormatVersion, values: Record<string, unknown>): void {
  expect(r.version).toBe(version);
  expect(r.unplaced).toEqual([]);
  expect(r.tables.map((t) => t.table)).toEqual(['T2', 'T3', 'T4']);
  for (const t of r.tables) expect(t.missing).toEqual([]);
  expect(r.report).toEqual({ format: version, cells: values });
}

describe('grids of the official layouts', () => {
  test.each(['2021', '2019'] as const)('a %s grid from layout.ts is read back exactly, at the layout positions', (v) => {
    const { grid, values, positions } = layoutGrid(v);
    const r = recognise(grid);
    expectComplete(r, v, values);
    expect(r.positions).toEqual(positions);
  });

  test('the 2021 grid is decided 2021 from its signatures', () => {
    const r = recognise(layoutGrid('2021').grid);
    expect(r.versionEvidence).toEqual(expect.arrayContaining(['出现“本年制发件数”（2021版）', '出现“行政规范性文件”（2021版）']));
    expect(r.versionEvidence.some((e) => e.includes('本年收费金额'))).toBe(true);
    expect(r.versionEvidence.some((e) => e.includes('（六）其他处理”的分项'))).toBe(true);
  });

  test('blank cells inside a row are null values, at their positions', () => {
    const { grid, values, positions } = layoutGrid('2021');
    for (const id of ['T2.REG.INFORCE', 'T3.R1.BIZ', 'T3.COUT.TOT', 'T4.LD.PEN'] as const) {
      grid[positions[id].row][positions[id].col] = '';
      values[id] = null as unknown as number;
    }
    const r = recognise(grid);
    expectComplete(r, '2021', values);
    expect(r.positions['T3.COUT.TOT']).toEqual(positions['T3.COUT.TOT']);
  });

  test('a flattened copy (empty cells dropped, labels and values shifted) is read completely', () => {
    for (const v of ['2021', '2019'] as const) {
      const { grid, values } = layoutGrid(v);
      expectComplete(recognise(flatten(grid)), v, values);
    }
  });

  test('pasted text: the grid as tab-separated lines', () => {
    const { grid, values } = layoutGrid('2021');
    const text = grid.map((r) => r.join('\t')).join('\r\n');
    expectComplete(recognise(parseTsv(text)), '2021', values);
  });
});

describe('typography and typing variants', () => {
  test('ASCII brackets, colons and quotes instead of full-width ones', () => {
    const { grid, values } = layoutGrid('2021');
    const ascii = mapLabels(grid, (s) =>
      s.replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').replace(/[“”]/g, '"').replace(/，/g, ','),
    );
    expectComplete(recognise(ascii), '2021', values);
  });

  test('spaces inside labels (结果 维持, (一) 予以公开, 1. 属于国家秘密)', () => {
    const { grid, values } = layoutGrid('2021');
    const spaced = mapLabels(grid, (s) =>
      s
        .replace(/^(\d\.|（[一二三四五六七]）)/, '$1 ')
        .replace(/^(结果|其他|尚未)/, '$1 ')
        .replace(/(.)$/, ' $1 '),
    );
    expect(spaced.some((r) => r.includes('结果 维 持 '))).toBe(true);
    expectComplete(recognise(spaced), '2021', values);
  });

  test('non-breaking and full-width spaces in labels and values', () => {
    const { grid, values } = layoutGrid('2021');
    const nbsp = grid.map((r) =>
      r.map((c) => (c === '' ? c : /^[\d.]+$/.test(c) ? `\u00a0${c}\u00a0` : `\u3000${c.slice(0, 1)}\u00a0${c.slice(1)}`)),
    );
    expectComplete(recognise(nbsp), '2021', values);
  });

  test('full-width digits in values and item numbers', () => {
    const { grid, values } = layoutGrid('2021');
    const fw = (s: string): string => s.replace(/[0-9.]/g, (d) => (d === '.' ? '．' : String.fromCharCode(d.charCodeAt(0) + 0xfee0)));
    const wide = grid.map((r) => r.map((c) => (/^[\d.]+$/.test(c) || /^\d\./.test(c) ? fw(c) : c)));
    expect(wide.flat()).toContain('１２．５');
    expectComplete(recognise(wide), '2021', values);
  });

  test('units typed into cells: 万元, 元 (converted to 万元 in amount columns), 件', () => {
    const { grid, values, positions } = layoutGrid('2021');
    const at = (id: string): { row: number; col: number } => positions[id];
    grid[at('T2.FEE.FEEAMT').row][at('T2.FEE.FEEAMT').col] = '251000元';
    grid[at('T2.LIC.DECISIONS').row][at('T2.LIC.DECISIONS').col] = '165件';
    grid[at('T3.NEW.NP').row][at('T3.NEW.NP').col] = '3个';
    values['T2.FEE.FEEAMT'] = 25.1;
    values['T2.LIC.DECISIONS'] = 165;
    values['T3.NEW.NP'] = 3;
    expectComplete(recognise(grid), '2021', values);
    const { grid: g2 } = layoutGrid('2021');
    g2[at('T2.FEE.FEEAMT').row][at('T2.FEE.FEEAMT').col] = '160.5964万元';
    expect(recognise(g2).report.cells['T2.FEE.FEEAMT']).toBe(160.5964);
  });

  test('采购总金额（单位：万元） and 采购总金额 are the same 2019 column; 本年收费金额 without its unit too', () => {
    const { grid, values } = layoutGrid('2019');
    const label = FORMATS['2019'].T2.blocks.find((b) => b.block === 'A9')?.columns[1].label ?? '';
    const withUnit = mapLabels(grid, (s) => (s === label ? `${s}（单位：万元）` : s));
    expect(withUnit.flat()).toContain('采购总金额（单位：万元）');
    expectComplete(recognise(withUnit), '2019', values);
    const g21 = layoutGrid('2021');
    const noUnit = mapLabels(g21.grid, (s) => s.replace('（单位：万元）', ''));
    expectComplete(recognise(noUnit), '2021', g21.values);
  });

  test('text typed into a data cell is kept as text', () => {
    const { grid, values, positions } = layoutGrid('2021');
    const p = positions['T3.R2.SCI'];
    grid[p.row][p.col] = '无';
    values['T3.R2.SCI'] = '无' as unknown as number;
    expectComplete(recognise(grid), '2021', values);
  });
});

describe('damaged labels', () => {
  test('one wrong character in a long label is accepted (a single close candidate)', () => {
    const { grid, values } = layoutGrid('2021');
    const x5 = t3Label('X5');
    const typo = x5.replace('获取', '获得');
    const d2 = t3Label('D2');
    const missing = d2.slice(0, -1); // one missing character
    const g = mapLabels(grid, (s) => (s === x5 ? typo : s === d2 ? missing : s));
    expect(g.flat()).toContain(typo);
    expectComplete(recognise(g), '2021', values);
  });

  test('a typo in a short label is not guessed: the row is reported', () => {
    const { grid } = layoutGrid('2021');
    const g = mapLabels(grid, (s) => (s === '行政许可' ? '行政许' : s));
    const r = recognise(g);
    expect(r.report.cells['T2.LIC.DECISIONS']).toBeUndefined();
    expect(r.tables[0].missing).toEqual(['T2.LIC.DECISIONS']);
    expect(r.unplaced).toHaveLength(1);
    expect(r.unplaced[0].row).toBe(findRow(g, '行政许'));
    expect(r.unplaced[0].reason).toContain('没有能识别的行名');
  });

  test('a label wrapped over two lines, the rest on the line after the values (6. 属于四类过程性信 / 息)', () => {
    const { grid, values } = layoutGrid('2021');
    const flat = flatten(grid);
    const d6 = t3Label('D6');
    const i = findRow(flat, d6);
    flat[i] = flat[i].map((c) => (c === d6 ? d6.slice(0, -1) : c));
    flat.splice(i + 1, 0, [], ['', d6.slice(-1)]);
    const r = recognise(flat);
    expectComplete(r, '2021', values);
    expect(r.positions['T3.D6.NP']?.row).toBe(i);
  });

  test('a label wrapped over two lines, the start alone on the line before the values', () => {
    const { grid, values } = layoutGrid('2021');
    const flat = flatten(grid);
    const u1 = t3Label('U1');
    const i = findRow(flat, u1);
    const row = flat[i];
    const at = row.indexOf(u1);
    flat.splice(i, 1, [...row.slice(0, at), u1.slice(0, 5)], [u1.slice(5), ...row.slice(at + 1)]);
    expectComplete(recognise(flat), '2021', values);
  });

  test('a label moved to another column (shifted cells) is still found', () => {
    const { grid, values } = layoutGrid('2021');
    const flat = flatten(grid);
    const i = findRow(flat, '行政许可');
    flat[i] = ['', '', ...flat[i]];
    expectComplete(recognise(flat), '2021', values);
  });
});

describe('merged cells and counts of numbers', () => {
  test('an extra 0 left by a merged label cell: the last seven numbers of a T3 row are taken', () => {
    const { grid, values } = layoutGrid('2021');
    const flat = flatten(grid);
    const i = findRow(flat, t3Label('RT'));
    const at = flat[i].indexOf(t3Label('RT'));
    flat[i].splice(at + 1, 0, '0');
    expect(flat[i].length).toBe(at + 9);
    expectComplete(recognise(flat), '2021', values);
  });

  test('an extra number that is not 0 is reported, and the last seven are still taken', () => {
    const { grid, values } = layoutGrid('2021');
    const flat = flatten(grid);
    const i = findRow(flat, t3Label('RT'));
    const at = flat[i].indexOf(t3Label('RT'));
    flat[i].splice(at + 1, 0, '9');
    const r = recognise(flat);
    expect(r.report.cells).toEqual(values);
    expect(r.unplaced).toEqual([expect.objectContaining({ row: i, col: at + 1, text: '9' })]);
    expect(r.unplaced[0].reason).toContain('多出的数值');
  });

  test('rows with too few numbers are reported in unplaced, not guessed', () => {
    const { grid, values } = layoutGrid('2021');
    const flat = flatten(grid);
    const r1 = findRow(flat, t3Label('R1'));
    flat[r1] = [...flat[r1].slice(0, -3)]; // four numbers left
    const reg = findRow(flat, '规章');
    flat[reg] = flat[reg].slice(0, -1); // two of three
    const t4 = flat.findIndex((r, k) => k > findRow(flat, '复议后起诉') && r.length === 15);
    flat[t4] = flat[t4].slice(0, 10);
    const r = recognise(flat);
    expect(r.unplaced.map((u) => u.row)).toEqual([reg, r1, t4]);
    expect(r.unplaced[0].reason).toBe('“规章”一行只有2个数值，应有3个，无法确定各是哪一列，未读入');
    expect(r.unplaced[1].reason).toBe('“（一）予以公开”一行只有4个数值，应有7个（自然人至总计），无法确定各是哪一列，未读入');
    expect(r.unplaced[2].reason).toContain('只有10个数值，应有15个');
    const lost = (Object.keys(values) as CellId[]).filter((id) => /^T2\.REG\.|^T3\.R1\.|^T4\./.test(id));
    expect(Object.keys(r.report.cells).sort()).toEqual(
      Object.keys(values)
        .filter((id) => !lost.includes(id as CellId))
        .sort(),
    );
    expect(r.tables.flatMap((t) => t.missing).sort()).toEqual(lost.sort());
  });

  test('a T3 row whose label matches nothing is reported with its text', () => {
    const { grid } = layoutGrid('2021');
    const flat = flatten(grid);
    const i = findRow(flat, t3Label('X2'));
    flat.splice(i, 0, ['（八）小计', '1', '2', '3', '4', '5', '6', '7']);
    const r = recognise(flat);
    expect(r.unplaced).toEqual([expect.objectContaining({ row: i, text: '（八）小计\t1\t2\t3\t4\t5\t6\t7' })]);
    expect(r.unplaced[0].reason).toBe('申请处理表中未能识别的行名“（八）小计”，数值未读入');
  });

  test('a subtotal row under a group label is not a data row', () => {
    const { grid } = layoutGrid('2021');
    const flat = flatten(grid);
    const i = findRow(flat, t3Label('D1'));
    flat.splice(i, 0, ['（三）不予公开', '0', '0', '0', '0', '0', '0', '0']);
    const r = recognise(flat);
    expect(r.unplaced).toHaveLength(1);
    expect(r.unplaced[0].reason).toContain('是分组名称');
  });
});

describe('versions', () => {
  test('a 2021 table that kept the single 2019 （六）其他处理 row: still 2021, the row is reported', () => {
    const { grid, values } = layoutGrid('2021');
    const flat = flatten(grid);
    const o1 = findRow(flat, t3Label('O1'));
    const o6 = FORMATS['2019'].T3.rows.find((r) => r.id === 'O')?.label ?? '';
    flat.splice(o1, 3, [o6, '0', '0', '0', '0', '0', '0', '0', '0']);
    const r = recognise(flat);
    expect(r.version).toBe('2021');
    expect(r.versionEvidence).toContain('出现“本年制发件数”（2021版）');
    expect(r.versionEvidence.some((e) => e.includes('也出现了2019版的标志'))).toBe(true);
    expect(r.unplaced).toHaveLength(1);
    expect(r.unplaced[0]).toEqual(expect.objectContaining({ row: o1 }));
    expect(r.unplaced[0].reason).toContain('在2019版是一行，2021版分为三项');
    const t3 = r.tables.find((t) => t.table === 'T3');
    expect(t3?.missing).toEqual(['O1', 'O2', 'O3'].flatMap((o) => FORMATS['2021'].T3.columns.map((c) => `T3.${o}.${c.id}`)));
    for (const [id, v] of Object.entries(r.report.cells)) expect(v).toBe(values[id]);
  });

  test('a 2019 row kept in a 2021 T2 is reported, not placed', () => {
    const { grid } = layoutGrid('2021');
    const flat = flatten(grid);
    const i = findRow(flat, '行政许可');
    const srv = FORMATS['2019'].T2.blocks.find((b) => b.block === 'A5')?.rows[1].label ?? '';
    flat.splice(i + 1, 0, [srv, '4']);
    const r = recognise(flat);
    expect(r.version).toBe('2021');
    expect(r.unplaced).toEqual([
      expect.objectContaining({ row: i + 1, reason: `“${srv}”是2019版的行，2021版的主动公开表没有这一行，未读入` }),
    ]);
  });

  test('only T4 (the same in both versions): the default version, said so', () => {
    const g = layoutTextGrid(officialLayout('2021', 'T4'));
    g[g.length - 1] = Array.from({ length: 15 }, (_, k) => String(k));
    const r = recognise(g);
    expect(r.version).toBe('2021');
    expect(r.versionEvidence).toEqual(['未发现区分两版的标志，按默认的2021版识别']);
    expect(r.tables.map((t) => t.table)).toEqual(['T4']);
    expect(r.report.cells['T4.LR.TOT']).toBe(14);
  });
});

describe('no tables', () => {
  test('prose only: version null, nothing placed, no throw', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8');
    const prose = text.split('\n').slice(0, 38).join('\n');
    const r = recognise(parseTsv(prose));
    expect(r.version).toBeNull();
    expect(r.versionEvidence).toEqual([]);
    expect(r.tables).toEqual([]);
    expect(r.report.cells).toEqual({});
    expect(r.positions).toEqual({});
    expect(r.unplaced).toEqual([]);
  });

  test('empty and malformed input', () => {
    for (const g of [[], [[]], [['']], [[''], ['1', '2']]] as string[][][]) {
      expect(recognise(g).version).toBeNull();
    }
    const weird = [null, undefined, [null, 3, true, {}], 'text', [undefined]] as unknown as string[][];
    expect(() => recognise(weird)).not.toThrow();
    expect(recognise(null as unknown as string[][]).tables).toEqual([]);
    expect(parseTsv('')).toEqual([]);
    expect(parseTsv('a\tb\r\nc\n')).toEqual([['a', 'b'], ['c']]);
  });

  test('every data cell id of both versions can be recognised', () => {
    for (const v of ['2021', '2019'] as const) {
      const r = recognise(layoutGrid(v).grid);
      expect(Object.keys(r.report.cells).sort()).toEqual([...dataCellIds(v)].sort());
    }
  });
});
