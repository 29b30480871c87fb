import { stackedAddress } from '../helpers/stacked';
import { readFileSync } from 'fs';
import { join } from 'path';
import { JSDOM } from 'jsdom';
import { insertTables } from '../../src/excel/insert';
import { createMemoryHost, MemoryHost } from '../../src/excel/memory';
import { base64url, MAX_DIALOG_URL, resultDialogUrl } from '../../src/commands/dialogUrl';
import { a1 } from '../../src/report/standard/a1';
import { tableLayout } from '../../src/report/look/layout';
import { FormatVersion, TABLE_IDS, TableId } from '../../src/report/standard/formats';

const PAGE = readFileSync(join(__dirname, '..', '..', 'src', 'commands', 'check-result.html'), 'utf8');
const COMMANDS_URL = 'https://xxgk.example.cn/addin/commands.html';

/**
 * What a desktop or Mac host does with a dialog URL: it loses the fragment (as hosts have,
 * https://github.com/OfficeDev/office-js/issues/2284) and appends its own `_host_Info` query parameter
 * after ours (https://learn.microsoft.com/office/dev/add-ins/develop/parent-to-dialog).
 */
function openedByHost(url: string): string {
  const u = new URL(url);
  u.hash = '';
  u.search = `${u.search ? `${u.search}&` : '?'}_host_Info=Excel$Win32$16.01$zh-CN$$$$0`;
  return u.toString();
}

/** Loads the result page at a URL and returns what it shows. */
function dialogShows(url: string): { title: string; lines: string[] } {
  const dom = new JSDOM(PAGE, { url, runScripts: 'dangerously' });
  const doc = dom.window.document;
  const shown = {
    title: doc.getElementById('title')!.textContent ?? '',
    lines: Array.from(doc.querySelectorAll('#lines li')).map((li) => li.textContent ?? ''),
  };
  dom.window.close();
  return shown;
}

interface FakeDialogCall {
  url: string;
  options: Office.DialogOptions;
}

/** Runs the ribbon command against a memory workbook through fake Office and Excel globals. */
async function runRibbonCheck(host: MemoryHost): Promise<{ calls: FakeDialogCall[]; completed: () => boolean }> {
  const calls: FakeDialogCall[] = [];
  let done = false;
  let closeHandler: (() => void) | null = null;
  const dom = new JSDOM('', { url: COMMANDS_URL });
  const g = globalThis as unknown as Record<string, unknown>;
  const saved = { window: g.window, Office: g.Office, Excel: g.Excel };
  g.window = dom.window;
  g.Excel = { run: host.run.bind(host) };
  g.Office = {
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogEventReceived: 'dialogEventReceived' },
    onReady: (f: () => void) => f(),
    actions: { associate: () => undefined },
    context: {
      requirements: { isSetSupported: (set: string, v: string) => set === 'ExcelApi' && Number(v) <= 1.13 },
      ui: {
        displayDialogAsync: (url: string, options: Office.DialogOptions, cb: (r: unknown) => void) => {
          calls.push({ url, options });
          cb({ status: 'succeeded', value: { addEventHandler: (_t: string, h: () => void) => (closeHandler = h) } });
        },
      },
    },
  };
  try {
    let command: ((e: { completed(): void }) => Promise<void>) | undefined;
    jest.isolateModules(() => {
      require('../../src/commands/commands');
      command = (dom.window as unknown as Record<string, typeof command>).checkWorkbookCommand;
    });
    await command!({ completed: () => (done = true) });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete g[k];
      else g[k] = v;
    }
    dom.window.close();
  }
  return {
    calls,
    completed: () => {
      (closeHandler as (() => void) | null)?.();
      return done;
    },
  };
}

/** A sheet 年报 holding one freshly inserted table, with some of its cells then typed in by the user. */
async function workbookWith(version: FormatVersion, table: TableId, edits: Record<string, number>): Promise<MemoryHost> {
  const host = createMemoryHost();
  host.addSheet('年报');
  host.setActiveSheet('年报');
  host.userSelect('年报', 'A1');
  await insertTables(host.run.bind(host), { version, tables: [table], target: 'selection', totalsAsFormulas: false });
  const layout = tableLayout(version, table);
  for (const [id, value] of Object.entries(edits)) {
    const cell = layout.data.find((d) => d.id === id);
    if (cell) host.userEdit('年报', a1(cell.row, cell.col), value);
  }
  return host;
}

