import { NOT_COUNTS, PROSE_PATTERNS } from '../../../src/report/prose/prosePatterns';
import { chineseNumber, readPhrase } from '../../../src/report/prose/textCheck';

// Every example the phrase table gives is run: what a phrase must read, and what it must not.

describe.each(PROSE_PATTERNS.map((p) => [p.id, p] as const))('the phrase %s', (_id, p) => {
  it('has examples of both kinds', () => {
    expect(p.mustMatch.length).toBeGreaterThan(0);
    expect(p.mustNotMatch.length).toBeGreaterThan(0);
  });

  it.each(p.mustMatch.map((m) => [m[0], m] as const))('reads “%s”', (sentence, [, n, m]) => {
    const read = readPhrase(p, sentence);
    expect(read.map((r) => ({ n: r.n, m: r.m, listed: r.listed }))).toEqual([{ n, m, listed: undefined }]);
  });

  it.each(p.mustNotMatch)('does not read “%s” as its figure', (sentence) => {
    expect(readPhrase(p, sentence).filter((r) => !r.listed)).toEqual([]);
  });
});

describe('sentences whose numbers are no table figure', () => {
  it.each(NOT_COUNTS)('no phrase reads “%s”', (sentence) => {
    expect(PROSE_PATTERNS.flatMap((p) => readPhrase(p, sentence).map((r) => `${p.id}=${r.n}`))).toEqual([]);
  });
});

describe('Chinese figures', () => {
  it.each([
    ['一百零三', 103],
    ['十二', 12],
    ['二十', 20],
    ['两千三百', 2300],
    ['一万零五', 10005],
    ['九', 9],
  ])('reads %s as %d', (text, n) => {
    expect(chineseNumber(text)).toBe(n);
  });
  it.each(['零', '一二', '十百', '百'])('does not read %s, which is not a figure written the usual way', (text) => {
    expect(chineseNumber(text)).toBeNull();
  });
});
