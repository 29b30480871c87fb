import { CellId, isCellId, isFormatVersion } from '../report/standard/formats';
import { CellValue, Report } from '../report/standard/report';

/** A file that is not a report in the exchange format; the message is Chinese and names the reason. */
export class NotAReportError extends Error {}

/** Where JSON.parse stopped, in Chinese (its own message is English): （第 N 行第 M 个字符附近）. */
function jsonErrorPlace(message: string, text: string): string {
  const at = /position (\d+)/.exec(message);
  // Engines word the end differently (Node: "Unexpected end of JSON input"; Chromium: "Expected … at position N" at the end): the position says it.
  if (/end of JSON input/i.test(message) || (at && Number(at[1]) >= text.trimEnd().length)) return '（内容不完整，在文件末尾中断）';
  if (!at) return '';
  const before = text.slice(0, Number(at[1]));
  const line = before.split('\n').length;
  return `（第 ${line} 行第 ${before.length - before.lastIndexOf('\n')} 个字符附近）`;
}

/**
 * Parses the exchange format of formats.md: { "format": "2021", "cells": { "T3.NEW.NP": 3, … } }.
 * `rollup`: the file carries the "rollup" member of a roll-up the tool wrote (rollupMark.ts).
 */
export function parseExchange(text: string): { report: Report; rollup: boolean } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new NotAReportError(
      `不是有效的 JSON${jsonErrorPlace((e as Error).message, text)}，请检查文件内容（例如是否缺少括号、引号或逗号）`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new NotAReportError('内容不是一个 JSON 对象');
  const obj = data as Record<string, unknown>;
  if (!isFormatVersion(obj.format)) {
    throw new NotAReportError(`缺少或无法识别 "format"（应为 "2021" 或 "2019"，实际为 ${JSON.stringify(obj.format)}）`);
  }
  const format = obj.format;
  if (typeof obj.cells !== 'object' || obj.cells === null || Array.isArray(obj.cells)) {
    throw new NotAReportError('缺少 "cells" 对象');
  }
  const cells: Partial<Record<CellId, CellValue>> = {};
  for (const [id, value] of Object.entries(obj.cells as Record<string, unknown>)) {
    if (!isCellId(format, id)) throw new NotAReportError(`${format}版格式中没有单元格编号 ${id}`);
    if (value !== null && typeof value !== 'number' && typeof value !== 'string') {
      throw new NotAReportError(`单元格 ${id} 的值应为数字、null 或文字，实际为 ${JSON.stringify(value)}`);
    }
    cells[id] = value;
  }
  return { report: { format, cells }, rollup: typeof obj.rollup === 'object' && obj.rollup !== null };
}
