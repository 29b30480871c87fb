import { liveSetup } from '../helpers/liveSetup';
import { insertTables } from '../../src/excel/insert';

async function setup() {
  const ready = await liveSetup();
  await ready.wait(80);
  return ready;
}

describe('the add-in’s own writes (Runtime.enableEvents, ExcelApi 1.8)', () => {
  it('reach no handler of the add-in while it writes: its events are switched off, then on again', async () => {
    const { host, live, wait } = await setup();
    const seen: string[] = [];
    await host.run(async (context) => {
      context.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => {
        seen.push(e.address);
      });
      await context.sync();
    });
    await live.whileWriting(() =>
      host.run(async (context) => {
        context.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [['年报']];
        await context.sync();
      }),
    );
    await host.flushEvents();
    await wait(80);
    expect(seen).toEqual([]);
    host.userEdit('Sheet1', 'B2', '1');
    await host.flushEvents();
    expect(seen).toEqual(['B2']);
    expect(
      await host.run(async (context) => {
        context.runtime.load('enableEvents');
        await context.sync();
        return context.runtime.enableEvents;
      }),
    ).toBe(true);
  });

  it('do not lose an edit the user made while the events were off: the workbook is checked again after the write', async () => {
    const { host, live, results, sheet, at, wait } = await setup();
    await live.whileWriting(async () => {
      host.userEdit(sheet, at('T3.NEW.NP'), '12');
      await insertTables(host.run.bind(host), { version: '2021', tables: ['T4'], target: 'newSheet', totalsAsFormulas: false });
    });
    await host.flushEvents();
    await wait(120);
    const last = results[results.length - 1];
    expect(last.sheets.find((s) => s.sheet === sheet)!.findings.some((f) => f.message.includes('第一项 12'))).toBe(true);
  });
  it('do not keep the pane waiting when the user starts editing a cell during the write: events come back on once editing ends', async () => {
    const { host, live, wait } = await setup();
    await live.whileWriting(async () => {
      host.setCellEditMode(true);
    });
    host.setCellEditMode(false);
    await host.flushEvents();
    await wait(80);
    const on = await host.run(async (context) => {
      context.runtime.load('enableEvents');
      await context.sync();
      return context.runtime.enableEvents;
    });
    expect(on).toBe(true);
  });
});

describe('a co-author’s paste (onChanged source "Remote")', () => {
  it('is checked, but not repaired by this pane: only the pane of whoever pasted writes', async () => {
    const { host, results, notices, sheet, at, wait } = await setup();
    host.userPasteAll(sheet, at('T3.NEW.NP'), [[12]], { coauthor: true });
    await host.flushEvents();
    await wait(150);
    await host.flushEvents();
    expect(host.cell(sheet, at('T3.NEW.NP')).dataValidation).toBeNull();
    expect(notices).toEqual([]);
    const last = results[results.length - 1];
    expect(last.sheets[0].findings.some((f) => f.message.includes('第一项 12'))).toBe(true);
    // This user's own paste is repaired as before.
    host.userPasteAll(sheet, at('T3.NEW.BIZ'), [[3]]);
    await host.flushEvents();
    await wait(150);
    await host.flushEvents();
    expect(host.cell(sheet, at('T3.NEW.BIZ')).dataValidation).toMatchObject({ type: 'wholeNumber' });
    expect(notices).toHaveLength(1);
  });
});
