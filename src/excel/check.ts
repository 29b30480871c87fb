import { CellId, FormatVersion, TABLE_IDS, TABLE_NAMES, TABLE_NUMBERS, TableId } from '../report/formats';
import { a1, Merge, parseA1, tableLayout } from '../report/layout';
import { mergesFromAddress, PlacedTable, placedAddress, RawValue, readPlacedBlock, SheetValueType } from '../report/placed';
import { Report } from '../report/report';
import { Finding, validate } from '../report/validate';
import { describeExcelError } from './errors';
import { ExcelRun } from './run';
import { readPastedBlock, recognisedCells } from '../report/pasted';
import { parseNameReference, parsePastedName, parseTableName } from '../report/tableNames';

/** A template table found on a sheet through its name. */
export interface TableOnSheet extends PlacedTable {
  sheet: string;
  /** A1 address of the whole block (without the sheet name). */
  address: string;
  /** How the block no longer matches the standard; empty when intact. */
  damage: string[];
  /** A table the user pasted and asked to check in place (recognised, not inserted by the add-in). */
  pasted?: boolean;
}

/** A table whose name no longer points at cells (its rows were deleted). */
export interface LostTable {
  sheet: string;
  table: TableId;
  version: FormatVersion;
  message: string;
}

export interface LocatedFinding extends Finding {
  sheet: string;
  /** A1 addresses of the finding's cells on that sheet. */
  addresses: string[];
}

export interface SheetCheck {
  sheet: string;
  sheetId: string;
  tables: TableOnSheet[];
  lost: LostTable[];
  findings: LocatedFinding[];
  /** What the recogniser could not place in a pasted table (Chinese). */
  notes: string[];
  /** Where each of the add-in's names pointed when read (name → A1 block), for the next live check. */
  blocks: KnownBlocks;
}

export interface WorkbookCheck {
  sheets: SheetCheck[];
  /** Set when the check itself could not run (edit mode, …). */
  error?: string;
}

/** One of the add-in's names on a sheet: a template table or a pasted block, and the cells it covers. */
interface OurName {
  name: string;
  template: { table: TableId; version: FormatVersion } | null;
  pasted: FormatVersion | null;
}

function ourName(name: string): OurName | null {
  const template = parseTableName(name);
  const pasted = parsePastedName(name);
  return template || pasted ? { name, template, pasted } : null;
}

/** A named block as read: its position and values, or null when the name no longer points at cells. */
interface Block {
  row: number;
  col: number;
  values: RawValue[][];
  /** Excel's value types, which tell an empty cell from empty text. */
  types?: SheetValueType[][];
  /** Its merged areas, relative to its top-left, where the host can tell (ExcelApi 1.13). */
  merges?: Merge[];
}

/** What the host can do beyond the ExcelApi 1.8 floor. */
export interface CheckOptions {
  /** ExcelApi 1.13: read merged areas, so that a merge undone is reported as damage. */
  mergedAreas?: boolean;
}

type BlockRead = { our: OurName; block: Block | null };

/** Where a sheet's named blocks were last read, so that a live check can read them in its first sync. */
export type KnownBlocks = ReadonlyMap<string, string>;

