import { FormatVersion, TABLE_IDS, TableId } from '../report/standard/formats';
import { a1 } from '../report/standard/a1';
import { tableLayout } from '../report/look/layout';
import { uniqueSheetName } from '../report/look/placement';
import { parseNameReference, parseTableName } from '../report/look/tableNames';
import { ROLLUP_NAME, rollupUnitName } from './rollupNames';
import { readProblem } from './problems';
import { insertTables } from './insert';
import { Done, Failed } from './outcome';
import { ExcelRun } from './run';

// 汇总本工作簿: a summary sheet whose cells are live formulas over the template tables of the unit
// sheets (each department or town on its own sheet). The sums update as units are corrected, and the
// summary sheet is itself a template, checked like any other.

export { ROLLUP_NAME };

/** A sheet holding template tables: a unit that can be summed. */
export interface RollupUnit {
  sheet: string;
  sheetId: string;
  version: FormatVersion;
  /** Top-left cell of each table's block on the sheet. */
  tables: Partial<Record<TableId, { row: number; col: number }>>;
}

/** The summary sheet inserted: its name, the units it sums and its tables. */
export interface RolledUp {
  sheet: string;
  units: string[];
  tables: TableId[];
}

export type RollupResult = Done<RolledUp> | Failed;

/** The unit sheets of a workbook: sheets with the add-in's template tables, summaries excepted. Two syncs. */
export async function rollupUnits(run: ExcelRun): Promise<RollupUnit[]> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load('items/name,items/id');
    await context.sync();
    for (const ws of sheets.items) ws.names.load('items/name,items/type,items/value');
    await context.sync();
    const units: RollupUnit[] = [];
    for (const ws of sheets.items) {
      if (ws.names.items.some((n) => n.name === ROLLUP_NAME)) continue;
      const tables: RollupUnit['tables'] = {};
      let version: FormatVersion | null = null;
      for (const n of ws.names.items) {
        const id = parseTableName(n.name);
        const ref = id && n.type === 'Range' ? parseNameReference(String(n.value)) : null;
        if (!id || !ref || (version && id.version !== version)) continue;
        version = id.version;
        tables[id.table] = { row: ref.top, col: ref.left };
      }
      if (version) units.push({ sheet: ws.name, sheetId: ws.id, version, tables });
    }
    return units;
  });
}

const quoted = (sheet: string) => `'${sheet.replace(/'/g, "''")}'`;

/** Deletes the sheet known by one of these names, if it is there; a failure leaves it (the outcome already says what failed). */
async function removeSheet(run: ExcelRun, names: string[]): Promise<void> {
  try {
    await run(async (context) => {
      const found = names.map((n) => context.workbook.worksheets.getItemOrNullObject(n));
      for (const f of found) f.load('id');
      await context.sync();
      const ws = found.find((f) => !f.isNullObject);
      if (ws) {
        ws.delete();
        await context.sync();
      }
    });
  } catch {
    // Left as it is: the user is told that the summary failed.
  }
}

/** The SUM formula of one data cell over the units that hold its table (text is ignored, as in Excel's SUM). */
export function rollupFormula(units: readonly RollupUnit[], table: TableId, row: number, col: number): string {
  const refs = units.flatMap((u) => {
    const at = u.tables[table];
    return at ? [`${quoted(u.sheet)}!${a1(at.row + row, at.col + col, true, true)}`] : [];
  });
  return refs.length ? `=SUM(${refs.join(',')})` : '=0';
}

/**
 * Inserts a summary sheet over the chosen unit sheets (by id; all units when none are chosen). The
 * units must be of one version. Six syncs whatever the number of units: the units (2), the template
 * (3, by insertTables), the formulas and the name (1).
 */
/** pageSetup: ExcelApi 1.9, the summary sheet prints as the template does (InsertOptions.pageSetup). */
export async function insertWorkbookRollup(run: ExcelRun, chosen?: readonly string[], pageSetup = false): Promise<RollupResult> {
  try {
    const all = await rollupUnits(run);
    const units = chosen && chosen.length ? all.filter((u) => chosen.includes(u.sheetId)) : all;
    if (units.length === 0) return { kind: 'failed', problem: { code: 'nothingToRollUp' } };
    const versions = [...new Set(units.map((u) => u.version))];
    if (versions.length > 1) {
      const sheetsByVersion = versions.map((version) => ({
        version,
        sheets: units.filter((u) => u.version === version).map((u) => u.sheet),
      }));
      return { kind: 'failed', problem: { code: 'mixedVersions', sheetsByVersion } };
    }
    const version = versions[0];
    const tables = TABLE_IDS.filter((t) => units.some((u) => u.tables[t]));
    const inserted = await insertTables(run, { version, tables, target: 'newSheet', totalsAsFormulas: false, pageSetup });
    if (inserted.kind !== 'done') return { kind: 'failed', problem: inserted.problem };
    let renamed: string | null = null;
    try {
      const sheet = await run(async (context) => {
        const sheets = context.workbook.worksheets;
        sheets.load('items/name');
        const ws = sheets.getItem(inserted.sheet);
        await context.sync();
        const name = uniqueSheetName(
          `汇总（${version}版）`,
          sheets.items.map((s) => s.name),
        );
        ws.name = name;
        renamed = name;
        for (const p of inserted.placements) {
          for (const d of tableLayout(version, p.table).data) {
            ws.getRangeByIndexes(p.row + d.row, p.col + d.col, 1, 1).formulas = [[rollupFormula(units, p.table, d.row, d.col)]];
          }
        }
        // The comment stays short: a name's comment holds at most 255 characters, and many units
        // would not fit. Each unit gets its own name instead (see rollupNames.ts).
        ws.names.add(ROLLUP_NAME, ws.getRange('A1'), `年报助手：本工作表是 ${units.length} 个单位的汇总，请勿删除此名称`);
        units.forEach((u, i) => ws.names.add(rollupUnitName(i), `=${quoted(u.sheet)}!$A$1`, u.sheet));
        await context.sync();
        return name;
      });
      return { kind: 'done', sheet, units: units.map((u) => u.sheet), tables };
    } catch (e) {
      // A summary sheet without its formulas would be checked as a blank template: it is removed.
      await removeSheet(run, [inserted.sheet, ...(renamed ? [renamed] : [])]);
      throw e;
    }
  } catch (e) {
    return { kind: 'failed', problem: readProblem(e) };
  }
}
