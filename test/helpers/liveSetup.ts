import { liveNoticeText } from '../../src/taskpane/problemText';
import { WorkbookCheck } from '../../src/excel/check';
import { insertTables } from '../../src/excel/insert';
import { LiveChecker } from '../../src/excel/live';
import { createMemoryHost } from '../../src/excel/memory';
import { TABLE_IDS, TableId } from '../../src/report/standard/formats';
import { a1 } from '../../src/report/standard/a1';
import { tableLayout } from '../../src/report/look/layout';
import { ManualClock, settled } from './manualClock';

/**
 * A live checker over an in-memory workbook with 2021 tables (all three unless told) inserted on a
 * new sheet and checked once: what it published, what it told the user, and the sheet address of a
 * 表三 cell. Its time is a manual clock: `wait(ms)` moves it on and lets what falls due run.
 */
export async function liveSetup(options: { tables?: TableId[]; totalsAsFormulas?: boolean } = {}) {
  const { tables = [...TABLE_IDS], totalsAsFormulas = false } = options;
  const host = createMemoryHost();
  host.addSheet('Sheet1');
  const run = host.run.bind(host);
  const results: WorkbookCheck[] = [];
  const notices: string[] = [];
  const clock = new ManualClock(() => settled(host));
  const wait = (ms: number) => clock.advance(ms);
  const live = new LiveChecker(run, {
    debounceMs: 5,
    ownWriteQuietMs: 50,
    clock,
    onResult: (r) => results.push(r),
    onNotice: (n) => notices.push(liveNoticeText(n).text),
  });
  const inserted = await live.whileWriting(() => insertTables(run, { version: '2021', tables, target: 'newSheet', totalsAsFormulas }));
  if (inserted.kind !== 'done') throw new Error('not inserted');
  // The insertion's change events arrive, then the pane checks the workbook, a moment later.
  await settled(host);
  await wait(1);
  await live.refresh();
  const t3 = inserted.placements.find((p) => p.table === 'T3')!;
  const at = (id: string) => {
    const d = tableLayout('2021', 'T3').data.find((x) => x.id === id)!;
    return a1(t3.row + d.row, t3.col + d.col);
  };
  return { host, live, results, notices, sheet: inserted.sheet, at, t3, wait };
}
