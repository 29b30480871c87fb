import { readFileSync } from 'fs';
import { join } from 'path';
import { insertTables, InsertOptions } from '../../src/excel/insert';
import { convertActiveSheet } from '../../src/excel/pasted';
import { insertWorkbookRollup } from '../../src/excel/rollup';
import { parseTsv } from '../../src/report/recognise/recognise';
import { createMemoryHost, MemoryHost } from '../../src/excel/memory';
import { hostWithSheet } from '../helpers/memoryHost';
import { defaultPageLayout } from '../../src/excel/memory/model/pageLayout';
import { MemWorksheet } from '../../src/excel/memory/proxies/worksheets';
import { TABLE_IDS } from '../../src/report/standard/formats';
import { PAGE } from '../../src/report/look/style';

const SHEET = '年报表格（2021版）';

async function insert(host: MemoryHost, options: Partial<InsertOptions>) {
  host.resetStats();
  const result = await insertTables(host.run.bind(host), {
    version: '2021',
    tables: [...TABLE_IDS],
    target: 'newSheet',
    totalsAsFormulas: false,
    ...options,
  });
  return { result, syncs: host.stats.syncs };
}

const untouched = { ...defaultPageLayout(), horizontalBreaks: [] };

describe('the printed page of inserted tables (ExcelApi 1.9 where the host has it)', () => {
  it('a new sheet prints on A4 portrait at the plan’s margins, one page wide, in the same two syncs', async () => {
    const host = hostWithSheet();
    const { result, syncs } = await insert(host, { pageSetup: true });
    expect(result.kind).toBe('done');
    expect(syncs).toBe(2);
    const m = PAGE.margins;
    expect(host.pageSetup(SHEET)).toMatchObject({
      paperSize: 'A4',
      orientation: 'Portrait',
      zoom: { scale: null, horizontalFitToPages: 1, verticalFitToPages: 0 },
      leftMargin: m.left * 72,
      rightMargin: m.right * 72,
      topMargin: m.top * 72,
      bottomMargin: m.bottom * 72,
      headerMargin: m.header * 72,
      footerMargin: m.footer * 72,
    });
  });

  it('each table after the first starts a page: a break right above its section title', async () => {
    const host = hostWithSheet();
    await insert(host, { pageSetup: true });
    const breaks = host.pageSetup(SHEET).horizontalBreaks;
    expect(breaks.map((row) => host.cell(SHEET, `A${row + 1}`).value)).toEqual([
      '三、收到和处理政府信息公开申请情况',
      '四、政府信息公开行政复议、行政诉讼情况',
    ]);
  });

  it('one table needs no break', async () => {
    const host = hostWithSheet();
    await insert(host, { pageSetup: true, tables: ['T3'] });
    expect(host.pageSetup(SHEET)).toMatchObject({ paperSize: 'A4', horizontalBreaks: [] });
  });

  it('the user’s own sheet keeps its page setup when the tables go at the selection', async () => {
    const host = hostWithSheet();
    host.userSelect('Sheet1', 'B2');
    const { result } = await insert(host, { pageSetup: true, target: 'selection' });
    expect(result.kind).toBe('done');
    expect(host.pageSetup('Sheet1')).toEqual(untouched);
  });

  it('without ExcelApi 1.9 the page is not touched, its API not even reached, in the same two syncs', async () => {
    const host = hostWithSheet();
    const pageLayout = jest.spyOn(MemWorksheet.prototype, 'pageLayout', 'get');
    const breaks = jest.spyOn(MemWorksheet.prototype, 'horizontalPageBreaks', 'get');
    try {
      const { result, syncs } = await insert(host, {});
      expect(result.kind).toBe('done');
      expect(syncs).toBe(2);
      expect(pageLayout).not.toHaveBeenCalled();
      expect(breaks).not.toHaveBeenCalled();
    } finally {
      pageLayout.mockRestore();
      breaks.mockRestore();
    }
    expect(host.pageSetup(SHEET)).toEqual(untouched);
  });

  it('a page break the host refuses (a failure injected in memory) fails the insertion, and the new sheet goes, page setup included', async () => {
    const sizes = createMemoryHost();
    await insert(sizes, { pageSetup: true });
    const operations = sizes.stats.batchSizes.reduce((a, b) => a + b, 0);
    const host = hostWithSheet();
    // The last break's add: only activate, getRange and select follow it.
    host.failAtOperation(operations - 4, 'InvalidArgument');
    const { result } = await insert(host, { pageSetup: true });
    expect(result.kind).toBe('failed');
    expect(host.sheetNames()).toEqual(['Sheet1']);
  });

  it('the other routes to a new sheet set the page too: a converted pasted table and 汇总本工作簿', async () => {
    const host = createMemoryHost();
    host.addSheet('上年年报');
    host.setActiveSheet('上年年报');
    const grid = parseTsv(readFileSync(join(__dirname, '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8'));
    const width = Math.max(...grid.map((r) => r.length));
    host.userPaste(
      '上年年报',
      'A1',
      grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')),
    );
    const run = host.run.bind(host);
    const converted = await convertActiveSheet(run, false, true);
    if (converted.kind !== 'done') throw new Error(converted.kind);
    expect(host.pageSetup(converted.sheet)).toMatchObject({ paperSize: 'A4', orientation: 'Portrait' });
    const summed = await insertWorkbookRollup(run, undefined, true);
    if (summed.kind !== 'done') throw new Error(summed.kind);
    expect(host.pageSetup(summed.sheet)).toMatchObject({ paperSize: 'A4', zoom: { horizontalFitToPages: 1 } });
  });
});
