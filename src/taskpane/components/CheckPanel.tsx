import { problemText } from '../problemText';
import { Button, Checkbox, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, Text, tokens } from '@fluentui/react-components';
import type { WorkbookCheck } from '../../excel/check';
import { Findings } from './Findings';
import { ProseCheck } from './ProseCheck';
import { StructureProblems, StructureProblemsProps } from './StructureProblems';

const useStyles = makeStyles({
  row: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

export interface CheckPanelProps {
  check: WorkbookCheck | null;
  /** Whether the tables are checked as they change (实时校验). */
  live: boolean;
  onLive: (live: boolean) => void;
  busy: boolean;
  onRecheck: () => void;
  onReinsert: StructureProblemsProps['onReinsert'];
  /** A finding was clicked: its cells are to be selected. */
  onSelect: (sheetId: string, addresses: string[]) => void;
}

/** 校验: the live check's switch, then what it found, or what to do while there is nothing to check. */
export function CheckPanel({ check, live, onLive, busy, onRecheck, onReinsert, onSelect }: CheckPanelProps) {
  const styles = useStyles();
  const hasTables = hasTablesIn(check);
  return (
    <>
      <div className={styles.row}>
        <Text as="h2" weight="semibold" size={400}>
          校验
        </Text>
        {/* The Checkbox the insert options load anyway, as a switch: Fluent's Switch would add 13 KiB to taskpane.js. */}
        <Checkbox role="switch" checked={live} onChange={(_, d) => onLive(!!d.checked)} label="实时校验" />
        <Button size="small" disabled={busy} onClick={onRecheck}>
          立即校验
        </Button>
      </div>
      {check === null ? (
        <Text size={200} role="status">
          正在读取工作簿…
        </Text>
      ) : check.error ? (
        <MessageBar intent="error">
          <MessageBarBody>{problemText(check.error)}</MessageBarBody>
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
          <StructureProblems check={check} onReinsert={onReinsert} />
          <Findings check={check} onSelect={onSelect} />
          <ProseCheck check={check} onSelect={onSelect} />
        </>
      )}
    </>
  );
}

/** Whether the workbook holds any of the report's tables, lost ones included. */
export function hasTablesIn(check: WorkbookCheck | null): boolean {
  return (check?.sheets ?? []).some((s) => s.tables.length > 0 || s.lost.length > 0);
}
