import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { zeroReport } from '../../../src/report/standard/generate';

// The text check is in the pane's second chunk, with every other check: on an engine without
// lookbehind and named groups (Edge Legacy, which the add-in is built for) it must fail alone, saying
// so, and never keep the chunk from loading.

describe('the text check on an engine without lookbehind or named groups', () => {
  it('loads, and answers that the text was not checked', () => {
    const Native = RegExp;
    // An engine that rejects (?<=…), (?<!…) and (?<name>…) as Edge Legacy's did.
    const Old = function (this: unknown, source: string | RegExp, flags?: string) {
      const text = typeof source === 'string' ? source : source.source;
      if (text.includes('(?<')) throw new SyntaxError('Invalid regular expression: unsupported group');
      return new Native(source, flags);
    } as unknown as RegExpConstructor;
    (globalThis as { RegExp: RegExpConstructor }).RegExp = Old;
    try {
      jest.isolateModules(() => {
        const { checkProse, UNSUPPORTED } =
          require('../../../src/report/prose/textCheck') as typeof import('../../../src/report/prose/textCheck');
        const r = zeroReport('2021');
        r.cells['T4.RV.TOT'] = 3;
        expect(checkProse('行政复议4件。', r)).toEqual({ findings: [], statements: [], skipped: [UNSUPPORTED] });
      });
    } finally {
      (globalThis as { RegExp: RegExpConstructor }).RegExp = Native;
    }
  });

  it('has no regular expression literal with such groups in its source (a literal fails when the file is parsed)', () => {
    const dir = join(__dirname, '..', '..', '..', 'src', 'report', 'prose');
    for (const f of readdirSync(dir).filter((x) => x.endsWith('.ts'))) {
      const code = readFileSync(join(dir, f), 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(?:\/\/|\*|\/\*)/.test(line));
      // A literal: a slash that opens an expression, then a group of those kinds before its closing slash.
      expect(code.filter((line) => /(?:^|[=(,:!&|?;{}]|return)\s*\/[^/*\n][^/\n]*\(\?<[=!a-zA-Z]/.test(line))).toEqual([]);
    }
  });
});
