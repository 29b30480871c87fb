import { makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle24Filled, ErrorCircle24Filled, Info24Filled, Warning24Filled } from '@fluentui/react-icons';
import type { WorkbookCheck } from '../../excel/check';
import type { Verdict } from '../../report/standard/verdict';
import { useLogic } from '../deferred';
import { hasTablesIn } from './CheckPanel';

const useStyles = makeStyles({
  // One height before and after the first check, so that the controls below never move.
  root: {
    display: 'flex',
    gap: tokens.spacingHorizontalS,
    alignItems: 'flex-start',
    // The scope line and two lines of headline: a verdict that changes does not move what follows.
    minHeight: '84px',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    boxSizing: 'border-box',
    backgroundColor: tokens.colorNeutralBackground3,
  },
  passed: { backgroundColor: tokens.colorPaletteGreenBackground1, color: tokens.colorPaletteGreenForeground1 },
  errors: { backgroundColor: tokens.colorPaletteRedBackground1, color: tokens.colorPaletteRedForeground1 },
  incomplete: { backgroundColor: tokens.colorPaletteYellowBackground1, color: tokens.colorPaletteMarigoldForeground2 },
  unreadable: { backgroundColor: tokens.colorNeutralBackground3, color: tokens.colorNeutralForeground1 },
  icon: { flexShrink: 0, marginTop: '2px' },
  body: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  scope: { color: tokens.colorNeutralForeground2 },
  headline: { overflowWrap: 'anywhere' },
});

const ICONS: Record<Verdict, JSX.Element> = {
  passed: <CheckmarkCircle24Filled />,
  errors: <ErrorCircle24Filled />,
  incomplete: <Warning24Filled />,
  unreadable: <Info24Filled />,
};

/** The first and largest thing in the pane: the verdict of the sheet the user is on. */
export function VerdictBanner({ check }: { check: WorkbookCheck | null }) {
  const styles = useStyles();
  const logic = useLogic();
  const waiting = (text: string) => (
    <div className={styles.root} role="status" data-testid="verdict" data-verdict="none">
      <Text size={400}>{text}</Text>
    </div>
  );
  if (check === null || !logic) return waiting('正在读取工作簿…');
  if (!check.error && !hasTablesIn(check)) return waiting('还没有年报表格：插入或识别表格后，这里显示校验结论');
  const v = logic.activeVerdict(check);
  return (
    <div className={`${styles.root} ${styles[v.verdict]}`} role="status" aria-live="polite" data-testid="verdict" data-verdict={v.verdict}>
      <span className={styles.icon}>{ICONS[v.verdict]}</span>
      <div className={styles.body}>
        {v.scope && (
          <Text size={200} className={styles.scope} data-testid="verdict-scope">
            {v.scope}
          </Text>
        )}
        <Text size={400} weight="semibold" className={styles.headline}>
          {v.text}
        </Text>
      </div>
    </div>
  );
}
