import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import { FormatVersion, TABLE_IDS, TableId } from '../report/standard/formats';
import { Placement } from '../report/look/formulas';
import { a1 } from '../report/standard/a1';
import { tableLayout } from '../report/look/layout';
import { Area, CellStyle, CellValidation, cellStyles, SheetPaint, sheetPaint, TablePaint } from '../report/look/paintPlan';
import { newSheetName, stackPlacements } from '../report/look/placement';
import { Report } from '../report/standard/report';
import { tableName } from '../report/look/tableNames';
import { evaluateSum, rawValue } from '../read/readXlsx';
import { addLocalNames } from '../read/xlsxNames';

// The template as an .xlsx file: the paint plan (src/report/look/paintPlan.ts) in ExcelJS, drawn as the
// add-in draws it in Excel, so that the file checks itself in Excel, WPS or LibreOffice without the add-in.

/** A cell's data validation of the paint plan, as ExcelJS writes it. */
function dataValidation(v: CellValidation): ExcelJS.DataValidation {
  if (v.type === 'prompt') {
    return { type: 'any' as ExcelJS.DataValidation['type'], formulae: [], showInputMessage: true, promptTitle: v.title, prompt: v.message };
  }
  const r = v.rule;
  const rule: Pick<ExcelJS.DataValidation, 'type' | 'operator' | 'formulae'> =
    r.max === undefined
      ? { type: r.integer ? 'whole' : 'decimal', operator: 'greaterThanOrEqual', formulae: [r.min] }
      : { type: r.integer ? 'whole' : 'decimal', operator: 'between', formulae: [r.min, r.max] };
  return { ...rule, allowBlank: true, showErrorMessage: true, errorStyle: 'stop', errorTitle: v.title, error: r.message };
}

/** Sheet name of the template, as the add-in names a new sheet in an empty workbook. */
export function templateSheetName(version: FormatVersion): string {
  return newSheetName(version, []);
}

/** The tables stacked from A1, one blank row apart, as the add-in stacks them. */
export function templatePlacements(version: FormatVersion, tables: readonly TableId[] = TABLE_IDS): Placement[] {
  return stackPlacements(version, [...tables], 0, 0);
}

/** Pixels (96 dpi) of the widest digit of Excel's default font, Calibri 11: the unit of a file's column widths. */
const DIGIT_PX = 7;

/**
 * A column width in points as an .xlsx file stores it (ECMA-376 Part 1, 18.3.1.13 col): in digits of
 * the default font, the cell's 5 px of padding included, in 1/256 steps. Excel shows that column
 * Truncate(((256 × width + Truncate(128 / 7)) / 256) × 7) px wide: the width in points, to the pixel.
 */
export function excelColumnWidth(points: number): number {
  const px = Math.round((points * 96) / 72);
  return Math.trunc((px / DIGIT_PX) * 256) / 256;
}

const argb = (hex: string): string => `FF${hex.replace('#', '').toUpperCase()}`;

export interface TemplateOptions {
  totalsAsFormulas?: boolean;
  /** Values to fill in (tests, benchmarks); the template is blank without it. */
  report?: Report;
  tables?: readonly TableId[];
  /** A sheet name other than the template's (the roll-up's summary sheet). */
  sheetName?: string;
  /** Lines printed above the tables, each across the tables' width (the roll-up's title and units). */
  heading?: readonly HeadingLine[];
}

export interface HeadingLine {
  text: string;
  bold?: boolean;
  /** Points; a long line wraps within this height. */
  height?: number;
}

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };

/** A cell's style of the paint plan as an ExcelJS style (a new object: no two cells share a mutable style). */
function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {};
  if (s.font) style.font = { ...s.font };
  const alignment: Partial<ExcelJS.Alignment> = {};
  if (s.wrap !== undefined) alignment.wrapText = s.wrap;
  if (s.vertical) alignment.vertical = s.vertical;
  if (s.horizontal) alignment.horizontal = s.horizontal;
  if (Object.keys(alignment).length) style.alignment = alignment;
  if (s.gridLines) style.border = { top: THIN, bottom: THIN, left: THIN, right: THIN };
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.numberFormat) style.numFmt = s.numberFormat;
  return style;
}

function eachCell(a: Area, f: (row: number, col: number) => void): void {
  for (let r = a.row; r < a.row + a.rows; r++) for (let c = a.col; c < a.col + a.cols; c++) f(r, c);
}

