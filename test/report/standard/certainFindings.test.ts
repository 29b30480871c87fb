import { CellId, dataCells, FORMATS } from '../../../src/report/standard/formats';
import { certainFindings, UnsettledRow } from '../../../src/report/standard/certainFindings';
import { zeroReport } from '../../../src/report/standard/generate';
import { Report } from '../../../src/report/standard/report';
import { digitReadings } from '../../../src/report/recognise/digitReadings';
import { checkSheetInput } from '../../../src/report/sheet/sheetCheck';

// The rules that fail whichever way run-together digits are read (src/report/standard/certainFindings.ts).

const COLS = FORMATS['2021'].T3.columns.map((c) => c.id);
const rowIds = (row: string): CellId[] => COLS.map((c) => `T3.${row}.${c}` as CellId);

/** A 2021 report of zeros but for 10 applications by 自然人, all 予以公开, and the 办理结果总计 row unsettled. */
function withTotalRow(newApplications: number): { report: Report; rows: UnsettledRow[]; present: Set<CellId> } {
  const report = zeroReport('2021');
  for (const id of ['T3.NEW.NP', 'T3.NEW.TOT', 'T3.R1.NP', 'T3.R1.TOT'] as CellId[]) report.cells[id] = 10;
  for (const id of ['T3.NEW.NP', 'T3.NEW.TOT'] as CellId[]) report.cells[id] = newApplications;
  const cells = rowIds('RT');
  for (const id of cells) delete report.cells[id];
  // 10 0 0 0 0 0 10 run together: also 100 0 0 0 0 1 0
  const digits = '100000010';
  const rows = [{ name: '“（七）总计”一行', digits, cells, readings: digitReadings(digits, 7).list }];
  expect(rows[0].readings).toEqual([
    [10, 0, 0, 0, 0, 0, 10],
    [100, 0, 0, 0, 0, 1, 0],
  ]);
  const present = new Set(
    dataCells('2021')
      .map((d) => d.id)
      .filter((id) => !cells.includes(id)),
  );
  return { report, rows, present };
}

describe('a rule is reported only when every reading breaks it', () => {
  test('one reading satisfies every rule: nothing is reported', () => {
    const { report, rows, present } = withTotalRow(10);
    expect(certainFindings(report, rows, present)).toEqual([]);
  });

  test('no reading gives 自然人 11 in （七）总计: the balance of that column is reported, for the other columns nothing', () => {
    const { report, rows, present } = withTotalRow(11);
    const found = certainFindings(report, rows, present);
    expect(found.map((f) => `${f.rule}/${f.instance}`)).toEqual(['T3-BALANCE/NP', 'T3-BALANCE/TOT']);
    expect(found[0].severity).toBe('error');
    expect(found[0].message).toBe(
      `自然人列：第一项 + 第二项应等于（七）总计 + 第四项，但“（七）总计”一行的数字“100000010”连在一起，无论怎样分开都不成立（${'本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和'}）`,
    );
  });

  test('a rule that needs a cell not read is not reported', () => {
    const { report, rows, present } = withTotalRow(11);
    present.delete('T3.COUT.NP' as CellId);
    expect(certainFindings(report, rows, present).map((f) => f.instance)).toEqual(['TOT']);
  });

  test('readings too many to list: nothing is claimed', () => {
    const { report, rows, present } = withTotalRow(11);
    expect(certainFindings(report, [{ ...rows[0], readings: [] }], present)).toEqual([]);
  });
});

describe('through the check of a text', () => {
  test('the certain error makes the verdict 有错误; the row is still named with its readings', () => {
    const f = FORMATS['2021'];
    const t3 = [
      f.T3.title,
      ...f.T3.rows.map((r) => {
        const v = r.id === 'NEW' ? '110000011' : r.id === 'R1' ? '100000010' : r.id === 'RT' ? '100000010' : '0000000';
        return `${r.label}${v}`;
      }),
    ].join('');
    const c = checkSheetInput({ sheet: '', sheetId: '', named: [], unnamed: { row: 0, col: 0, values: [[t3]], asText: true } });
    expect(c.verdict).toBe('errors');
    expect(c.findings.filter((x) => x.message.includes('无论怎样分开都不成立')).map((x) => x.instance)).toEqual(['NP', 'TOT']);
    expect(c.notes.some((n) => n.includes('“100000010”连在一起，分成 7 个数有 2 种分法（10 0 0 0 0 0 10；100 0 0 0 0 1 0）'))).toBe(true);
  });
});
