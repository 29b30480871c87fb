/*
 * The versions and tables of the report by name: all the task pane's first screen needs of the
 * formats. Kept apart from src/report/standard/formats.ts, whose import of the formats' data would put that
 * data into taskpane.js.
 */
import type { FORMATS } from './formatsData';

/** The two official versions: 2021 (reports for 2021 onward, the default) and 2019 (试行, reports for 2019 and 2020). */
export type FormatVersion = keyof typeof FORMATS;
export const FORMAT_VERSIONS: readonly FormatVersion[] = ['2021', '2019'];
export const DEFAULT_VERSION: FormatVersion = '2021';

export type TableId = 'T2' | 'T3' | 'T4';
export const TABLE_IDS: readonly TableId[] = ['T2', 'T3', 'T4'];

export function isFormatVersion(v: unknown): v is FormatVersion {
  return v === '2021' || v === '2019';
}

export const TABLE_NAMES: Record<TableId, string> = {
  T2: '主动公开',
  T3: '申请处理',
  T4: '复议诉讼',
};

export const TABLE_NUMBERS: Record<TableId, string> = { T2: '表二', T3: '表三', T4: '表四' };
