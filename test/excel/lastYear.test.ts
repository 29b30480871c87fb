import { worded } from '../helpers/worded';
import { problemText } from '../../src/taskpane/problemText';
import { WorkbookCheck } from '../../src/excel/check';
import { insertTables } from '../../src/excel/insert';
import { linkLastYear, listSheets, unlinkLastYear } from '../../src/excel/lastYear';
import { LiveChecker } from '../../src/excel/live';
import { createMemoryHost, MemoryHost } from '../../src/excel/memory';
import { FormatVersion, TABLE_IDS } from '../../src/report/standard/formats';
import { LAST_YEAR_DATA_SHEET, LAST_YEAR_NAME } from '../../src/report/sheet/lastYear';
import { a1 } from '../../src/report/standard/a1';
import { tableLayout } from '../../src/report/look/layout';
import { HIGHLIGHT_COLOURS } from '../../src/report/look/formulas';
import { layoutGrid } from '../helpers/layoutGrids';
import { ManualClock, settled } from '../helpers/manualClock';

/** The clock of each workbook's latest live checker. */
const clocks = new WeakMap<MemoryHost, ManualClock>();

/** Inserts all three tables of a version on a new sheet; cell id → address. */
async function insertSheet(host: MemoryHost, version: FormatVersion) {
  const run = host.run.bind(host);
  const r = await insertTables(run, { version, tables: [...TABLE_IDS], target: 'newSheet', totalsAsFormulas: false });
  if (r.kind !== 'done') throw new Error(r.kind);
  const at = (id: string) => {
    for (const p of r.placements) {
      const d = tableLayout(version, p.table).data.find((x) => x.id === id);
      if (d) return a1(p.row + d.row, p.col + d.col);
    }
    throw new Error(id);
  };
  return { sheet: r.sheet, at };
}

function checker(host: MemoryHost, results: WorkbookCheck[] = []) {
  const clock = new ManualClock(() => settled(host));
  clocks.set(host, clock);
  const live = new LiveChecker(host.run.bind(host), { debounceMs: 5, ownWriteQuietMs: 20, clock, onResult: (r) => results.push(r) });
  return { live, results, latest: () => results[results.length - 1] };
}

const carry = (check: WorkbookCheck, sheet: string, instance = 'NP') =>
  check.sheets.find((s) => s.sheet === sheet)?.findings.find((f) => f.rule === 'XY-CARRY' && f.instance === instance);

/** The workbook's events delivered, then `ms` of the live checker's time passed. */
async function settle(host: MemoryHost, ms = 60) {
  await settled(host);
  await clocks.get(host)?.advance(ms);
}

async function sheetOf(host: MemoryHost, name: string): Promise<string> {
  return (await listSheets(host.run.bind(host))).find((s) => s.name === name)!.id;
}

