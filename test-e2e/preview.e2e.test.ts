import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { Page } from 'playwright-core';
import { FormatVersion } from '../src/report/standard/formats';
import { stackedAddress } from '../test/helpers/stacked';
import { cellAt, editLatencies, eventually, openPreview, previewPerFile, shot, typeInto } from './browser';

const preview = previewPerFile();

const open = (width = 1366, height = 768) => openPreview(preview, width, height);

async function insertAll(page: Page, version: FormatVersion): Promise<void> {
  await page.getByRole('radio', { name: version === '2021' ? /^2021版/ : /^2019版/ }).check();
  await page.getByRole('button', { name: '插入全部三张表' }).click();
  await page.getByRole('tab', { name: `年报表格（${version}版）` }).waitFor();
  // Inserted and not yet filled: never 通过 until a number is entered (the 0 of a total formula over
  // blank parts is not a number entered).
  await page.getByTestId('verdict').getByText('尚未填写：表格中还没有填写任何数字，填写后才能校验').waitFor();
}

const cell = cellAt;

const finding = (page: Page, text: string) => page.getByRole('listitem').filter({ hasText: text });

/**
 * The 自然人 column of 表三's balance when the three tables are inserted from A1 (表三's 自然人 is column I):
 * 一、本年新收, 二、上年结转, （七）总计 and 四、结转下年度继续办理. 2021: 表二 takes rows 1–15, 表三 17–45
 * (its rows from 21); 2019: 表二 takes rows 1–19, 表三 21–47 (its rows from 25, one （六） row instead of three).
 */
const BALANCE_NP = {
  '2021': { NEW: 'I21', CIN: 'I22', RT: 'I44', COUT: 'I45', selected: 'I21:I22,I44:I45' },
  '2019': { NEW: 'I25', CIN: 'I26', RT: 'I46', COUT: 'I47', selected: 'I25:I26,I46:I47' },
} as const;

describe.each(['2021', '2019'] as const)('the preview with %s tables', (version) => {
  it('highlights a broken balance, lists it with the numbers, selects its cells, and clears both when fixed', async () => {
    const page = await open();
    await insertAll(page, version);
    const balance = BALANCE_NP[version];
    const np = balance.NEW;
    await typeInto(page, np, '5');
    await finding(page, '自然人列：第一项 5 + 第二项 0 = 5，应等于（七）总计 0 + 第四项 0 = 0，相差 5').waitFor();
    await expect(cell(page, np).getAttribute('data-highlight')).resolves.toBe('#FFC7CE');
    await expect(cell(page, balance.COUT).getAttribute('data-highlight')).resolves.toBe('#FFC7CE');
    await shot(page, `${version}-finding`);

    await finding(page, '自然人列：第一项 5').click();
    // Exactly the four cells of the balance (ExcelApi 1.9 selects several areas), not the column between them.
    await eventually(() => page.getByTestId('namebox').textContent(), balance.selected);
    await expect(page.locator('td[aria-selected="true"]').count()).resolves.toBe(4);
    // The cell both failing rules share is named as the likely culprit.
    await expect(page.getByTestId('culprit').textContent()).resolves.toContain(np);
    // The rule's basis is given once, above its findings, not in each line.
    await expect(finding(page, '自然人列：第一项 5').textContent()).resolves.not.toContain('本列数据的勾稽关系');
    await page.getByTestId('rule-basis').filter({ hasText: '本列数据的勾稽关系' }).first().waitFor();
    await shot(page, `${version}-selected`);

    await typeInto(page, np, '0');
    await page.getByText('通过：全部表格已读取并校验').waitFor();
    await expect(finding(page, '自然人列').count()).resolves.toBe(0);
    await expect(cell(page, np).getAttribute('data-highlight')).resolves.toBeNull();
    expect(page.errors).toEqual([]);
    await page.close();
  });

  it('refuses text in a count cell with the Chinese message of the data validation', async () => {
    const page = await open();
    await insertAll(page, version);
    const address = stackedAddress(version, 'T4.RV.UPH');
    await typeInto(page, address, 'abc');
    await page.getByTestId('refusal').waitFor();
    expect(await page.getByTestId('refusal').textContent()).toContain('不小于 0 的整数');
    await shot(page, `${version}-refusal`);
    await page.getByRole('button', { name: '确定' }).click();
    await page.getByTestId('refusal').waitFor({ state: 'detached' });
    await expect(cell(page, address).textContent()).resolves.toBe('');
    // Chinese text comes through an input method, after a double-click opens the cell for editing.
    await cell(page, address).dblclick();
    await page.keyboard.insertText('三件');
    await page.keyboard.press('Enter');
    await page.getByTestId('refusal').waitFor();
    await page.getByRole('button', { name: '确定' }).click();
    await expect(cell(page, address).textContent()).resolves.toBe('');
    await page.close();
  });
});

