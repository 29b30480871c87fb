import { TABLE_NAMES, TABLE_NUMBERS, TableId } from '../report/formats';
import { ruleDef, Severity } from '../report/rules';
import { LocatedFinding, WorkbookCheck } from '../excel/check';
import { uncheckedOf } from '../report/sheetCheck';
import { Verdict, VERDICT_LABELS, worstVerdict } from '../report/verdict';

/** One line of the findings list: a finding, or the blank cells of a table folded into one line. */
export interface FindingItem {
  key: string;
  severity: Severity;
  ruleName: string;
  rule: string;
  message: string;
  sheet: string;
  /** The sheet's id: still valid after the user renames the sheet. */
  sheetId: string;
  addresses: string[];
}

export interface FindingGroup {
  key: string;
  title: string;
  items: FindingItem[];
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The pane's view of a check: findings grouped by sheet and table, errors first. The CELL-BLANK
 * findings of a table become one line, so a freshly inserted table does not bury the real problems.
 */
export function groupFindings(check: WorkbookCheck): FindingGroup[] {
  const groups: FindingGroup[] = [];
  const many = check.sheets.length > 1;
  for (const sheet of check.sheets) {
    const byTable = new Map<TableId, LocatedFinding[]>();
    for (const f of sheet.findings) byTable.set(f.table, [...(byTable.get(f.table) ?? []), f]);
    for (const t of sheet.tables) {
      const findings = byTable.get(t.table) ?? [];
      if (findings.length === 0) continue;
      const items: FindingItem[] = [];
      const blanks = findings.filter((f) => f.rule === 'CELL-BLANK');
      for (const f of findings) {
        if (f.rule === 'CELL-BLANK') continue;
        items.push({
          key: `${sheet.sheetId}/${f.rule}/${f.instance}`,
          severity: f.severity,
          ruleName: ruleDef(f.rule).name,
          rule: f.rule,
          message: f.message,
          sheet: sheet.sheet,
          sheetId: sheet.sheetId,
          addresses: f.addresses,
        });
      }
      if (blanks.length) {
        items.push({
          key: `${sheet.sheetId}/${t.table}/CELL-BLANK`,
          severity: 'info',
          ruleName: ruleDef('CELL-BLANK').name,
          rule: 'CELL-BLANK',
          message:
            blanks.length === 1
              ? blanks[0].message
              : `${blanks.length} 个单元格空白，按 0 计算；公开的表格应填写 0（点击选中这些单元格所在区域）`,
          sheet: sheet.sheet,
          sheetId: sheet.sheetId,
          addresses: blanks.flatMap((b) => b.addresses),
        });
      }
      items.sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
      groups.push({
        key: `${sheet.sheetId}/${t.table}`,
        title: `${TABLE_NUMBERS[t.table]} ${TABLE_NAMES[t.table]}${many ? `（${sheet.sheet}）` : ''}`,
        items,
      });
    }
  }
  return groups;
}

export function severityCounts(check: WorkbookCheck): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const s of check.sheets) for (const f of s.findings) counts[f.severity]++;
  return counts;
}

/** The workbook's verdict as the pane and the ribbon say it: the same verdicts as the command. */
export interface VerdictView {
  verdict: Verdict;
  /** One line: never 通过 unless every table was read and checked. */
  text: string;
  /** What was not read or not checked, sheet by sheet (Chinese). */
  unchecked: string[];
}

export function workbookVerdict(check: WorkbookCheck): VerdictView {
  const unchecked = check.sheets.flatMap(uncheckedOf);
  const verdict = check.error ? 'unreadable' : worstVerdict(check.sheets.map((s) => s.verdict));
  const counts = severityCounts(check);
  const text: Record<Verdict, string> = {
    passed: counts.warning ? `${VERDICT_LABELS.passed}：全部表格已读取，没有错误，请看警告` : `${VERDICT_LABELS.passed}：全部表格已读取，数字全部对得上`,
    errors: `${VERDICT_LABELS.errors}：请逐条修改下列问题`,
    incomplete: `${VERDICT_LABELS.incomplete}：有 ${unchecked.length} 处内容未读取或未校验，其余没有发现错误`,
    unreadable: check.error ? `无法校验：${check.error}` : '没有找到可以校验的年报表格',
  };
  return { verdict, text: text[verdict], unchecked };
}
