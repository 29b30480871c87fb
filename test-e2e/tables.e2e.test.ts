import { Page } from 'playwright-core';
import { FORMAT_VERSIONS, FormatVersion, TABLE_IDS } from '../src/report/standard/formats';
import { a1 } from '../src/report/standard/a1';
import { tableLayout } from '../src/report/look/layout';
import { stackedTop } from '../test/helpers/stacked';
import { shot, previewPerFile } from './browser';

// The three tables as the preview draws them from the in-memory workbook: they must look like the
// official ones, every title, header and note on at most two lines at its merged width.

const preview = previewPerFile();

/** Each label of the tables inserted at A1 of a new sheet: its address and whether it heads the table. */
function labelsOnSheet(version: FormatVersion): { table: string; address: string; text: string; heading: boolean }[] {
  return TABLE_IDS.flatMap((t) => {
    const layout = tableLayout(version, t);
    const top = stackedTop(version, t);
    return layout.labels.map((l) => ({ table: t, address: a1(top + l.row, l.col), text: l.text, heading: l.role !== 'rowLabel' }));
  });
}

async function insertAllTables(version: FormatVersion): Promise<Page> {
  const page = await preview.browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(preview.url);
  await page.getByRole('radio', { name: new RegExp(`^${version}版`) }).check();
  await page.getByRole('button', { name: '插入全部三张表' }).click();
  await page.getByRole('tab', { name: `年报表格（${version}版）` }).waitFor();
  return page;
}

/** Lines a cell's text takes as rendered (its line boxes), and whether it is cut off by the cell. */
async function rendered(page: Page, address: string): Promise<{ lines: number; clipped: boolean }> {
  return page.locator(`td[data-address="${address}"]`).evaluate((td) => {
    const range = document.createRange();
    range.selectNodeContents(td);
    const boxes = Array.from(range.getClientRects()).filter((r) => r.width > 0);
    const text = range.getBoundingClientRect();
    const cell = td.getBoundingClientRect();
    return {
      lines: new Set(boxes.map((r) => Math.round(r.top))).size,
      clipped: text.height > cell.height + 1 || text.width > cell.width + 1,
    };
  });
}

describe.each(FORMAT_VERSIONS)('the %s tables in the preview', (version) => {
  it('show every title, header and note on at most two lines, and no label cut off', async () => {
    const page = await insertAllTables(version);
    const labels = labelsOnSheet(version);
    const measured: { table: string; text: string; lines: number; clipped: boolean }[] = [];
    for (const l of labels) measured.push({ table: l.table, text: l.text, ...(await rendered(page, l.address)) });
    expect(measured.filter((m) => m.lines === 0)).toEqual([]);
    const headings = measured.filter((_, i) => labels[i].heading);
    expect(headings.filter((m) => m.lines > 2)).toEqual([]);
    expect(measured.filter((m) => m.clipped)).toEqual([]);
    // For the record: the screenshots of each table, its title at the top.
    for (const t of TABLE_IDS) {
      const title = labels.find((l) => l.table === t)!;
      await page.locator(`td[data-address="${title.address}"]`).evaluate((td) => {
        const grid = td.closest('[role="grid"]')!;
        grid.scrollTop += td.getBoundingClientRect().top - grid.getBoundingClientRect().top - 24;
      });
      await shot(page, `${version}-tables-${t}`);
    }
    await page.close();
  });
});