describe('last year’s report linked in the workbook', () => {
  it('a template sheet: XY-CARRY found and highlighted, cleared when fixed, kept after a reopen', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    const run = host.run.bind(host);
    const thisYear = await insertSheet(host, '2021');
    const lastYear = await insertSheet(host, '2021');
    host.userEdit(lastYear.sheet, lastYear.at('T3.COUT.NP'), '3');
    await settle(host);

    host.resetStats();
    const linked = await linkLastYear(run, { kind: 'sheet', sheetId: await sheetOf(host, lastYear.sheet) });
    if (linked.kind !== 'done') throw new Error(problemText(linked.problem));
    expect(linked.info.report?.cells['T3.COUT.NP']).toBe(3);
    expect(host.stats.syncs).toBeLessThanOrEqual(1 + 4); // listSheets, then the link
    expect(host.names().some((n) => n.name === LAST_YEAR_NAME)).toBe(true);

    const { live, latest } = checker(host);
    host.resetStats();
    await live.refresh();
    expect(host.stats.syncs).toBe(3 + 1); // the check, then the handlers
    const f = carry(latest(), thisYear.sheet)!;
    expect(f.severity).toBe('warning');
    expect(f.message).toContain('上年第四项 3');
    expect(f.addresses).toEqual([thisYear.at('T3.CIN.NP')]);
    // Last year's own sheet is not checked against itself.
    expect(carry(latest(), lastYear.sheet)).toBeUndefined();
    expect(host.cell(thisYear.sheet, thisYear.at('T3.CIN.NP')).highlight?.fill).toBe(HIGHLIGHT_COLOURS.warning.fill);
    expect(host.cell(thisYear.sheet, thisYear.at('T3.CIN.BIZ')).highlight).toBeNull();

    // Fixed: the finding and the highlight go.
    host.userEdit(thisYear.sheet, thisYear.at('T3.CIN.NP'), '3');
    await settle(host);
    expect(carry(latest(), thisYear.sheet)).toBeUndefined();
    expect(host.cell(thisYear.sheet, thisYear.at('T3.CIN.NP')).highlight?.fill).not.toBe(HIGHLIGHT_COLOURS.warning.fill);

    // An edit of last year's sheet is seen at once on this year's.
    host.userEdit(lastYear.sheet, lastYear.at('T3.COUT.NP'), '4');
    await settle(host);
    expect(carry(latest(), thisYear.sheet)?.message).toContain('上年第四项 4');
    expect(host.cell(thisYear.sheet, thisYear.at('T3.CIN.NP')).highlight?.fill).toBe(HIGHLIGHT_COLOURS.warning.fill);
    await live.stop();

    // "Reopen": a new checker over the same workbook finds the link in the workbook itself.
    const again = checker(host);
    await again.live.refresh();
    expect(again.latest().lastYear?.sheet).toBe(lastYear.sheet);
    expect(carry(again.latest(), thisYear.sheet)?.message).toContain('上年第四项 4');
    await again.live.stop();
  });

  it('a pasted 2019 table as last year of a 2021 report: only the rules across the switch, XY-INFORCE left out', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    const run = host.run.bind(host);
    const thisYear = await insertSheet(host, '2021');
    host.addSheet('2020年');
    const pasted = layoutGrid('2019');
    host.userPaste(
      '2020年',
      'A1',
      pasted.grid.map((r) => r.map((v) => v || null)),
    );
    const linked = await linkLastYear(run, { kind: 'sheet', sheetId: await sheetOf(host, '2020年') });
    if (linked.kind !== 'done') throw new Error(problemText(linked.problem));
    expect(linked.info.report?.format).toBe('2019');
    const { live, latest } = checker(host);
    await live.refresh();
    const findings = latest().sheets.find((s) => s.sheet === thisYear.sheet)!.findings;
    const cout = pasted.values['T3.COUT.NP'];
    expect(carry(latest(), thisYear.sheet)?.message).toContain(`上年第四项 ${cout}`);
    expect(findings.filter((x) => x.rule === 'XY-CARRY')).toHaveLength(7);
    expect(findings.some((x) => x.rule === 'XY-INFORCE' || x.rule === 'XY-PREV')).toBe(false);
    expect(host.cell(thisYear.sheet, thisYear.at('T3.CIN.TOT')).highlight?.fill).toBe(HIGHLIGHT_COLOURS.warning.fill);
    // Fixed on this year's sheet.
    host.userEdit(thisYear.sheet, thisYear.at('T3.CIN.NP'), String(cout));
    await settle(host);
    expect(carry(latest(), thisYear.sheet)).toBeUndefined();
    expect(host.cell(thisYear.sheet, thisYear.at('T3.CIN.NP')).highlight?.fill).not.toBe(HIGHLIGHT_COLOURS.warning.fill);
    await live.stop();
  });

  it('a file’s values: kept in a hidden sheet, checked and highlighted; unlinking removes sheet, name and highlights', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    const run = host.run.bind(host);
    const thisYear = await insertSheet(host, '2021');
    host.userEdit(thisYear.sheet, thisYear.at('T2.REG.ISSUED'), '2');
    await settle(host);
    const report = { format: '2021' as const, cells: { 'T3.COUT.NP': 5, 'T3.COUT.TOT': 5, 'T2.REG.INFORCE': 10, 'T3.COUT.BIZ': '无' } };
    host.resetStats();
    const linked = await linkLastYear(run, { kind: 'file', fileName: '2021年报.xlsx', report });
    if (linked.kind !== 'done') throw new Error(problemText(linked.problem));
    // XY-CARRY of 自然人, 商业企业, 总计; XY-INFORCE of 规章 (the only rows with last year's values) over its
    // three cells, each a rule of its own: they are not adjacent, each merged over three sheet columns.
    expect(linked.highlights).toBe(3 + 3);
    expect(host.stats.syncs).toBe(4);
    expect(host.sheetVisibility(LAST_YEAR_DATA_SHEET)).toBe('Hidden');
    expect(host.visibleSheetNames()).not.toContain(LAST_YEAR_DATA_SHEET);

    const { live, latest } = checker(host);
    await live.refresh();
    expect(latest().lastYear).toMatchObject({ kind: 'file', fileName: '2021年报.xlsx', sheet: LAST_YEAR_DATA_SHEET });
    expect(latest().sheets.map((s) => s.sheet)).not.toContain(LAST_YEAR_DATA_SHEET);
    expect(carry(latest(), thisYear.sheet)?.message).toContain('上年第四项 5');
    // 现行有效件数 0, expected 10 + 2 − 0: info, highlighted in its colour.
    const inforce = latest().sheets[0].findings.find((f) => f.rule === 'XY-INFORCE' && f.instance === 'REG')!;
    expect(inforce.expected).toBe(12);
    expect(host.cell(thisYear.sheet, thisYear.at('T2.REG.INFORCE')).highlight?.fill).toBe(HIGHLIGHT_COLOURS.info.fill);
    // Text in last year's cell: not computable, never highlighted.
    expect(carry(latest(), thisYear.sheet, 'BIZ')?.severity).toBe('info');
    expect(host.cell(thisYear.sheet, thisYear.at('T3.CIN.BIZ')).highlight).toBeNull();
    // No value for last year's 法人 columns: their rule is not checked.
    expect(carry(latest(), thisYear.sheet, 'SCI')).toBeUndefined();

    host.userEdit(thisYear.sheet, thisYear.at('T2.REG.INFORCE'), '12');
    await settle(host);
    expect(latest().sheets[0].findings.some((f) => f.rule === 'XY-INFORCE' && f.instance === 'REG')).toBe(false);
    expect(host.cell(thisYear.sheet, thisYear.at('T2.REG.INFORCE')).highlight).toBeNull();

    // A second link replaces the first (one hidden sheet, one name).
    const relinked = await linkLastYear(run, { kind: 'file', fileName: 'b.txt', report: { format: '2021', cells: { 'T3.COUT.NP': 6 } } });
    expect(relinked).toMatchObject({ kind: 'done', highlights: 1 }); // only 自然人 has a value of last year's
    expect(host.sheetNames().filter((n) => n === LAST_YEAR_DATA_SHEET)).toHaveLength(1);

    host.resetStats();
    const removed = await unlinkLastYear(run);
    expect(host.stats.syncs).toBe(4);
    expect(removed).toEqual({ kind: 'done', removed: 1 });
    expect(host.sheetNames()).not.toContain(LAST_YEAR_DATA_SHEET);
    expect(host.names().some((n) => n.name === LAST_YEAR_NAME)).toBe(false);
    expect(host.cell(thisYear.sheet, thisYear.at('T3.CIN.NP')).highlight).toBeNull();
    await live.refresh();
    expect(latest().lastYear).toBeUndefined();
    expect(carry(latest(), thisYear.sheet)).toBeUndefined();
    await live.stop();
  });

  it('a deleted sheet of last year stops the cross-year check and says so', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    const run = host.run.bind(host);
    const thisYear = await insertSheet(host, '2021');
    const lastYear = await insertSheet(host, '2021');
    await linkLastYear(run, { kind: 'sheet', sheetId: await sheetOf(host, lastYear.sheet) });
    await run(async (c) => {
      c.workbook.worksheets.getItem(lastYear.sheet).delete();
      await c.sync();
    });
    const { live, latest } = checker(host);
    await live.refresh();
    expect(latest().error).toBeUndefined();
    expect(latest().lastYear?.problem).toContain('已被删除');
    expect(carry(latest(), thisYear.sheet)).toBeUndefined();
    await live.stop();
  });

  it('refuses a sheet without tables', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    host.userEdit('Sheet1', 'A1', '你好');
    const r = await linkLastYear(host.run.bind(host), { kind: 'sheet', sheetId: await sheetOf(host, 'Sheet1') });
    expect(worded(r)).toMatchObject({ kind: 'failed', message: expect.stringContaining('没有找到年报统计表格') });
  });

  it('refuses a 2021-format report as last year of a 2019-format sheet, naming the sheet, and writes nothing', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    const thisYear = await insertSheet(host, '2019');
    const lastYear = await insertSheet(host, '2021');
    host.userEdit(lastYear.sheet, lastYear.at('T3.COUT.NP'), '3');
    const r = await linkLastYear(host.run.bind(host), { kind: 'sheet', sheetId: await sheetOf(host, lastYear.sheet) });
    expect(r).toMatchObject({ kind: 'failed', problem: { code: 'lastYearNewer', last: '2021', sheets: [thisYear.sheet] } });
    expect(worded(r).message).toContain(`而本年的工作表“${thisYear.sheet}”是2019版：较晚的年份不会使用较早的格式`);
    expect(host.names().some((n) => n.name === LAST_YEAR_NAME)).toBe(false);
  });
});

