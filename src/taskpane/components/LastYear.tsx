import { Button, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, Text, tokens } from '@fluentui/react-components';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbookCheck } from '../../excel/check';
import type { LastYearSource } from '../../excel/lastYear';
import type { ExcelRun } from '../../excel/run';
import type { LastYearInfo } from '../../report/lastYear';
import { linkLastYear, loadLogic, unlinkLastYear } from '../deferred';

// 上年报告: the user points to last year's report (a sheet of this workbook, or a file read in the
// pane); from then on the cross-year rules are checked live. The link is kept in the workbook, so
// what is shown here comes from the check (WorkbookCheck.lastYear), also after reopening the file.

const useStyles = makeStyles({
  row: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'center', flexWrap: 'wrap' },
  grow: { flex: 1, minWidth: '120px', height: '32px', fontFamily: 'inherit', fontSize: tokens.fontSizeBase300, borderRadius: tokens.borderRadiusMedium, border: `1px solid ${tokens.colorNeutralStroke1}` },
});

export interface LastYearProps {
  run: ExcelRun;
  check: WorkbookCheck | null;
  busy: boolean;
  /** The live checker: its own writes are announced, and it checks again after a change of the link. */
  checker: { current: { whileWriting<T>(write: () => Promise<T>): Promise<T>; refresh(): Promise<unknown> } | null };
}

/** How last year's report is named, e.g. 工作表“2020年”（2019版）. (src/report/lastYear.ts stays out of the first chunk.) */
function lastYearLabel(info: LastYearInfo): string {
  const where = info.kind === 'file' ? `文件“${info.fileName ?? ''}”` : `工作表“${info.sheet}”`;
  return info.report ? `${where}（${info.report.format}版）` : where;
}

type Message = { intent: 'success' | 'warning' | 'error' | 'info'; text: string } | null;

export function LastYear({ run, check, busy, checker }: LastYearProps) {
  const styles = useStyles();
  const whileWriting = <T,>(write: () => Promise<T>): Promise<T> => (checker.current ? checker.current.whileWriting(write) : write());
  const [sheets, setSheets] = useState<{ id: string; name: string }[]>([]);
  const [chosen, setChosen] = useState('');
  const [working, setWorking] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const link = check?.lastYear;
  const sheetCount = check?.sheets.length ?? 0;

  const loadSheets = useCallback(() => {
    loadLogic()
      .then((m) => m.listSheets(run))
      .then(setSheets, () => undefined);
  }, [run]);
  // Sheets come and go with insertions: the list follows the checked sheets.
  useEffect(loadSheets, [loadSheets, sheetCount]);

  const apply = useCallback(
    async (source: LastYearSource) => {
      const r = await whileWriting(() => linkLastYear(run, source));
      if (r.kind === 'done') {
        setMessage({
          intent: 'success',
          text: `已将${lastYearLabel(r.info)}作为上年报告：本年的“上年结转”${r.info.report?.format === '2021' ? '、现行有效件数' : '、上一年项目数量'}等会与它核对，对不上的单元格会标出。`,
        });
        await checker.current?.refresh();
      } else setMessage({ intent: 'error', text: r.message });
    },
    [run, checker],
  );

  const linkSheet = useCallback(async () => {
    if (!chosen) return;
    setWorking(true);
    setMessage(null);
    await apply({ kind: 'sheet', sheetId: chosen });
    setWorking(false);
  }, [apply, chosen]);

  const pickFile = useCallback(
    async (file: File) => {
      setWorking(true);
      setMessage(null);
      try {
        // The readers (ExcelJS among them) load only now, in a chunk of their own.
        const { readLastYearFile } = await import(/* webpackChunkName: "lastYearFile" */ '../readLastYearFile');
        const read = await readLastYearFile(file.name, await file.arrayBuffer());
        if (read.kind === 'done') await apply({ kind: 'file', fileName: file.name, report: read.report });
        else setMessage({ intent: 'error', text: read.message });
      } catch {
        setMessage({ intent: 'error', text: '无法加载读取文件的模块，请检查网络后重试。' });
      }
      setWorking(false);
    },
    [apply],
  );

  const unlink = useCallback(async () => {
    setWorking(true);
    setMessage(null);
    const r = await whileWriting(() => unlinkLastYear(run));
    setMessage(r.kind === 'done' ? { intent: 'success', text: '已取消关联上年报告，跨年度核对和相应的标记已清除；各工作表的数字未改动。' } : { intent: 'error', text: r.message });
    await checker.current?.refresh();
    setWorking(false);
  }, [run, checker]);

  const disabled = busy || working;
  const choices = sheets.filter((s) => s.id !== link?.sheetId);
  return (
    <Field label="上年报告（核对上年结转等跨年度数字）">
      {link && (
        <MessageBar intent={link.problem ? 'warning' : 'info'} data-testid="last-year">
          <MessageBarBody>{link.problem ?? `上年报告：${lastYearLabel(link)}`}</MessageBarBody>
          <MessageBarActions>
            <Button size="small" disabled={disabled} onClick={() => void unlink()}>
              取消关联
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
      <div className={styles.row}>
        {/* A native select: Fluent's Select would add about 16 KiB to the first screen's taskpane.js. */}
        <select className={styles.grow} aria-label="上年报告所在的工作表" value={chosen} onFocus={loadSheets} onChange={(e) => setChosen(e.target.value)}>
          <option value="">选择上年报告所在的工作表…</option>
          {choices.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name}
            </option>
          ))}
        </select>
        <Button disabled={disabled || !chosen} onClick={() => void linkSheet()}>
          作为上年报告
        </Button>
      </div>
      <div className={styles.row}>
        <Button disabled={disabled} onClick={() => fileInput.current?.click()}>
          从文件读取上年报告（.xlsx、.txt）
        </Button>
        <input
          ref={fileInput}
          type="file"
          accept=".xlsx,.xlsm,.txt,.tsv"
          aria-label="上年报告文件"
          style={{ display: 'none' }}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void pickFile(file);
          }}
        />
      </div>
      {message && (
        <Text size={200} role="status" style={{ color: message.intent === 'error' ? tokens.colorPaletteRedForeground1 : undefined }}>
          {message.text}
        </Text>
      )}
    </Field>
  );
}
