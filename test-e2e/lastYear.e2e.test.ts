import { cellAt, previewPerFile, shot, typeInto } from './browser';

const preview = previewPerFile();

/** The yellow of a warning highlight (Excel's 适中 / Neutral cell style). */
const WARNING_FILL = '#FFEB9C';

const cell = cellAt;

it('links a second inserted sheet as last year’s report and finds this year’s 上年结转 that disagrees (XY-CARRY), highlighted, cleared when fixed', async () => {
  const page = await preview.browser.newPage({ viewport: { width: 1366, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(preview.url);
  const insertAll = page.getByRole('button', { name: '插入全部三张表' });
  await insertAll.click();
  const thisYear = '年报表格（2021版）';
  await page.getByRole('tab', { name: thisYear, exact: true }).waitFor();
  await page.getByText('表二、表三、表四尚未填写（还没有填写任何数字），未校验').first().waitFor();
  await insertAll.click();
  const lastYear = '年报表格（2021版）2';
  await page.getByRole('tab', { name: lastYear }).waitFor();
  // Last year's report carried 3 requests of 自然人 over to this year (its own balance is off: not the point).
  await page.getByRole('tab', { name: lastYear }).click();
  await typeInto(page, 'I45', '3'); // 表三 四、结转下年度继续办理, 自然人 (the 2021 tables inserted from A1)

  await page.getByLabel('上年报告所在的工作表').selectOption({ label: lastYear });
  await page.getByRole('button', { name: '作为上年报告' }).click();
  await page.getByTestId('last-year').getByText(`上年报告：工作表“${lastYear}”（2021版）`).waitFor();
  // The notice at the top says what linking did (an older, unrelated notice is replaced).
  await page.getByTestId('notice').getByText(`已将工作表“${lastYear}”（2021版）作为上年报告`).waitFor();
  // Nothing in the pane runs off it, at any width a task pane takes (300 to 500 px).
  for (const width of [300, 320, 400, 500]) {
    await page.locator('aside[aria-label="任务窗格"]').evaluate((el, w) => ((el as HTMLElement).style.width = `${w}px`), width);
    await page.getByTestId('last-year').scrollIntoViewIfNeeded();
    const overflow = await page.evaluate(() => {
      const pane = document.querySelector('main[aria-label="年报助手"]')!;
      const right = pane.getBoundingClientRect().right;
      const out = [...pane.querySelectorAll('*')].filter((el) => {
        const b = el.getBoundingClientRect();
        return b.width > 0 && b.right > right + 1;
      });
      return {
        scroll: pane.scrollWidth - pane.clientWidth,
        out: out.slice(0, 5).map((el) => `${el.tagName}:${(el.textContent ?? '').slice(0, 20)}`),
      };
    });
    expect([width, overflow]).toEqual([width, { scroll: 0, out: [] }]);
    if (width !== 300) await shot(page, `last-year-linked-${width}`);
  }
  await page.locator('aside[aria-label="任务窗格"]').evaluate((el) => ((el as HTMLElement).style.width = '320px'));
  const carry = page.getByRole('listitem').filter({ hasText: '自然人列：第二项 0，应等于上年第四项 3，相差 3' });
  await carry.waitFor();

  await page.getByRole('tab', { name: thisYear, exact: true }).click();
  const cin = 'I22'; // 表三 二、上年结转政府信息公开申请数量, 自然人
  await expect(cell(page, cin).getAttribute('data-highlight')).resolves.toBe(WARNING_FILL);
  await shot(page, 'last-year-carry');

  // This year's 第二项 set to last year's 第四项: the finding and the highlight go.
  await typeInto(page, cin, '3');
  await carry.waitFor({ state: 'detached' });
  await expect(cell(page, cin).getAttribute('data-highlight')).resolves.not.toBe(WARNING_FILL);

  await page.getByRole('button', { name: '取消关联' }).click();
  await page.getByTestId('last-year').waitFor({ state: 'detached' });
  expect(errors).toEqual([]);
  await page.close();
});