/** Each 新收 number that is not carried into the total breaks one column's balance. */
const workbookWithErrors = (errors: number) =>
  workbookWith(
    '2021',
    'T3',
    Object.fromEntries(['NP', 'CP', 'RI', 'NGO', 'LS', 'OT', 'TOT'].slice(0, errors).map((c) => [`T3.NEW.${c}`, 7])),
  );

/**
 * A whole 2019 report whose only findings are two warnings: 本年新公开数量 above 对外公开总数量 in
 * two rows of 表二; 表三 and 表四 filled with one consistent figure each.
 */
async function workbookWithTwoWarnings(): Promise<MemoryHost> {
  const host = createMemoryHost();
  host.addSheet('年报');
  host.setActiveSheet('年报');
  host.userSelect('年报', 'A1');
  await insertTables(host.run.bind(host), { version: '2019', tables: [...TABLE_IDS], target: 'selection', totalsAsFormulas: false });
  const edits = {
    'T2.REG.PUBLISHED': 1,
    'T2.NORM.PUBLISHED': 1,
    'T3.NEW.NP': 1,
    'T3.NEW.TOT': 1,
    'T3.R1.NP': 1,
    'T3.R1.TOT': 1,
    'T3.RT.NP': 1,
    'T3.RT.TOT': 1,
    'T4.RV.UPH': 1,
    'T4.RV.TOT': 1,
  };
  for (const [id, value] of Object.entries(edits)) host.userEdit('年报', stackedAddress('2019', id), value);
  return host;
}

describe('the ribbon 校验 result dialog', () => {
  it('says 通过（警告 2 条，请核对）, never a bare 通过, for a workbook whose only findings are two warnings', async () => {
    const { calls } = await runRibbonCheck(await workbookWithTwoWarnings());
    const shown = dialogShows(openedByHost(calls[0].url));
    expect(shown.title).toBe('通过（警告 2 条，请核对）：全部表格已读取并校验，没有错误');
    expect(shown.lines).toHaveLength(2);
  });

  it('gets its summary in a query parameter, so a host that drops the fragment still shows it', async () => {
    const host = await workbookWithErrors(1);
    const { calls, completed } = await runRibbonCheck(host);
    expect(calls).toHaveLength(1);
    const url = new URL(calls[0].url);
    expect(url.hash).toBe('');
    expect(url.pathname).toBe('/addin/check-result.html');
    const shown = dialogShows(openedByHost(calls[0].url));
    expect(shown.title).toMatch(/^有错误：错误 \d+ 条/);
    expect(shown.lines.join('\n')).toContain('表三');
    expect(completed()).toBe(true);
  });

  it('keeps the URL short: lines that do not fit are counted in the last line', () => {
    const long = (n: number) => ({
      title: '有错误：错误 30 条，请逐条修改',
      lines: [
        ...Array.from({ length: Math.min(n, 30) }, (_, i) => `表三 申请处理：第 ${i + 1} 条问题，`.padEnd(80, '说明')),
        ...(n < 30 ? [`…… 另有 ${30 - n} 条，请打开助手查看全部并定位单元格。`] : []),
      ],
    });
    const url = resultDialogUrl('https://xxgk.example.cn/check-result.html', long);
    expect(url.length).toBeLessThanOrEqual(MAX_DIALOG_URL);
    const shown = dialogShows(openedByHost(url));
    expect(shown.title).toBe('有错误：错误 30 条，请逐条修改');
    expect(shown.lines.length).toBeGreaterThan(1);
    expect(shown.lines[shown.lines.length - 1]).toMatch(/^…… 另有 \d+ 条/);
  });

  it('carries any text, line breaks and characters beyond the BMP included, with nothing to escape', () => {
    const summary = { title: '校验结果 𠀀', lines: ['第一行\n第二行', '“引号”&?#=%+/', ''] };
    const url = resultDialogUrl('https://xxgk.example.cn/check-result.html', () => summary);
    expect(new URL(url).search).toMatch(/^\?r=[A-Za-z0-9_-]+$/);
    expect(dialogShows(openedByHost(url))).toEqual(summary);
    expect(base64url('年报')).toBe(Buffer.from('年报').toString('base64url'));
  });

  it('says so when the page is opened without a result', () => {
    expect(dialogShows('https://xxgk.example.cn/check-result.html?_host_Info=Excel').title).toBe('无法显示校验结果');
  });
});
