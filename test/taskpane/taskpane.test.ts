import { problemOf } from '../../src/excel/problems';
import { problemText } from '../../src/taskpane/problemText';
import { checkSummary } from '../../src/commands/summary';
import { WorkbookCheck } from '../../src/excel/check';
import { zeroReport } from '../../src/report/standard/generate';
import { validate } from '../../src/report/standard/validate';
import { groupFindings, severityCounts, workbookVerdict } from '../../src/taskpane/findingsView';
import { verdictOf } from '../../src/report/standard/verdict';
import { culpritCell, sheetVerdicts } from '../../src/taskpane/findingsView';
import { withoutBasis } from '../../src/report/standard/basis';
import { ruleDef } from '../../src/report/standard/rules';

function checkOf(cells: Record<string, number | null>, damage: string[] = [], lastYear?: Record<string, number>): WorkbookCheck {
  const report = zeroReport('2021');
  Object.assign(report.cells, cells);
  const last = zeroReport('2021');
  Object.assign(last.cells, lastYear);
  const findings = validate(report, { tables: ['T3', 'T4'], lastYear: lastYear && last }).map((f) => ({
    ...f,
    sheet: '年报',
    addresses: f.cells.map(() => 'D5'),
  }));
  return {
    sheets: [
      {
        sheet: '年报',
        sheetId: 's1',
        notes: [],
        remarks: [],
        verdict: verdictOf({ tablesRead: damage.length ? 1 : 2, findings, unchecked: damage }),
        report,
        lost: [],
        findings,
        tables: [
          { table: 'T3', version: '2021', sheet: '年报', row: 0, col: 0, address: 'A1:J29', damage },
          { table: 'T4', version: '2021', sheet: '年报', row: 31, col: 0, address: 'A32:O36', damage: [] },
        ],
      },
    ],
  };
}

/** A workbook whose only findings are two warnings: last year carried 2 applications of 自然人 over, this year's 上年结转 says 0. */
const warnedCheck = () => checkOf({}, [], { 'T3.COUT.NP': 2, 'T3.COUT.TOT': 2 });

describe('the findings list', () => {
  it('groups findings by table, errors first, with the blank cells of a table folded into one line', () => {
    const groups = groupFindings(checkOf({ 'T3.NEW.NP': 2, 'T3.NEW.TOT': 2, 'T4.RV.PEN': null, 'T4.LD.PEN': null }));
    expect(groups.map((g) => g.title)).toEqual(['表三 申请处理', '表四 复议诉讼']);
    expect(groups[0].items.map((i) => i.rule)).toEqual(['T3-BALANCE', 'T3-BALANCE']);
    expect(groups[1].items).toHaveLength(1);
    expect(groups[1].items[0]).toMatchObject({ rule: 'CELL-BLANK', severity: 'info', addresses: ['D5', 'D5'] });
    expect(groups[1].items[0].message).toContain('2 个单元格空白');
  });

  it('gives each rule’s basis once, as the heading of its findings, not in every line', () => {
    const groups = groupFindings(checkOf({ 'T3.NEW.NP': 2, 'T3.NEW.TOT': 2 }));
    const balance = groups[0].items.filter((i) => i.rule === 'T3-BALANCE');
    expect(balance).toHaveLength(2);
    const basis = ruleDef('T3-BALANCE').basis;
    for (const i of balance) {
      expect(i.message).toContain(basis);
      expect(i.text).not.toContain(basis);
      expect(i.basis).toBe(basis);
    }
    expect(withoutBasis(`甲（${basis}）`, basis)).toBe('甲');
  });

  it('names the cell shared by all the failing rules of a table as the likely culprit', () => {
    // 第一项 of 自然人 one too high breaks its column's balance and the 本年新收 row's total.
    const report = zeroReport('2021');
    Object.assign(report.cells, { 'T3.NEW.NP': 1 });
    const findings = validate(report, { tables: ['T3'] }).map((f) => ({
      ...f,
      sheet: '年报',
      addresses: f.cells.map((c) => (c === 'T3.NEW.NP' ? 'C5' : `Z${f.cells.indexOf(c) + 1}`)),
    }));
    expect(findings.filter((f) => f.severity === 'error').length).toBeGreaterThanOrEqual(2);
    expect(
      culpritCell(
        findings.filter((f) => f.table === 'T3'),
        '2021',
      ),
    ).toMatchObject({ id: 'T3.NEW.NP', address: 'C5' });
    expect(culpritCell(findings.filter((f) => f.table === 'T3').slice(0, 1), '2021')).toBeNull();
  });

  it('gives every checked sheet a line with its verdict, passing sheets included', () => {
    const failing = checkOf({ 'T3.NEW.NP': 2 }).sheets[0];
    const passing = { ...checkOf({}).sheets[0], sheet: 'Sheet1', sheetId: 's2' };
    const lines = sheetVerdicts({ sheets: [failing, passing] });
    expect(lines.map((l) => l.verdict)).toEqual(['errors', 'passed']);
    expect(lines[1].text).toBe('Sheet1：通过');
    expect(lines[0].text).toMatch(/^年报：有错误（错误 \d+ 条）$/);
  });

  it('says 通过（警告 N 条，请核对）, never a bare 通过, for a sheet or a workbook whose only findings are warnings', () => {
    const warned = { ...warnedCheck().sheets[0], sheet: 'Sheet2', sheetId: 's2' };
    expect(sheetVerdicts({ sheets: [checkOf({}).sheets[0], warned] }).map((l) => l.text)).toEqual([
      '年报：通过',
      'Sheet2：通过（警告 2 条，请核对）',
    ]);
    expect(workbookVerdict(warnedCheck())).toMatchObject({
      verdict: 'passed',
      text: '通过（警告 2 条，请核对）：全部表格已读取并校验，没有错误',
    });
    expect(workbookVerdict(checkOf({})).text).toBe('通过：全部表格已读取并校验，未发现问题');
  });

  it('counts findings per severity', () => {
    expect(severityCounts(checkOf({ 'T3.NEW.NP': 2, 'T3.NEW.TOT': 2, 'T4.RV.PEN': null }))).toEqual({ error: 2, warning: 0, info: 1 });
  });
});

