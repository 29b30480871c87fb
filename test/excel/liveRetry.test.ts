import { problemText } from '../../src/taskpane/problemText';
import { selectCells, WorkbookCheck } from '../../src/excel/check';
import { insertTables } from '../../src/excel/insert';
import { LiveChecker } from '../../src/excel/live';
import { createMemoryHost } from '../../src/excel/memory';
import { Problem } from '../../src/excel/problems';
import { ManualClock, settled } from '../helpers/manualClock';

/** A workbook with the 2021 tables on a sheet, and a live checker over it that has not checked yet. */
async function opened(options: { delayForCellEdit?: boolean } = {}) {
  const host = createMemoryHost();
  host.addSheet('Sheet1');
  host.delayForCellEditSupported = options.delayForCellEdit ?? true;
  const run = host.run.bind(host);
  const inserted = await insertTables(run, { version: '2021', tables: ['T3'], target: 'newSheet', totalsAsFormulas: false });
  if (inserted.kind !== 'done') throw new Error('not inserted');
  await settled(host);
  const results: WorkbookCheck[] = [];
  const errors: Problem[] = [];
  const clock = new ManualClock(() => settled(host));
  const live = new LiveChecker(run, {
    debounceMs: 5,
    ownWriteQuietMs: 50,
    delayForCellEdit: options.delayForCellEdit ?? true,
    clock,
    onResult: (r) => results.push(r),
    onError: (p) => errors.push(p),
  });
  const t3 = inserted.placements[0];
  return { host, live, results, errors, sheet: inserted.sheet, t3, wait: (ms: number) => clock.advance(ms) };
}

describe('the first full check (the pane opening)', () => {
  it('meets cell-edit mode on a host without DelayForCellEdit: it is tried again, and live checking starts once editing ends', async () => {
    const { host, live, results, errors, sheet, wait } = await opened({ delayForCellEdit: false });
    host.setCellEditMode(true);
    await live.refresh('auto');
    expect(results.filter((r) => r.error)).toEqual([]);
    expect(errors).toEqual([]);
    await wait(500);
    host.setCellEditMode(false);
    await wait(3000);
    expect(results[results.length - 1].error).toBeUndefined();
    expect(results[results.length - 1].sheets.map((s) => s.sheet)).toEqual([sheet]);
    // The change handlers were registered by the retry: an edit is checked.
    const before = live.checksRun;
    host.userEdit(sheet, 'I5', '4');
    await host.flushEvents();
    await wait(400);
    expect(live.checksRun).toBe(before + 1);
  });

  it('hits a passing error (Excel busy): it is tried again rather than left on screen', async () => {
    const { host, live, results, errors, wait } = await opened();
    host.failAtOperation(0, 'GeneralException');
    await live.refresh('auto');
    expect(errors).toEqual([]);
    await wait(3000);
    expect(results[results.length - 1].error).toBeUndefined();
    expect(results[results.length - 1].sheets).toHaveLength(1);
  });

  it('while the user views another workbook (worksheet names throw InvalidSelection, office-js#6365) is tried again', async () => {
    const { host, live, results, errors, wait } = await opened();
    host.setOtherWorkbookViewed(true);
    await live.refresh('auto');
    await wait(500);
    expect(errors).toEqual([]);
    host.setOtherWorkbookViewed(false);
    await wait(3000);
    expect(results[results.length - 1].sheets).toHaveLength(1);
  });
});

describe('passing errors of the live check', () => {
  for (const code of ['InactiveWorkbook', 'InvalidSelection'] as const) {
    it(`retries a check after an edit that failed with ${code}, and shows no error when a retry succeeds`, async () => {
      const { host, live, results, errors, sheet, wait } = await opened();
      await live.refresh('auto');
      host.failAtOperation(0, code);
      host.userEdit(sheet, 'I5', '12');
      await host.flushEvents();
      await wait(3000);
      expect(errors).toEqual([]);
      const last = results[results.length - 1];
      expect(last.sheets[0].findings.some((f) => f.message.includes('第一项 12'))).toBe(true);
    });
  }

  it('says the workbook could not be read, never 请先单击一个单元格, when reading fails while another workbook is in view', async () => {
    const { host, live } = await opened();
    host.setOtherWorkbookViewed(true);
    const check = await live.refresh('click');
    expect(check.error).toMatchObject({ code: 'workbookNotInView' });
    expect(problemText(check.error!)).not.toContain('单击');
    expect(problemText(check.error!)).toContain('另一个工作簿');
  });
});

describe('work the user starts by a click while Excel is in cell-edit mode (a click in the pane does not end it on Windows, office-js#806)', () => {
  it('重新校验 runs at once and says 请先按 Enter 结束单元格编辑, instead of waiting with no word', async () => {
    const { host, live } = await opened({ delayForCellEdit: true });
    host.setCellEditMode(true);
    const check = await live.refresh('click');
    expect(check.error).toMatchObject({ code: 'excel', excelCode: 'InvalidOperationInCellEditMode' });
    expect(problemText(check.error!)).toContain('请先按 Enter 结束单元格编辑');
  });

  it('clicking a finding selects nothing and says 请先按 Enter 结束单元格编辑, instead of waiting', async () => {
    const { host, sheet } = await opened({ delayForCellEdit: true });
    host.setCellEditMode(true);
    const problem = await selectCells(host.run.bind(host), sheet, ['I5']);
    expect(problem).toMatchObject({ code: 'excel', excelCode: 'InvalidOperationInCellEditMode' });
    expect(problemText(problem!)).toContain('请先按 Enter 结束单元格编辑');
  });
});

describe('operations that do not use the selection, while another workbook is in view', () => {
  it('linking last year’s report says the workbook could not be read, never 请先单击一个单元格', async () => {
    const { linkLastYear, listSheets } = await import('../../src/excel/lastYear');
    const { host, sheet } = await opened();
    const id = (await listSheets(host.run.bind(host))).find((s) => s.name === sheet)!.id;
    host.setOtherWorkbookViewed(true);
    const r = await linkLastYear(host.run.bind(host), { kind: 'sheet', sheetId: id });
    if (r.kind !== 'failed') throw new Error('expected a failure');
    expect(r.problem).toMatchObject({ code: 'workbookNotInView' });
    expect(problemText(r.problem)).not.toContain('单击');
  });
});
