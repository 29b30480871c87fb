import { CellId, dataCells, FormatVersion, TABLE_IDS, TABLE_NAMES, TABLE_NUMBERS, TableId } from '../standard/formats';
import { a1 } from '../standard/a1';
import { Merge, tableLayout } from '../look/layout';
import { formulaTotalCells } from '../look/formulas';
import { GridOrigin, offsetOrigin, readPastedBlock, recognisedCells } from './recognisedBlock';
import { PlacedTable, placedAddress, RawValue, readPlacedBlock, SheetValueType } from './templateBlock';
import { Report } from '../standard/report';
import { Finding, validate } from '../standard/validate';
import { certainFindings } from '../standard/certainFindings';
import { crossYearRefusal } from '../standard/rules';
import { Verdict, verdictOf } from '../standard/verdict';

// The one check of a sheet, for the add-in (src/excel/check.ts reads the sheet through office.js) and
// the command (src/read/readXlsx.ts reads it through ExcelJS): what was read goes in, the tables, what
// could not be read or checked, the findings with sheet addresses and the verdict come out.

/** A block of a sheet as read: its position and values. */
export interface SheetBlock {
  row: number;
  col: number;
  values: RawValue[][];
  /** Excel's value types, which tell an empty cell from empty text. */
  types?: SheetValueType[][];
  /** Its merged areas, relative to its top-left, where the reader can tell (ExcelApi 1.13). */
  merges?: Merge[];
}

/** One of the add-in's names on a sheet, and the block it points at (null when it no longer points at cells). */
export interface NamedRead {
  name: string;
  /** A template table the add-in inserted. */
  template: { table: TableId; version: FormatVersion } | null;
  /** A pasted table the user asked to check in place. */
  pasted: FormatVersion | null;
  block: SheetBlock | null;
}

/** What a reader took from one sheet. */
export interface SheetInput {
  sheet: string;
  /** The sheet's id in Excel (still valid after a rename); the command uses the name. */
  sheetId: string;
  named: NamedRead[];
  /**
   * A sheet that holds none of the add-in's names, read whole (the command): its tables are
   * recognised. `at` maps a cell of `values` to the sheet where the grid is not a plain block.
   */
  unnamed?: RecognisedBlock;
  /** A1 addresses of formulas whose result the file did not save: their values are unknown, not blank. */
  uncomputed?: readonly string[];
  /** What the reader saw on the sheet but did not read (content outside the named tables), in Chinese. */
  unread?: readonly string[];
}

/** A block whose tables are recognised; `asText` for text (a .txt file), where the recogniser's values are the values. */
export type RecognisedBlock = SheetBlock & {
  at?: GridOrigin;
  asText?: boolean;
  /** Set when the stored cells were too many or too scattered to recognise: how many there were. */
  tooLarge?: number;
};

/** A table found on a sheet. */
export interface TableOnSheet extends PlacedTable {
  sheet: string;
  /** A1 address of the whole block (without the sheet name). */
  address: string;
  /** How the block no longer matches the standard; empty when intact or read by recognition. */
  damage: string[];
  /** A table the add-in did not insert, recognised from its labels. */
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
  /** What the sheet holds that the recogniser could not read, so it was not checked (Chinese). */
  notes: string[];
  /** What the user should know that did not stop the check, e.g. a label edited (Chinese). */
  remarks: string[];
  verdict: Verdict;
  /** The values read from the checked tables (the first version's, where a sheet holds two); null when none. */
  report: Report | null;
  /** A summary sheet (汇总本工作簿): its formulas sum other sheets, so it is checked again when they change. */
  summary?: boolean;
  /** Tables inserted and not one number entered yet: the verdict is worded 尚未填写, never 通过. */
  unfilled?: true;
}

export interface SheetCheckOptions {
  lastYear?: Report;
}

export const tableLabel = (t: TableId, v?: FormatVersion): string => `${TABLE_NUMBERS[t]}（${TABLE_NAMES[t]}${v ? `，${v}版` : ''}）`;

