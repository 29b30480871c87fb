import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CheckmarkCircle16Filled, Warning16Filled } from '@fluentui/react-icons';
import { useMemo, useState } from 'react';
import type { WorkbookCheck } from '../../excel/check';
import type { CellId } from '../../report/standard/formats';
import type { SheetCheck } from '../../report/sheet/sheetCheck';
import { useLogic } from '../deferred';
import { Labelled } from './Labelled';

import { CLICKABLE_ITEM } from './itemStyle';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, padding: 0 },
  item: CLICKABLE_ITEM,
  note: { display: 'block', color: tokens.colorNeutralForeground3, wordBreak: 'break-all' },
  summary: { display: 'block' },
  warning: { color: tokens.colorPaletteMarigoldForeground2 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
  folded: { cursor: 'pointer', marginTop: tokens.spacingVerticalXS },
  // A native textarea drawn as Fluent's (whose package is 12 KiB of taskpane.js).
  input: {
    boxSizing: 'border-box',
    width: '100%',
    minHeight: '52px',
    margin: 0,
    // Fluent keeps room for its focus underline below the text: the same height here.
    padding: `${tokens.spacingVerticalSNudge} calc(${tokens.spacingHorizontalMNudge} + ${tokens.spacingHorizontalXXS}) calc(${tokens.spacingVerticalSNudge} + ${tokens.strokeWidthThick})`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderBottomColor: tokens.colorNeutralStrokeAccessible,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    resize: 'vertical',
    ':focus': {
      outlineStyle: 'none',
      borderBottomColor: tokens.colorCompoundBrandStroke,
      boxShadow: `inset 0 -1px 0 ${tokens.colorCompoundBrandStroke}`,
    },
  },
});

export interface ProseCheckProps {
  check: WorkbookCheck;
  /** A statement was clicked: the cells it names are to be selected. */
  onSelect: (sheetId: string, addresses: string[]) => void;
}

/** The sheets whose tables can be checked against a text. */
const checkable = (check: WorkbookCheck) => check.sheets.filter((s) => s.report && s.tables.some((t) => t.damage.length === 0));

/**
 * 核对正文: the clerk pastes the report's text (一、总体情况 …) before publishing; each sentence that
 * restates a table figure is compared with the tables of the active sheet. Each result is an item
 * that selects the cells it names; the sentences that agree are listed too, folded. The result follows
 * the tables as they are edited.
 */
