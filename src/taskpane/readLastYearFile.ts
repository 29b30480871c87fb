/*
 * Last year's report from a file picked in the task pane, read in the browser by the same readers
 * and behind the same guard as the command (src/read/): a zip bomb or a workbook whose merges would
 * exhaust memory is refused with the command's reason. The file is read in a Web Worker running the
 * web page's core (src/web/coreEntry.ts, built as lastYearCore.js beside the pane) under the
 * command's time limit, so that a file that never finishes cannot freeze the pane; where the host
 * refuses workers it is read here. The pane loads this module with a dynamic import when a file is
 * picked, so the readers never weigh on the first screen.
 */
import { READERS, readReportsFromBytes } from '../read/readers';
import { describeError, LastYearRead, lastYearOf } from '../read/checkReads';
import { NotAReportError } from '../read/exchange';
import { startWorkers } from '../web/pool';
import type { Done, Failed } from '../excel/outcome';

/* global document, URL */

export type { LastYearRead };
export type LastYearFile = Done<LastYearRead> | Failed;

/** The core's script, emitted beside taskpane.html by the add-in's build (webpack.config.js). */
export const LAST_YEAR_CORE = 'lastYearCore.js';

/** Last year's report read in a worker; null when the host has no worker for it (the file is then read here). */
async function readInWorker(name: string, data: ArrayBuffer): Promise<LastYearRead | null> {
  if (typeof document === 'undefined') return null;
  const core = await startWorkers(new URL(LAST_YEAR_CORE, document.baseURI).href, undefined, 1);
  if (!core) return null;
  try {
    const bytes = new Uint8Array(data.slice(0));
    const answer = await core.ask({ kind: 'lastYear', name, bytes }, [bytes.buffer as ArrayBuffer]);
    if (answer.kind === 'lastYear' && answer.read) return answer.read;
    throw new NotAReportError(
      answer.kind === 'lastYear' ? (answer.unreadable ?? '') : answer.kind === 'failed' ? answer.reason : '内部错误：读取的回答不符',
    );
  } finally {
    core.close();
  }
}

export async function readLastYearFile(name: string, data: ArrayBuffer): Promise<LastYearFile> {
  try {
    // Every kind the command reads but PDF (pdf.js would double the pane's code for a rare case).
    if (name.toLowerCase().endsWith('.pdf'))
      return {
        kind: 'failed',
        problem: {
          code: 'said',
          text: '任务窗格不读取 PDF：可在网页版校验（年报校验.html）或命令行工具中选它作为上年报告，或把上年报告的表格复制到工作表中再“作为上年报告”。',
        },
      };
    const found = (await readInWorker(name, data)) ?? lastYearOf(name, await readReportsFromBytes(name, new Uint8Array(data), READERS));
    return { kind: 'done', ...found };
  } catch (e) {
    return { kind: 'failed', problem: { code: 'said', text: `无法读取“${name}”：${describeError(e)}` } };
  }
}