/** Builds one sheet's check from its named blocks: pure work, no Excel calls. */
function evaluateSheet(sheet: string, sheetId: string, reads: BlockRead[]): SheetCheck {
  const read: { table: TableOnSheet; cells: Report['cells'] }[] = [];
  const lost: LostTable[] = [];
  const blocks = new Map<string, string>();
  const pastedReads: { version: FormatVersion; block: Block }[] = [];
  for (const { our, block } of reads) {
    if (block) blocks.set(our.name, blockAddress(block));
    if (our.pasted) {
      if (block) pastedReads.push({ version: our.pasted, block });
      continue;
    }
    const id = our.template!;
    if (!block) {
      lost.push({
        ...id,
        sheet,
        message: `${TABLE_NUMBERS[id.table]}（${TABLE_NAMES[id.table]}，${id.version}版）的单元格已被删除，无法找到该表格。可以重新插入。`,
      });
      continue;
    }
    const { cells, damage } = readPlacedBlock(tableLayout(id.version, id.table), block.values, block.merges, block.types);
    read.push({ table: { ...id, sheet, row: block.row, col: block.col, address: blockAddress(block), damage }, cells });
  }
  read.sort((a, b) => TABLE_IDS.indexOf(a.table.table) - TABLE_IDS.indexOf(b.table.table));
  const tables = read.map((r) => r.table);
  const findings: LocatedFinding[] = [];
  // Tables of one version on one sheet form one report; a damaged table is not checked.
  for (const version of new Set(tables.map((t) => t.version))) {
    const intact = read.filter((r) => r.table.version === version && r.table.damage.length === 0);
    if (intact.length === 0) continue;
    const report: Report = { format: version, cells: Object.assign({}, ...intact.map((r) => r.cells)) };
    for (const f of validate(report, { tables: intact.map((r) => r.table.table) })) {
      const placed = intact.find((r) => r.table.table === f.table)!.table;
      findings.push({
        ...f,
        sheet,
        addresses: f.cells.map((c: CellId) => placedAddress(placed, c)).filter((x): x is string => x !== undefined),
      });
    }
  }
  const notes: string[] = [];
  for (const { block } of pastedReads) {
    const pasted = evaluatePasted(sheet, block);
    tables.push(...pasted.tables);
    findings.push(...pasted.findings);
    notes.push(...pasted.notes);
  }
  return { sheet, sheetId, tables, lost, findings, notes, blocks };
}

function blockAddress(b: Block): string {
  return `${a1(b.row, b.col)}:${a1(b.row + Math.max(1, b.values.length) - 1, b.col + Math.max(1, b.values[0]?.length ?? 1) - 1)}`;
}

/** Recognises the pasted tables inside a marked block again and checks them in place. */
function evaluatePasted(sheet: string, block: Block): { tables: TableOnSheet[]; findings: LocatedFinding[]; notes: string[] } {
  const read = readPastedBlock(block.values, block.row, block.col, block.types);
  if (!read.inPlace || read.tables.length === 0) {
    return { tables: [], findings: [], notes: ['此前识别的表格已无法识别，请重新点击“识别并校验当前工作表”。'] };
  }
  const version = read.inPlace.format;
  const address = blockAddress(block);
  const tables: TableOnSheet[] = read.tables.map((table) => ({ table, version, sheet, row: block.row, col: block.col, address, damage: [], pasted: true }));
  const present = recognisedCells(read.recognition);
  const findings = validate(read.inPlace, { tables: read.tables, present }).map((f) => ({
    ...f,
    sheet,
    addresses: f.cells.map((c) => read.sites.get(c)).filter((x) => x !== undefined).map((x) => a1(x.row, x.col)),
  }));
  return { tables, findings, notes: read.notes };
}

function ourNames(names: Excel.NamedItemCollection): { our: OurName; item: Excel.NamedItem }[] {
  return names.items.flatMap((item) => {
    const our = ourName(item.name);
    return our ? [{ our, item }] : [];
  });
}

interface QueuedBlock {
  range: Excel.Range;
  merged: Excel.RangeAreas | null;
}

function queueBlock(range: Excel.Range, options: CheckOptions): QueuedBlock {
  range.load('values,valueTypes,rowIndex,columnIndex');
  const merged = options.mergedAreas ? range.getMergedAreasOrNullObject() : null;
  merged?.load('address');
  return { range, merged };
}

function blockOf(q: QueuedBlock): Block {
  const { range, merged } = q;
  const block: Block = { row: range.rowIndex, col: range.columnIndex, values: range.values as RawValue[][], types: range.valueTypes as SheetValueType[][] };
  if (merged) block.merges = merged.isNullObject ? [] : mergesFromAddress(merged.address, range.rowIndex, range.columnIndex);
  return block;
}

/** Queues the read of each named block through the name itself (no address parsing). */
function queueNamedBlocks(ws: Excel.Worksheet, names: { our: OurName; item: Excel.NamedItem }[], options: CheckOptions) {
  return names.map(({ our, item }) => {
    const range = item.type === 'Range' ? ws.names.getItem(our.name).getRangeOrNullObject() : null;
    return { our, range, queued: range ? queueBlock(range, options) : null };
  });
}

