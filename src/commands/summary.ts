import { problemText } from '../taskpane/problemText';
import { WorkbookCheck } from '../excel/check';
import { groupFindings, workbookVerdict } from '../taskpane/findingsView';

/** The ribbon 校验 command's result as a few Chinese lines: the pane's verdict line, then the first problems. */
export function checkSummary(check: WorkbookCheck, maxLines = 8): { title: string; lines: string[] } {
  if (check.error) return { title: '无法校验', lines: [problemText(check.error)] };
  if (check.sheets.length === 0) {
    return { title: '没有找到年报表格', lines: ['请点击“打开助手”，插入官方表格后再校验。'] };
  }
  const verdict = workbookVerdict(check);
  const items = groupFindings(check).flatMap((g) => g.items.filter((i) => i.severity !== 'info').map((i) => `${g.title}：${i.message}`));
  const lines = [...verdict.unchecked, ...items];
  const shown = lines.slice(0, maxLines);
  if (lines.length > maxLines) shown.push(`…… 另有 ${lines.length - maxLines} 条，请打开助手查看全部并定位单元格。`);
  return { title: verdict.text, lines: shown };
}
