import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { WorkbookCheck } from '../../excel/check';
import type { ProseCheck as ProseResult } from '../../report/prose/textCheck';
import { useLogic } from '../deferred';
import { Labelled } from './Labelled';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  warning: { color: tokens.colorPaletteMarigoldForeground2 },
  ok: { color: tokens.colorPaletteGreenForeground1 },
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
}

/**
 * 核对正文: the clerk pastes the report's text (一、总体情况 …) before publishing; each sentence that
 * restates a table figure is compared with the tables in the workbook (src/report/prose/prosePatterns.ts).
 */
export function ProseCheck({ check }: ProseCheckProps) {
  const styles = useStyles();
  const logic = useLogic();
  const [text, setText] = useState('');
  const [result, setResult] = useState<ProseResult | null>(null);
  const source = check.sheets.find((s) => s.report && s.tables.some((t) => t.damage.length === 0));
  const run = () => {
    if (!logic || !source?.report) return;
    setResult(logic.checkProse(text, source.report));
  };
  return (
    <section className={styles.root} aria-label="核对正文">
      <Labelled
        label={source ? `年报正文（与工作表“${source.sheet}”的表格核对）` : '年报正文'}
        hint="粘贴“一、总体情况”等段落，检查其中的数字与表格是否一致。"
      >
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
      <Button disabled={!logic || !source || text.trim() === ''} onClick={run}>
        核对正文与表格
      </Button>
      {result && (
        <div role="status" data-testid="prose-result">
          {result.findings.length === 0 ? (
            <Text className={styles.ok}>正文中的 {result.statements.length} 处数字与表格一致。</Text>
          ) : (
            result.findings.map((f) => (
              <Text as="p" key={f.instance} className={styles.warning}>
                {f.message}
              </Text>
            ))
          )}
          {result.skipped.map((s, i) => (
            <Text as="p" size={200} key={i}>
              {s}
            </Text>
          ))}
        </div>
      )}
    </section>
  );
}
