import ExcelJS from 'exceljs';
import { a1 } from '../report/standard/a1';
import { RawValue } from '../report/sheet/templateBlock';
import { SheetInput } from '../report/sheet/sheetCheck';
import { StoredCell } from '../report/sheet/sparseSheet';
import { NotAReportError } from './exchange';
import { evaluateSum, SheetContent, WorkbookContent, workbookInputs } from './workbookInputs';
import { readXlsxContent } from './xlsxReader';
import { captureDefinedNames, LocalName } from './xlsxNames';

// Workbooks through ExcelJS, which writes the template (templateXlsx.ts) and loads it in tests. The
// command checks with xlsxReader.ts, which reads the same content without ExcelJS's full load;
// test/read/xlsxReader.test.ts holds the two to the same result.

export { evaluateSum };

/** Reads an .xlsx workbook as the command checks it: each sheet's named tables, or its whole stored content. */
export async function readXlsx(data: Uint8Array): Promise<SheetInput[]> {
  return workbookInputs(readXlsxContent(data));
}

/** A cell's value as a spreadsheet shows it (RawValue of src/report/sheet/templateBlock.ts): formulas give their result. */
export function rawValue(cell: ExcelJS.Cell, depth = 0): RawValue {
  if (cell.isMerged && cell.master !== cell) return '';
  return plainValue(cell.value, cell, depth);
}

function plainValue(v: ExcelJS.CellValue, cell: ExcelJS.Cell | null, depth: number): RawValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const o = v as unknown as Record<string, unknown>;
  if (Array.isArray(o.richText)) return (o.richText as { text: string }[]).map((t) => t.text).join('');
  if (typeof o.error === 'string') return o.error;
  if ('formula' in o || 'sharedFormula' in o) {
    const result = (cell ? savedResult(cell) : undefined) ?? (o.result as ExcelJS.CellValue | undefined);
    if (result !== undefined && result !== null) return plainValue(result, null, depth);
    // Written by a program that does not calculate (ExcelJS, our template before Excel opened it).
    const formula = cell && typeof cell.formula === 'string' ? cell.formula : typeof o.formula === 'string' ? o.formula : '';
    if (cell && depth < 8) {
      const ws = cell.worksheet;
      const sum = evaluateSum(formula, (r, c) => rawValue(ws.getCell(r + 1, c + 1), depth + 1));
      if (sum !== null) return sum;
    }
    return null;
  }
  if (typeof o.text === 'string') return o.text; // hyperlink
  return null;
}

/** The cells a sheet stores (never the empty ones: a stray value at XFD1048576 costs one cell, not a grid). */
export function storedCells(ws: ExcelJS.Worksheet, uncomputed: string[] = []): StoredCell[] {
  const cells: StoredCell[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (c, col) => {
      const value = rawValue(c);
      if (value !== null && value !== undefined && value !== '') cells.push({ row: r - 1, col: col - 1, value });
      else if (isUncomputedFormula(c)) uncomputed.push(a1(r - 1, col - 1));
    });
  });
  return cells;
}

/**
 * A formula's saved result. Cell.value keeps only a truthy one (ExcelJS's FormulaValue._copyModel):
 * a result of 0 or FALSE is read from the cell's model, or the formula would pass for one without a result.
 */
function savedResult(cell: ExcelJS.Cell): ExcelJS.CellValue | undefined {
  return (cell.model as { result?: ExcelJS.CellValue }).result;
}

/**
 * A formula saved without its result (ExcelJS, openpyxl and report generators write formulas so)
 * that is not a SUM this reader can evaluate: its value is unknown, never blank.
 */
function isUncomputedFormula(cell: ExcelJS.Cell): boolean {
  if (cell.isMerged && cell.master !== cell) return false;
  const v = cell.value as unknown as Record<string, unknown> | null;
  const result = savedResult(cell);
  return v !== null && typeof v === 'object' && ('formula' in v || 'sharedFormula' in v) && (result === undefined || result === null);
}

/** A workbook's content as ExcelJS loads it (the template's own check, tests; checking reads with xlsxReader.ts). */
export async function excelJSContent(data: Uint8Array): Promise<WorkbookContent> {
  const { wb, names, sheetOrder } = await loadWorkbook(data);
  const sheets: SheetContent[] = [];
  wb.eachSheet((ws) => {
    const uncomputed: string[] = [];
    sheets.push({ name: ws.name, cells: storedCells(ws, uncomputed), uncomputed });
  });
  return { sheets, names, sheetOrder, ...(wb.keywords ? { keywords: wb.keywords } : {}) };
}

/** Loads an .xlsx workbook, keeping its sheet-scoped names. A file that is not one gives a Chinese reason. */
export async function loadWorkbook(data: Uint8Array): Promise<{ wb: ExcelJS.Workbook; names: LocalName[]; sheetOrder: string[] }> {
  const wb = new ExcelJS.Workbook();
  const captured = captureDefinedNames(wb);
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch (e) {
    // ExcelJS's own words are English: say what it means where we know it.
    const why = e instanceof Error ? e.message : String(e);
    const known = /merge/i.test(why) ? '（工作簿中有互相重叠的合并单元格）' : '';
    throw new NotAReportError(
      `无法打开 Excel 工作簿，文件已损坏或内容不符合 .xlsx 规范${known}；请在 Excel 或 WPS 中打开后另存为 .xlsx 再校验`,
    );
  }
  return { wb, ...captured() };
}
