import { Button, Checkbox, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import type { WorkbookCheck } from '../../excel/check';
import type { RollupResult, RollupUnit } from '../../excel/rollup';
import type { HostOperations } from '../../excel/host';
import { useLogic } from '../deferred';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // The name on its line, the version and verdict on the next: never cut inside a word (通 / 过）).
  label: { display: 'flex', flexDirection: 'column', minWidth: 0 },
  name: { overflowWrap: 'anywhere' },
  detail: { whiteSpace: 'nowrap', color: tokens.colorNeutralForeground2 },
  held: { color: tokens.colorPaletteRedForeground1 },
  hint: { color: tokens.colorNeutralForeground2 },
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
 * 汇总本工作簿: lists the unit sheets, each with its verdict, and inserts a summary sheet of live
 * formulas over the ticked ones. A unit with errors or not completely checked is not ticked at first:
 * its verdict says why, and the office ticks it once it has looked.
 */
export function Rollup({ host, check, busy, onRun, pageSetup }: RollupProps) {
  const styles = useStyles();
  const logic = useLogic();
  const [units, setUnits] = useState<RollupUnit[] | null>(null);
  const [ticked, setTicked] = useState<Set<string>>(new Set());
  const group = useRef<HTMLDivElement>(null);
  // Each unit sheet's verdict in the last check, worded once per render, and whether it is left out at first (errors, or not complete).
  const verdicts = new Map((check && logic ? logic.sheetVerdicts(check) : []).map((v) => [v.sheetId, v]));
  const unitVerdict = (sheetId: string): { label: string; held: boolean } | null => {
    const v = verdicts.get(sheetId);
    return v ? { label: v.phrase, held: v.verdict !== 'passed' } : null;
  };
  // The list opens below the button: brought into view, with the button that inserts.
  useEffect(() => {
    if (units) group.current?.scrollIntoView?.({ block: 'nearest' });
  }, [units]);
  const list = async () => {
    if (!logic) return;
    const found = await host.rollupUnits();
    setUnits(found);
    setTicked(new Set(found.filter((u) => !unitVerdict(u.sheetId)?.held).map((u) => u.sheetId)));
  };
  if (!units) {
    return (
      <Button disabled={busy || !logic} onClick={() => void list()}>
        汇总本工作簿…
      </Button>
    );
  }
  const held = units.filter((u) => unitVerdict(u.sheetId)?.held);
  return (
    <div className={styles.root} role="group" aria-label="汇总本工作簿" ref={group}>
      {units.length === 0 && <Text>工作簿中还没有各单位的年报表格。</Text>}
      {held.length > 0 && (
        <Text size={200} className={styles.hint} data-testid="rollup-held">
          有错误或未完整校验的单位（{held.length} 个）没有勾选：请先核对，确需计入时再勾选。
        </Text>
      )}
      {units.map((u) => {
        const v = unitVerdict(u.sheetId);
        return (
          <Checkbox
            key={u.sheetId}
            checked={ticked.has(u.sheetId)}
            onChange={(_, d) => {
              const next = new Set(ticked);
              if (d.checked) next.add(u.sheetId);
              else next.delete(u.sheetId);
              setTicked(next);
            }}
            label={
              <span className={styles.label}>
                <span className={styles.name}>{u.sheet}</span>
                <span className={`${styles.detail} ${v?.held ? styles.held : ''}`}>
                  {u.version}版{v ? ` · ${v.label}` : ''}
                </span>
              </span>
            }
          />
        );
      })}
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