/** A damaged table, as every reader says it. */
export function damageMessage(sheet: string, t: { table: TableId; version: FormatVersion; damage: readonly string[] }): string {
  const shown = t.damage.slice(0, 3).join('；') + (t.damage.length > 3 ? ` 等 ${t.damage.length} 处` : '');
  return `工作表“${sheet}”中的${tableLabel(t.table, t.version)}已被改动，与标准格式不一致，未校验此表：${shown}`;
}

export function lostMessage(sheet: string, table: TableId, version: FormatVersion): string {
  return `工作表“${sheet}”中的${tableLabel(table, version)}的单元格已被删除，无法找到该表格。可以重新插入。`;
}

/** Everything the sheet holds that was not read or not checked: damaged and lost tables, unread rows and cells. */
export function uncheckedOf(s: Pick<SheetCheck, 'sheet' | 'tables' | 'lost' | 'notes'>): string[] {
  return [
    ...s.tables.filter((t) => t.damage.length > 0).map((t) => damageMessage(s.sheet, t)),
    ...s.lost.map((l) => l.message),
    ...s.notes,
  ];
}

export function blockAddress(b: SheetBlock): string {
  return `${a1(b.row, b.col)}:${a1(b.row + Math.max(1, b.values.length) - 1, b.col + Math.max(1, b.values[0]?.length ?? 1) - 1)}`;
}

/** The cells of several tables in one object, the later ones winning (a report's cells are read often). */
function mergedCells(parts: Report['cells'][]): Report['cells'] {
  if (parts.length === 1) return { ...parts[0] };
  const cells: Report['cells'] = {};
  for (const part of parts) for (const id in part) cells[id as CellId] = part[id as CellId];
  return cells;
}

/** A table of a report on the sheet, with its values and where each one sits. */
interface ReadTable {
  table: TableOnSheet;
  cells: Report['cells'];
  /** The cells it has (a recognised table may lack some). */
  present: CellId[];
  addressOf: (id: CellId) => string | undefined;
}

/**
 * Reads a template table out of its named block. When its labels or merges no longer match (a
 * cosmetic edit such as “2. 重复申请”), the recogniser reads the block instead; only when that fails
 * too is the table damaged and left unchecked.
 */
function readTemplate(sheet: string, id: { table: TableId; version: FormatVersion }, block: SheetBlock, remarks: string[]): ReadTable {
  const layout = tableLayout(id.version, id.table);
  const address = blockAddress(block);
  const base = { ...id, sheet, row: block.row, col: block.col, address };
  const placed = readPlacedBlock(layout, block.values, block.merges, block.types, block);
  if (placed.damage.length === 0) {
    return {
      table: { ...base, damage: [] },
      cells: placed.cells,
      present: layout.data.map((d) => d.id),
      addressOf: (c) => placedAddress(base, c),
    };
  }
  const recognised = readPastedBlock(block.values, block.row, block.col, block.types);
  const table = recognised.recognition.tables.find((t) => t.table === id.table);
  const complete =
    recognised.inPlace?.format === id.version &&
    recognised.recognition.tables.length === 1 &&
    table !== undefined &&
    table.missing.length === 0 &&
    recognised.recognition.unplaced.length === 0;
  if (!complete) return { table: { ...base, damage: placed.damage }, cells: {}, present: [], addressOf: () => undefined };
  remarks.push(
    `工作表“${sheet}”中的${tableLabel(id.table, id.version)}与标准格式有出入（${placed.damage.slice(0, 2).join('；')}${placed.damage.length > 2 ? ' 等' : ''}），已按内容识别出全部数字并校验；建议改回标准写法。`,
  );
  return {
    table: { ...base, damage: [] },
    cells: recognised.inPlace!.cells,
    present: [...recognisedCells(recognised.recognition)],
    addressOf: (c) => {
      const p = recognised.sites.get(c);
      return p ? a1(p.row, p.col) : undefined;
    },
  };
}

function locate(findings: Finding[], sheet: string, addressOf: (id: CellId) => string | undefined): LocatedFinding[] {
  return findings.map((f) => ({ ...f, sheet, addresses: f.cells.map(addressOf).filter((x): x is string => x !== undefined) }));
}

