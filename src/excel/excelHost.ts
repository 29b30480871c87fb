import { selectCells } from './check';
import type { HostOperations } from './host';
import { insertTables } from './insert';
import { linkLastYear, listSheets, unlinkLastYear } from './lastYear';
import { LiveChecker } from './live';
import { convertActiveSheet, recogniseActiveSheet, reinsertTable, unmarkActiveSheet } from './pasted';
import { insertWorkbookRollup, rollupUnits } from './rollup';
import type { ExcelRun } from './run';

/** The host operations in Excel, through office.js (or the in-memory workbook of the preview and the tests). */
export function excelHost(run: ExcelRun): HostOperations {
  return {
    insertTables: (options) => insertTables(run, options),
    watch: (options) => new LiveChecker(run, options),
    selectCells: (sheetId, addresses, options) => selectCells(run, sheetId, addresses, options),
    activeSheet: () => activeSheet(run),
    recogniseActiveSheet: () => recogniseActiveSheet(run),
    unmarkActiveSheet: () => unmarkActiveSheet(run),
    convertActiveSheet: (totalsAsFormulas, pageSetup) => convertActiveSheet(run, totalsAsFormulas, pageSetup),
    reinsertTable: (table, totalsAsFormulas, pageSetup) => reinsertTable(run, table, totalsAsFormulas, pageSetup),
    listSheets: () => listSheets(run),
    linkLastYear: (source) => linkLastYear(run, source),
    unlinkLastYear: () => unlinkLastYear(run),
    rollupUnits: () => rollupUnits(run),
    insertWorkbookRollup: (chosen, pageSetup) => insertWorkbookRollup(run, chosen, pageSetup),
  };
}

async function activeSheet(run: ExcelRun): Promise<{ id: string; name: string } | null> {
  try {
    return await run(async (context) => {
      const ws = context.workbook.worksheets.getActiveWorksheet();
      ws.load('id,name');
      await context.sync();
      return { id: ws.id, name: ws.name };
    });
  } catch {
    return null;
  }
}
