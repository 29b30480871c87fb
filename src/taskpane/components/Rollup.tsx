import { Button, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { WorkbookCheck } from '../../excel/check';
import type { RollupResult, RollupUnit } from '../../excel/rollup';
import type { HostOperations } from '../../excel/host';
import { verdictCounts, verdictLabel } from '../../report/standard/verdictText';
import { useLogic } from '../deferred';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

export interface RollupProps {
  host: HostOperations;
  /** ExcelApi 1.9: the summary sheet prints as the template does. */
  pageSetup?: boolean;
  check: WorkbookCheck | null;
  busy: boolean;
  /** Runs the action with the pane's busy state and the live checker's own-writes guard. */
  onRun: (action: () => Promise<RollupResult>) => void;
}

/**
 * 汇总本工作簿: lists the unit sheets (each with its verdict, so the office sees which unit breaks the
 * total), all ticked, and inserts a summary sheet of live formulas over the ticked ones.
 */
export function Rollup({ host, check, busy, onRun, pageSetup }: RollupProps) {
  const styles = useStyles();
  const logic = useLogic();
  const [units, setUnits] = useState<RollupUnit[] | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  /** A unit sheet's verdict in the last check, e.g. 有错误 or 通过（警告 2 条，请核对）; null when it was not checked. */
  const verdictOf = (sheetId: string) => {
    const sheet = check?.sheets.find((s) => s.sheetId === sheetId);
    return sheet ? verdictLabel(sheet.verdict, verdictCounts(sheet.findings, 0, sheet.unfilled)) : null;
  };
  const list = async () => {
    if (!logic) return;
    const found = await host.rollupUnits();
    setUnits(found);
    setTicked(new Set(found.map((u) => u.sheetId)));
  };
  if (!units) {
    return (
      <Button disabled={busy || !logic} onClick={() => void list()}>
        汇总本工作簿…
      </Button>
    );
  }
  return (
    <div className={styles.root} role="group" aria-label="汇总本工作簿">
      {units.length === 0 && <Text>工作簿中还没有各单位的年报表格。</Text>}
      {units.map((u) => (
        <Checkbox
          key={u.sheetId}
          checked={ticked.has(u.sheetId)}
          onChange={(_, d) => {
            const next = new Set(ticked);
            if (d.checked) next.add(u.sheetId);
            else next.delete(u.sheetId);
            setTicked(next);
          }}
          label={`${u.sheet}（${u.version}版${verdictOf(u.sheetId) ? `，${verdictOf(u.sheetId)}` : ''}）`}
        />
      ))}
      <Button
        appearance="primary"
        disabled={busy || !logic || ticked.size === 0}
        onClick={() => {
          if (!logic) return;
          onRun(() => host.insertWorkbookRollup([...ticked], pageSetup));
          setUnits(null);
        }}
      >
        插入汇总表（{ticked.size} 个单位）
      </Button>
    </div>
  );
}
