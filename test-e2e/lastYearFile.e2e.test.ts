import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { previewPerFile } from './browser';
import { consistentReport, seededRandom } from '../src/report/standard/generate';
import { writeZipBomb } from '../bench/hostile';

// The pane's 从文件读取上年报告 reads the file in a Web Worker running the web page's core
// (lastYearCore.js), under the command's time limit and behind the command's guard.

const preview = previewPerFile();

it('reads last year’s file in a worker running the web page’s core, and refuses a zip bomb with the command’s reason', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-pane-last-year-'));
  const lastFile = join(dir, '上年.json');
  writeFileSync(lastFile, JSON.stringify(consistentReport('2021', seededRandom(7))));
  const bomb = join(dir, '炸弹.xlsx');
  await writeZipBomb(bomb, 120 * 1024 * 1024);

  const page = await preview.browser.newPage({ viewport: { width: 1366, height: 900 } });
  const errors: string[] = [];
  const workers: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(preview.url);
  await page.getByRole('button', { name: '插入全部三张表' }).click();
  await page.getByText('表二、表三、表四尚未填写（还没有填写任何数字），未校验').first().waitFor();

  await page.setInputFiles('input[aria-label="上年报告文件"]', bomb);
  await page
    .getByTestId('notice')
    .getByText(/无法读取“炸弹\.xlsx”：解压后共 1\d\d MB，超过 100 MB 的上限/)
    .waitFor();
  expect(workers.filter((u) => u.endsWith('/lastYearCore.js'))).toHaveLength(1);

  await page.setInputFiles('input[aria-label="上年报告文件"]', lastFile);
  await page.getByTestId('notice').getByText('已将文件“上年.json”（2021版）作为上年报告').waitFor();
  expect(workers.filter((u) => u.endsWith('/lastYearCore.js'))).toHaveLength(2);
  expect(errors).toEqual([]);
  await page.close();
});
