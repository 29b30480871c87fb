import { CellId, isCellId, isFormatVersion } from '../report/formats';
import { CellValue, Report } from '../report/report';

/** A file that is not a report in the exchange format; the message is Chinese and names the reason. */
export class NotAReportError extends Error {}

/** Parses the exchange format of formats.md: { "format": "2021", "cells": { "T3.NEW.NP": 3, … } }. */
export function parseExchange(text: string): Report {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new NotAReportError(`不是有效的 JSON（${(e as Error).message}）`);
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
  return { format, cells };
}

