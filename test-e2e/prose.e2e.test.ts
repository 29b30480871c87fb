import { Page } from 'playwright-core';
import { stackedAddress } from '../test/helpers/stacked';
import { eventually, openPreview, previewPerFile, shot, typeInto } from './browser';

// 核对正文与表格 in the preview: one item a result, a click selects the cells it names, the sentences
// that agree are listed folded, and the sheet checked is the active one.

const preview = previewPerFile();

const open = (width = 400, height = 900) => openPreview(preview, width, height);

async function insertAll(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /^2021版/ }).check();
  await page.getByRole('button', { name: '插入全部三张表' }).click();
}

const TEXT = '一、总体情况\n本年度共收到政府信息公开申请5件，办结0件。全年未发生政府信息公开行政复议。行政诉讼2件。';

describe('核对正文与表格', () => {
  it('lists each result on its own, selects the cells a result names, folds the agreeing ones, and checks the active sheet', async () => {
    const page = await open();
    await insertAll(page);
    await page.getByRole('tab', { name: '年报表格（2021版）' }).waitFor();
    await typeInto(page, stackedAddress('2021', 'T3.NEW.NP'), '1');
    await page.getByTestId('prose-input').fill(TEXT);
    await page.getByRole('button', { name: '核对正文与表格' }).click();

    const warnings = page.getByTestId('prose-warning');
    await eventually(() => warnings.count(), 2);
    // Two items, each its own line: the second starts below the first.
    const [first, second] = [await warnings.nth(0).boundingBox(), await warnings.nth(1).boundingBox()];
    expect(second!.y).toBeGreaterThanOrEqual(first!.y + first!.height);
    await expect(warnings.nth(0).textContent()).resolves.toBe(
      '正文“本年度共收到政府信息公开申请5件，办结0件。”中本年新收的申请为 5 件，而表三第一项“本年新收政府信息公开申请数量”的总计为 0，相差 5',
    );
    await expect(warnings.nth(1).textContent()).resolves.toContain('行政诉讼为 2 件，而表四“行政诉讼”两项的总计之和为 0，相差 2');
    await expect(page.getByTestId('prose-summary').textContent()).resolves.toBe(
      '与工作表“年报表格（2021版）”的表格核对：2 处与表格不一致（警告，请核对）',
    );

    // The agreeing sentences (办结 0, 未发生行政复议) are there, folded.
    const agreed = page.getByTestId('prose-agreed');
    await expect(agreed.first().isVisible()).resolves.toBe(false);
    await shot(page, 'prose-warnings');
    await page.getByTestId('prose-agreed-list').locator('summary').click();
    await eventually(() => agreed.count(), 2);
    await expect(agreed.nth(1).textContent()).resolves.toBe(
      '正文“全年未发生政府信息公开行政复议。”说没有行政复议（即 0 件），与表四“行政复议”的总计（0）一致',
    );
    await agreed.nth(1).scrollIntoViewIfNeeded();
    await shot(page, 'prose-agreed-open');

    // At the pane's narrowest, the results wrap inside it: nothing runs off to the right.
    await page.setViewportSize({ width: 320, height: 900 });
    const overflow = await page.evaluate(() => {
      const section = document.querySelector('section[aria-label="核对正文"]')!;
      const right = section.getBoundingClientRect().right;
      return [...section.querySelectorAll('*')].filter((e) => e.getBoundingClientRect().right > right + 1).length;
    });
    expect(overflow).toBe(0);
    await page.getByTestId('prose-summary').scrollIntoViewIfNeeded();
    await shot(page, 'prose-320');
    await page.setViewportSize({ width: 400, height: 900 });

    // A click selects the cell the sentence is compared with.
    await warnings.nth(0).click();
    await eventually(() => page.getByTestId('namebox').textContent(), stackedAddress('2021', 'T3.NEW.TOT'));

    // A second report on another sheet, which becomes the active one: the text is checked against it.
    await page.getByRole('button', { name: '插入全部三张表' }).click();
    await page.getByRole('tab', { name: /^年报表格（2021版）2$/ }).waitFor();
    await typeInto(page, stackedAddress('2021', 'T3.NEW.TOT'), '5');
    await typeInto(page, stackedAddress('2021', 'T4.LD.TOT'), '2');
    await page.getByRole('button', { name: '核对正文与表格' }).click();
    await eventually(
      () => page.getByTestId('prose-summary').textContent(),
      '与工作表“年报表格（2021版）2”的表格核对：正文中的 4 处数字与表格一致',
    );
    await expect(warnings.count()).resolves.toBe(0);
    await shot(page, 'prose-second-sheet');

    // Back on the first sheet, the same text is checked against the first report again.
    await page.getByRole('tab', { name: '年报表格（2021版）', exact: true }).click();
    await page.getByRole('button', { name: '核对正文与表格' }).click();
    await eventually(
      () => page.getByTestId('prose-summary').textContent(),
      '与工作表“年报表格（2021版）”的表格核对：2 处与表格不一致（警告，请核对）',
    );
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
