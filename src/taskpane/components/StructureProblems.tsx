import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { WorkbookCheck } from '../../excel/check';
import { FormatVersion, TABLE_NAMES, TABLE_NUMBERS, TableId } from '../../report/standard/formatNames';
import { useLogic } from '../deferred';

export interface StructureProblemsProps {
  check: WorkbookCheck;
  onReinsert: (table: { sheet: string; table: TableId; version: FormatVersion; address?: string }) => void;
}

/** One clear message per damaged or lost table, with an offer to insert it again; never a list of false findings. */
export function StructureProblems({ check, onReinsert }: StructureProblemsProps) {
  // damageMessage comes with the second chunk, which is there once a check is.
  const m = useLogic();
  if (!m) return null;
  const { damageMessage } = m;
  const problems = check.sheets.flatMap((s) => [
    ...s.tables
      .filter((t) => t.damage.length > 0)
      .map((t) => ({
        key: `${s.sheetId}/${t.table}`,
        target: { sheet: s.sheetId, table: t.table, version: t.version, address: t.address },
        title: `${TABLE_NUMBERS[t.table]}（${TABLE_NAMES[t.table]}）与标准格式不一致`,
        text: `${damageMessage(s.sheet, t)}。为避免给出错误的结果，已暂停校验此表。请把改动的行、列或标签改回原样，或重新插入标准表格。`,
      })),
    ...s.lost.map((l) => ({
      key: `${s.sheetId}/${l.table}/lost`,
      target: { sheet: s.sheetId, table: l.table, version: l.version },
      title: `${TABLE_NUMBERS[l.table]}已找不到`,
      text: l.message,
    })),
  ]);
  const notes = check.sheets.flatMap((s) => s.notes.map((n, i) => ({ key: `${s.sheetId}/note/${i}`, text: n })));
  const remarks = check.sheets.flatMap((s) => s.remarks.map((n, i) => ({ key: `${s.sheetId}/remark/${i}`, text: n })));
  if (problems.length === 0 && notes.length === 0 && remarks.length === 0) return null;
  // Tables that only wait for their numbers are not 部分未校验 (src/report/standard/verdictText.ts).
  const onlyUnfilled = check.sheets.every((s) => s.notes.length === 0 || (s.unfilled && s.notes.length === 1));
  return (
    <>
      {notes.length > 0 && (
        <MessageBar intent={onlyUnfilled ? 'info' : 'warning'} layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{onlyUnfilled ? '尚未填写：填写数字后会自动校验' : '部分未校验：以下内容未读取或未校验'}</MessageBarTitle>
            {notes.map((n) => (
              <div key={n.key}>{n.text}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {remarks.length > 0 && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {remarks.map((n) => (
              <div key={n.key}>{n.text}</div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      {problems.map((p) => (
        <MessageBar key={p.key} intent="error" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{p.title}</MessageBarTitle>
            {p.text}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" onClick={() => onReinsert(p.target)}>
              在新工作表重新插入
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </>
  );
}
