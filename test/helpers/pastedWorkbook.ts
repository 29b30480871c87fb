import ExcelJS from 'exceljs';
import { allLayouts, layoutTextGrid } from '../../src/report/look/layout';
import { Report } from '../../src/report/standard/report';

/** A workbook without names: the tables' texts and values typed on a sheet, as when pasted. */
export function pastedWorkbook(report: Report): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  let row = 2;
  for (const layout of allLayouts(report.format)) {
    const grid: (string | number | null)[][] = layoutTextGrid(layout);
    for (const d of layout.data) grid[d.row][d.col] = (report.cells[d.id] as number | undefined) ?? null;
    grid.forEach((cells, r) => cells.forEach((v, c) => v !== '' && v !== null && (ws.getCell(row + r, c + 1).value = v)));
    row += layout.rowCount + 1;
  }
  return wb;
}