export function ProseCheck({ check, onSelect }: ProseCheckProps) {
  const styles = useStyles();
  const logic = useLogic();
  const [text, setText] = useState('');
  const [run, setRun] = useState<{ text: string; sheetId: string } | { problem: string } | null>(null);
  const sheets = checkable(check);
  const chosen = run && 'sheetId' in run ? sheets.find((s) => s.sheetId === run.sheetId) : undefined;
  const result = useMemo(
    () => (logic && chosen?.report && run && 'text' in run ? logic.checkProse(run.text, chosen.report) : null),
    [logic, chosen, run],
  );
  // The sheet the user is on (the live check follows it): its tables are the ones the text is checked against.
  const start = () => {
    const sheet = sheets.find((s) => s.sheetId === check.activeSheetId) ?? (sheets.length === 1 ? sheets[0] : undefined);
    setRun(
      sheet
        ? { text, sheetId: sheet.sheetId }
        : {
            problem: `当前工作表中没有可核对的年报表格。请切换到要核对的工作表（${sheets.map((s) => `“${s.sheet}”`).join('、')}）后再点击。`,
          },
    );
  };
  const addressesOf = (cells: readonly CellId[]) => (chosen && logic ? cellAddresses(chosen, cells, logic.placedAddress) : []);
  const item = (key: string, message: string, cells: readonly CellId[], warning: boolean) => {
    const addresses = addressesOf(cells);
    return (
      <Button
        key={key}
        role="listitem"
        appearance="subtle"
        size="small"
        className={styles.item}
        icon={
          warning ? (
            <Warning16Filled color={tokens.colorPaletteMarigoldForeground1} />
          ) : (
            <CheckmarkCircle16Filled color={tokens.colorPaletteGreenForeground1} />
          )
        }
        data-testid={warning ? 'prose-warning' : 'prose-agreed'}
        disabled={addresses.length === 0}
        title={addresses.length ? `点击选中表格中的相关单元格（${addresses.join('、')}）` : undefined}
        onClick={() => chosen && onSelect(chosen.sheetId, addresses)}
      >
        {message}
      </Button>
    );
  };
  return (
    <section className={styles.root} aria-label="核对正文">
      <Labelled label="年报正文（与当前工作表的表格核对）" hint="粘贴“一、总体情况”等段落，检查其中的数字与表格是否一致。">
        {({ id, hintId }) => (
          <textarea
            id={id}
            aria-describedby={hintId}
            className={styles.input}
            value={text}
            onChange={(e) => setText(e.target.value)}
            rows={4}
            data-testid="prose-input"
          />
        )}
      </Labelled>
      <Button disabled={!logic || sheets.length === 0 || text.trim() === ''} onClick={start}>
        核对正文与表格
      </Button>
      {run && 'problem' in run && (
        <Text role="status" className={styles.summary} data-testid="prose-result">
          {run.problem}
        </Text>
      )}
      {run && 'text' in run && !chosen && (
        <Text role="status" className={styles.summary} data-testid="prose-result">
          核对过的工作表已没有可核对的表格，请重新点击“核对正文与表格”。
        </Text>
      )}
      {result && chosen && (
        <div role="status" className={styles.root} data-testid="prose-result">
          <Text
            weight="semibold"
            className={`${styles.summary} ${result.findings.length ? styles.warning : styles.ok}`}
            data-testid="prose-summary"
          >
            {`与工作表“${chosen.sheet}”的表格核对：`}
            {result.findings.length
              ? `${result.findings.length} 处与表格不一致（警告，请核对）`
              : result.statements.length
                ? `正文中的 ${result.statements.length} 处数字与表格一致`
                : '正文中没有找到与表格数字对应的说法'}
          </Text>
          {result.findings.length > 0 && (
            <div role="list" aria-label="与表格不一致的说法" className={styles.list}>
              {result.findings.map((f) => item(f.instance, f.message, f.cells as CellId[], true))}
            </div>
          )}
          {result.skipped.length > 0 && (
            <div role="list" aria-label="未核对的说法" className={styles.list}>
              {result.skipped.map((s, i) => (
                <Text role="listitem" size={200} className={styles.note} key={i} data-testid="prose-skipped">
                  {s}
                </Text>
              ))}
            </div>
          )}
          {result.findings.length > 0 && result.statements.length > result.findings.length && (
            <details data-testid="prose-agreed-list">
              <summary className={styles.folded}>
                <Text size={200}>与表格一致的 {result.statements.length - result.findings.length} 处</Text>
              </summary>
              <div role="list" aria-label="与表格一致的说法" className={styles.list}>
                {result.statements.filter((s) => s.table === s.stated).map((s, i) => item(`ok${i}`, s.message, s.cells, false))}
              </div>
            </details>
          )}
          {result.findings.length === 0 && result.statements.length > 0 && (
            <details data-testid="prose-agreed-list">
              <summary className={styles.folded}>
                <Text size={200}>逐句查看</Text>
              </summary>
              <div role="list" aria-label="与表格一致的说法" className={styles.list}>
                {result.statements.map((s, i) => item(`ok${i}`, s.message, s.cells, false))}
              </div>
            </details>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * Where a statement's cells are on the sheet: in the add-in's own tables, from their layout; in a
 * pasted table, from a finding of the sheet that names the same cell (a pasted table keeps no other
 * record of where its cells are).
 */
function cellAddresses(
  sheet: SheetCheck,
  cells: readonly CellId[],
  placedAddress: (t: SheetCheck['tables'][number], id: CellId) => string | undefined,
): string[] {
  const out: string[] = [];
  for (const id of cells) {
    const table = sheet.tables.find(
      (t) => !t.pasted && t.damage.length === 0 && t.table === id.slice(0, 2) && t.version === sheet.report?.format,
    );
    const located = sheet.findings.find((f) => f.addresses.length === f.cells.length && f.cells.includes(id));
    const address = table ? placedAddress(table, id) : located?.addresses[located.cells.indexOf(id)];
    if (address && !out.includes(address)) out.push(address);
  }
  return out;
}
