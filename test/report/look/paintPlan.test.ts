import ExcelJS from 'exceljs';
import { excelColumnWidth, templateWorkbook } from '../../../src/cli/templateXlsx';
import { insertTables } from '../../../src/excel/insert';
import { createMemoryHost, MemoryHost } from '../../../src/excel/memory';
import { FORMAT_VERSIONS, TABLE_IDS } from '../../../src/report/standard/formats';
import { a1 } from '../../../src/report/standard/a1';
import { sheetPaint } from '../../../src/report/look/paintPlan';
import { stackPlacements } from '../../../src/report/look/placement';

// One paint plan, two writers: Excel (through office.js, here the in-memory workbook) and the .xlsx
// file (ExcelJS) must draw every cell of the template alike.

/** What a cell looks like, read alike from both. */
interface Look {
  content: string;
  fill: string | null;
  font: string;
  bold: boolean;
  horizontal: string;
  vertical: string;
  wrap: boolean;
  numberFormat: string;
  edges: string;
  validation: string | null;
}

async function excelLooks(host: MemoryHost, sheet: string, rows: number, cols: number): Promise<Look[][]> {
  const fonts = await host.run(async (context) => {
    const ws = context.workbook.worksheets.getItem(sheet);
    const all = Array.from({ length: rows }, (_, r) =>
      Array.from({ length: cols }, (_, c) => {
        const f = ws.getRangeByIndexes(r, c, 1, 1).format.font;
        f.load('name,size');
        return f;
      }),
    );
    await context.sync();
    return all.map((row) => row.map((f) => `${f.name} ${f.size}`));
  });
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const v = host.cell(sheet, a1(r, c));
      const dv = v.dataValidation?.type ?? null;
      return {
        content: v.formula ?? (v.value === null ? '' : String(v.value)),
        fill: v.fill,
        font: fonts[r][c],
        bold: v.bold,
        horizontal: v.horizontalAlignment.toLowerCase(),
        vertical: v.verticalAlignment === 'Center' ? 'middle' : v.verticalAlignment.toLowerCase(),
        wrap: v.wrap,
        numberFormat: v.numberFormat,
        edges: (['EdgeTop', 'EdgeLeft'] as const).map((e) => (v.borders[e].style === 'Continuous' ? 'thin' : '-')).join(' '),
        validation: dv === 'wholeNumber' ? 'whole' : dv,
      };
    }),
  );
}

function fileLooks(ws: ExcelJS.Worksheet, rows: number, cols: number): Look[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => {
      const cell = ws.getCell(r + 1, c + 1);
      const v = cell.value as ExcelJS.CellValue;
      const content = v === null || v === undefined ? '' : typeof v === 'object' && 'formula' in v ? `=${v.formula}` : String(v);
      const argb = (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      const dv: string | undefined = cell.dataValidation?.type;
      return {
        // A cell covered by a merge shows nothing in either.
        content: cell.isMerged && cell.master !== cell ? '' : content,
        fill: argb ? `#${argb.slice(2)}` : null,
        // Unstyled cells (the row between two tables) have Excel's default font.
        font: `${cell.font?.name ?? 'Calibri'} ${cell.font?.size ?? 11}`,
        bold: !!cell.font?.bold,
        horizontal: cell.alignment?.horizontal ?? 'general',
        vertical: cell.alignment?.vertical ?? 'bottom',
        wrap: !!cell.alignment?.wrapText,
        numberFormat: cell.numFmt ?? 'General',
        // An edge is drawn when either cell beside it draws it, in Excel as in the file.
        edges: [
          cell.border?.top?.style ?? (r > 0 ? ws.getCell(r, c + 1).border?.bottom?.style : undefined) ?? '-',
          cell.border?.left?.style ?? (c > 0 ? ws.getCell(r + 1, c).border?.right?.style : undefined) ?? '-',
        ].join(' '),
        validation: dv === undefined || dv === 'any' ? null : dv,
      };
    }),
  );
}

describe.each(FORMAT_VERSIONS)('the %s template drawn through office.js on the in-memory workbook and written to .xlsx', (version) => {
  it.each([false, true])(
    'looks the same cell for cell, with merges, sizes and highlights (totals as formulas: %s)',
    async (totalsAsFormulas) => {
      const host = createMemoryHost();
      host.addSheet('Sheet1');
      const inserted = await insertTables(host.run.bind(host), { version, tables: [...TABLE_IDS], target: 'newSheet', totalsAsFormulas });
      if (inserted.kind !== 'done') throw new Error('not inserted');
      const ws = templateWorkbook(version, { totalsAsFormulas }).worksheets[0];
      const paint = sheetPaint(stackPlacements(version, [...TABLE_IDS], 0, 0), totalsAsFormulas);
      const last = paint.tables[paint.tables.length - 1].block;
      const rows = last.row + last.rows;
      const cols = paint.columnWidths.length;

      const excel = await excelLooks(host, inserted.sheet, rows, cols);
      const file = fileLooks(ws, rows, cols);
      for (let r = 0; r < rows; r++) for (let c = 0; c < cols; c++) expect([a1(r, c), excel[r][c]]).toEqual([a1(r, c), file[r][c]]);

      expect(host.merges(inserted.sheet).sort()).toEqual([...(ws.model as unknown as { merges: string[] }).merges].sort());
      for (let c = 0; c < cols; c++)
        expect(excelColumnWidth(host.columnWidth(inserted.sheet, c))).toBeCloseTo(ws.getColumn(c + 1).width!, 2);
      for (let r = 0; r < rows; r++) expect([r, host.rowHeight(inserted.sheet, r)]).toEqual([r, ws.getRow(r + 1).height ?? 15]);
      const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[] })
        .conditionalFormattings;
      const fileRules = cfs.map((cf) => {
        const rule = cf.rules[0] as ExcelJS.ExpressionRuleType;
        const fill = (rule.style?.fill as ExcelJS.FillPattern).bgColor!.argb!.slice(2);
        return `${cf.ref} =${rule.formulae![0]} #${fill} #${rule.style!.font!.color!.argb!.slice(2)}`;
      });
      const excelRules = host
        .conditionalFormats(inserted.sheet)
        .map((cf) => `${cf.ranges.join(',')} ${cf.formula} ${cf.fill} ${cf.fontColor}`);
      expect(excelRules.sort()).toEqual(fileRules.sort());
      expect(fileRules.length).toBe(paint.tables.reduce((n, t) => n + t.highlights.length, 0));
    },
  );
});
