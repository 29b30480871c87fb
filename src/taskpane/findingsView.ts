import { problemText } from './problemText';
import { CellId, dataCell, FormatVersion, TABLE_NAMES, TABLE_NUMBERS, TableId } from '../report/standard/formats';
import { withoutBasis } from '../report/standard/basis';
import { BLANK_MEANING, ruleDef, Severity } from '../report/standard/rules';
import { LocatedFinding, WorkbookCheck } from '../excel/check';
import { uncheckedOf } from '../report/sheet/sheetCheck';
import { Verdict, worstVerdict } from '../report/standard/verdict';
import { verdictCounts, verdictHeadline, verdictPhrase } from '../report/standard/verdictText';

/** One line of the findings list: a finding, or the blank cells of a table folded into one line. */
export interface FindingItem {
  key: string;
  severity: Severity;
  ruleName: string;
  rule: string;
  /** The validator's message, ending with the rule's basis. */
  message: string;
  /** The message without the basis: the pane gives the basis once, above the rule's findings. */
  text: string;
  basis: string;
  sheet: string;
  /** The sheet's id: still valid after the user renames the sheet. */
  sheetId: string;
  addresses: string[];
}

export interface FindingGroup {
  key: string;
  title: string;
  /** Sorted by severity, then rule: the findings of a rule stand together under its basis. */
  items: FindingItem[];
  /** The cell every failing rule of the table involves, when there is one. */
  culprit: Culprit | null;
  sheetId: string;
}

export interface Culprit {
  id: CellId;
  address: string;
  /** The cell as the format names it, e.g. 一、本年新收政府信息公开申请数量的“自然人”. */
  label: string;
  /** How many errors involve it. */
  errors: number;
}

/**
 * The likely culprit among a table's findings: the one cell shared by all its errors (at least two).
 * One wrong number breaks every rule it takes part in (a column's balance and a row's total), so
 * the cell in all of them is the one to look at first. Null when no single cell is.
 */
export function culpritCell(findings: readonly LocatedFinding[], version: FormatVersion): Culprit | null {
  const errors = findings.filter((f) => f.severity === 'error' && f.rule !== 'CELL-BLANK');
  if (errors.length < 2) return null;
  const shared = errors.slice(1).reduce((acc, f) => acc.filter((c) => f.cells.includes(c)), [...new Set(errors[0].cells)]);
  if (shared.length !== 1) return null;
  const id = shared[0];
  // Addresses run parallel to the cells when every cell was placed on the sheet.
  const withAddress = errors.find((f) => f.addresses.length === f.cells.length);
  const address = withAddress?.addresses[withAddress.cells.indexOf(id)];
  if (!address) return null;
  return { id, address, label: dataCell(version, id)?.label ?? id, errors: errors.length };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * The pane's view of a check: findings grouped by sheet and table, errors first. The CELL-BLANK
 * findings of a table become one line, so a freshly inserted table does not bury the real problems.
 */
export function groupFindings(check: WorkbookCheck): FindingGroup[] {
  const groups: FindingGroup[] = [];
  const many = check.sheets.length > 1;
  for (const sheet of sheetsActiveFirst(check)) {
    const byTable = new Map<TableId, LocatedFinding[]>();
    for (const f of sheet.findings) byTable.set(f.table, [...(byTable.get(f.table) ?? []), f]);
    for (const t of sheet.tables) {
      const findings = byTable.get(t.table) ?? [];
      if (findings.length === 0) continue;
      const items: FindingItem[] = [];
      const blanks = findings.filter((f) => f.rule === 'CELL-BLANK');
      for (const f of findings) {
        if (f.rule === 'CELL-BLANK') continue;
        const basis = ruleDef(f.rule).basis;
        items.push({
          key: `${sheet.sheetId}/${f.rule}/${f.instance}`,
          severity: f.severity,
          ruleName: ruleDef(f.rule).name,
          rule: f.rule,
          message: f.message,
          text: withoutBasis(f.message, basis),
          basis,
          sheet: sheet.sheet,
          sheetId: sheet.sheetId,
          addresses: f.addresses,
        });
      }
      if (blanks.length) {
        const message =
          blanks.length === 1 ? blanks[0].message : `${blanks.length} 个单元格空白，${BLANK_MEANING}（点击选中这些单元格所在区域）`;
        const basis = ruleDef('CELL-BLANK').basis;
        items.push({
          key: `${sheet.sheetId}/${t.table}/CELL-BLANK`,
          severity: 'info',
          ruleName: ruleDef('CELL-BLANK').name,
          rule: 'CELL-BLANK',
          message,
          text: withoutBasis(message, basis),
          basis,
          sheet: sheet.sheet,
          sheetId: sheet.sheetId,
          addresses: blanks.flatMap((b) => b.addresses),
        });
      }
      // Stable: a rule's findings keep the validator's order; rules in order of severity, then first appearance.
      const firstOf = new Map<string, number>();
      items.forEach((it, i) => firstOf.has(it.rule) || firstOf.set(it.rule, i));
      const rank = (it: FindingItem) => SEVERITY_ORDER[it.severity] * 1e6 + firstOf.get(it.rule)! * 1e3;
      items.sort((a, b) => rank(a) - rank(b));
      groups.push({
        key: `${sheet.sheetId}/${t.table}`,
        // The sheet after a dot, not in brackets: sheet names often hold brackets of their own.
        title: `${TABLE_NUMBERS[t.table]} ${TABLE_NAMES[t.table]}${many ? ` · ${sheet.sheet}` : ''}`,
        items,
        culprit: culpritCell(findings, t.version),
        sheetId: sheet.sheetId,
      });
    }
  }
  return groups;
}

/** One line per checked sheet with its verdict, e.g. Sheet1：通过（警告 2 条，请核对）. */
export function sheetVerdicts(check: WorkbookCheck): { sheetId: string; verdict: Verdict; text: string; phrase: string }[] {
  return sheetsActiveFirst(check).map((s) => {
    const phrase = verdictPhrase(s.verdict, sheetCounts(s));
    return { sheetId: s.sheetId, verdict: s.verdict, text: `${s.sheet}：${phrase}`, phrase };
  });
}

export function severityCounts(check: WorkbookCheck): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const s of check.sheets) for (const f of s.findings) counts[f.severity]++;
  return counts;
}