/** Recognises the tables in a block (a pasted table checked in place, or a whole sheet) and checks them. */
function checkRecognised(
  sheet: string,
  block: RecognisedBlock,
  options: SheetCheckOptions,
  unknown: (address: string | undefined) => boolean = () => false,
): { tables: TableOnSheet[]; findings: LocatedFinding[]; notes: string[]; remarks: string[]; report: Report } | null {
  const at = block.at ?? offsetOrigin(block.row, block.col);
  const read = readPastedBlock(block.values, block.row, block.col, block.types, { at, asText: block.asText });
  if (!read.inPlace || read.tables.length === 0) return null;
  const version = read.inPlace.format;
  const address = blockAddress(block);
  const tables: TableOnSheet[] = read.tables.map((table) => ({
    table,
    version,
    sheet,
    row: block.row,
    col: block.col,
    address,
    damage: [],
    pasted: true,
  }));
  const siteOf = (c: CellId) => {
    const p = read.sites.get(c);
    return p ? a1(p.row, p.col) : undefined;
  };
  const present = new Set([...recognisedCells(read.recognition)].filter((c) => !unknown(siteOf(c))));
  const findings = validate(read.inPlace, { tables: read.tables, present, lastYear: options.lastYear });
  // Rows of run-together digits stay unread (the notes list their readings); a rule that fails for
  // every reading is reported all the same.
  const certain = certainFindings(read.inPlace, read.recognition.undetermined, present, options.lastYear);
  findings.push(...certain.filter((f) => read.tables.includes(f.table)));
  return {
    tables,
    findings: locate(findings, sheet, (c) => {
      const p = read.sites.get(c);
      return p ? a1(p.row, p.col) : undefined;
    }),
    notes: read.notes,
    // A row label or a header read by an approximate match: said, with the label it was read as, so it can be checked.
    remarks: read.recognition.approximate.map((a) =>
      a.header
        ? `第 ${at(a.row, 0).row + 1} 行的表头“${a.text}”与标准表头不完全一致，已按“${a.label}”读取，请核对`
        : `第 ${at(a.row, 0).row + 1} 行的行名“${a.text}”与标准行名不完全一致，已按“${a.label}”一行读取，请核对`,
    ),
    report: read.inPlace,
  };
}

