import { totalFormulas } from '../../src/report/look/formulas';
import { a1 } from '../../src/report/standard/a1';
import { liveSetup } from '../helpers/liveSetup';

async function setup(totalsAsFormulas: boolean) {
  const ready = await liveSetup({ tables: ['T3'], totalsAsFormulas });
  await ready.wait(80);
  const total = totalFormulas(ready.t3)[0];
  return { ...ready, total, inputAt: ready.at('T3.NEW.NP') };
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
