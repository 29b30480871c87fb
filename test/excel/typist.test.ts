import { problemText } from '../../src/taskpane/problemText';
import { checkWorkbook, WorkbookCheck } from '../../src/excel/check';
import { insertTables } from '../../src/excel/insert';
import { LiveChecker } from '../../src/excel/live';
import { createMemoryHost } from '../../src/excel/memory';
import { TABLE_IDS } from '../../src/report/standard/formats';
import { a1 } from '../../src/report/standard/a1';
import { tableLayout } from '../../src/report/look/layout';

/**
 * A fast typist: one cell every 100 ms, typing in the next cell while the previous edit is checked.
 * In Excel on the web and Windows a batch that meets cell-edit mode fails unless Excel.run was given
 * { delayForCellEdit: true } (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-delay-in-cell-edit).
 */
async function typeTwentyCells(delayForCellEdit: boolean) {
  const host = createMemoryHost();
  host.delayForCellEditSupported = delayForCellEdit;
  host.addSheet('Sheet1');
  const run = host.run.bind(host);
  const results: WorkbookCheck[] = [];
  let notice: string | null = null;
  const live = new LiveChecker(run, {
    delayForCellEdit,
    ownWriteQuietMs: 50,
    onResult: (r) => results.push(r),
    onError: (m) => (notice = problemText(m)),
    onErrorCleared: () => (notice = null),
  });
  const inserted = await live.whileWriting(() =>
    insertTables(run, { version: '2021', tables: [...TABLE_IDS], target: 'newSheet', totalsAsFormulas: false }),
  );
  if (inserted.kind !== 'done') throw new Error('not inserted');
  await live.refresh();
  await jest.advanceTimersByTimeAsync(1000);
  const t3 = inserted.placements.find((p) => p.table === 'T3')!;
  const cells = tableLayout('2021', 'T3')
    .data.filter((d) => d.kind === 'count')
    .slice(0, 20)
    .map((d) => a1(t3.row + d.row, t3.col + d.col));
  const checksBefore = live.checksRun;
  for (let i = 0; i < cells.length; i++) {
    host.setCellEditMode(true); // the first key pressed in the cell
    await jest.advanceTimersByTimeAsync(100);
    host.setCellEditMode(false); // Enter
    expect(host.userEdit(inserted.sheet, cells[i], String(i + 1)).accepted).toBe(true);
  }
  // Then the typist starts typing in another cell and stays in it for two seconds before pressing Esc.
  host.setCellEditMode(true);
  await jest.advanceTimersByTimeAsync(2000);
  host.setCellEditMode(false);
  await jest.advanceTimersByTimeAsync(5000);
  const truth = await checkWorkbook(run);
  return { results, truth, notice, checks: live.checksRun - checksBefore, sheet: inserted.sheet };
}

function findingsOf(check: WorkbookCheck) {
  return check.sheets.flatMap((s) => s.findings.map((f) => `${s.sheet} ${f.rule} ${f.message}`)).sort();
}

describe('a user who types into 20 cells, one every 100 ms', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('ends with findings that match the sheet and no error left, on an in-memory host that delays batches during cell edit (as Excel with delayForCellEdit)', async () => {
    const { results, truth, notice } = await typeTwentyCells(true);
    const last = results[results.length - 1];
    expect(last.error).toBeUndefined();
    expect(findingsOf(truth).length).toBeGreaterThan(0);
    expect(findingsOf(last)).toEqual(findingsOf(truth));
    expect(notice).toBeNull();
  });

  it('ends with findings that match the sheet and no error left, on an in-memory host that fails batches during cell edit (the check is retried)', async () => {
    const { results, truth, notice } = await typeTwentyCells(false);
    const last = results[results.length - 1];
    expect(findingsOf(last)).toEqual(findingsOf(truth));
    expect(notice).toBeNull();
  });
});

describe('an error of a live check', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('is shown, the check is retried, and the notice clears when a later check succeeds', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    const run = host.run.bind(host);
    let notice: string | null = null;
    const results: WorkbookCheck[] = [];
    const live = new LiveChecker(run, {
      delayForCellEdit: true,
      ownWriteQuietMs: 50,
      onResult: (r) => results.push(r),
      onError: (m) => (notice = problemText(m)),
      onErrorCleared: () => (notice = null),
    });
    const inserted = await live.whileWriting(() =>
      insertTables(run, { version: '2021', tables: ['T4'], target: 'newSheet', totalsAsFormulas: false }),
    );
    if (inserted.kind !== 'done') throw new Error('not inserted');
    await live.refresh();
    await jest.advanceTimersByTimeAsync(1000);
    host.failAtOperation(0, 'AccessDenied');
    host.userEdit(inserted.sheet, 'B5', '4');
    await jest.advanceTimersByTimeAsync(45);
    expect(notice).toContain('没有写入权限');
    await jest.advanceTimersByTimeAsync(3000);
    expect(notice).toBeNull();
    expect(live.error).toBeNull();
    expect(findingsOf(results[results.length - 1])).toEqual(findingsOf(await checkWorkbook(run)));
  });
});
