import { VERDICT_LABELS, VERDICTS } from '../../../src/report/standard/verdict';
import { verdictCounts, verdictHeadline, verdictLabel, verdictPhrase } from '../../../src/report/standard/verdictText';

const counts = (c: Partial<ReturnType<typeof verdictCounts>> = {}) => ({ ...verdictCounts([]), ...c });

describe('the wording of a verdict', () => {
  it('counts findings per severity, with the items not checked', () => {
    expect(verdictCounts([{ severity: 'error' }, { severity: 'warning' }, { severity: 'warning' }, { severity: 'info' }], 3)).toEqual({
      errors: 1,
      warnings: 2,
      infos: 1,
      unchecked: 3,
    });
  });

  it('never says a bare 通过 for a report whose only findings are warnings, in the label, the phrase or the headline', () => {
    const warned = counts({ warnings: 2 });
    expect(verdictLabel('passed', warned)).toBe('通过（警告 2 条，请核对）');
    expect(verdictPhrase('passed', warned)).toBe('通过（警告 2 条，请核对）');
    expect(verdictHeadline('passed', warned)).toBe('通过（警告 2 条，请核对）：全部表格已读取并校验，没有错误');
    expect(verdictLabel('passed', warned, '2021版')).toBe('通过（警告 2 条，请核对；2021版）');
  });

  it('keeps a plain positive sentence for a report with nothing found, and no 未发现问题 beside a 提示', () => {
    expect(verdictLabel('passed', counts())).toBe('通过');
    expect(verdictHeadline('passed', counts())).toBe('通过：全部表格已读取并校验，未发现问题');
    expect(verdictHeadline('passed', counts({ infos: 3 }))).toBe('通过：全部表格已读取并校验，没有错误');
  });

  it('gives the count that matters for the other verdicts, and never 通过', () => {
    const c = counts({ errors: 3, warnings: 1, unchecked: 2 });
    expect(verdictPhrase('errors', c)).toBe('有错误（错误 3 条）');
    expect(verdictHeadline('errors', c)).toBe('有错误：错误 3 条，请逐条修改；另有警告 1 条，请核对');
    expect(verdictPhrase('incomplete', { ...c, errors: 0 })).toBe('部分未校验（2 处未读取或未校验）');
    expect(verdictHeadline('incomplete', { ...c, errors: 0 })).toBe(
      '部分未校验：有 2 处内容未读取或未校验，其余没有发现错误；警告 1 条，请核对',
    );
    expect(verdictHeadline('unreadable', counts(), '不是年报')).toBe('无法读取：不是年报');
    for (const v of VERDICTS.filter((x) => x !== 'passed')) {
      expect(verdictLabel(v, c)).toBe(VERDICT_LABELS[v]);
      expect(verdictHeadline(v, c)).not.toContain('通过');
    }
  });
});

describe('tables with no number entered', () => {
  it('are labelled 尚未填写, with any other unread item counted apart', () => {
    const counts = verdictCounts([], 1, true);
    expect(verdictLabel('incomplete', counts)).toBe('尚未填写');
    expect(verdictPhrase('incomplete', counts)).toBe('尚未填写');
    expect(verdictPhrase('incomplete', verdictCounts([], 3, true))).toBe('尚未填写（另有 2 处未读取或未校验）');
    expect(verdictHeadline('incomplete', verdictCounts([], 2, true))).toBe(
      '尚未填写：表格中还没有填写任何数字，填写后才能校验；另有 1 处内容未读取或未校验',
    );
    // The flag never softens another verdict.
    expect(verdictLabel('errors', verdictCounts([{ severity: 'error' }], 1, true))).toBe('有错误');
  });
});
