/*
 * Everything the task pane needs after its first render, in one chunk that loads while the first
 * screen is shown (see deferred.tsx): the workbook check, insertion, pasted tables, the
 * findings view and the notices said after an action. No UI here: a Fluent module shared with taskpane.js would keep the minifier from
 * dropping the unused values of Fluent's tokens object (about 29 KiB).
 */
export { LiveChecker } from '../excel/live';
export { insertTables } from '../excel/insert';
export { convertActiveSheet, recogniseActiveSheet, reinsertTable, unmarkActiveSheet } from '../excel/pasted';
export { selectCells } from '../excel/check';
export { linkLastYear, listSheets, unlinkLastYear } from '../excel/lastYear';
export { SEVERITY_LABELS } from '../report/standard/rules';
export { damageMessage } from '../report/sheet/sheetCheck';
export { groupFindings, severityCounts, sheetVerdicts, workbookVerdict } from './findingsView';
export {
  convertedNotice,
  insertNotice,
  lastYearLabel,
  linkedNotice,
  recognisedNotice,
  reinsertedNotice,
  rolledUpNotice,
  unlinkedNotice,
  unmarkedNotice,
} from './notices';
export { insertWorkbookRollup, rollupUnits } from '../excel/rollup';
export { checkProse } from '../report/prose/textCheck';
