import fc from 'fast-check';
import { digitReadings, MAX_READINGS } from '../../../src/report/recognise/digitReadings';

// The readings of run-together digits (src/report/recognise/digitReadings.ts), against a plain
// enumeration of every way to cut the digits.

/** Every way to cut `digits` into `cells` parts, keeping those whose parts are written without leading zeros. */
function byCuts(digits: string, cells: number): number[][] {
  const out: number[][] = [];
  const walk = (from: number, parts: string[]): void => {
    if (parts.length === cells - 1) {
      const all = [...parts, digits.slice(from)];
      if (all.every((p) => p !== '' && (p.length === 1 || p[0] !== '0'))) out.push(all.map(Number));
      return;
    }
    for (let to = from + 1; to < digits.length; to++) walk(to, [...parts, digits.slice(from, to)]);
  };
  if (cells === 1) return digits.length === 1 || digits[0] !== '0' ? [[Number(digits)]] : [];
  walk(0, []);
  return out;
}

describe('the readings of a run of digits', () => {
  test('are exactly the cuts into whole numbers without leading zeros, counted and listed', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,11}$/), fc.integer({ min: 1, max: 7 }), (digits, cells) => {
        const expected = digits.length < cells ? [] : byCuts(digits, cells);
        const got = digitReadings(digits, cells);
        expect(got.count).toBe(expected.length);
        expect(got.list).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  test('a single zero is a number, a zero before other digits is not', () => {
    // 1 0 05 and 1 00 5 are not readings
    expect(digitReadings('1005', 3).list).toEqual([[10, 0, 5]]);
    expect(digitReadings('0000000', 7).list).toEqual([[0, 0, 0, 0, 0, 0, 0]]);
    expect(digitReadings('00000000', 7)).toEqual({ count: 0, list: [] });
  });

  test('too many readings are counted, not listed, and counting a long run is quick', () => {
    const digits = '1234567891'.repeat(5);
    const start = Date.now();
    const r = digitReadings(digits, 15);
    expect(r.count).toBeGreaterThan(MAX_READINGS);
    expect(r.list).toEqual([]);
    expect(Date.now() - start).toBeLessThan(500);
  });
});
