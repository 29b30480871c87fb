import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  FluentProvider,
  Tab,
  TabList,
  Text,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { createMemoryHost, MemoryHost } from '../excel/memory';
import { mountTaskpane } from '../taskpane/mount';
import { checkWorkbook } from '../excel/check';
import { EXAMPLE_SLIPS, fillExample } from './example';
import { SheetView } from './SheetView';

/* global document, window */

// The in-memory host is installed before the task pane starts; office.js is never loaded.
const host = createMemoryHost();
host.addSheet('Sheet1');
host.setActiveSheet('Sheet1');
(window as unknown as { xxgkHost: MemoryHost }).xxgkHost = host;

function Workbook() {
  const [version, setVersion] = useState(0);
  const [refusal, setRefusal] = useState<string | null>(null);
  // The note of 填入示例数据 belongs to its sheet; the "no table yet" one goes once the sheet has tables.
  const [note, setNote] = useState<{ sheet: string; text: string; untilTables?: boolean } | null>(null);
  useEffect(() => host.onAnyChange(() => setVersion((v) => v + 1)), []);
  const sheet = host.activeSheetName();
  const shownNote = note && note.sheet === sheet && !(note.untilTables && host.names().some((n) => n.scope === sheet)) ? note.text : null;
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%', minWidth: 0, flex: 1 }}>
      <div style={{ display: 'flex', gap: 8, padding: 8, alignItems: 'center', borderBottom: '1px solid #ddd', flexWrap: 'wrap' }}>
        <Text weight="semibold">年报助手 · 浏览器预览</Text>
        <Text size={200}>（内存工作簿，无需 Excel；右侧是真实的任务窗格）</Text>
        <Button
          size="small"
          onClick={async () => {
            const n = fillExample(host);
            if (!n) {
              setNote({ sheet, text: '当前工作表还没有年报表格：请先在右侧插入表格。', untilTables: true });
              return;
            }
            // Said from the check itself, so that the bar and the pane's 错误 count agree.
            const check = await checkWorkbook(host.run);
            const errors = (check.sheets.find((s) => s.sheet === sheet)?.findings ?? []).filter((f) => f.severity === 'error').length;
            setNote({
              sheet,
              text: `已在“${sheet}”的 ${n} 张表中填入示例数据：故意填错了 ${EXAMPLE_SLIPS.length} 个数字，校验发现 ${errors} 条错误，见右侧。`,
            });
          }}
        >
          填入示例数据
        </Button>
        {shownNote && (
          <Text size={200} role="status" data-testid="preview-note">
            {shownNote}
          </Text>
        )}
      </div>
      <div style={{ flex: 1, minHeight: 0 }}>
        {/* One view per sheet: a sheet opens at its own scroll position, not the previous sheet's. */}
        <SheetView key={sheet} host={host} sheet={sheet} version={version} onRefused={setRefusal} />
      </div>
      <TabList
        size="small"
        selectedValue={sheet}
        onTabSelect={(_, d) => host.setActiveSheet(String(d.value))}
        aria-label="工作表"
        // Many sheets scroll within the workbook's width instead of running under the pane.
        style={{ borderTop: '1px solid #ddd', overflowX: 'auto', minWidth: 0, flexShrink: 0 }}
      >
        {host.visibleSheetNames().map((n) => (
          <Tab key={n} value={n}>
            {n}
          </Tab>
        ))}
      </TabList>
      <Dialog open={refusal !== null} onOpenChange={(_, d) => !d.open && setRefusal(null)}>
        <DialogSurface aria-label="数据验证">
          <DialogBody>
            <DialogTitle>年报助手</DialogTitle>
            <DialogContent data-testid="refusal">{refusal}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => setRefusal(null)}>
                确定
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}

const root = document.getElementById('root')!;
root.style.display = 'flex';
const left = document.createElement('div');
left.className = 'workbook';
left.style.cssText = 'flex:1;min-width:0;display:flex';
const pane = document.createElement('aside');
pane.setAttribute('aria-label', '任务窗格');
pane.style.cssText = 'width:320px;flex:none;border-left:1px solid #ccc;overflow:auto';
root.append(left, pane);
createRoot(left).render(
  <FluentProvider theme={webLightTheme} style={{ display: 'flex', flex: 1, minWidth: 0 }}>
    <Workbook />
  </FluentProvider>,
);
// The in-memory host holds batches during cell edit (delayForCellEdit), so the live check starts soon after an edit.
mountTaskpane(createRoot(pane), {
  run: host.run,
  supported: true,
  debounceMs: 30,
  mergedAreas: true,
  multiAreaSelect: true,
  pageSetup: true,
});
