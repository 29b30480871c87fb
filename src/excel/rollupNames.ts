import { ROLLUP_NAME } from '../report/look/tableNames';

/**
 * The names of a summary sheet (汇总本工作簿), on that sheet: ROLLUP_NAME marks it, and one name per
 * unit refers to the unit's sheet with the unit's name as its comment. When a unit sheet is deleted,
 * Excel turns every reference to it into #REF!, the sheet's name with it; the comment still names
 * the unit, so the check can say which one is missing. A name's comment holds at most 255 characters
 * (https://learn.microsoft.com/office/vba/api/excel.name.comment): one unit each, never the list.
 */
export { ROLLUP_NAME };

export const ROLLUP_UNIT_PREFIX = `${ROLLUP_NAME}_UNIT_`;

export const rollupUnitName = (i: number): string => `${ROLLUP_UNIT_PREFIX}${i + 1}`;

/** The units whose sheet is gone: the comments of unit names that no longer refer to a sheet. */
export function missingUnits(names: readonly { name: string; type: string; value: unknown; comment?: string }[]): string[] {
  return names
    .filter((n) => n.name.startsWith(ROLLUP_UNIT_PREFIX) && (n.type === 'Error' || String(n.value).includes('#REF!')))
    .map((n) => String(n.comment ?? ''));
}
