import fc from 'fast-check';
import { checkWorkbook } from '../../src/excel/check';
import { insertTables } from '../../src/excel/insert';
import { createMemoryHost } from '../../src/excel/memory';
import { dataCells, FORMAT_VERSIONS, FormatVersion, TABLE_IDS } from '../../src/report/standard/formats';
import { consistentReport, seededRandom } from '../../src/report/standard/generate';
import { a1 } from '../../src/report/standard/a1';
import { tableLayout } from '../../src/report/look/layout';
import { Report } from '../../src/report/standard/report';
import { validate } from '../../src/report/standard/validate';

/** A sheet with all three tables of a version, filled by pasting a report's values; cell → address. */
async function filledSheet(version: FormatVersion, report: Report, totalsAsFormulas = false) {
  const host = createMemoryHost();
  host.addSheet('Sheet1');
  const run = host.run.bind(host);
  const result = await insertTables(run, { version, tables: [...TABLE_IDS], target: 'newSheet', totalsAsFormulas });
  if (result.kind !== 'done') throw new Error(result.kind);
  const sheet = result.sheet;
  const address = new Map<string, string>();
  for (const p of result.placements)
    for (const d of tableLayout(version, p.table).data) address.set(d.id, a1(p.row + d.row, p.col + d.col));
  for (const [id, v] of Object.entries(report.cells)) {
    if (totalsAsFormulas && host.cell(sheet, address.get(id)!).formula) continue;
    host.userPaste(sheet, address.get(id)!, [[v as string | number | null]]);
  }
  await host.flushEvents();
  return { host, run, sheet, address };
}

/** Cells the validator blames with an error or warning (what Excel should colour). */
function blamed(report: Report): Set<string> {
  return new Set(
    validate(report)
      .filter((f) => f.severity !== 'info')
      .flatMap((f) => f.cells),
  );
}

describe('highlights as conditional formats, evaluated by the in-memory workbook (not by Excel)', () => {
  for (const version of FORMAT_VERSIONS) {
    it(`${version}: on random reports with one bad cell, the rules colour exactly the cells the validator blames`, async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.integer(),
          fc.nat(dataCells(version).length - 1),
          fc.constantFrom<'raise' | 'text' | 'negative' | 'fraction' | 'blank'>('raise', 'text', 'negative', 'fraction', 'blank'),
          async (seed, idx, how) => {
            const report = consistentReport(version, seededRandom(seed));
            const cell = dataCells(version)[idx];
            const v = report.cells[cell.id] as number;
            const bad = { raise: v + 2, text: '两件', negative: -1 - v, fraction: v + 0.5, blank: null }[how];
            const mutated: Report = { format: version, cells: { ...report.cells, [cell.id]: bad } };
            const { host, sheet, address } = await filledSheet(version, mutated);
            const expected = blamed(mutated);
            for (const d of dataCells(version)) {
              const lit = host.cell(sheet, address.get(d.id)!).highlight !== null;
              expect([d.id, lit]).toEqual([d.id, expected.has(d.id)]);
            }
          },
        ),
        { numRuns: 25 },
      );
    });
  }

  it('colours the 自然人 balance cells red when 第一项 breaks the balance, and clears them when fixed', async () => {
    const report = consistentReport('2021', seededRandom(3));
    const { host, sheet, address } = await filledSheet('2021', report);
    const cells = ['T3.NEW.NP', 'T3.CIN.NP', 'T3.RT.NP', 'T3.COUT.NP'].map((id) => address.get(id)!);
    expect(cells.map((c) => host.cell(sheet, c).highlight)).toEqual([null, null, null, null]);
    host.userEdit(sheet, cells[0], String((report.cells['T3.NEW.NP'] as number) + 1));
    expect(host.cell(sheet, cells[0]).highlight?.fill).toBe('#FFC7CE');
    expect(host.cell(sheet, cells[3]).highlight?.fill).toBe('#FFC7CE');
    host.userEdit(sheet, cells[0], String(report.cells['T3.NEW.NP']));
    expect(cells.map((c) => host.cell(sheet, c).highlight)).toEqual([null, null, null, null]);
  });

  it('writes the totals as SUM formulas when asked, so that the report balances by itself', async () => {
    const report = consistentReport('2021', seededRandom(5));
    const { host, run, sheet, address } = await filledSheet('2021', report, true);
    expect(host.cell(sheet, address.get('T3.NEW.TOT')!).formula).toMatch(/^=SUM\(/);
    expect(host.cell(sheet, address.get('T3.RT.NP')!).formula).toMatch(/^=SUM\(/);
    expect(host.cell(sheet, address.get('T4.RV.TOT')!).formula).toMatch(/^=SUM\(/);
    expect(host.cell(sheet, address.get('T3.NEW.TOT')!).fill).toBe('#E2EFDA');
    const findings = (await checkWorkbook(run)).sheets[0].findings;
    expect(findings).toEqual([]);
  });
});

describe('a cell that looks blank but holds empty text', () => {
  it('is an error for the validator as for the highlight rule (evaluated in memory), and the sums it feeds are not checked by either', async () => {
    const report = consistentReport('2021', seededRandom(11));
    const { host, run, sheet, address } = await filledSheet('2021', report);
    const cell = address.get('T3.X2.NGO')!;
    host.userEdit(sheet, cell, '=""');
    expect(host.cell(sheet, cell).highlight?.fill).toBe('#FFC7CE');
    const findings = (await checkWorkbook(run)).sheets[0].findings;
    const own = findings.find((f) => f.rule === 'CELL-COUNT')!;
    expect(own.message).toContain('看起来空白，实际是空文本或空格');
    expect(findings.filter((f) => f.severity !== 'info').map((f) => f.rule)).toEqual(['CELL-COUNT']);
    expect(host.cell(sheet, address.get('T3.X2.TOT')!).highlight).toBeNull();
  });
});
