import ExcelJS from 'exceljs';
import { FormatVersion } from '../report/standard/formats';
import { Report } from '../report/standard/report';
import { KEY_FIGURES, keyFigure } from '../report/standard/rollup';
import { ROLLUP_KEYWORDS } from '../read/rollupMark';
import { templateWorkbook } from './templateXlsx';

// The roll-up as an .xlsx file (xxgk-report sum): the official tables filled with the sums, headed by
// what they are a roll-up of, and the sheet 各单位明细 with one row a unit. Both print as people read
// them on paper: the tables on A4 portrait as the template prints, the unit list landscape, one page
// wide, with borders and its header repeated on every page. No file system here: the page writes it too.

/** A unit as the roll-up workbook lists it. */
export interface RollupRow {
  name: string;
  file: string;
  /** Its verdict as the command words it (通过, 有错误, 通过（警告 N 条，请核对）…). */
  verdict: string;
  errors: number;
  report: Report | null;
  /** Why it is not in the sum (without the command's option names: the sheet is read by people who do not run it). */
  leftOut?: string;
}

export const SUMMARY_SHEET = (version: FormatVersion): string => `汇总（${version}版）`;
export const UNITS_SHEET = '各单位明细';

/** The roll-up's title: what a reader of the printed page must see first. */
export const rollupTitle = (version: FormatVersion, included: number): string => `汇总（${included} 个单位，${version}版）`;

const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, bottom: THIN, left: THIN, right: THIN };

/** Width of a text in a column's units (digits of the default font): a Chinese character takes two. */
const textWidth = (text: string): number => [...text].reduce((w, ch) => w + (/[\u2e80-\uffef]/.test(ch) ? 2 : 1), 0);

/**
 * Points a wrapped text needs in a cell `width` units wide. Neither ExcelJS nor LibreOffice sizes a
 * row to its wrapped text when it opens the file, so the row is given its height here.
 */
const wrappedHeight = (text: string, width: number): number => Math.max(1, Math.ceil(textWidth(text) / (width - 1))) * 15 + 3;

export function rollupWorkbook(version: FormatVersion, sum: Report, units: readonly RollupRow[]): ExcelJS.Workbook {
  const included = units.filter((u) => !u.leftOut);
  const title = rollupTitle(version, included.length);
  const unitList = `汇总单位：${included.map((u) => u.name).join('、') || '无'}`;
  const wb = templateWorkbook(version, {
    report: sum,
    sheetName: SUMMARY_SHEET(version),
    // The tables are about 90 units wide.
    heading: [
      { text: title, bold: true, height: 24 },
      { text: unitList, height: wrappedHeight(unitList, 90) },
    ],
  });
  // The mark that keeps a later `sum` from counting this file as a unit (src/read/rollupMark.ts).
  wb.keywords = ROLLUP_KEYWORDS;
  wb.subject = title;
  wb.title = title;
  addUnitsSheet(wb, title, units);
  return wb;
}

const COLUMNS: readonly { header: string; width: number; numeric?: boolean }[] = [
  { header: '单位', width: 24 },
  { header: '文件', width: 34 },
  { header: '结论', width: 16 },
  { header: '错误数', width: 8, numeric: true },
  ...KEY_FIGURES.map((k) => ({ header: k.label, width: 12, numeric: true })),
  { header: '是否计入汇总', width: 30 },
];

function addUnitsSheet(wb: ExcelJS.Workbook, title: string, units: readonly RollupRow[]): void {
  const ws = wb.addWorksheet(UNITS_SHEET, {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      // The header row on every printed page.
      printTitlesRow: '2:2',
    },
    headerFooter: { oddFooter: `${title} 各单位明细  第 &P 页，共 &N 页` },
    views: [{ state: 'frozen', ySplit: 2 }],
  });
  COLUMNS.forEach((c, i) => (ws.getColumn(i + 1).width = c.width));
  ws.mergeCells(1, 1, 1, COLUMNS.length);
  const heading = ws.getCell(1, 1);
  heading.value = `${title} 各单位明细`;
  heading.style = { font: { bold: true, size: 14 }, alignment: { horizontal: 'center', vertical: 'middle' } };
  ws.getRow(1).height = 24;

  const header = ws.addRow(COLUMNS.map((c) => c.header));
  header.eachCell((cell) => {
    cell.style = {
      font: { bold: true },
      border: BORDER,
      alignment: { horizontal: 'center', vertical: 'middle', wrapText: true },
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } },
    };
  });
  header.height = Math.max(...COLUMNS.map((c) => wrappedHeight(c.header, c.width)));

  for (const u of units) {
    const row = ws.addRow([
      u.name,
      u.file,
      u.verdict,
      u.errors,
      ...KEY_FIGURES.map((k) => keyFigure(u.report, k.cells)),
      u.leftOut ? `未计入：${u.leftOut}` : '计入',
    ]);
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const numeric = COLUMNS[col - 1]?.numeric ?? false;
      // Numbers right-aligned with an indent, so that they never touch the text of the next column.
      cell.style = {
        border: BORDER,
        alignment: numeric ? { horizontal: 'right', vertical: 'top', indent: 1 } : { horizontal: 'left', vertical: 'top', wrapText: true },
      };
      if (numeric && cell.value === null) cell.value = '—';
    });
    row.height = Math.max(...COLUMNS.map((c, i) => (c.numeric ? 0 : wrappedHeight(String(row.getCell(i + 1).value ?? ''), c.width))));
  }
}
