import { readFileSync } from 'fs';
import { join } from 'path';
import { dataCellIds } from '../../../src/report/standard/formats';
import { parseTsv, recognise } from '../../../src/report/recognise/recognise';
import { STREET_OFFICE_TABLES_NON_ZERO, streetOfficeTablesNonZeroText } from '../../helpers/streetOfficeNonZero';

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

  test('every value is right (all of them 0 but three: see the same copy with other numbers below)', () => {
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

// The sample shows 0 in 195 of its 198 cells: a value taken from the wrong cell of a row, or from the
// wrong row, would still read 0. The same copy with the numbers of test/fixtures/report-2019.json.
describe('the street-office copy holding non-zero numbers in every column (test/helpers/streetOfficeNonZero.ts)', () => {
  const expected = (JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'report-2019.json'), 'utf8')) as { cells: object })
    .cells;
  const copy = recognise(parseTsv(streetOfficeTablesNonZeroText()));

  test('is recognised as the same three 2019 tables, on the same lines of the copy, nothing unplaced or missing', () => {
    expect(copy.version).toBe('2019');
    // Row 0 of the copy is line 39 of the sample: the tables are 38 rows higher than in the sample.
    expect(copy.tables.map((t) => [t.table, t.firstRow, t.lastRow])).toEqual([
      ['T2', 2, 20],
      ['T3', 24, 51],
      ['T4', 55, 58],
    ]);
    for (const t of copy.tables) expect(t.missing).toEqual([]);
    expect(copy.unplaced).toEqual([]);
  });

  test('reads every one of the 198 values, each from its own cell', () => {
    expect(Object.keys(expected)).toHaveLength(198);
    expect(copy.report.cells).toEqual(expected);
  });

  test('reads the values of the rows whose shape is odd, as typed in the copy', () => {
    const at = (id: string) => copy.positions[id as keyof typeof copy.positions];
    const cell = (id: string) => copy.report.cells[id as keyof typeof copy.report.cells];
    const typed = (id: string) => STREET_OFFICE_TABLES_NON_ZERO[at(id)!.row][at(id)!.col];
    // 行政许可	386	-12	9876: a negative 本年增/减
    expect(['T2.LIC.PREV', 'T2.LIC.DELTA', 'T2.LIC.DECISIONS'].map(cell)).toEqual([386, -12, 9876]);
    expect(at('T2.LIC.DELTA')).toEqual({ row: 8, col: 2 });
    // 政府集中采购	46	3825.47: an amount with decimals
    expect([cell('T2.PROC.PROJECTS'), cell('T2.PROC.PROCAMT')]).toEqual([46, 3825.47]);
    // 一、本年新收… with its empty second column: 自然人 is the third cell
    expect(at('T3.NEW.NP')).toEqual({ row: 27, col: 2 });
    expect([cell('T3.NEW.NP'), cell('T3.NEW.TOT')]).toEqual([170, 244]);
    // “6. 属于四类过程性信” with its values in B–H, “息” two lines below
    expect(at('T3.D6.NP')).toEqual({ row: 36, col: 1 });
    expect(['NP', 'BIZ', 'SCI', 'NGO', 'LAW', 'OTH', 'TOT'].map((c) => cell(`T3.D6.${c}`))).toEqual([3, 1, 0, 0, 0, 1, 5]);
    // “(六) 其他处理” and “(七) 总计”: an extra 0, then the seven values
    expect(at('T3.O.NP')).toEqual({ row: 49, col: 2 });
    expect(['NP', 'BIZ', 'SCI', 'NGO', 'LAW', 'OTH', 'TOT'].map((c) => cell(`T3.O.${c}`))).toEqual([4, 1, 0, 1, 1, 0, 7]);
    expect(['NP', 'BIZ', 'SCI', 'NGO', 'LAW', 'OTH', 'TOT'].map((c) => cell(`T3.RT.${c}`))).toEqual([167, 29, 4, 7, 20, 9, 236]);
    // 表四: the fifteen numbers of its last line, 行政复议 then the two 行政诉讼 groups
    expect(['RV', 'LD', 'LR'].map((g) => cell(`T4.${g}.TOT`))).toEqual([6, 4, 2]);
    expect(at('T4.LR.TOT')).toEqual({ row: 58, col: 14 });
    for (const id of ['T2.LIC.DELTA', 'T2.PROC.PROCAMT', 'T3.NEW.NP', 'T3.D6.TOT', 'T3.O.NP', 'T4.LR.TOT'])
      expect(Number(typed(id))).toBe(cell(id));
  });
});
