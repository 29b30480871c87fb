import { NotAReportError, parseExchange } from '../../src/read/exchange';

// JSON that cannot be parsed is said in Chinese, and the same wherever it is read: Node (the command)
// and Chromium (the web page, the task pane) word JSON.parse's errors differently.

const reasonOf = (text: string): string => {
  try {
    parseExchange(text);
  } catch (e) {
    if (e instanceof NotAReportError) return e.message;
    throw e;
  }
  return '';
};

describe('parseExchange on text that is not JSON', () => {
  it.each([
    ['{', 'Node: Expected property name or end of input'],
    ['{"format": "2021", "cells": {', 'Node: Unexpected end of JSON input'],
    ['{"format": "2021"  \n', 'an object that stops before its end, with trailing space'],
  ])('says the content stops before its end: %j (%s)', (text) => {
    expect(reasonOf(text)).toBe('不是有效的 JSON（内容不完整，在文件末尾中断），请检查文件内容（例如是否缺少括号、引号或逗号）');
  });

  it('names the line and character where the text goes wrong inside', () => {
    expect(reasonOf('{\n"format": "2021",, "cells": {}}')).toBe(
      '不是有效的 JSON（第 2 行第 18 个字符附近），请检查文件内容（例如是否缺少括号、引号或逗号）',
    );
  });

  it('Chromium’s wording of the end (a position at the end of the text) is the end too', () => {
    const real = JSON.parse;
    JSON.parse = () => {
      throw new SyntaxError("Expected property name or '}' in JSON at position 1 (line 1 column 2)");
    };
    try {
      expect(reasonOf('{')).toContain('内容不完整，在文件末尾中断');
    } finally {
      JSON.parse = real;
    }
  });
});