/** Checks one sheet from what was read of it: pure work, no reads. */
export function checkSheetInput(input: SheetInput, options: SheetCheckOptions = {}): SheetCheck {
  const { sheet, sheetId } = input;
  const read: ReadTable[] = [];
  const lost: LostTable[] = [];
  const notes: string[] = [];
  const remarks: string[] = [];
  const tables: TableOnSheet[] = [];
  const findings: LocatedFinding[] = [];
  const reports: Report[] = [];
  const where = sheet ? `工作表“${sheet}”` : '';
  const uncomputed = new Set(input.uncomputed ?? []);
  const unknownCells: string[] = [];
  const unknown = (address: string | undefined): boolean => {
    if (address === undefined || !uncomputed.has(address)) return false;
    if (!unknownCells.includes(address)) unknownCells.push(address);
    return true;
  };
  for (const named of input.named) {
    if (named.template) {
      const id = named.template;
      if (!named.block) lost.push({ ...id, sheet, message: lostMessage(sheet, id.table, id.version) });
      else read.push(readTemplate(sheet, id, named.block, remarks));
    }
  }
  read.sort((a, b) => TABLE_IDS.indexOf(a.table.table) - TABLE_IDS.indexOf(b.table.table));
  tables.push(...read.map((r) => r.table));
  // Tables of one version on one sheet form one report; a damaged table is not checked.
  for (const version of new Set(read.map((r) => r.table.version))) {
    const intact = read.filter((r) => r.table.version === version && r.table.damage.length === 0);
    if (intact.length === 0) continue;
    const report: Report = { format: version, cells: mergedCells(intact.map((r) => r.cells)) };
    reports.push(report);
    const owner = new Map(intact.flatMap((r) => r.present.map((c) => [c, r] as const)));
    const all = intact.flatMap((r) => r.present);
    const present = new Set(uncomputed.size ? all.filter((c) => !unknown(owner.get(c)?.addressOf(c))) : all);
    const found = validate(report, { tables: intact.map((r) => r.table.table), present, lastYear: options.lastYear });
    findings.push(...locate(found, sheet, (c) => owner.get(c)?.addressOf(c)));
  }
  const recognisedBlocks: RecognisedBlock[] = [
    ...input.named.flatMap((n) => (n.pasted && n.block ? [n.block] : [])),
    ...(input.unnamed ? [input.unnamed] : []),
  ];
  for (const block of recognisedBlocks) {
    if (block.tooLarge !== undefined) {
      notes.push(`${where}有 ${block.tooLarge} 个单元格，分布过散，超出了识别的范围，未校验`);
      continue;
    }
    const checked = checkRecognised(sheet, block, options, unknown);
    if (!checked) {
      if (block !== input.unnamed) notes.push(`${where}此前识别的表格已无法识别，请重新点击“识别并校验当前工作表”。`);
      continue;
    }
    tables.push(...checked.tables);
    findings.push(...checked.findings);
    notes.push(...checked.notes.map((n) => `${where}${n}`));
    remarks.push(...checked.remarks.map((n) => `${where}${n}`));
    reports.push(checked.report);
  }
  notes.push(...(input.unread ?? []));
  if (unknownCells.length) {
    const shown = unknownCells.slice(0, 5).join('、') + (unknownCells.length > 5 ? ' 等' : '');
    notes.push(
      `${where}有 ${unknownCells.length} 个单元格是公式，但文件中没有保存计算结果（${shown}），这些单元格未校验；请在 Excel 或 WPS 中打开、保存后再校验`,
    );
  }
  const report = reports.length
    ? reports.length === 1
      ? reports[0]
      : { format: reports[0].format, cells: mergedCells(reports.filter((r) => r.format === reports[0].format).map((r) => r.cells)) }
    : null;
  const incomplete = incompleteReport(where, tables, lost, report);
  notes.push(...incomplete.notes);
  const refusal = report && options.lastYear ? crossYearRefusal(report.format, options.lastYear.format) : null;
  if (refusal) notes.push(`${where}${refusal}`);
  const unchecked = uncheckedOf({ sheet, tables, lost, notes });
  const verdict = verdictOf({ tablesRead: tables.filter((t) => t.damage.length === 0).length, findings, unchecked });
  return { sheet, sheetId, tables, lost, findings, notes, remarks, verdict, report, ...(incomplete.unfilled ? { unfilled: true } : {}) };
}

/** The note that makes a report without some of the three tables 部分未校验, the same for every reader. */
export function absentTablesNote(where: string, absent: readonly TableId[]): string {
  return `${where}没有找到${absent.map((t) => `${TABLE_NUMBERS[t]}（${TABLE_NAMES[t]}）`).join('、')}；完整的年报应有表二、表三、表四`;
}

/**
 * What keeps a sheet with tables from being a whole report, as notes that make it 部分未校验 (never
 * 通过): a table of the three that is not there, and tables in which no number has been entered at
 * all (their sums hold, blanks counting as 0, but it is an unfilled form: 尚未填写). Once a number is
 * entered, blanks count as 0 like everywhere else.
 */
function incompleteReport(
  where: string,
  tables: readonly TableOnSheet[],
  lost: readonly { table: TableId }[],
  report: Report | null,
): { notes: string[]; unfilled: boolean } {
  if (tables.length === 0 && lost.length === 0) return { notes: [], unfilled: false };
  const absent = TABLE_IDS.filter((t) => !tables.some((x) => x.table === t) && !lost.some((l) => l.table === t));
  const notes = absent.length ? [absentTablesNote(where, absent)] : [];
  const read = tables.filter((x) => x.damage.length === 0).map((x) => x.table);
  // A total inserted as a formula (合计用公式) shows 0 over blank parts: that 0 was not entered.
  const totals = report ? formulaTotalCells(report.format) : new Set<CellId>();
  const entered = (id: CellId) => {
    const v = report?.cells[id];
    return v !== null && v !== undefined && !(totals.has(id) && v === 0);
  };
  const unfilled = !!report && read.length > 0 && !dataCells(report.format).some((d) => read.includes(d.table) && entered(d.id));
  if (unfilled) notes.push(`${where}${read.map((t) => TABLE_NUMBERS[t]).join('、')}尚未填写（还没有填写任何数字），未校验`);
  return { notes, unfilled };
}