describe('a table pasted from last year’s report', () => {
  it('is recognised on the sheet, checked in place, and converted to the standard template', async () => {
    const page = await open();
    const text = readFileSync(join(__dirname, '..', 'test', 'fixtures', 'street-office-2019-format.txt'), 'utf8');
    await cell(page, 'A1').click();
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.querySelector('[role="grid"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, text);
    await page.getByRole('button', { name: '识别并校验当前工作表' }).click();
    await page.getByText('识别到表二、表三、表四（2019版）').waitFor();
    await page.getByText('通过：全部表格已读取并校验').waitFor();
    // 表四's 行政复议 结果维持 is A97 (line 97 of the sample): a number that no longer adds up lights the user's own cell.
    await typeInto(page, 'A97', '4');
    await finding(page, '行政复议：总计 0，应等于结果维持 4').waitFor();
    await expect(cell(page, 'A97').getAttribute('data-highlight')).resolves.toBe('#FFC7CE');
    await shot(page, 'pasted-checked');
    await page.getByRole('button', { name: '转换为标准表格' }).click();
    await page.getByRole('tab', { name: '年报表格（2019版）' }).waitFor();
    await shot(page, 'pasted-converted');
    await page.close();
  });
});

describe('fit and finish', () => {
  it('says what to do when there is no table yet, and fits a 320 px pane without horizontal scrolling', async () => {
    const page = await open();
    await page.getByText('还没有年报表格', { exact: true }).waitFor();
    const pane = page.locator('aside[aria-label="任务窗格"]');
    const overflow = await pane.evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await shot(page, 'empty-pane');
    await page.close();
  });

  it('reaches the 插入全部三张表, 立即校验 and 表三 buttons by Tab (Esc, Tab to leave the grid)', async () => {
    const page = await open();
    const names: string[] = [];
    for (let i = 0; i < 25; i++) {
      // In the grid, Tab moves between cells as in Excel; Esc then Tab leaves it.
      if (await page.evaluate(() => !!document.activeElement?.closest('[role="grid"]'))) await page.keyboard.press('Escape');
      await page.keyboard.press('Tab');
      names.push(
        await page.evaluate(() => (document.activeElement?.textContent || document.activeElement?.getAttribute('aria-label') || '').trim()),
      );
    }
    const joined = names.join('|');
    for (const label of ['插入全部三张表', '立即校验', '表三 申请处理']) expect(joined).toContain(label);
    await page.close();
  });

  it('keeps the findings list from jumping: the counts bar keeps its height when findings change', async () => {
    const page = await open();
    await insertAll(page, '2021');
    // From a form with a number in it (before the first number, the list says the form is not filled in).
    await typeInto(page, stackedAddress('2021', 'T4.RV.UPH'), '0');
    await page.getByText('通过：全部表格已读取并校验').waitFor();
    const bar = page.getByTestId('counts');
    const before = await bar.boundingBox();
    await typeInto(page, stackedAddress('2021', 'T4.RV.TOT'), '9');
    await finding(page, '行政复议：总计 9').waitFor();
    const after = await bar.boundingBox();
    expect(after?.height).toBe(before?.height);
    expect(after?.y).toBe(before?.y);
    await page.close();
  });

  it('says that the list may be out of date while live checking is off', async () => {
    const page = await open();
    await insertAll(page, '2021');
    await page.getByRole('switch', { name: '实时校验' }).click();
    await page.getByTestId('live-off').waitFor();
    await typeInto(page, stackedAddress('2021', 'T4.RV.TOT'), '9');
    expect(await page.getByText('行政复议：总计 9').count()).toBe(0);
    await shot(page, 'live-off');
    await page.getByRole('button', { name: '立即校验' }).click();
    await page.getByText('行政复议：总计 9').first().waitFor();
    await page.getByRole('switch', { name: '实时校验' }).click();
    await page.getByTestId('live-off').waitFor({ state: 'detached' });
    await page.close();
  });

  it('measures the time from a cell edit to the updated findings list', async () => {
    const page = await open();
    await insertAll(page, '2021');
    const address = stackedAddress('2021', 'T3.NEW.BIZ');
    const samples = await editLatencies(page, address, 7, (i) => `商业企业列：第一项 ${i} `);
    samples.sort((a, b) => a - b);
    const median = samples[Math.floor(samples.length / 2)];
    console.log(
      `editToFindingsMedianMs ${median.toFixed(1)} (the live check's 30 ms wait included; samples ${samples.map((s) => s.toFixed(0)).join(',')})`,
    );
    expect(Number.isFinite(median)).toBe(true);
    await page.close();
  });
});

describe('the bundle', () => {
  it('has no optional chaining or nullish coalescing, the ES2020 syntax Edge Legacy (Office 2019 without WebView2) cannot parse', () => {
    // Every chunk: preview.js and the task pane's second chunk (logic.js).
    const dir = join(__dirname, '..', 'dist-preview');
    const chunks = readdirSync(dir).filter((f) => f.endsWith('.js'));
    expect(chunks).toEqual(expect.arrayContaining(['preview.js', 'logic.js']));
    const js = chunks.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
    // Optional chaining and nullish coalescing are the ES2020 syntax the libraries use.
    expect(js.match(/[\w)\]]\?\.[\w([]/g) ?? []).toEqual([]);
    expect(js.match(/[\w)\]]\?\?[\w(!'"[]/g) ?? []).toEqual([]);
  });
});

describe('the supervising office and the published text', () => {
  it('adds a summary sheet over two units that follows their corrections', async () => {
    const page = await open();
    await insertAll(page, '2021');
    await page.getByRole('button', { name: '插入全部三张表' }).click();
    await page.getByRole('tab', { name: /^年报表格（2021版）2$/ }).waitFor();
    await page.getByRole('button', { name: '汇总本工作簿…' }).click();
    const units = page.getByRole('group', { name: '汇总本工作簿' });
    await units.getByText('年报表格（2021版）2', { exact: true }).waitFor();
    // Neither unit holds a number yet: both wait, unticked, until the office ticks them.
    await expect(units.getByText('2021版 · 尚未填写', { exact: true }).count()).resolves.toBe(2);
    for (const box of await units.getByRole('checkbox').all()) await box.check();
    await page.getByRole('button', { name: '插入汇总表（2 个单位）' }).click();
    await page.getByRole('tab', { name: '汇总（2021版）' }).waitFor();
    // The pane scrolls back to what the action changed: the notice, with the verdict above it.
    await page
      .getByTestId('notice')
      .getByText(/已插入工作表“汇总（2021版）”/)
      .waitFor();
    await eventually(async () => ((await page.getByTestId('verdict').boundingBox())?.y ?? -9) > -1, true);
    await shot(page, 'rollup');
    // A unit's number reaches the summary: both say the balance is broken.
    await page.getByRole('tab', { name: '年报表格（2021版）', exact: true }).click();
    await typeInto(page, stackedAddress('2021', 'T3.NEW.NP'), '4');
    await eventually(() => finding(page, '自然人列：第一项 4 + 第二项 0 = 4').count(), 2);
    await page.close();
  });

  it('checks pasted report text against the tables', async () => {
    const page = await open();
    await insertAll(page, '2021');
    await page.getByTestId('prose-input').fill('一、总体情况\n本年度共收到政府信息公开申请5件，办结0件。');
    await page.getByRole('button', { name: '核对正文与表格' }).click();
    await page
      .getByTestId('prose-result')
      .getByText('本年新收的申请为 5 件，而表三第一项“本年新收政府信息公开申请数量”的总计为 0，相差 5')
      .waitFor();
    await shot(page, 'prose');
    await page.close();
  });
});

describe('what a clerk sees', () => {
  it('takes Chinese from an input method in a selected cell without a double-click, as Excel does', async () => {
    const page = await open();
    await insertAll(page, '2021');
    await cell(page, 'Q2').click();
    // What Chromium receives from a Pinyin input method: a composition updated as the user types, then committed.
    const ime = await page.context().newCDPSession(page);
    await ime.send('Input.imeSetComposition', { text: 'ben', selectionStart: 3, selectionEnd: 3 });
    await ime.send('Input.imeSetComposition', { text: '本表', selectionStart: 2, selectionEnd: 2 });
    await ime.send('Input.insertText', { text: '本表' });
    await ime.send('Input.imeSetComposition', { text: 'tian', selectionStart: 4, selectionEnd: 4 });
    await ime.send('Input.insertText', { text: '填写' });
    await page.keyboard.press('Enter');
    await expect(cell(page, 'Q2').textContent()).resolves.toBe('本表填写');
    await expect(page.getByTestId('namebox').textContent()).resolves.toBe('Q3');
    // The grid keeps the keys: the next digit goes into the cell below, not into a hidden field.
    await page.keyboard.type('7');
    await page.keyboard.press('Enter');
    await expect(cell(page, 'Q3').textContent()).resolves.toBe('7');
    await page.close();
  });

  it('commits each entry and moves on Tab, Enter and the arrows, however fast the typing (120 ⇥ 15 ⇥ 0 ↵)', async () => {
    const page = await open();
    await insertAll(page, '2021');
    const [np, biz, sci] = ['T3.NEW.NP', 'T3.NEW.BIZ', 'T3.NEW.SCI'].map((id) => stackedAddress('2021', id));
    await cell(page, np).click();
    // Without pauses: the keys come faster than the cell's input takes the focus.
    for (const key of ['1', '2', '0', 'Tab', '1', '5', 'Tab', '0', 'Enter']) await page.keyboard.press(key);
    await eventually(() => cell(page, np).textContent(), '120');
    await expect(cell(page, biz).textContent()).resolves.toBe('15');
    await expect(cell(page, sci).textContent()).resolves.toBe('0');
    // Typing then an arrow commits and moves, as in Excel; Tab without typing moves and stays in the grid.
    const below = stackedAddress('2021', 'T3.CIN.NP');
    await cell(page, np).click();
    await page.keyboard.type('7');
    await page.keyboard.press('ArrowDown');
    await eventually(() => cell(page, np).textContent(), '7');
    await eventually(() => page.getByTestId('namebox').textContent(), below);
    await page.keyboard.press('Tab');
    await eventually(() => page.getByTestId('namebox').textContent(), stackedAddress('2021', 'T3.CIN.BIZ'));
    await expect(page.evaluate(() => !!document.activeElement?.closest('[role="grid"]'))).resolves.toBe(true);
    await page.close();
  });

  /** Whether an element is inside the visible part of the scrolled task pane. */
  async function inPaneView(page: Page, locator: ReturnType<Page['locator']>): Promise<boolean> {
    const pane = await page.locator('aside[aria-label="任务窗格"]').boundingBox();
    const box = await locator.boundingBox();
    return !!pane && !!box && box.y >= pane.y && box.y + box.height <= pane.y + pane.height;
  }

  it('offers the button a refusal names, keeps the notice in sight below long findings, and lets it be closed', async () => {
    const page = await open(1366, 600);
    await insertAll(page, '2021');
    await page.getByRole('radio', { name: '当前选中的单元格' }).check();
    const t3 = page.getByRole('button', { name: '表三 申请处理' });
    await t3.scrollIntoViewIfNeeded();
    await t3.click();
    const notice = page.getByTestId('notice');
    await notice.getByText('已有表三').waitFor();
    const retry = notice.getByRole('button', { name: '插入到新工作表' });
    expect(await inPaneView(page, retry)).toBe(true);
    await shot(page, 'notice-blocked');
    await retry.click();
    await page.getByRole('tab', { name: '年报表格（2021版）2' }).waitFor();
    await notice.getByText('插入表三').waitFor();
    // Which sheet and which table, no cell range.
    expect(await notice.textContent()).not.toMatch(/[A-Z]+\d+:[A-Z]+\d+/);
    expect(await inPaneView(page, notice.getByText('插入表三'))).toBe(true);
    await shot(page, 'notice-inserted');
    await notice.getByRole('button', { name: '关闭提示' }).click();
    await expect(notice.textContent()).resolves.toBe('');
    await page.close();
  });

  it('fits a 320 px window without sideways scrolling, and keeps sheet tabs out of the pane at 800 px', async () => {
    const narrow = await open(320, 640);
    // Measured once the page has laid itself out at this size (a busy machine once measured it mid-layout).
    const sideways = () => narrow.evaluate(() => Math.max(0, document.documentElement.scrollWidth - document.documentElement.clientWidth));
    await eventually(sideways, 0);
    await shot(narrow, 'window-320');
    await narrow.close();
    const page = await open(800, 600);
    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '插入全部三张表' }).click();
    await page.getByRole('tab', { name: '年报表格（2021版）3' }).waitFor();
    const tabs = await page.getByRole('tablist', { name: '工作表' }).boundingBox();
    const pane = await page.locator('aside[aria-label="任务窗格"]').boundingBox();
    expect(tabs!.x + tabs!.width).toBeLessThanOrEqual(pane!.x + 1);
    await shot(page, 'window-800');
    await page.close();
  });

  it('undoes the last typing with Ctrl+Z, and lets long text run on over empty cells', async () => {
    const page = await open();
    await insertAll(page, '2021');
    await typeInto(page, stackedAddress('2021', 'T4.RV.TOT'), '9');
    await finding(page, '行政复议：总计 9').waitFor();
    await page.keyboard.press('Control+z');
    await page.getByText('表二、表三、表四尚未填写（还没有填写任何数字），未校验').first().waitFor();
    await expect(cell(page, stackedAddress('2021', 'T4.RV.TOT')).textContent()).resolves.toBe(''); // blank as inserted
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    // Chinese text comes through an input method, after a double-click opens the cell for editing.
    await cell(page, 'B2').dblclick();
    await page.keyboard.insertText('本表由办公室填写，数字截至十二月三十一日');
    await page.keyboard.press('Enter');
    const text = cell(page, 'B2').locator('[data-spill]');
    await text.waitFor();
    const own = (await cell(page, 'B2').boundingBox())!.width;
    expect((await text.boundingBox())!.width).toBeGreaterThan(own);
    await shot(page, 'spill');
    await page.close();
  });

  it('selects and shows the recognised tables, and gives each checked sheet its verdict', async () => {
    const page = await open();
    await insertAll(page, '2021');
    await typeInto(page, stackedAddress('2021', 'T4.RV.TOT'), '9');
    await finding(page, '行政复议：总计 9').waitFor();
    await page.getByRole('tab', { name: 'Sheet1' }).click();
    const text = readFileSync(join(__dirname, '..', 'test', 'fixtures', 'street-office-2019-format.txt'), 'utf8');
    await cell(page, 'A1').click();
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.querySelector('[role="grid"]')!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    }, text);
    await page.getByRole('button', { name: '识别并校验当前工作表' }).click();
    await page.getByTestId('sheet-verdicts').getByText('Sheet1：通过', { exact: true }).waitFor();
    await page.getByTestId('sheet-verdicts').getByText('年报表格（2021版）：有错误').waitFor();
    // The sample's tables are its lines 41–97, fifteen columns wide (表四): below its text, in view.
    await expect(page.getByTestId('namebox').textContent()).resolves.toBe('A41:O97');
    const grid = await page.getByRole('grid').boundingBox();
    const box = await cell(page, 'A41').boundingBox();
    expect(box!.y).toBeGreaterThanOrEqual(grid!.y);
    expect(box!.y).toBeLessThan(grid!.y + grid!.height);
    await shot(page, 'recognised-verdicts');
    await page.close();
  });

  it('says once that a formula total was typed over, naming the formula', async () => {
    const page = await open();
    await page.getByRole('checkbox', { name: /合计用公式/ }).check();
    await insertAll(page, '2021');
    const total = stackedAddress('2021', 'T3.NEW.TOT');
    await typeInto(page, total, '7');
    const notice = page.getByTestId('notice');
    await notice.getByText('合计公式被改写').waitFor();
    expect(await notice.textContent()).toContain(`${total}（原为 =SUM(`);
    await shot(page, 'formula-total');
    await page.close();
  });

  it('keeps each insert button on one line in a 320 px pane', async () => {
    const page = await open();
    const heights = await page
      .getByRole('group', { name: '插入表格' })
      .getByRole('button')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThanOrEqual(Math.min(...heights));
    await page.close();
  });

  it('says in the bar as many errors as the pane counts, and drops the "no table yet" note once tables are there', async () => {
    const page = await open();
    await page.getByRole('button', { name: '填入示例数据' }).click();
    await page.getByTestId('preview-note').getByText('还没有年报表格').waitFor();
    await insertAll(page, '2021');
    await expect(page.getByTestId('preview-note').count()).resolves.toBe(0);
    await page.getByRole('button', { name: '填入示例数据' }).click();
    const note = (await page.getByTestId('preview-note').textContent()) ?? '';
    const said = /校验发现 (\d+) 条错误/.exec(note);
    expect(said).not.toBeNull();
    await eventually(
      () =>
        page
          .getByTestId('counts')
          .textContent()
          .then((t) => /错误 (\d+)/.exec(t ?? '')?.[1]),
      said![1],
    );
    await shot(page, 'example-filled');
    await page.close();
  });
});