describe('cross-year highlights read last year through the workbook name', () => {
  /** This year's and last year's tables, last year's sheet renamed to `name`, and the link made. */
  async function linkedAs(name: string, failAt?: number) {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    const run = host.run.bind(host);
    const thisYear = await insertSheet(host, '2021');
    const lastYear = await insertSheet(host, '2021');
    await run(async (context) => {
      context.workbook.worksheets.getItem(lastYear.sheet).name = name;
      await context.sync();
    });
    host.userEdit(name, lastYear.at('T3.COUT.NP'), '3');
    const sheetId = await sheetOf(host, name);
    host.resetStats();
    if (failAt !== undefined) host.failAtOperation(failAt, 'InvalidArgument');
    const linked = await linkLastYear(run, { kind: 'sheet', sheetId });
    const formulas = host
      .conditionalFormats(thisYear.sheet)
      .map((c) => c.formula)
      .filter((f) => f.includes('年报助手上年'));
    return { host, thisYear, linked, formulas };
  }

  it('so that a formula is as long with a 31-character sheet name as with a 1-character one, and still marks the cell', async () => {
    const short = await linkedAs('甲');
    const long = await linkedAs('某某市某某区人民政府办公室二〇二一年度报告表格');
    expect(long.formulas.length).toBeGreaterThan(0);
    expect(long.formulas).toEqual(short.formulas);
    for (const f of long.formulas) expect(f).toContain(`INDEX(${LAST_YEAR_NAME},`);
    expect(long.host.cell(long.thisYear.sheet, long.thisYear.at('T3.CIN.NP')).highlight).not.toBeNull();
  });

  it('says that Excel refused a rule, not 表格放不下, when the link’s last step fails with InvalidArgument', async () => {
    const probe = await linkedAs('甲');
    const sizes = probe.host.stats.batchSizes;
    const lastStart = sizes.slice(0, -1).reduce((a, b) => a + b, 0);
    const { linked } = await linkedAs('甲', lastStart + sizes[sizes.length - 1] - 2);
    if (linked.kind !== 'failed') throw new Error('expected a failure');
    expect(linked.problem).toMatchObject({ code: 'highlightRefused', for: 'lastYear' });
    expect(problemText(linked.problem)).not.toContain('放不下');
  });
});
