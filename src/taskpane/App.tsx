import {
  Button,
  Checkbox,
  Divider,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Radio,
  RadioGroup,
  Spinner,
  Switch,
  Text,
  tokens,
} from '@fluentui/react-components';
import { Dismiss16Regular } from '@fluentui/react-icons';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { WorkbookCheck } from '../excel/check';
import { convertActiveSheet, Findings, insertTables, LiveChecker, recogniseActiveSheet, reinsertTable, StructureProblems, unmarkActiveSheet } from './deferred';
import { ExcelRun } from '../excel/run';
import type { RollupResult } from '../excel/rollup';
import { ProseCheck } from './components/ProseCheck';
import { Rollup } from './components/Rollup';
import { LastYear } from './components/LastYear';
import { DEFAULT_VERSION, FormatVersion, TABLE_IDS, TABLE_NAMES, TABLE_NUMBERS, TableId } from '../report/formats';

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
  buttons: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  wide: { gridColumn: '1 / span 2' },
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  // The notice stays in sight wherever the pane is scrolled: the buttons that cause it sit below long findings.
  notice: { position: 'sticky', top: 0, zIndex: 1, backgroundColor: tokens.colorNeutralBackground1 },
});

export interface AppProps {
  run: ExcelRun;
  supported: boolean;
  debounceMs?: number;
  mergedAreas?: boolean;
  /** ExcelApi 1.9: a finding's cells are selected exactly, in several areas. */
  multiAreaSelect?: boolean;
}

/** fromCheck: an error of the live check, cleared when a later check succeeds. */
type Notice = { intent: 'success' | 'warning' | 'error' | 'info'; title?: string; text: string; retryOnNewSheet?: TableId[]; fromCheck?: boolean } | null;

