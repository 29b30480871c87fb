import { insertTables } from '../../src/excel/insert';
import { LiveChecker } from '../../src/excel/live';
import { createMemoryHost } from '../../src/excel/memory';
import { totalFormulas } from '../../src/report/formulas';
import { a1 } from '../../src/report/a1';
import { tableLayout } from '../../src/report/layout';
import { ManualClock, settled } from '../helpers/manualClock';

async function setup(totalsAsFormulas: boolean) {
  const host = createMemoryHost();
  host.addSheet('Sheet1');
  const run = host.run.bind(host);
  const notices: string[] = [];
  const clock = new ManualClock(() => settled(host));
  const wait = (ms: number) => clock.advance(ms);
  const live = new LiveChecker(run, {
    debounceMs: 5,
    ownWriteQuietMs: 50,
    clock,
    onResult: () => undefined,
    onNotice: (t) => notices.push(t),
  });
  const inserted = await live.whileWriting(() =>
    insertTables(run, { version: '2021', tables: ['T3'], target: 'newSheet', totalsAsFormulas }),
  );
  if (inserted.kind !== 'done') throw new Error('not inserted');
  await settled(host);
  await wait(1);
  await live.refresh();
  await wait(80);
  const p = inserted.placements[0];
  const total = totalFormulas(p)[0];
  const input = tableLayout('2021', 'T3').data.find((d) => d.id === 'T3.NEW.NP')!;
  return { host, live, notices, sheet: inserted.sheet, total, inputAt: a1(p.row + input.row, p.col + input.col), wait };
}

describe('formula totals typed over', () => {
  it('says once that a total no longer holds its formula, naming the cell and the formula to put back', async () => {
    const { host, live, notices, sheet, total, wait } = await setup(true);
    const at = a1(total.row, total.col);
    expect(host.cell(sheet, at).formula).toBe(total.formula);
    host.userEdit(sheet, at, '7');
    await wait(60);
    await host.flushEvents();
    await wait(60);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(at);
    expect(notices[0]).toContain(total.formula);
    // Said once: a later edit elsewhere does not repeat it.
    host.userEdit(sheet, at, '8');
    await wait(60);
    await host.flushEvents();
    await wait(60);
    expect(notices).toHaveLength(1);
    await live.stop();
  });

  it('says nothing for tables inserted with typed totals', async () => {
    const { host, live, notices, sheet, inputAt, wait } = await setup(false);
    host.userEdit(sheet, inputAt, '7');
    await wait(60);
    await host.flushEvents();
    await wait(60);
    expect(notices).toEqual([]);
    await live.stop();
  });
});
