/*
 * Everything the task pane needs after its first render, in one chunk that loads while the first
 * screen is shown (see deferred.tsx): the host operations in Excel, and the pure views of a check.
 * No UI here: a Fluent module shared with taskpane.js would keep the minifier from dropping the
 * unused values of Fluent's tokens object (about 29 KiB).
 */
export { excelHost } from '../excel/excelHost';
export { SEVERITY_LABELS } from '../report/standard/rules';
export { damageMessage } from '../report/sheet/sheetCheck';
export { activeVerdict, groupFindings, severityCounts, sheetVerdicts, workbookVerdict } from './findingsView';
export { checkProse } from '../report/prose/textCheck';
export { placedAddress } from '../report/sheet/templateBlock';
