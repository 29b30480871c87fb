// How a roll-up written by `xxgk-report sum` (or the web page) is told from a unit's report, so that
// summing a folder twice never counts the first roll-up as one more unit: the .xlsx carries it in
// its document properties, the .json in a "rollup" member, the .tsv in its first line.

/** The .xlsx roll-up's document keywords (File → Properties). */
export const ROLLUP_KEYWORDS = 'xxgk-annual-report rollup';

/** The first line of a .tsv roll-up, followed by the units summed. */
export const ROLLUP_TSV_PREFIX = '# 年报助手汇总文件';

/** The first line of a .tsv roll-up of these units. */
export function rollupTsvLine(units: readonly string[]): string {
  return `${ROLLUP_TSV_PREFIX}（${units.length} 个单位：${units.join('、')}）`;
}

/** Why a roll-up is not taken as a unit (Chinese). */
export const ROLLUP_NOT_A_UNIT = '这是年报助手生成的汇总文件（可能是上次汇总的输出），不作为单位计入';
