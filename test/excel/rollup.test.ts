import { worded } from '../helpers/worded';
import { problemText } from '../../src/taskpane/problemText';
import { checkWorkbook } from '../../src/excel/check';
import { insertTables } from '../../src/excel/insert';
import { createMemoryHost, MemoryHost } from '../../src/excel/memory';
import { insertWorkbookRollup, rollupUnits } from '../../src/excel/rollup';
import { dataCells } from '../../src/report/standard/formats';
import { consistentReport, seededRandom } from '../../src/report/standard/generate';
import { stackedAddress } from '../helpers/stacked';
import { Report } from '../../src/report/standard/report';
import { ManualClock, settled } from '../helpers/manualClock';

// 汇总本工作簿: a summary sheet of live SUM formulas over the unit sheets' template tables.

async function unit(host: MemoryHost, name: string, report: Report): Promise<void> {
  const run = host.run.bind(host);
  const r = await insertTables(run, {
    version: report.format,
    tables: ['T2', 'T3', 'T4'],
    target: 'newSheet',
    totalsAsFormulas: false,
    values: report,
  });
  if (r.kind !== 'done') throw new Error(r.kind);
  await run(async (context) => {
    context.workbook.worksheets.getItem(r.sheet).name = name;
    await context.sync();
  });
}

const amountsWhole = (r: Report): Report => {
  for (const d of dataCells(r.format)) if (d.kind === 'amount') r.cells[d.id] = Math.round(Number(r.cells[d.id]));
  return r;
};

describe('汇总本工作簿', () => {
  it('adds a summary sheet whose cells sum the units, checks it, and follows a unit’s correction', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    const a = amountsWhole(consistentReport('2021', seededRandom(1)));
    const b = amountsWhole(consistentReport('2021', seededRandom(2)));
    await unit(host, '甲局', a);
    await unit(host, '乙镇', b);
    const run = host.run.bind(host);
    host.resetStats();
    const r = await insertWorkbookRollup(run);
    expect(r).toEqual({ kind: 'done', sheet: '汇总（2021版）', units: ['甲局', '乙镇'], tables: ['T2', 'T3', 'T4'] });
    expect(host.stats.syncs).toBe(6); // a fixed number, whatever the number of units and cells
    const id = 'T3.NEW.TOT';
    expect(host.cell('汇总（2021版）', stackedAddress('2021', id)).value).toBe(Number(a.cells[id]) + Number(b.cells[id]));
    let check = await checkWorkbook(run);
    const summary = check.sheets.find((s) => s.sheet === '汇总（2021版）')!;
    expect(summary.verdict).toBe('passed');
    for (const d of dataCells('2021'))
      expect([d.id, summary.report!.cells[d.id]]).toEqual([d.id, Number(a.cells[d.id]) + Number(b.cells[d.id])]);
    // A unit breaks its balance: the unit and the summary say so; the unit's fix clears both.
    host.userEdit('乙镇', stackedAddress('2021', 'T3.NEW.NP'), Number(b.cells['T3.NEW.NP']) + 1);
    check = await checkWorkbook(run);
    expect(check.sheets.find((s) => s.sheet === '乙镇')!.verdict).toBe('errors');
    expect(check.sheets.find((s) => s.sheet === '汇总（2021版）')!.findings.map((f) => f.rule)).toContain('T3-BALANCE');
    host.userEdit('乙镇', stackedAddress('2021', 'T3.NEW.NP'), Number(b.cells['T3.NEW.NP']));
    check = await checkWorkbook(run);
    expect(check.sheets.map((s) => s.verdict)).toEqual(['passed', 'passed', 'passed']);
  });

  it('sums only the ticked units, never a summary into a summary', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    await unit(host, '甲局', consistentReport('2021', seededRandom(3)));
    await unit(host, '乙镇', consistentReport('2021', seededRandom(4)));
    const run = host.run.bind(host);
    const units = await rollupUnits(run);
    const r = await insertWorkbookRollup(run, [units[1].sheetId]);
    expect(r).toMatchObject({ kind: 'done', units: ['乙镇'] });
    const again = await rollupUnits(run);
    expect(again.map((u) => u.sheet)).toEqual(['甲局', '乙镇']);
  });

  it('refuses to add 2019 and 2021 tables, and says so', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    await unit(host, '新', consistentReport('2021', seededRandom(5)));
    await unit(host, '旧', consistentReport('2019', seededRandom(6)));
    const r = await insertWorkbookRollup(host.run.bind(host));
    expect(r.kind).toBe('failed');
    expect(r.kind === 'failed' && problemText(r.problem)).toContain('2019版和2021版的表格不能相加');
    expect(host.sheetNames()).toEqual(['Sheet1', '新', '旧']);
  });

  it('says what to do when there is no unit table', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    expect(worded(await insertWorkbookRollup(host.run.bind(host)))).toMatchObject({
      kind: 'failed',
      message: expect.stringContaining('没有可以汇总的年报表格'),
    });
  });
});

