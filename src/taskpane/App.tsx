import { problemText } from './problemText';
import { makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { lazyHost } from './deferred';
import type { HostOperations, Watcher } from '../excel/host';
import { ExcelRun } from '../excel/run';
import { convertedNotice, insertNotice, recognisedNotice, reinsertedNotice, rolledUpNotice, unmarkedNotice } from './notices';
import { CheckPanel, hasTablesIn } from './components/CheckPanel';
import { InsertOptions, InsertPanel } from './components/InsertPanel';
import { Labelled } from './components/Labelled';
import { LastYear } from './components/LastYear';
import { NoticeBar } from './components/NoticeBar';
import { Rollup } from './components/Rollup';
import { useActions } from './useActions';
import { useLiveCheck } from './useLiveCheck';
import { DEFAULT_VERSION, TableId } from '../report/standard/formatNames';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    maxWidth: '100%',
    boxSizing: 'border-box',
  },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold },
  // A rule, not Fluent's Divider (9 KiB of taskpane.js for a line).
  divider: { width: '100%', height: 0, margin: 0, border: 'none', borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
});

export interface AppProps {
  run: ExcelRun;
  /** False when the host lacks ExcelApi 1.8 (Office 2016 and older). */
  supported: boolean;
  /** Quiet time of the live check, in ms. */
  debounceMs?: number;
  /** ExcelApi 1.13: merged areas can be read, so an undone merge is reported. */
  mergedAreas?: boolean;
  /** ExcelApi 1.9: a finding's cells are selected exactly, in several areas. */
  multiAreaSelect?: boolean;
  /** ExcelApi 1.9: tables inserted on a new sheet print on A4 portrait, one page wide, each on its own page. */
  pageSetup?: boolean;
}

export function App({ run, supported, debounceMs, mergedAreas, multiAreaSelect, pageSetup }: AppProps) {
  const styles = useStyles();
  const [options, setOptions] = useState<InsertOptions>({ version: DEFAULT_VERSION, target: 'newSheet', totalsAsFormulas: false });
  // The host operations: Excel's, from the second chunk.
  const host: HostOperations = useMemo(() => lazyHost(run), [run]);
  const checker = useRef<Watcher | null>(null);
  const { busy, notice, setNotice, perform, whileBusy } = useActions(checker);
  const { check, live, setLive } = useLiveCheck(checker, { host, supported, debounceMs, mergedAreas }, setNotice);
  const { version, totalsAsFormulas } = options;

  const insert = (tables: TableId[], where = options.target) =>
    perform(
      () => host.insertTables({ version, tables, target: where, totalsAsFormulas, mergedAreas, pageSetup }),
      (o) => insertNotice(o, tables, version, where),
    );
  const reinsert = (t: Parameters<HostOperations['reinsertTable']>[0]) =>
    perform(
      () => host.reinsertTable(t, totalsAsFormulas, pageSetup),
      (o) => reinsertedNotice(o, t),
    );
  const select = async (sheetId: string, addresses: string[]) => {
    const problem = await host.selectCells(sheetId, addresses, { multiArea: multiAreaSelect });
    if (problem) setNotice({ intent: 'error', text: problemText(problem) });
  };

  if (!supported) {
    return (
      <div className={styles.root}>
        <MessageBar intent="error">
          <MessageBarBody>
            <MessageBarTitle>此 Excel 版本过旧</MessageBarTitle>
            年报助手需要 Excel 2019、Microsoft 365 或网页版 Excel（ExcelApi 1.8 及以上）。
          </MessageBarBody>
        </MessageBar>
      </div>
    );
  }

  const insertSection = (
    <>
      <InsertPanel
        options={options}
        onOptions={setOptions}
        busy={busy}
        onInsert={(tables) => void insert(tables)}
        onRecognise={() => void perform(() => host.recogniseActiveSheet(), recognisedNotice)}
        onConvert={() => void perform(() => host.convertActiveSheet(totalsAsFormulas, pageSetup), convertedNotice)}
        onUnmark={() => void perform(() => host.unmarkActiveSheet(), unmarkedNotice)}
      />
      <LastYear host={host} check={check} busy={busy} perform={perform} />
      <Labelled label="上级单位：把各单位工作表中的表格相加">
        <Rollup host={host} check={check} busy={busy} pageSetup={pageSetup} onRun={(action) => void perform(action, rolledUpNotice)} />
      </Labelled>
    </>
  );
  const checkSection = (
    <CheckPanel
      check={check}
      live={live}
      onLive={setLive}
      busy={busy}
      onRecheck={() => void whileBusy(async () => checker.current?.refresh())}
      onReinsert={(t) => void reinsert(t)}
      onSelect={(sheetId, addresses) => void select(sheetId, addresses)}
      activeSheet={() => host.activeSheet()}
    />
  );
  // With tables in the workbook the findings come first; before that, the buttons that insert them.
  const sections = hasTablesIn(check) ? [checkSection, insertSection] : [insertSection, checkSection];

  return (
    <main className={styles.root} aria-label="年报助手">
      <Text as="h1" className={styles.title}>
        年报助手
      </Text>
      <NoticeBar
        notice={notice}
        busy={busy}
        onClose={() => setNotice(null)}
        onRetryOnNewSheet={(tables) => void insert(tables, 'newSheet')}
      />
      {sections[0]}
      <hr className={styles.divider} />
      {sections[1]}
    </main>
  );
}
