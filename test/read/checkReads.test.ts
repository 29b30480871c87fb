import { describeError } from '../../src/read/checkReads';
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
