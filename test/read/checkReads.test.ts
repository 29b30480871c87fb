import { checkReads, describeError } from '../../src/read/checkReads';
import { readReportsFromBytes } from '../../src/read/readers';
import { dataCells } from '../../src/report/standard/formats';
import { NotAReportError } from '../../src/read/exchange';

// The reason a file could not be read is Chinese and true: a library's English words never reach a user.

describe('the reason a file could not be read', () => {
  it.each([
    ['a stack overflow in a reader', new RangeError('Maximum call stack size exceeded'), '结构过深或过大'],
    ['a zlib error', new Error('Bad encoding in flate stream'), '文件已损坏'],
    ['an XML parser error', new Error('unclosed xml tag(s)'), '文件已损坏'],
    ['an I/O error', Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' }), '输入输出错误'],
  ])('says what %s means, in Chinese only', (_what, error, words) => {
    const reason = describeError(error);
    expect(reason).toContain(words);
    expect(reason).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('keeps a reason the readers worded', () => {
    expect(describeError(new NotAReportError('不是有效的 PDF 文件'))).toBe('不是有效的 PDF 文件');
  });
});

describe('a report in the exchange format', () => {
  const check = async (cells: Record<string, number | null>) => {
    const text = JSON.stringify({ format: '2021', cells });
    return checkReads('r.json', await readReportsFromBytes('r.json', new TextEncoder().encode(text)))[0];
  };
  const all = (table: string) =>
    Object.fromEntries(
      dataCells('2021')
        .filter((d) => d.table === table)
        .map((d) => [d.id, 0]),
    );

  it('passes with all three tables given', async () => {
    expect((await check({ ...all('T2'), ...all('T3'), ...all('T4') })).verdict).toBe('passed');
  });

  it('is 部分未校验, naming the table, when one of the three is not given at all (never 通过)', async () => {
    const r = await check({ ...all('T2'), ...all('T3') });
    expect(r.verdict).toBe('incomplete');
    expect(r.notes).toContain('没有找到表四（复议诉讼）；完整的年报应有表二、表三、表四');
  });
});