describe('the pane’s order', () => {
  it('puts the active sheet’s verdict first and largest, keeps the insert controls above the findings, and never covers them with the notice', async () => {
    const page = await open(1400, 900);
    const verdict = page.getByTestId('verdict');
    await verdict.getByText('还没有年报表格').waitFor();
    const insertButton = page.getByRole('button', { name: '插入全部三张表' });
    await insertAll(page, '2021');
    await verdict.getByText('尚未填写：表格中还没有填写任何数字，填写后才能校验').waitFor();
    await typeInto(page, BALANCE_NP['2021'].NEW, '5');
    await verdict.getByText(/^有错误：错误 2 条/).waitFor();
    await expect(verdict.getAttribute('data-verdict')).resolves.toBe('errors');
    await verdict.getByText('当前工作表“年报表格（2021版）”').waitFor();
    // A second report on a new sheet, untouched: the verdict follows the sheet the user is on.
    await insertButton.click();
    await page.getByRole('tab', { name: '年报表格（2021版）2' }).waitFor();
    await verdict.getByText('当前工作表“年报表格（2021版）2”').waitFor();
    await expect(verdict.getAttribute('data-verdict')).resolves.toBe('incomplete');
    await page.getByRole('tab', { name: '年报表格（2021版）', exact: true }).click();
    await verdict.getByText('当前工作表“年报表格（2021版）”').waitFor();
    await expect(verdict.getAttribute('data-verdict')).resolves.toBe('errors');
    // Its findings and its line come before the other sheet's.
    await expect(page.getByTestId('sheet-verdicts').locator('div').first().textContent()).resolves.toMatch(/^年报表格（2021版）：有错误/);

    const layout = await page.evaluate(() => {
      const top = (el: Element | null) => (el ? el.getBoundingClientRect().top : NaN);
      const main = document.querySelector('main[aria-label="年报助手"]')!;
      const texts = [...main.querySelectorAll('span, p, div, button, label')].filter(
        (el) => el.childElementCount === 0 && (el.textContent ?? '').trim() && !el.closest('[data-testid="verdict"]'),
      );
      const headline = [...document.querySelectorAll('[data-testid="verdict"] span')].find((s) =>
        (s.textContent ?? '').startsWith('有错误'),
      )!;
      return {
        verdictTop: top(document.querySelector('[data-testid="verdict"]')),
        firstControlTop: top(document.querySelector('[role="group"][aria-label="插入表格"]')),
        findingsTop: top(document.querySelector('section[aria-label="校验结果"]')),
        headlineSize: parseFloat(getComputedStyle(headline).fontSize),
        largestOther: Math.max(...texts.map((el) => parseFloat(getComputedStyle(el).fontSize))),
        noticePosition: getComputedStyle(document.querySelector('[data-testid="notice"]')!).position,
      };
    });
    expect(layout.verdictTop).toBeLessThan(layout.firstControlTop);
    expect(layout.firstControlTop).toBeLessThan(layout.findingsTop);
    expect(layout.headlineSize).toBeGreaterThan(layout.largestOther);
    // The notice is in the flow: scrolled past, it covers nothing.
    expect(['static', 'relative']).toContain(layout.noticePosition);
    await shot(page, 'pane-order');
    await page.close();
  });

  it('brings the roll-up list into view, with the units that have errors or no numbers unticked and why', async () => {
    const page = await open(1400, 900);
    await insertAll(page, '2021');
    await typeInto(page, BALANCE_NP['2021'].NEW, '5');
    await page
      .getByTestId('verdict')
      .getByText(/^有错误/)
      .waitFor();
    await page.getByRole('button', { name: '插入全部三张表' }).click();
    await page.getByRole('tab', { name: '年报表格（2021版）2' }).waitFor();
    const open_ = page.getByRole('button', { name: '汇总本工作簿…' });
    await open_.scrollIntoViewIfNeeded();
    await open_.click();
    const group = page.getByRole('group', { name: '汇总本工作簿' });
    await group.getByText('2021版 · 有错误（错误 2 条）').waitFor();
    await group.getByText('2021版 · 尚未填写').waitFor();
    await expect(group.getByRole('checkbox').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).checked))).resolves.toEqual([
      false,
      false,
    ]);
    await page.getByTestId('rollup-held').getByText('有错误或未完整校验的单位（2 个）没有勾选').waitFor();
    // The list and its button are in view, not below the pane's visible area.
    const insert = page.getByRole('button', { name: /^插入汇总表/ });
    const box = (await insert.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(901);
    expect(box.y).toBeGreaterThanOrEqual(0);
    // Each verdict stays on one line: never cut inside a word.
    const heights = await group.getByText(/^2021版 · /).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    expect(Math.max(...heights)).toBeLessThan(30);
    await shot(page, 'rollup-list');
    for (const width of [320, 400, 500]) {
      await page.locator('aside[aria-label="任务窗格"]').evaluate((el, w) => ((el as HTMLElement).style.width = `${w}px`), width);
      await insert.scrollIntoViewIfNeeded();
      const overflow = await page.evaluate(() => {
        const pane = document.querySelector('main[aria-label="年报助手"]')!;
        return pane.scrollWidth - pane.clientWidth;
      });
      expect([width, overflow]).toEqual([width, 0]);
      await shot(page, `rollup-list-${width}`);
    }
    await page.close();
  });
});
