import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { ErrorCircle16Filled, Info16Filled, Warning16Filled } from '@fluentui/react-icons';
import type { WorkbookCheck } from '../../excel/check';
import type { Severity } from '../../report/standard/rules';
import type { Verdict } from '../../report/standard/verdict';
import { useLogic } from '../deferred';
import { CountBadge } from './CountBadge';

import { CLICKABLE_ITEM } from './itemStyle';

const useStyles = makeStyles({
  counts: { display: 'flex', gap: tokens.spacingHorizontalS, minHeight: '24px', alignItems: 'center' },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginTop: tokens.spacingVerticalS },
  item: CLICKABLE_ITEM,
  sheets: { listStyleType: 'none', margin: `${tokens.spacingVerticalXS} 0 0 0`, padding: 0 },
  basis: { color: tokens.colorNeutralForeground3, marginTop: tokens.spacingVerticalXS },
  culprit: { justifyContent: 'flex-start', textAlign: 'left', whiteSpace: 'normal', wordBreak: 'break-all', minWidth: 0, width: '100%' },
  passed: { color: tokens.colorPaletteGreenForeground1 },
  incomplete: { color: tokens.colorPaletteMarigoldForeground2 },
  errors: { color: tokens.colorPaletteRedForeground1 },
});

const ICONS: Record<Severity, JSX.Element> = {
  error: <ErrorCircle16Filled color={tokens.colorPaletteRedForeground1} />,
  warning: <Warning16Filled color={tokens.colorPaletteMarigoldForeground1} />,
  info: <Info16Filled color={tokens.colorPaletteBlueForeground2} />,
};

export interface FindingsProps {
  check: WorkbookCheck;
  /** A finding (or a table's likely culprit) was clicked: the pane selects its cells. */
  onSelect: (sheetId: string, addresses: string[]) => void;
}

/** Counts per severity, then the findings grouped by table; a click asks for the finding's cells to be selected. */
export function Findings({ check, onSelect }: FindingsProps) {
  const styles = useStyles();
  // The findings view comes with the second chunk, which is there once a check is.
  const m = useLogic();
  if (!m) return null;
  const { groupFindings, severityCounts, sheetVerdicts, SEVERITY_LABELS } = m;
  const counts = severityCounts(check);
  const groups = groupFindings(check);
  // With several sheets checked, each gets its own line, the active sheet's first (its verdict heads the pane).
  const perSheet = check.sheets.length > 1 ? sheetVerdicts(check) : [];
  const verdictStyle: Record<Verdict, string | undefined> = {
    passed: styles.passed,
    incomplete: styles.incomplete,
    errors: styles.errors,
    unreadable: undefined,
  };
  return (
    <section aria-label="校验结果">
      <div className={styles.counts} aria-live="polite" data-testid="counts">
        {(['error', 'warning', 'info'] as const).map((s) => (
          <CountBadge key={s} severity={s} filled={counts[s] > 0}>
            {SEVERITY_LABELS[s]} {counts[s]}
          </CountBadge>
        ))}
      </div>
      {perSheet.length > 0 && (
        <div className={styles.sheets} aria-label="各工作表的结论" data-testid="sheet-verdicts">
          {perSheet.map((s) => (
            <div key={s.sheetId} data-verdict={s.verdict}>
              <Text size={200} className={verdictStyle[s.verdict]}>
                {s.text}
              </Text>
            </div>
          ))}
        </div>
      )}
      {groups.map((g) => (
        <div key={g.key} className={styles.group} role="list" aria-label={g.title}>
          <Text weight="semibold">{g.title}</Text>
          {g.culprit && (
            <Button
              appearance="transparent"
              size="small"
              className={styles.culprit}
              data-testid="culprit"
              title="点击选中这个单元格"
              onClick={() => onSelect(g.sheetId, [g.culprit!.address])}
            >
              最可能填错的是 {g.culprit.address}（{g.culprit.label}）：下面 {g.culprit.errors} 条错误都涉及它
            </Button>
          )}
          {g.items.map((item, i) => [
            // The blank-cells line says its rule itself.
            item.rule !== 'CELL-BLANK' && (i === 0 || g.items[i - 1].rule !== item.rule) && (
              <Text key={`${item.key}/basis`} size={200} className={styles.basis} data-testid="rule-basis">
                {item.ruleName}：{item.basis}
              </Text>
            ),
            <Button
              key={item.key}
              role="listitem"
              appearance="subtle"
              size="small"
              className={styles.item}
              icon={ICONS[item.severity]}
              data-rule={item.rule}
              title={`${SEVERITY_LABELS[item.severity]} · ${item.ruleName}（${item.rule}）：点击选中相关单元格`}
              onClick={() => onSelect(item.sheetId, item.addresses)}
            >
              {item.text}
            </Button>,
          ])}
        </div>
      ))}
    </section>
  );
}
