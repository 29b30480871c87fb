import { liveSetup } from '../helpers/liveSetup';
import { insertTables } from '../../src/excel/insert';

const setup = liveSetup;

describe('live check', () => {
  it('checks again after an edit, in one sync, and reports the new finding', async () => {
    const { host, live, results, sheet, at, wait } = await setup();
    await wait(80); // let the insertion's own change events pass
    const before = live.checksRun;
    host.resetStats();
    host.userEdit(sheet, at('T3.NEW.NP'), '12');
    await host.flushEvents();
    await wait(40);
    expect(live.checksRun).toBe(before + 1);
    expect(host.stats.syncs).toBe(1);
    const last = results[results.length - 1];
    const f = last.sheets[0].findings.find((x) => x.rule === 'T3-BALANCE' && x.instance === 'NP')!;
    expect(f.message).toContain('第一项 12 + 第二项 0 = 12');
    expect(f.addresses[0]).toBe(at('T3.NEW.NP'));
  });

  it('debounces a burst of edits into one check', async () => {
    const { host, live, sheet, at, wait } = await setup();
    await wait(80);
    const before = live.checksRun;
    for (const v of ['1', '2', '3']) host.userEdit(sheet, at('T3.NEW.BIZ'), v);
    await host.flushEvents();
    await wait(40);
    expect(live.checksRun).toBe(before + 1);
  });

  it('still checks an edit made right after an insertion, inside the quiet window for the add-in’s own writes', async () => {
    const { host, live, results, sheet, at, wait } = await setup();
    host.userEdit(sheet, at('T3.NEW.NP'), '7');
    await host.flushEvents();
    await wait(120);
    expect(live.checksRun).toBe(1);
    expect(results[results.length - 1].sheets[0].findings.some((f) => f.message.includes('第一项 7'))).toBe(true);
  });

  it('does not run a check for the add-in’s own writes', async () => {
    const { host, live, wait } = await setup();
    await host.flushEvents();
    await wait(80);
    expect(live.checksRun).toBe(0);
  });

  it('passes on what an own write gives, or the error it throws', async () => {
    const { live } = await setup();
    await expect(live.whileWriting(async () => 7)).resolves.toBe(7);
    await expect(live.whileWriting(() => Promise.reject(new Error('half done')))).rejects.toThrow('half done');
  });

  it('says the table no longer matches the standard when a row inside 表三 is deleted', async () => {
    const { host, results, sheet, t3, wait } = await setup();
    await wait(80);
    host.userDeleteRows(sheet, t3.row + 8, 1);
    await host.flushEvents();
    await wait(40);
    const sheetCheck = results[results.length - 1].sheets[0];
    const t3Check = sheetCheck.tables.find((t) => t.table === 'T3')!;
    expect(t3Check.damage[0]).toContain('表三（申请处理）少了 1 行');
    expect(sheetCheck.findings.filter((f) => f.table === 'T3')).toEqual([]);
  });

  it('checks and then watches a template sheet it had not seen, when the user activates it', async () => {
    const { host, live, results, wait } = await setup();
    await wait(80);
    // A sheet the pane did not insert (copied from another workbook, say): here drawn behind its back.
    const other = await insertTables(host.run.bind(host), { version: '2019', tables: ['T4'], target: 'newSheet', totalsAsFormulas: false });
    if (other.kind !== 'done') throw new Error('not inserted');
    host.setActiveSheet('Sheet1');
    host.setActiveSheet(other.sheet);
    await host.flushEvents();
    await wait(80);
    expect(results[results.length - 1].sheets.map((s) => s.sheet)).toContain(other.sheet);
    const before = live.checksRun;
    host.userEdit(other.sheet, 'A5', '3');
    await host.flushEvents();
    await wait(40);
    expect(live.checksRun).toBe(before + 1);
    const sheet = results[results.length - 1].sheets.find((s) => s.sheet === other.sheet)!;
    expect(sheet.findings.some((f) => f.rule === 'T4-SUM' && f.instance === 'RV')).toBe(true);
  });

  it('stops listening when switched off and when stopped', async () => {
    const { host, live, sheet, at, wait } = await setup();
    await wait(80);
    live.setEnabled(false);
    host.userEdit(sheet, at('T3.NEW.NP'), '5');
    await host.flushEvents();
    await wait(40);
    expect(live.checksRun).toBe(0);
    live.setEnabled(true);
    host.resetStats();
    await live.stop();
    // Removed in Excel.run(handler.context, …): the sheet's and the activation handler share one context.
    expect(host.stats.syncs).toBe(1);
    host.userEdit(sheet, at('T3.NEW.NP'), '6');
    await host.flushEvents();
    await wait(40);
    expect(live.checksRun).toBe(0);
    // Nor is a template sheet it had not seen checked when activated.
    const other = await insertTables(host.run.bind(host), { version: '2019', tables: ['T4'], target: 'newSheet', totalsAsFormulas: false });
    if (other.kind !== 'done') throw new Error('not inserted');
    host.setActiveSheet('Sheet1');
    host.setActiveSheet(other.sheet);
    await host.flushEvents();
    await wait(40);
    expect(live.checksRun).toBe(0);
  });
});
