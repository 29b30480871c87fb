import type { Severity } from './rules';
import { Verdict, VERDICT_LABELS } from './verdict';

// How a verdict is worded, the same in every front end (the pane, the ribbon, the command, the roll-up).
// A report whose only findings are warnings passes, but is never a bare 通过: it says 通过（警告 N 条，请核对）.

/** What a verdict's wording counts: findings per severity and the items not read or not checked. */
export interface VerdictCounts {
  errors: number;
  warnings: number;
  /** 提示 (e.g. blank cells): they never keep a report from passing. */
  infos: number;
  /** Tables, rows or cells the input holds that were not read or not checked. */
  unchecked: number;
  /** The tables are there but not one number has been entered: 尚未填写, not 部分未校验. */
  unfilled?: boolean;
}

/** The label of an incomplete report whose tables hold no number yet. */
export const UNFILLED_LABEL = '尚未填写';

export function verdictCounts(findings: readonly { severity: Severity }[], unchecked = 0, unfilled = false): VerdictCounts {
  const counts: VerdictCounts = { errors: 0, warnings: 0, infos: 0, unchecked, ...(unfilled ? { unfilled } : {}) };
  for (const f of findings) {
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
  }
  return counts;
}

/**
 * The short label, as a list or a table column names a verdict, e.g. 有错误, or 通过（警告 2 条，请核对）
 * for a pass with warnings. `detail`, when given, joins the brackets: 通过（2021版，表格 表三）.
 */
export function verdictLabel(verdict: Verdict, counts: Pick<VerdictCounts, 'warnings' | 'unfilled'>, detail?: string): string {
  const caveat = verdict === 'passed' && counts.warnings > 0 ? `警告 ${counts.warnings} 条，请核对` : '';
  const inBrackets = [caveat, detail ?? ''].filter(Boolean).join('；');
  const label = verdict === 'incomplete' && counts.unfilled ? UNFILLED_LABEL : VERDICT_LABELS[verdict];
  return inBrackets ? `${label}（${inBrackets}）` : label;
}

/** The phrase after a sheet's or a unit's name, with the count that matters, e.g. 有错误（错误 3 条）. */
export function verdictPhrase(verdict: Verdict, counts: VerdictCounts): string {
  if (verdict === 'errors') return verdictLabel(verdict, counts, `错误 ${counts.errors} 条`);
  if (verdict === 'incomplete' && counts.unfilled)
    return verdictLabel(verdict, counts, counts.unchecked > 1 ? `另有 ${counts.unchecked - 1} 处未读取或未校验` : undefined);
  if (verdict === 'incomplete') return verdictLabel(verdict, counts, `${counts.unchecked} 处未读取或未校验`);
  return verdictLabel(verdict, counts);
}

/**
 * The one-line verdict of a report or a workbook: the pane's verdict line, the command's closing line and
 * the ribbon's title. Never 通过 unless every table was read and checked; `reason` says why nothing was.
 */
export function verdictHeadline(verdict: Verdict, counts: VerdictCounts, reason?: string): string {
  const warnings = counts.warnings ? `警告 ${counts.warnings} 条，请核对` : '';
  switch (verdict) {
    case 'passed':
      if (counts.warnings) return `${verdictLabel(verdict, counts)}：全部表格已读取并校验，没有错误`;
      return `${VERDICT_LABELS.passed}：全部表格已读取并校验，${counts.infos ? '没有错误' : '未发现问题'}`;
    case 'errors':
      return `${VERDICT_LABELS.errors}：错误 ${counts.errors} 条，请逐条修改${warnings ? `；另有${warnings}` : ''}`;
    case 'incomplete':
      if (counts.unfilled)
        return `${UNFILLED_LABEL}：表格中还没有填写任何数字，填写后才能校验${counts.unchecked > 1 ? `；另有 ${counts.unchecked - 1} 处内容未读取或未校验` : ''}`;
      return `${VERDICT_LABELS.incomplete}：有 ${counts.unchecked} 处内容未读取或未校验，其余没有发现错误${warnings ? `；${warnings}` : ''}`;
    case 'unreadable':
      return `${VERDICT_LABELS.unreadable}：${reason ?? '没有找到可以校验的年报表格'}`;
  }
}
