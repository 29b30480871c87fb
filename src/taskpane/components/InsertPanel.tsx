import { Button, Checkbox, makeStyles, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { FormatVersion, TABLE_IDS, TABLE_NAMES, TABLE_NUMBERS, TableId } from '../../report/standard/formatNames';
import { Labelled } from './Labelled';

const useStyles = makeStyles({
  buttons: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  wide: { gridColumn: '1 / span 2' },
});

/** How tables are inserted: the format version, where, and whether totals are formulas. */
export interface InsertOptions {
  version: FormatVersion;
  target: 'selection' | 'newSheet';
  totalsAsFormulas: boolean;
}

export interface InsertPanelProps {
  options: InsertOptions;
  onOptions: (options: InsertOptions) => void;
  busy: boolean;
  onInsert: (tables: TableId[]) => void;
  onRecognise: () => void;
  onConvert: () => void;
  onUnmark: () => void;
}

/** The options and buttons that insert the official tables, and those for tables already on a sheet. */
export function InsertPanel({ options, onOptions, busy, onInsert, onRecognise, onConvert, onUnmark }: InsertPanelProps) {
  const styles = useStyles();
  return (
    <>
      <Labelled label="格式版本">
        {({ labelId }) => (
          <RadioGroup
            aria-labelledby={labelId}
            value={options.version}
            onChange={(_, d) => onOptions({ ...options, version: d.value as FormatVersion })}
          >
            <Radio value="2021" label="2021版（2021年及以后的年报）" />
            <Radio value="2019" label="2019版（2019、2020年的年报）" />
          </RadioGroup>
        )}
      </Labelled>
      <Labelled label="插入位置">
        {({ labelId }) => (
          <RadioGroup
            aria-labelledby={labelId}
            value={options.target}
            onChange={(_, d) => onOptions({ ...options, target: d.value as InsertOptions['target'] })}
          >
            <Radio value="newSheet" label="新工作表" />
            <Radio value="selection" label="当前选中的单元格" />
          </RadioGroup>
        )}
      </Labelled>
      <Checkbox
        checked={options.totalsAsFormulas}
        onChange={(_, d) => onOptions({ ...options, totalsAsFormulas: !!d.checked })}
        label="合计用公式自动计算（总计列、（七）总计行、表四总计）"
      />
      <Labelled label="插入表格">
        {/* Labels short enough for a 320 px pane: no line break inside a bracket. */}
        <div className={styles.buttons} role="group" aria-label="插入表格">
          {TABLE_IDS.map((t) => (
            <Button key={t} disabled={busy} onClick={() => onInsert([t])}>
              {TABLE_NUMBERS[t]} {TABLE_NAMES[t]}
            </Button>
          ))}
          <Button appearance="primary" disabled={busy} onClick={() => onInsert([...TABLE_IDS])}>
            插入全部三张表
          </Button>
        </div>
      </Labelled>
      <Labelled label="已有的表格（从上年年报或网页粘贴的）">
        <div className={styles.buttons} role="group" aria-label="已有的表格">
          <Button className={styles.wide} disabled={busy} onClick={onRecognise}>
            识别并校验当前工作表
          </Button>
          <Button disabled={busy} onClick={onConvert}>
            转换为标准表格
          </Button>
          <Button disabled={busy} onClick={onUnmark}>
            清除标记
          </Button>
        </div>
      </Labelled>
    </>
  );
}
