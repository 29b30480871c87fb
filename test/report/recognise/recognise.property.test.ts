import fc from 'fast-check';
import { dataCellIds, FORMAT_VERSIONS, TABLE_IDS } from '../../../src/report/standard/formats';
import { layoutTextGrid, officialLayout } from '../../../src/report/look/layout';
import { recognise } from '../../../src/report/recognise/recognise';
import { LABELS } from '../../helpers/textShapes';

const cell = fc.oneof(
  fc.constant(''),
  fc.string({ maxLength: 12 }),
  fc.constantFrom(...LABELS),
  fc.constantFrom(...LABELS).map((l) => l.slice(1)),
  fc.integer({ min: -5, max: 300 }).map(String),
  fc.constantFrom('0', '１２', '\u00a0', '160.5964万元', '251000元', '12件', '—'),
);
const grid = fc.array(fc.array(cell, { maxLength: 18 }), { maxLength: 60 });

describe('recognise on arbitrary grids', () => {
  test('never throws, and places only data cells of the decided version', () => {
    fc.assert(
      fc.property(grid, (g) => {
        const r = recognise(g);
        expect(r.unplaced.some((u) => u.reason.startsWith('内部错误'))).toBe(false);
        const ids = Object.keys(r.report.cells);
        if (r.version === null) {
          expect(ids).toEqual([]);
          expect(r.tables).toEqual([]);
          return;
        }
        expect(r.report.format).toBe(r.version);
        const valid = new Set<string>(dataCellIds(r.version));
        for (const id of ids) {
          expect(valid.has(id)).toBe(true);
          const p = r.positions[id as keyof typeof r.positions];
          expect(p).toBeDefined();
        }
        for (const t of r.tables) {
          expect(t.version).toBe(r.version);
          for (const c of t.cells) {
            expect(r.report.cells[c.id]).toEqual(c.value);
            // a value read from inside a longer text cell (reshape) has that part of the text as raw
            if (c.fromText) expect(g[c.row]?.[c.col] ?? '').toContain(c.raw);
            else expect(c.raw).toBe(g[c.row]?.[c.col] ?? '');
          }
          for (const m of t.missing) expect(ids).not.toContain(m);
        }
      }),
      { numRuns: 300 },
    );
  });

  test('tables of the official layouts with arbitrary values read back exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORMAT_VERSIONS),
        fc.array(fc.oneof(fc.nat(100000), fc.constant(null)), { minLength: 200, maxLength: 200 }),
        (v, values) => {
          const g: string[][] = [];
          const expected: Record<string, number | null> = {};
          let k = 0;
          for (const t of TABLE_IDS) {
            const layout = officialLayout(v, t);
            const tg = layoutTextGrid(layout);
            for (const d of layout.data) {
              // the T4 data row is found by its numbers: keep at least its first cell a number
              const x = t === 'T4' && d.col === 0 ? (values[k++] ?? 0) : values[k++];
              tg[d.row][d.col] = x === null ? '' : String(x);
              expected[d.id] = x;
            }
            g.push(...tg);
          }
          const r = recognise(g);
          expect(r.version).toBe(v);
          expect(r.unplaced).toEqual([]);
          expect(r.report.cells).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  test('a 2019 （六）其他处理 row with every cell blank is a row of nulls (found by a property run)', () => {
    const g: string[][] = [];
    for (const t of TABLE_IDS) {
      const layout = officialLayout('2019', t);
      const tg = layoutTextGrid(layout);
      for (const d of layout.data) if (!d.id.startsWith('T3.O.')) tg[d.row][d.col] = '0';
      g.push(...tg);
    }
    const r = recognise(g);
    expect(r.version).toBe('2019');
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells['T3.O.NP']).toBeNull();
    for (const t of r.tables) expect(t.missing).toEqual([]);
  });
});