function blocksFrom(reads: { our: OurName; range: Excel.Range | null; queued: QueuedBlock | null }[]): BlockRead[] {
  return reads.map(({ our, range, queued }) => ({ our, block: range && queued && !range.isNullObject ? blockOf(queued) : null }));
}

/**
 * Checks every sheet that holds the add-in's tables. Three syncs whatever the workbook's size: the
 * sheets, their names, then only the named blocks (a large data sheet is never read).
 */
export async function checkWorkbook(run: ExcelRun, options: CheckOptions = {}): Promise<WorkbookCheck> {
  try {
    return await run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/id');
      await context.sync();
      for (const ws of sheets.items) ws.names.load('items/name,items/type');
      await context.sync();
      const perSheet = sheets.items.map((ws) => ({ ws, reads: queueNamedBlocks(ws, ourNames(ws.names), options) }));
      if (perSheet.some((p) => p.reads.length > 0)) await context.sync();
      return {
        sheets: perSheet
          .filter((p) => p.reads.length > 0)
          .map((p) => evaluateSheet(p.ws.name, p.ws.id, blocksFrom(p.reads))),
      };
    });
  } catch (e) {
    return { sheets: [], error: describeExcelError(e) };
  }
}

/**
 * Checks one sheet (the live check after an edit). The blocks where the last check found the tables
 * are read in the same sync as the names; only when a name has moved (rows inserted, a table cut and
 * pasted) does a second sync read the blocks where the names now point.
 */
export async function checkSheet(run: ExcelRun, sheetId: string, known: KnownBlocks = new Map(), options: CheckOptions = {}): Promise<SheetCheck> {
  return run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheetId);
    ws.load('name,id');
    ws.names.load('items/name,items/type,items/value');
    const guessed = new Map([...known].map(([name, address]) => [name, queueBlock(ws.getRange(address), options)] as const));
    await context.sync();
    const names = ourNames(ws.names);
    const stillThere = names.every(({ our, item }) => {
      const ref = item.type === 'Range' ? parseNameReference(String(item.value)) : null;
      const at = ref ? `${a1(ref.top, ref.left)}:${a1(ref.bottom, ref.right)}` : null;
      return at !== null && known.get(our.name) === at;
    });
    if (stillThere) {
      return evaluateSheet(
        ws.name,
        ws.id,
        names.map(({ our }) => ({ our, block: blockOf(guessed.get(our.name)!) })),
      );
    }
    const reads = queueNamedBlocks(ws, names, options);
    if (reads.length > 0) await context.sync();
    return evaluateSheet(ws.name, ws.id, blocksFrom(reads));
  });
}

/** Replaces one sheet's part of a workbook check. */
export function mergeSheetCheck(check: WorkbookCheck, sheet: SheetCheck): WorkbookCheck {
  const others = check.sheets.filter((s) => s.sheetId !== sheet.sheetId);
  const keep = sheet.tables.length > 0 || sheet.lost.length > 0 || sheet.notes.length > 0;
  const sheets = keep ? [...others, sheet] : others;
  const order = new Map(check.sheets.map((s, i) => [s.sheetId, i]));
  sheets.sort((a, b) => (order.get(a.sheetId) ?? 1e9) - (order.get(b.sheetId) ?? 1e9));
  return { sheets };
}

/** Activates the sheet (by id, or name) and selects the cells of a finding (their bounding range: ExcelApi 1.8 selects one area). */
export async function selectCells(run: ExcelRun, sheet: string, addresses: string[]): Promise<string | null> {
  if (addresses.length === 0) return null;
  const pos = addresses.map(parseA1);
  const top = Math.min(...pos.map((p) => p.row));
  const left = Math.min(...pos.map((p) => p.col));
  const bottom = Math.max(...pos.map((p) => p.row));
  const right = Math.max(...pos.map((p) => p.col));
  const address = top === bottom && left === right ? a1(top, left) : `${a1(top, left)}:${a1(bottom, right)}`;
  try {
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      ws.getRange(address).select();
      await context.sync();
    });
    return null;
  } catch (e) {
    return describeExcelError(e);
  }
}
