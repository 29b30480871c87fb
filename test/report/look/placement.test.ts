import { MAX_SHEET_NAME, newSheetName, uniqueSheetName } from '../../../src/report/look/placement';

describe('names of new sheets', () => {
  it('is the plain name while it is free, then the name with the first free number, without brackets of its own', () => {
    expect(newSheetName('2019', ['Sheet1'])).toBe('年报表格（2019版）');
    expect(newSheetName('2019', ['年报表格（2019版）'])).toBe('年报表格（2019版）2');
    expect(newSheetName('2019', ['年报表格（2019版）', '年报表格（2019版）2'])).toBe('年报表格（2019版）3');
    expect(uniqueSheetName('汇总（2021版）', ['汇总（2021版）'])).toBe('汇总（2021版）2');
  });

  it('compares names as Excel does, ignoring case', () => {
    expect(uniqueSheetName('Summary', ['SUMMARY', 'summary2'])).toBe('Summary3');
  });

  it('stays within Excel’s 31 characters, the number kept whole', () => {
    const base = '很长的工作表名称'.repeat(5);
    const taken = [base.slice(0, MAX_SHEET_NAME)];
    for (let i = 2; i <= 10; i++) taken.push(uniqueSheetName(base, taken));
    for (const name of taken) expect(name.length).toBeLessThanOrEqual(MAX_SHEET_NAME);
    expect(new Set(taken.map((n) => n.toLowerCase())).size).toBe(taken.length);
    expect(taken[taken.length - 1].endsWith('10')).toBe(true);
  });
});
