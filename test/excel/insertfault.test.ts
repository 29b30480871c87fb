import { worded } from '../helpers/worded';
import { problemText } from '../../src/taskpane/problemText';
import { insertTables, InsertOptions } from '../../src/excel/insert';
import { createMemoryHost, MemoryHost } from '../../src/excel/memory';
import { a1 } from '../../src/report/standard/a1';

/** Everything a person could see in the workbook, to compare before and after. */
function snapshot(host: MemoryHost) {
  return {
    sheets: host.sheetNames(),
    names: host.names(),
    perSheet: host.sheetNames().map((sheet) => {
      const used = host.usedRange(sheet);
      const cells: unknown[] = [];
      for (let r = 0; r < used.rowCount; r++) for (let c = 0; c < used.columnCount; c++) cells.push(host.cell(sheet, a1(r, c)));
      return {
        used,
        cells,
        merges: host.merges(sheet),
        cfs: host.conditionalFormats(sheet),
        widths: Array.from({ length: 30 }, (_, i) => host.columnWidth(sheet, i)),
        heights: Array.from({ length: 200 }, (_, i) => host.rowHeight(sheet, i)),
      };
    }),
  };
}

function sheetWithData(): MemoryHost {
  const host = createMemoryHost();
  host.addSheet('Sheet1');
  host.setActiveSheet('Sheet1');
  host.userEdit('Sheet1', 'A1', '说明');
  host.userSelect('Sheet1', 'B3');
  return host;
}

/** Operations of a successful insertion (to fail at each in turn), and of its first sync (the look at the target). */
async function operationsOf(options: InsertOptions): Promise<{ n: number; looking: number }> {
  const host = sheetWithData();
  host.resetStats();
  const r = await insertTables(host.run.bind(host), options);
  expect(r.kind).toBe('done');
  expect(host.stats.syncs).toBe(2);
  return { n: host.stats.batchSizes.reduce((a, b) => a + b, 0), looking: host.stats.batchSizes[0] };
}

describe('an insertion whose batch fails part way (a failure injected at each operation of the in-memory workbook)', () => {
  for (const target of ['selection', 'newSheet'] as const) {
    it(`leaves nothing behind and does not say the table does not fit, whichever step fails (${target})`, async () => {
      const options: InsertOptions = { version: '2021', tables: ['T4'], target, totalsAsFormulas: true };
      const { n, looking } = await operationsOf(options);
      expect(n).toBeGreaterThan(20);
      for (let k = 0; k < n; k++) {
        const host = sheetWithData();
        const before = snapshot(host);
        host.failAtOperation(k, k % 2 ? 'InvalidArgument' : 'GeneralException');
        const r = await insertTables(host.run.bind(host), options);
        expect([k, r.kind]).toEqual([k, 'failed']);
        // An InvalidArgument while looking at the target means it runs off the sheet; while drawing, it does not.
        if (r.kind === 'failed' && k >= looking) expect(problemText(r.problem)).not.toContain('放不下');
        expect([k, snapshot(host)]).toEqual([k, before]);
      }
    });
  }

  it('leaves nothing behind when all three tables are drawn and one step fails (every 25th step)', async () => {
    const options: InsertOptions = { version: '2021', tables: ['T2', 'T3', 'T4'], target: 'selection', totalsAsFormulas: false };
    const { n } = await operationsOf(options);
    for (let k = 0; k < n; k += 25) {
      const host = sheetWithData();
      const before = snapshot(host);
      host.failAtOperation(k, 'InvalidArgument');
      const r = await insertTables(host.run.bind(host), options);
      expect([k, r.kind]).toEqual([k, 'failed']);
      expect([k, snapshot(host)]).toEqual([k, before]);
    }
  });
});

describe('the area a table would cover', () => {
  it('is not free when it holds data validation or merged cells, even without values', async () => {
    const host = sheetWithData();
    const run = host.run.bind(host);
    await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('C5:C6');
      r.dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThan' } };
      await ctx.sync();
    });
    const before = snapshot(host);
    const r = await insertTables(run, { version: '2021', tables: ['T4'], target: 'selection', totalsAsFormulas: false });
    expect(worded(r)).toMatchObject({ kind: 'blocked', message: expect.stringContaining('数据有效性') });
    expect(snapshot(host)).toEqual(before);

    const other = sheetWithData();
    await other.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('D4:E4').merge(false);
      await ctx.sync();
    });
    const mergedBefore = snapshot(other);
    const m = await insertTables(other.run.bind(other), {
      version: '2021',
      tables: ['T4'],
      target: 'selection',
      totalsAsFormulas: false,
      mergedAreas: true,
    });
    expect(worded(m)).toMatchObject({ kind: 'blocked', message: expect.stringContaining('合并单元格') });
    expect(snapshot(other)).toEqual(mergedBefore);
  });
});
