import { WorkbookCheck } from '../excel/check';
import { SEVERITY_LABELS } from '../report/standard/rules';
import { groupFindings, severityCounts, workbookVerdict } from '../taskpane/findingsView';

/** The ribbon 校验 command's result as a few Chinese lines: counts, then the first problems. */
export function checkSummary(check: WorkbookCheck, maxLines = 8): { title: string; lines: string[] } {
  if (check.error) return { title: '无法校验', lines: [check.error] };
  if (check.sheets.length === 0) {
    return { title: '没有找到年报表格', lines: ['请点击“打开助手”，插入官方表格后再校验。'] };
  }
  const c = severityCounts(check);
  const verdict = workbookVerdict(check);
  const title =
    verdict.verdict === 'passed'
      ? c.warning === 0
        ? '校验通过：数字全部对得上'
        : `校验通过：没有错误，${SEVERITY_LABELS.warning} ${c.warning} 条`
      : verdict.verdict === 'errors'
        ? `发现问题：${SEVERITY_LABELS.error} ${c.error} 条，${SEVERITY_LABELS.warning} ${c.warning} 条`
        : verdict.text;
  const items = groupFindings(check).flatMap((g) => g.items.filter((i) => i.severity !== 'info').map((i) => `${g.title}：${i.message}`));
  const lines = [...verdict.unchecked, ...items];
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown.push(`…… 另有 ${lines.length - maxLines} 条，请打开助手查看全部并定位单元格。`);
  return { title, lines: shown };
}
