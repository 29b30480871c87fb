import fc from 'fast-check';
import { CellId, dataCells, FORMAT_VERSIONS, FormatVersion, TABLE_IDS } from '../../../src/report/standard/formats';
import { tableLayout } from '../../../src/report/look/layout';
import { consistentReport, seededRandom, zeroReport } from '../../../src/report/standard/generate';
import { Report } from '../../../src/report/standard/report';
import { relationInstances } from '../../../src/report/standard/rules';
import { checkSheetInput } from '../../../src/report/sheet/sheetCheck';
import { DIGITS_ONLY, SHAPES, write } from '../../helpers/textShapes';

// The verdict of the shared check (src/report/sheet/sheetCheck.ts) on reports written in every text shape
// the recogniser accepts: what is consistent passes with every value read, and one changed cell
// fails exactly the rules that reference it.

/** The data cells in the order the shape writers fill them: table by table, in layout order. */
const writeOrder = (v: FormatVersion): CellId[] => TABLE_IDS.flatMap((t) => tableLayout(v, t).data.map((d) => d.id));

/** A report's values in that order; amounts rounded to whole 万元. */
function valuesOf(r: Report): number[] {
  return writeOrder(r.format).map((id) => Math.round(Number(r.cells[id] ?? 0)));
}

function checkText(rows: string[][]) {
  return checkSheetInput({ sheet: '', sheetId: '', named: [], unnamed: { row: 0, col: 0, values: rows, asText: true } });
}

const key = (f: { rule: string; instance: string }) => `${f.rule}/${f.instance}`;

/** A consistent report for a shape: single digits where the shape runs digits together (zeros keep every sum). */
function reportFor(v: FormatVersion, shape: string, seed: number): Report {
  if (DIGITS_ONLY.has(shape)) return zeroReport(v);
  const r = consistentReport(v, seededRandom(seed));
  for (const d of dataCells(v)) if (d.kind === 'amount') r.cells[d.id] = Math.round(Number(r.cells[d.id] ?? 0));
  return r;
}

describe('the verdict on reports written as text', () => {
  test('a consistent report comes back passed, every value equal, in every shape', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMAT_VERSIONS), fc.constantFrom(...Object.keys(SHAPES)), fc.integer(), (v, shape, seed) => {
        const report = reportFor(v, shape, seed);
        const { rows, values } = write(v, valuesOf(report));
        const check = checkText(SHAPES[shape](rows));
        expect(check.notes).toEqual([]);
        expect(check.verdict).toBe('passed');
        expect(check.report?.cells).toEqual(values);
      }),
      { numRuns: 60 },
    );
  });

  test('one cell changed fails exactly rules that reference it, every equation among them', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORMAT_VERSIONS),
        fc.constantFrom(...Object.keys(SHAPES)),
        fc.integer(),
        fc.nat(400),
        fc.integer({ min: 1, max: 9 }),
        (v, shape, seed, pick, delta) => {
          const report = reportFor(v, shape, seed);
          const ids = writeOrder(v);
          const i = pick % ids.length;
          const cell = { id: ids[i] };
          const values = valuesOf(report);
          values[i] = DIGITS_ONLY.has(shape) ? delta : values[i] + delta;
          const check = checkText(SHAPES[shape](write(v, values).rows));
          const failing = check.findings.filter((f) => f.severity === 'error').map(key);
          const referencing = relationInstances(v).filter((inst) =>
            [...inst.lhs, ...inst.rhs].some((t) => t.cell === cell.id && t.year === 'this'),
          );
          for (const inst of referencing.filter((x) => x.relation === 'eq')) expect(failing).toContain(key(inst));
          for (const k of failing) expect(referencing.map(key)).toContain(k);
          expect(check.verdict).toBe(failing.length ? 'errors' : 'passed');
        },
      ),
      { numRuns: 60 },
    );
  });
});
