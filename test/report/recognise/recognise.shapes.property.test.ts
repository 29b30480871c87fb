import fc from 'fast-check';
import { FORMAT_VERSIONS, FormatVersion } from '../../../src/report/standard/formats';
import { recognise } from '../../../src/report/recognise/recognise';
import { reshape } from '../../../src/report/recognise/reshape';
import { DIGITS_ONLY, LABELS, SHAPES, write } from '../../helpers/textShapes';

// Property tests of the text shapes the recogniser accepts (src/report/recognise/reshape.ts): a report of
// random values written in each shape is read back exactly; reshaping never throws.

describe('a report written in each text shape reads back exactly', () => {
  test('every table, every value, nothing unplaced or missing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...FORMAT_VERSIONS),
        fc.constantFrom(...Object.keys(SHAPES)),
        fc.array(fc.nat(100000), { minLength: 200, maxLength: 200 }),
        fc.array(fc.nat(9), { minLength: 200, maxLength: 200 }),
        (v, shape, big, small) => {
          const { rows, values } = write(v, DIGITS_ONLY.has(shape) ? small : big);
          const r = recognise(SHAPES[shape](rows));
          expect(r.unplaced).toEqual([]);
          expect(r.version).toBe(v);
          expect(r.tables.map((t) => t.table)).toEqual(['T2', 'T3', 'T4']);
          for (const t of r.tables) expect(t.missing).toEqual([]);
          expect(r.report.cells).toEqual(values);
        },
      ),
      { numRuns: 80 },
    );
  });
});

// Strings near the shapes: labels, numbers, spaces and digits glued together.
const part = fc.oneof(
  fc.constantFrom(...LABELS),
  fc.constantFrom(...LABELS).map((l) => l.slice(0, Math.max(1, l.length - 2))),
  fc.nat(2000).map(String),
  fc.stringMatching(/^[0-9]{1,20}$/),
  fc.constantFrom(' ', '\u3000', '\u00a0', '  ', '\t', '1.', '（', '）', '１２', '.', '-3', '12件'),
  fc.string({ maxLength: 6 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
const text = fc.array(part, { maxLength: 12 }).map((ps) => ps.join(''));
const grid = fc.array(fc.array(fc.oneof(text, fc.constant('')), { maxLength: 6 }), { maxLength: 30 });

// Spaces do not count: a row read from its labels drops the spaces inside it where the digits settle it (issue 20 §1).
const squash = (t: string) => t.replace(/\s+/g, '');

describe('reshaping arbitrary text', () => {
  test('takes a part of a cell whose label repeats with a run of spaces from that cell (a counterexample fast-check found)', () => {
    const g = [['二、主动公开政府信息情况 二、主动公开政府信息情况  :']];
    for (const row of reshape(g, undefined).rows)
      for (const c of row.cells) if (c.fromText) expect(squash(g[c.row][c.col])).toContain(squash(c.text));
  });

  test('takes a label and its number run together from the cell that holds them with a space between (a counterexample fast-check found)', () => {
    const g = [['（二、主动公开政府信息情况0政府集中采购 12件']];
    for (const row of reshape(g, undefined).rows)
      for (const c of row.cells) if (c.fromText) expect(squash(g[c.row][c.col])).toContain(squash(c.text));
  });

  test('never throws; every cell comes from a grid cell, a whole cell keeps its text', () => {
    fc.assert(
      fc.property(grid, fc.constantFrom<FormatVersion | undefined>(undefined, '2021', '2019'), (g, v) => {
        const shaped = reshape(g, v);
        for (const row of shaped.rows) {
          expect(row.first).toBeLessThanOrEqual(row.last);
          for (const c of row.cells) {
            const src = g[c.row]?.[c.col];
            expect(src).toBeDefined();
            // A part of a cell's text, spaces aside.
            if (c.fromText) expect(squash(String(src))).toContain(squash(c.text));
            else expect(c.text).toBe(src);
            expect(c.row).toBeGreaterThanOrEqual(row.first);
            expect(c.row).toBeLessThanOrEqual(row.last);
          }
        }
        const r = recognise(g);
        expect(r.unplaced.some((u) => u.reason.startsWith('内部错误'))).toBe(false);
        for (const id of r.fromText) expect(r.positions[id]).toBeDefined();
      }),
      { numRuns: 100 },
    );
  });

  test('odd inputs', () => {
    for (const g of [null, undefined, 'text', [null], [[null, 3, true, {}]], [['   ']], [['1 2 3']], [['规章1'.repeat(500)]]]) {
      expect(() => reshape(g)).not.toThrow();
    }
  });
});
