import { execSync } from 'child_process';
import { join } from 'path';
import { chromiumPath, editLatencies, withPreviewBrowser } from '../test-e2e/browser';
import { a1 } from '../src/report/standard/a1';
import { tableLayout } from '../src/report/look/layout';
import { GAP_ROWS } from '../src/report/look/style';

/**
 * Median ms from a cell edit to the updated findings list, in the built preview in Debian's Chromium.
 * Fails at once, saying what to install, when Chromium is missing; the preview server is closed
 * whatever happens (a browser that fails to start used to leave it open and the bench hanging).
 */
export async function measureEditToFindings(samples = 15): Promise<number> {
  chromiumPath();
  execSync('npx webpack --mode production --env preview', { cwd: join(__dirname, '..'), stdio: 'ignore' });
  return withPreviewBrowser(async (browser, url) => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(url);
    await page.getByRole('button', { name: '插入全部三张表' }).click();
    // Inserted and not yet filled in: the pane says so (never 通过 before a number is entered).
    await page.getByText('表二、表三、表四尚未填写（还没有填写任何数字），未校验').first().waitFor();
    const t2Rows = tableLayout('2021', 'T2').rowCount + GAP_ROWS;
    const d = tableLayout('2021', 'T3').data.find((x) => x.id === 'T3.NEW.BIZ')!;
    const times = await editLatencies(page, a1(t2Rows + d.row, d.col), samples, (i) => `商业企业列：第一项 ${i} `);
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  });
}
