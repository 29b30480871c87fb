// The readings of a run of digits whose row has fewer cells than digits (“40122340” in a row of
// seven cells): every way to cut it into that many whole numbers written without leading zeros.
// Counted first, listed only up to a bound, so that a long run cannot make the reading slow.

/** Readings listed at most per row; beyond it a row's readings are counted, not listed. */
export const MAX_READINGS = 2000;

/** Longest part taken as a number (beyond 15 digits a number is no longer exact). */
const MAX_PART_DIGITS = 15;

const canStart = (digits: string, at: number, end: number): boolean => end - at === 1 || digits[at] !== '0';

/** ways[i][k]: the readings of digits[i..] as k numbers. */
function waysTable(digits: string, cells: number): number[][] {
  const n = digits.length;
  const ways: number[][] = Array.from({ length: n + 1 }, () => Array<number>(cells + 1).fill(0));
  ways[n][0] = 1;
  for (let i = n - 1; i >= 0; i--) {
    for (let k = 1; k <= cells; k++) {
      let w = 0;
      for (let j = i + 1; j <= Math.min(n, i + MAX_PART_DIGITS); j++) if (canStart(digits, i, j)) w += ways[j][k - 1];
      ways[i][k] = w;
    }
  }
  return ways;
}

export interface Readings {
  /** How many readings there are (a float beyond 2^53, which no row reaches). */
  count: number;
  /** Every reading, in order, when there are at most MAX_READINGS; else empty. */
  list: number[][];
}

/** The readings of `digits` (ASCII digits only) as `cells` whole numbers. */
export function digitReadings(digits: string, cells: number, max = MAX_READINGS): Readings {
  if (!/^[0-9]+$/.test(digits) || cells < 1 || digits.length < cells) return { count: 0, list: [] };
  const ways = waysTable(digits, cells);
  const count = ways[0][cells];
  if (count > max) return { count, list: [] };
  const list: number[][] = [];
  const parts: number[] = [];
  const walk = (i: number, k: number): void => {
    if (k === 0) {
      if (i === digits.length) list.push([...parts]);
      return;
    }
    for (let j = i + 1; j <= Math.min(digits.length, i + MAX_PART_DIGITS); j++) {
      if (!canStart(digits, i, j) || ways[j][k - 1] === 0) continue;
      parts.push(Number(digits.slice(i, j)));
      walk(j, k - 1);
      parts.pop();
    }
  };
  walk(0, cells);
  return { count, list };
}
