import { readFileSync } from 'fs';
import { join } from 'path';
import { dataCellIds } from '../../../src/report/standard/formats';
import { parseTsv, recognise } from '../../../src/report/recognise/recognise';

// test/fixtures/street-office-2019-format.txt: a 2019-format report copied from a web page.
const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8');
const result = recognise(parseTsv(text));

/** The values, read off the sample line by line (lines 41–97 of the file). */
function expectedValues(): Record<string, number> {
  const expected: Record<string, number> = {};
  for (const id of dataCellIds('2019')) expected[id] = 0; // every line of the sample shows 0 …
  expected['T2.LIC.PREV'] = 1; // … except line 47: 行政许可	1	0	165
  expected['T2.LIC.DELTA'] = 0;
  expected['T2.LIC.DECISIONS'] = 165;
  return expected;
}

describe('the street-office sample (2019 format, copied from a web page)', () => {
  test('is recognised as the 2019 version, with evidence', () => {
    expect(result.version).toBe('2019');
    expect(result.report.format).toBe('2019');
    expect(result.versionEvidence).toContain('出现“上一年项目数量”（2019版）');
    expect(result.versionEvidence).toContain('出现“政府集中采购”（2019版）');
    expect(result.versionEvidence).toContain('出现“本年新制作数量”（2019版）');
    expect(result.versionEvidence).toContain('“（六）其他处理”是单独的一行数据（2019版）');
  });

  test('all three tables, in grid order, with their rows (0-based)', () => {
    expect(result.tables.map((t) => [t.table, t.firstRow, t.lastRow])).toEqual([
      ['T2', 40, 58], // 第二十条第（一）项 … 政府集中采购
      ['T3', 62, 89], // the note … 四、结转下年度继续办理
      ['T4', 93, 96], // 行政复议 … the row of fifteen numbers
    ]);
  });

  test('every data cell of the 2019 version is present, nothing unplaced', () => {
    for (const t of result.tables) expect(t.missing).toEqual([]);
    expect(Object.keys(result.report.cells).sort()).toEqual([...dataCellIds('2019')].sort());
    expect(result.unplaced).toEqual([]);
  });

  test('every value is right', () => {
    expect(result.report.cells).toEqual(expectedValues());
  });

  test('positions point at the cells the values came from', () => {
    const grid = parseTsv(text);
    for (const t of result.tables) {
      for (const c of t.cells) {
        expect(result.positions[c.id]).toEqual({ row: c.row, col: c.col });
        expect(grid[c.row][c.col]).toBe(c.raw);
      }
    }
    expect(result.positions['T2.LIC.DECISIONS']).toEqual({ row: 46, col: 3 });
    expect(result.positions['T2.PROC.PROCAMT']).toEqual({ row: 58, col: 2 });
    // line 75: “6. 属于四类过程性信” with the values in columns B–H, “息” two lines below
    expect(result.positions['T3.D6.NP']).toEqual({ row: 74, col: 1 });
    expect(result.positions['T3.D6.TOT']).toEqual({ row: 74, col: 7 });
    // line 88: “(六) 其他处理” with eight numbers for seven columns: the last seven
    expect(result.positions['T3.O.NP']).toEqual({ row: 87, col: 2 });
    expect(result.positions['T3.O.TOT']).toEqual({ row: 87, col: 8 });
    // line 70: “(三) 不予公开 | 1. 属于国家秘密” then the values
    expect(result.positions['T3.D1.NP']).toEqual({ row: 69, col: 3 });
    expect(result.positions['T4.RV.UPH']).toEqual({ row: 96, col: 0 });
    expect(result.positions['T4.LR.TOT']).toEqual({ row: 96, col: 14 });
  });

  test('parses Windows line ends the same way', () => {
    const crlf = recognise(parseTsv(text.replace(/\n/g, '\r\n')));
    expect(crlf.report).toEqual(result.report);
    expect(crlf.positions).toEqual(result.positions);
  });
});