/** A sheet's counts as its verdict is worded: findings, what was not checked, and whether it is unfilled. */
const sheetCounts = (s: WorkbookCheck['sheets'][number]) => verdictCounts(s.findings, uncheckedOf(s).length, s.unfilled);

/** The checked sheets, the one the user is on first, the others in workbook order. */
export function sheetsActiveFirst(check: WorkbookCheck): WorkbookCheck['sheets'] {
  const active = check.sheets.filter((s) => s.sheetId === check.activeSheetId);
  return [...active, ...check.sheets.filter((s) => s.sheetId !== check.activeSheetId)];
}

/** The verdict the pane puts first: the active sheet's, or the workbook's when the active sheet holds no table. */
export interface ActiveVerdictView extends VerdictView {
  /** What the verdict is of, e.g. 当前工作表“年报”; null before anything was checked. */
  scope: string | null;
}

export function activeVerdict(check: WorkbookCheck): ActiveVerdictView {
  const sheet = check.error ? undefined : check.sheets.find((s) => s.sheetId === check.activeSheetId);
  if (!sheet) {
    const scope =
      check.error || check.sheets.length === 0
        ? null
        : check.sheets.length === 1
          ? `工作表“${check.sheets[0].sheet}”`
          : `整个工作簿（${check.sheets.length} 张工作表）`;
    return { ...workbookVerdict(check), scope };
  }
  const text = verdictHeadline(sheet.verdict, sheetCounts(sheet));
  return { verdict: sheet.verdict, text, unchecked: uncheckedOf(sheet), scope: `当前工作表“${sheet.sheet}”` };
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
  const counts = verdictCounts(
    check.sheets.flatMap((s) => s.findings),
    unchecked.length,
    check.sheets.length > 0 && check.sheets.every((s) => s.unfilled),
  );
  // An Excel error (cell edit mode, say) means the check did not run, not that the workbook holds no report.
  const text = check.error ? `无法校验：${problemText(check.error)}` : verdictHeadline(verdict, counts);
  return { verdict, text, unchecked };
}
