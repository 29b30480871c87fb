import { Button, makeStyles, MessageBar, MessageBarActions, MessageBarBody, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbookCheck } from '../../excel/check';
import type { HostOperations } from '../../excel/host';
import { lastYearLabel, linkedNotice, unlinkedNotice } from '../notices';
import type { Actions } from '../useActions';
import { Labelled } from './Labelled';

// 上年报告: the user points to last year's report (a sheet of this workbook, or a file read in the
// pane); from then on the cross-year rules are checked live. The link is kept in the workbook, so
// what is shown here comes from the check (WorkbookCheck.lastYear), also after reopening the file.

/** The readers of last year's file come in a chunk of their own, which could not be fetched. */
const FILE_READERS_FAILED = '无法加载读取文件的模块，请检查网络后重试。';

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  // Nothing here may be wider than the pane (300 px and up): the select shrinks, text wraps.
  grow: {
    flex: '1 1 120px',
    minWidth: 0,
    maxWidth: '100%',
    height: '32px',
    fontFamily: 'inherit',
    fontSize: tokens.fontSizeBase300,
    borderRadius: tokens.borderRadiusMedium,
    border: `1px solid ${tokens.colorNeutralStroke1}`,
  },
  wrap: { whiteSpace: 'normal', height: 'auto', minHeight: '32px', maxWidth: '100%', textAlign: 'start' },
  bar: { minWidth: 0, maxWidth: '100%', overflowWrap: 'anywhere' },
});

export interface LastYearProps {
  host: HostOperations;
  check: WorkbookCheck | null;
  busy: boolean;
  /**
   * The pane's one way to run an action: the link is written as the pane's own write, checked again
   * after, and what it came to is said in the notice at the top (replacing an older, unrelated one).
   */
  perform: Actions['perform'];
}

export function LastYear({ host, check, busy, perform }: LastYearProps) {
  const styles = useStyles();
  const [sheets, setSheets] = useState<{ id: string; name: string }[]>([]);
  const [chosen, setChosen] = useState('');
  const fileInput = useRef<HTMLInputElement>(null);
  const link = check?.lastYear;
  const sheetCount = check?.sheets.length ?? 0;

  const loadSheets = useCallback(() => {
    host.listSheets().then(setSheets, () => undefined);
  }, [host]);
  // Sheets come and go with insertions: the list follows the checked sheets.
  useEffect(loadSheets, [loadSheets, sheetCount]);

  const linkSheet = () => perform(() => host.linkLastYear({ kind: 'sheet', sheetId: chosen }), linkedNotice);

  const linkFile = (file: File) =>
    perform(async () => {
      try {
        // The readers (ExcelJS among them) load only now, in a chunk of their own.
        const { readLastYearFile } = await import(/* webpackChunkName: "lastYearFile" */ '../readLastYearFile');
        const read = await readLastYearFile(file.name, await file.arrayBuffer());
        return read.kind === 'done' ? await host.linkLastYear({ kind: 'file', fileName: file.name, report: read.report }) : read;
      } catch {
        return { kind: 'failed', problem: { code: 'said', text: FILE_READERS_FAILED } };
      }
    }, linkedNotice);

  const unlink = () => perform(() => host.unlinkLastYear(), unlinkedNotice);

  const choices = sheets.filter((s) => s.id !== link?.sheetId);
  return (
    <Labelled label="上年报告（核对上年结转等跨年度数字）">
      {link && (
        <MessageBar intent={link.problem ? 'warning' : 'info'} layout="multiline" className={styles.bar} data-testid="last-year">
          <MessageBarBody>{link.problem ?? `上年报告：${lastYearLabel(link)}`}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={busy} onClick={() => void unlink()}>
              取消关联
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.row}>
        {/* A native select: Fluent's Select would add about 16 KiB to the first screen's taskpane.js. */}
        <select
          className={styles.grow}
          aria-label="上年报告所在的工作表"
          value={chosen}
          onFocus={loadSheets}
          onChange={(e) => setChosen(e.target.value)}
        >
          <option value="">选择上年报告所在的工作表…</option>
          {choices.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <Button className={styles.wrap} disabled={busy || !chosen} onClick={() => void linkSheet()}>
          作为上年报告
        </Button>
      </div>
      <div className={styles.row}>
        <Button className={styles.wrap} disabled={busy} onClick={() => fileInput.current?.click()}>
          从文件读取上年报告（.xlsx、.txt、网页、.docx）
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,.xlsm,.txt,.tsv,.json,.html,.htm,.docx"
          aria-label="上年报告文件"
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void linkFile(file);
          }}
        />
      </div>
    </Labelled>
  );
}