export function App({ run, supported, debounceMs, mergedAreas, multiAreaSelect }: AppProps) {
  const styles = useStyles();
  const [version, setVersion] = useState<FormatVersion>(DEFAULT_VERSION);
  const [target, setTarget] = useState<'selection' | 'newSheet'>('newSheet');
  const [totalsAsFormulas, setTotalsAsFormulas] = useState(false);
  const [live, setLive] = useState(true);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const [check, setCheck] = useState<WorkbookCheck | null>(null);
  const checker = useRef<LiveChecker | null>(null);

  useEffect(() => {
    if (!supported) return;
    const c = new LiveChecker(run, {
      debounceMs,
      check: { mergedAreas },
      onResult: (r) => {
        setCheck(r);
        performance.mark('xxgk-findings-updated');
      },
      onError: (message) => setNotice({ intent: 'error', text: message, fromCheck: true }),
      onErrorCleared: () => setNotice((n) => (n?.fromCheck ? null : n)),
      onNotice: (text, title) => setNotice({ intent: 'warning', title: title ?? '已自动恢复', text }),
    });
    checker.current = c;
    void c.refresh();
    return () => {
      void c.stop();
    };
  }, [run, supported, debounceMs, mergedAreas]);

  const liveMounted = useRef(false);
  useEffect(() => {
    checker.current?.setEnabled(live);
    // Switched back on: what changed meanwhile is checked at once.
    if (liveMounted.current && live) void checker.current?.refresh();
    liveMounted.current = true;
  }, [live]);

  /** Runs one of the pane's own writes: the live check ignores the change events it causes. */
  const ownWrite = useCallback(<T,>(write: () => Promise<T>): Promise<T> => (checker.current ? checker.current.whileWriting(write) : write()), []);

  const insert = useCallback(
    async (tables: TableId[], where: 'selection' | 'newSheet' = target) => {
      setBusy(true);
      setNotice(null);
      const result = await ownWrite(() => insertTables(run, { version, tables, target: where, totalsAsFormulas, mergedAreas }));
      setBusy(false);
      const names = tables.map((t) => TABLE_NUMBERS[t]).join('、');
      if (result.kind === 'done') {
        setNotice({ intent: 'success', text: `已在工作表“${result.sheet}”插入${names}（${version}版）。请直接填写数字，填写时会自动校验。` });
        await checker.current?.refresh();
      } else {
        // Every message about the selected cells names 插入到新工作表: the button is given beside it.
        const retryOnNewSheet = where === 'selection' ? tables : undefined;
        setNotice({ intent: result.kind === 'blocked' ? 'warning' : 'error', title: '未插入', text: result.message, retryOnNewSheet });
      }
    },
    [run, version, target, totalsAsFormulas, mergedAreas],
  );

  const recogniseHere = useCallback(async () => {
    setBusy(true);
    setNotice(null);
    const r = await ownWrite(() => recogniseActiveSheet(run));
    setBusy(false);
    if (r.kind === 'done') {
      const names = r.tables.map((t) => TABLE_NUMBERS[t]).join('、');
      setNotice({
        intent: r.notes.length ? 'warning' : 'success',
        title: `识别到${names}（${r.version}版）`,
        text: `已在工作表“${r.sheet}”原位置校验，问题单元格会标红，修改后自动重新校验。${r.notes.length ? `以下内容未能识别：${r.notes.join('；')}` : ''}`,
      });
      await checker.current?.refresh();
    } else setNotice({ intent: r.kind === 'none' ? 'info' : 'error', text: r.message });
  }, [run]);

  const unmarkHere = useCallback(async () => {
    setBusy(true);
    const r = await unmarkActiveSheet(run);
    setBusy(false);
    setNotice(
      r.kind === 'done'
        ? { intent: r.removed ? 'success' : 'info', text: r.removed ? '已清除当前工作表上年报助手标出的红色、黄色底纹，单元格内容未改动。' : '当前工作表上没有年报助手的标记。' }
        : { intent: 'error', text: r.message },
    );
    await checker.current?.refresh();
  }, [run]);

  const convertHere = useCallback(async () => {
    setBusy(true);
    setNotice(null);
    const r = await ownWrite(() => convertActiveSheet(run, totalsAsFormulas));
    setBusy(false);
    if (r.kind === 'done') {
      setNotice({ intent: 'success', text: `已转换为标准表格（${r.placements[0].version}版），放在新工作表“${r.sheet}”，原有数字已全部带入；原工作表未改动。` });
      await checker.current?.refresh();
    } else setNotice({ intent: r.kind === 'none' ? 'info' : r.kind === 'blocked' ? 'warning' : 'error', text: r.message });
  }, [run, totalsAsFormulas]);

  const reinsert = useCallback(
    async (t: Parameters<typeof reinsertTable>[1]) => {
      setBusy(true);
      setNotice(null);
      const r = await ownWrite(() => reinsertTable(run, t, totalsAsFormulas));
      setBusy(false);
      if (r.kind === 'done') {
        const carried =
          r.carried === null || r.carried === undefined
            ? '原表已无法读取，插入的是空白表格'
            : `带入了原表中可识别的 ${r.carried} 个数字`;
        const lost = r.notCarried?.length
          ? `；以下 ${r.notCarried.length} 个单元格在原表中已找不到，未能带入，请对照原表补填：${r.notCarried.slice(0, 8).join('、')}${r.notCarried.length > 8 ? ' 等' : ''}`
          : '';
        setNotice({ intent: r.notCarried?.length ? 'warning' : 'success', text: `已在新工作表“${r.sheet}”重新插入${TABLE_NUMBERS[t.table]}（${t.version}版），${carried}${lost}；原工作表未改动，核对无误后可删除原表。` });
        await checker.current?.refresh();
      } else setNotice({ intent: 'error', text: r.message });
    },
    [run, totalsAsFormulas],
  );

  const recheck = useCallback(async () => {
    setBusy(true);
    await checker.current?.refresh();
    setBusy(false);
  }, []);

  const rollup = useCallback(async (action: () => Promise<RollupResult>) => {
    setBusy(true);
    setNotice(null);
    const r = await ownWrite(() => action());
    setBusy(false);
    if (r.kind === 'done') {
      setNotice({ intent: 'success', text: `已插入工作表“${r.sheet}”：每个数字都是 ${r.units.join('、')} 对应单元格之和，单位表格修改后会自动更新，并像其他表格一样校验。` });
      await checker.current?.refresh();
    } else setNotice({ intent: 'error', title: '未汇总', text: r.message });
  }, []);

  const hasTables = useMemo(() => (check?.sheets ?? []).some((s) => s.tables.length > 0 || s.lost.length > 0), [check]);

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

  // With tables in the workbook the findings come first; before that, the buttons that insert them.
  const insertSection = (
    <>
      <Field label="格式版本">
        <RadioGroup value={version} onChange={(_, d) => setVersion(d.value as FormatVersion)}>
          <Radio value="2021" label="2021版（2021年及以后的年报）" />
          <Radio value="2019" label="2019版（2019、2020年的年报）" />
        </RadioGroup>
      </Field>
      <Field label="插入位置">
        <RadioGroup value={target} onChange={(_, d) => setTarget(d.value as 'selection' | 'newSheet')}>
          <Radio value="newSheet" label="新工作表" />
          <Radio value="selection" label="当前选中的单元格" />
        </RadioGroup>
      </Field>
      <Checkbox
        checked={totalsAsFormulas}
        onChange={(_, d) => setTotalsAsFormulas(!!d.checked)}
        label="合计用公式自动计算（总计列、（七）总计行、表四总计）"
      />
      <Field label="插入表格">
        {/* Labels short enough for a 320 px pane: no line break inside a bracket. */}
        <div className={styles.buttons} role="group" aria-label="插入表格">
          {TABLE_IDS.map((t) => (
            <Button key={t} disabled={busy} onClick={() => void insert([t])}>
              {TABLE_NUMBERS[t]} {TABLE_NAMES[t]}
            </Button>
          ))}
          <Button appearance="primary" disabled={busy} onClick={() => void insert([...TABLE_IDS])}>
            插入全部三张表
          </Button>
        </div>
      </Field>
      <Field label="已有的表格（从上年年报或网页粘贴的）">
        <div className={styles.buttons} role="group" aria-label="已有的表格">
          <Button className={styles.wide} disabled={busy} onClick={() => void recogniseHere()}>
            识别并校验当前工作表
          </Button>
          <Button disabled={busy} onClick={() => void convertHere()}>
            转换为标准表格
          </Button>
          <Button disabled={busy} onClick={() => void unmarkHere()}>
            清除标记
          </Button>
        </div>
      </Field>
      <LastYear run={run} check={check} busy={busy} checker={checker} />
      <Field label="上级单位：把各单位工作表中的表格相加">
        <Rollup run={run} check={check} busy={busy} onRun={(action) => void rollup(action)} />
      </Field>
    </>
  );
  const checkSection = (
    <>
      <div className={styles.row}>
        <Text as="h2" weight="semibold" size={400}>
          校验
        </Text>
        <Switch checked={live} onChange={(_, d) => setLive(d.checked)} label="实时校验" />
        <Button size="small" disabled={busy} onClick={() => void recheck()}>
          立即校验
        </Button>
      </div>
      {check === null ? (
        <Spinner size="tiny" label="正在读取工作簿…" />
      ) : check.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{check.error}</MessageBarBody>
        </MessageBar>
      ) : !hasTables ? (
        <MessageBar intent="info">
          <MessageBarBody>
            <MessageBarTitle>还没有年报表格</MessageBarTitle>
            先选择格式版本，再点击上方按钮插入官方表格；填写数字时会自动校验，对不上的单元格会标红。已有从上年年报或网页粘贴的表格时，可点击“识别并校验当前工作表”。
          </MessageBarBody>
        </MessageBar>
      ) : (
        <>
          {!live && (
            <MessageBar intent="info" data-testid="live-off">
              <MessageBarBody>实时校验已关闭：下面是上次校验的结果，修改后可能已过时。请点击“立即校验”更新。</MessageBarBody>
            </MessageBar>
          )}
          <StructureProblems check={check} onReinsert={(t) => void reinsert(t)} />
          <Findings check={check} run={run} multiAreaSelect={multiAreaSelect} onError={(text) => setNotice({ intent: 'error', text })} />
          <ProseCheck check={check} />
        </>
      )}
    </>
  );

  return (
    <main className={styles.root} aria-label="年报助手">
      <Text as="h1" className={styles.title}>
        年报助手
      </Text>
      <div aria-live="polite" className={styles.notice} data-testid="notice">
        {notice && (
          <MessageBar intent={notice.intent} layout="multiline">
            <MessageBarBody>
              {notice.title && <MessageBarTitle>{notice.title}</MessageBarTitle>}
              {notice.text}
            </MessageBarBody>
            <MessageBarActions
              containerAction={<Button appearance="transparent" size="small" aria-label="关闭提示" icon={<Dismiss16Regular />} onClick={() => setNotice(null)} />}
            >
              {notice.retryOnNewSheet && (
                <Button size="small" disabled={busy} onClick={() => void insert(notice.retryOnNewSheet!, 'newSheet')}>
                  插入到新工作表
                </Button>
              )}
            </MessageBarActions>
          </MessageBar>
        )}
      </div>
      {hasTables ? (
        <>
          {checkSection}
          <Divider />
          {insertSection}
        </>
      ) : (
        <>
          {insertSection}
          <Divider />
          {checkSection}
        </>
      )}
    </main>
  );
}