describe('the ribbon 校验 summary', () => {
  it('says all was read and checked and nothing found when there is no finding', () => {
    expect(checkSummary(checkOf({})).title).toBe('通过：全部表格已读取并校验，未发现问题');
  });

  it('says 通过（警告 2 条，请核对） for a workbook whose only findings are two warnings, and lists them', () => {
    const s = checkSummary(warnedCheck());
    expect(s.title).toBe('通过（警告 2 条，请核对）：全部表格已读取并校验，没有错误');
    expect(s.lines).toHaveLength(2);
    expect(s.lines[0]).toContain('表三 申请处理：自然人列：第二项 0，应等于上年第四项 2');
  });

  it('gives the counts and the first problems in Chinese, and says how many more there are', () => {
    const s = checkSummary(checkOf({ 'T3.NEW.NP': 2, 'T3.NEW.TOT': 2 }), 1);
    expect(s.title).toBe('有错误：错误 2 条，请逐条修改');
    expect(s.lines[0]).toContain('表三 申请处理：自然人列：第一项 2');
    expect(s.lines[1]).toContain('另有 1 条');
  });

  it('puts structural damage first, and never says 通过 while a table was not checked', () => {
    const s = checkSummary(checkOf({}, ['表三（申请处理）少了 1 行']));
    expect(s.title).toBe('部分未校验：有 1 处内容未读取或未校验，其余没有发现错误');
    expect(s.title).not.toContain('通过');
    expect(s.lines[0]).toBe('工作表“年报”中的表三（申请处理，2021版）已被改动，与标准格式不一致，未校验此表：表三（申请处理）少了 1 行');
  });

  it('says passed, errors or incomplete (部分未校验, with what was not checked) for the workbook', () => {
    expect(workbookVerdict(checkOf({})).verdict).toBe('passed');
    expect(workbookVerdict(checkOf({ 'T3.NEW.NP': 2 })).verdict).toBe('errors');
    const partly = workbookVerdict(checkOf({}, ['表三（申请处理）少了 1 行']));
    expect(partly.verdict).toBe('incomplete');
    expect(partly.text).toContain('部分未校验');
    expect(partly.unchecked).toHaveLength(1);
  });

  it('explains what to do when the workbook has no table or the check could not run', () => {
    expect(checkSummary({ sheets: [] }).title).toBe('没有找到年报表格');
    expect(checkSummary({ sheets: [], error: { code: 'excel', excelCode: 'InvalidOperationInCellEditMode', detail: 'x' } })).toEqual({
      title: '无法校验',
      lines: ['Excel 正在编辑单元格：请先按 Enter 结束单元格编辑，再重试。'],
    });
  });
});

describe('Excel errors in Chinese', () => {
  it.each([
    ['InvalidOperationInCellEditMode', '正在编辑单元格'],
    ['InvalidSelection', '当前选中的不是单元格'],
    ['AccessDenied', '受保护'],
    ['ResponsePayloadSizeLimitExceeded', '数据太多'],
    ['ItemAlreadyExists', '同名'],
  ])('%s gets a message that says what to do', (code, text) => {
    expect(problemText(problemOf({ code, message: 'english' }))).toContain(text);
  });

  it('names an unknown failure as not done, says what to do, and gives Excel’s own words as Excel’s', () => {
    expect(problemText(problemOf(new Error('boom')))).toBe(
      '操作未完成，请稍后重试；如仍失败，请关闭任务窗格后重新打开。（Excel 的说明：boom）',
    );
    expect(problemText(problemOf({ code: 'NewExcelCode', message: 'Something went wrong.' }))).toBe(
      '操作未完成，请稍后重试；如仍失败，请关闭任务窗格后重新打开。（Excel 的说明：Something went wrong.，代码 NewExcelCode）',
    );
  });
});