describe('汇总本工作簿 with the live check', () => {
  it('checks the summary again when a unit is edited (one more sync per summary sheet)', async () => {
    const { LiveChecker } = await import('../../src/excel/live');
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    const a = amountsWhole(consistentReport('2021', seededRandom(7)));
    await unit(host, '甲局', a);
    await unit(host, '乙镇', amountsWhole(consistentReport('2021', seededRandom(8))));
    const run = host.run.bind(host);
    await insertWorkbookRollup(run);
    const clock = new ManualClock(() => settled(host));
    const live = new LiveChecker(run, { debounceMs: 5, ownWriteQuietMs: 1, clock, onResult: () => undefined });
    await live.refresh();
    await clock.advance(30);
    expect(live.result.sheets.find((s) => s.sheet === '汇总（2021版）')!.summary).toBe(true);
    host.resetStats();
    host.userEdit('甲局', stackedAddress('2021', 'T3.NEW.NP'), Number(a.cells['T3.NEW.NP']) + 1);
    await host.flushEvents();
    await clock.advance(60);
    const summary = live.result.sheets.find((s) => s.sheet === '汇总（2021版）')!;
    expect(summary.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toContain('T3-BALANCE');
    expect(host.stats.syncs).toBe(2);
    await live.stop();
  });
});

describe('汇总本工作簿 over many units, a failed second step and deleted units', () => {
  /** A workbook of `n` unit sheets with long names (about 20 characters each). */
  async function units(n: number): Promise<MemoryHost> {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    for (let i = 0; i < n; i++)
      await unit(host, `某某市某某区某某街道办事处第${i + 1}社区`, amountsWhole(consistentReport('2021', seededRandom(i + 20))));
    return host;
  }

  it('sums fourteen units whose names together pass the 255 characters a name’s comment holds', async () => {
    const host = await units(14);
    const r = await insertWorkbookRollup(host.run.bind(host));
    expect(r.kind).toBe('done');
    const marks = host.names().filter((n) => n.name.startsWith('XXGK_ROLLUP'));
    for (const m of marks) expect(m.comment.length).toBeLessThanOrEqual(255);
    expect(host.cell('汇总（2021版）', stackedAddress('2021', 'T3.NEW.NP')).formula).toContain('第14社区');
  });

  it('removes the half-made summary sheet when its second step fails, so no blank template is left to be checked', async () => {
    // The operations of the first five syncs, counted on the same workbook once.
    const probe = await units(2);
    probe.resetStats();
    await insertWorkbookRollup(probe.run.bind(probe));
    const before = probe.stats.batchSizes.slice(0, 5).reduce((a, b) => a + b, 0);
    const host = await units(2);
    const sheetsBefore = host.visibleSheetNames();
    host.failAtOperation(before + 40, 'GeneralException');
    const r = await insertWorkbookRollup(host.run.bind(host));
    expect(r.kind).toBe('failed');
    expect(host.visibleSheetNames()).toEqual(sheetsBefore);
  });

  it('says in one note which unit sheet was deleted, instead of 不是数字 on every #REF! cell, and the pane drops the deleted sheet’s findings', async () => {
    const { LiveChecker } = await import('../../src/excel/live');
    const host = await units(2);
    const run = host.run.bind(host);
    await insertWorkbookRollup(run);
    const gone = '某某市某某区某某街道办事处第2社区';
    host.userEdit(gone, stackedAddress('2021', 'T3.NEW.NP'), 99999); // a finding on the unit that will go
    const clock = new ManualClock(() => settled(host));
    const live = new LiveChecker(run, { debounceMs: 5, ownWriteQuietMs: 1, clock, onResult: () => undefined });
    await live.refresh();
    await clock.advance(30);
    expect(live.result.sheets.map((s) => s.sheet)).toContain(gone);
    host.userDeleteSheet(gone);
    await host.flushEvents();
    await clock.advance(60);
    expect(live.result.sheets.map((s) => s.sheet)).not.toContain(gone);
    const summary = live.result.sheets.find((s) => s.sheet === '汇总（2021版）')!;
    expect(summary.findings.filter((f) => f.message.includes('不是数字'))).toEqual([]);
    const notes = summary.notes.filter((n) => n.includes('已被删除'));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain(gone);
    expect(notes[0]).toContain('#REF!');
    expect(summary.verdict).not.toBe('passed');
    // The same from a full check, as after the workbook is opened again.
    const again = (await checkWorkbook(run)).sheets.find((s) => s.sheet === '汇总（2021版）')!;
    expect(again.notes.filter((n) => n.includes(gone))).toHaveLength(1);
    await live.stop();
  });
});