/** One table: its contents, then its look translated from the paint plan. */
function drawTable(ws: ExcelJS.Worksheet, t: TablePaint, report?: Report): void {
  const p = t.placement;
  const layout = tableLayout(p.version, p.table);
  const cell = (row: number, col: number) => ws.getCell(row + 1, col + 1);
  for (const m of t.merges) ws.mergeCells(m.row + 1, m.col + 1, m.row + m.rows, m.col + m.cols);
  cellStyles(t).forEach((cells, r) => cells.forEach((s, c) => (cell(t.block.row + r, t.block.col + c).style = excelStyle(s))));
  for (const a of t.areas) {
    const v = a.validation;
    if (v) eachCell(a, (r, c) => (cell(r, c).dataValidation = dataValidation(v)));
  }

  for (const l of layout.labels) cell(p.row + l.row, p.col + l.col).value = l.text;
  const totalAt = new Set(t.totals.map((x) => `${x.row},${x.col}`));
  for (const d of layout.data) {
    const v = report?.cells[d.id];
    if (v !== undefined && v !== null && !totalAt.has(`${p.row + d.row},${p.col + d.col}`)) cell(p.row + d.row, p.col + d.col).value = v;
  }
  // Totals last: their cached results are computed from the values just written.
  for (const x of t.totals) {
    const formula = x.formula.replace(/^=/, '');
    cell(x.row, x.col).value = {
      formula,
      result: evaluateSum(formula, (r, col) => rawValue(cell(r, col))) ?? 0,
    } as ExcelJS.CellFormulaValue;
  }

  t.highlights.forEach((h, i) => {
    ws.addConditionalFormatting({
      ref: h.area,
      rules: [
        {
          type: 'expression',
          priority: i + 1,
          formulae: [h.formula.replace(/^=/, '')],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(h.fill) } },
            font: { color: { argb: argb(h.fontColor) } },
          },
        },
      ],
    });
  });

  t.rowHeights.forEach((h, i) => (ws.getRow(t.block.row + i + 1).height = h));
}

/** Sheet-qualified absolute reference of an area, e.g. '年报表格（2021版）'!$A$1:$O$17. */
function areaReference(sheet: string, a: Area): string {
  const q = `'${sheet.replace(/'/g, "''")}'`;
  return `${q}!${a1(a.row, a.col, true, true)}:${a1(a.row + a.rows - 1, a.col + a.cols - 1, true, true)}`;
}

/** ExcelJS's page setup of the paint plan's page. */
function pageSetup(page: SheetPaint['page']): Partial<ExcelJS.PageSetup> {
  return {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    horizontalCentered: true,
    margins: { ...page.margins },
  };
}

function drawHeading(ws: ExcelJS.Worksheet, lines: readonly HeadingLine[], width: number): void {
  lines.forEach((line, i) => {
    ws.mergeCells(i + 1, 1, i + 1, width);
    const cell = ws.getCell(i + 1, 1);
    cell.value = line.text;
    cell.style = {
      font: { bold: line.bold ?? false, size: line.bold ? 14 : 11 },
      alignment: { horizontal: line.bold ? 'center' : 'left', vertical: 'middle', wrapText: true },
    };
    if (line.height) ws.getRow(i + 1).height = line.height;
  });
}

/** The template workbook: one sheet with the tables stacked, as the add-in draws them. */
export function templateWorkbook(version: FormatVersion, options: TemplateOptions = {}): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '年报助手';
  wb.calcProperties = { fullCalcOnLoad: true };
  const sheetName = options.sheetName ?? templateSheetName(version);
  const heading = options.heading ?? [];
  // The heading's lines, then one blank row, then the tables.
  const top = heading.length ? heading.length + 1 : 0;
  const placements = stackPlacements(version, [...(options.tables ?? TABLE_IDS)], top, 0);
  const paint = sheetPaint(placements, options.totalsAsFormulas ?? false);
  const ws = wb.addWorksheet(sheetName, { pageSetup: pageSetup(paint.page) });
  paint.columnWidths.forEach((w, i) => (ws.getColumn(i + 1).width = excelColumnWidth(w)));
  drawHeading(ws, heading, paint.columnWidths.length);
  for (const t of paint.tables) drawTable(ws, t, options.report);
  // ExcelJS breaks the page below a row: below the one before the page's first.
  for (const row of paint.pageBreaks) ws.getRow(row).addPageBreak();
  addLocalNames(
    wb,
    paint.tables.map((t) => ({
      name: tableName(t.placement.table, version),
      localSheetId: 0,
      ranges: [areaReference(sheetName, t.block)],
    })),
  );
  return wb;
}

export async function writeTemplateXlsx(file: string, version: FormatVersion, options: TemplateOptions = {}): Promise<void> {
  const buffer = await templateWorkbook(version, options).xlsx.writeBuffer();
  await fs.writeFile(file, Buffer.from(buffer as ArrayBuffer));
}
