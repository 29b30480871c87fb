import { liveNoticeText } from '../../src/taskpane/problemText';
import { a1 } from '../../src/report/standard/a1';
import { liveSetup } from '../helpers/liveSetup';

/** The live setup, its insertion's own change events let pass. */
async function setup() {
  const ready = await liveSetup();
  await ready.wait(80);
  return ready;
}

describe('Ctrl+V of cells from another workbook over a template table', () => {
  it('in the in-memory workbook cuts the cells out of the highlight rules and replaces their validation and number format', async () => {
    const { host, live, sheet, at } = await setup();
    live.setEnabled(false);
    host.userPasteAll(sheet, at('T3.NEW.NP'), [
      [12, 0],
      [0, 0],
    ]);
    const c = host.cell(sheet, at('T3.NEW.NP'));
    expect(c.value).toBe(12);
    expect(c.dataValidation).toBeNull();
    expect(c.numberFormat).toBe('General');
    // 第一项 12 ≠ 总计 0: the rule is broken, yet the pasted cell is no longer highlighted.
    expect(c.highlight).toBeNull();
  });

  it('is noticed by the next live check, which restores the highlights and validation without touching values, and says so once', async () => {
    const { host, live, results, notices, sheet, at, wait } = await setup();
    const pasted = [
      [12, 3],
      [4, 5],
    ];
    host.userPasteAll(sheet, at('T3.NEW.NP'), pasted);
    const cells = [
      [at('T3.NEW.NP'), 12],
      [at('T3.NEW.BIZ'), 3],
    ] as const;
    const valuesBefore = host.usedRange(sheet);
    await host.flushEvents();
    await wait(150);
    await host.flushEvents();
    const last = results[results.length - 1];
    const f = last.sheets[0].findings.find((x) => x.rule === 'T3-BALANCE' && x.instance === 'NP')!;
    expect(f.addresses[0]).toBe(at('T3.NEW.NP'));
    const c = host.cell(sheet, at('T3.NEW.NP'));
    expect(c.highlight).not.toBeNull();
    expect(c.dataValidation).toMatchObject({ type: 'wholeNumber' });
    for (const [address, v] of cells) expect(host.cell(sheet, address).value).toBe(v);
    expect(host.usedRange(sheet)).toEqual(valuesBefore);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('表三');
    expect(liveNoticeText(live.notice!).text).toBe(notices[0]);
    // Typing into a restored cell is refused again, and later checks say nothing more.
    expect(host.userEdit(sheet, at('T3.NEW.NP'), 'abc').accepted).toBe(false);
    host.resetStats();
    host.userEdit(sheet, at('T3.NEW.NP'), '13');
    await host.flushEvents();
    await wait(60);
    expect(host.stats.syncs).toBe(1);
    expect(notices).toHaveLength(1);
  });
});

describe('Ctrl+V from another workbook over tables inserted with 合计用公式 (totals carry no validation)', () => {
  async function formulaSetup() {
    const ready = await liveSetup({ totalsAsFormulas: true });
    await ready.wait(80);
    return ready;
  }

  it('says nothing and repairs nothing after an ordinary edit of an untouched table', async () => {
    const { host, notices, sheet, at, wait } = await formulaSetup();
    host.userEdit(sheet, at('T3.NEW.NP'), '3');
    await host.flushEvents();
    await wait(60);
    expect(notices).toEqual([]);
    // The total keeps the prompt it was inserted with, not an input rule put there by a repair.
    expect(host.cell(sheet, at('T3.NEW.TOT')).dataValidation).toBeNull();
  });

  it('is noticed over 表三, whose input area holds the 合计 column and row, and the validation comes back', async () => {
    const { host, notices, sheet, at, wait } = await formulaSetup();
    host.userPasteAll(sheet, at('T3.NEW.NP'), [
      [12, 3],
      [4, 5],
    ]);
    await host.flushEvents();
    await wait(150);
    await host.flushEvents();
    expect(host.cell(sheet, at('T3.NEW.NP')).dataValidation).toMatchObject({ type: 'wholeNumber' });
    expect(host.cell(sheet, at('T3.NEW.NP')).highlight).not.toBeNull();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('表三');
  });

  it('is noticed over 表四, whose one input row holds its 总计 cells', async () => {
    const { host, live, notices, sheet, wait } = await formulaSetup();
    const t4 = live.result.sheets[0].tables.find((t) => t.table === 'T4')!;
    const first = a1(t4.row + 4, t4.col);
    host.userPasteAll(sheet, first, [[2, 1]]);
    await host.flushEvents();
    await wait(150);
    await host.flushEvents();
    expect(host.cell(sheet, first).dataValidation).toMatchObject({ type: 'wholeNumber' });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('表四');
  });
});

describe('highlight rules copied in with cells of another unit’s table', () => {
  it('are noticed by their number, and the table gets back exactly its own rules', async () => {
    const { host, live, notices, sheet, at, wait } = await setup();
    const own = host.conditionalFormats(sheet).length;
    // What Ctrl+C / Ctrl+V of cells from another table brings: that table's rule, pointing at its own rows.
    await host.run(async (context) => {
      const cf = context.workbook.worksheets.getItem(sheet).getRange(at('T3.NEW.NP')).conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=I40<>0';
      cf.custom.format.fill.color = '#FFC7CE';
      await context.sync();
    });
    expect(host.conditionalFormats(sheet)).toHaveLength(own + 1);
    live.setEnabled(true);
    host.userEdit(sheet, at('T3.NEW.BIZ'), '0');
    await host.flushEvents();
    await wait(150);
    await host.flushEvents();
    expect(host.conditionalFormats(sheet)).toHaveLength(own);
    expect(host.conditionalFormats(sheet).some((c) => c.formula === '=I40<>0')).toBe(false);
    expect(notices).toHaveLength(1);
  });
});
