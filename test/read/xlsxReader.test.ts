import ExcelJS from 'exceljs';
import { zipBuffer } from '../../bench/hostile';
import { templateWorkbook } from '../../src/cli/templateXlsx';
import { FormatVersion } from '../../src/report/standard/formats';
import { consistentReport, seededRandom } from '../../src/report/standard/generate';
import { guardBytes } from '../../src/read/guard';
import { readReportsFromBytes } from '../../src/read/readers';
import { excelJSContent } from '../../src/read/readXlsx';
import { workbookInputs } from '../../src/read/workbookInputs';
import { MAX_WORKBOOK_CELLS, readXlsxContent } from '../../src/read/xlsxReader';
import { addLocalNames } from '../../src/read/xlsxNames';
import { ROLLUP_KEYWORDS } from '../../src/read/rollupMark';
import { pastedWorkbook } from '../helpers/pastedWorkbook';

// The check reads .xlsx files with its own reader (src/read/xlsxReader.ts), not ExcelJS's full load:
// on every kind of workbook the suite makes, both give the check the same sheets, cells, formulas
// without a result, names and roll-up mark, and refuse the same broken files.

const buffer = async (wb: ExcelJS.Workbook): Promise<Buffer> => Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);

/** A recognised block's map back to sheet positions, as the positions it gives. */
const positions = (_key: string, v: unknown): unknown => {
  const block = v as { at?: (r: number, c: number) => unknown; values?: unknown[][] } | null;
  if (!block || typeof block.at !== 'function' || !Array.isArray(block.values)) return v;
  return { ...block, at: block.values.map((row, r) => row.map((_, c) => block.at!(r, c))) };
};

/** What the check gets of a workbook through one reader, or the reason it refused it. */
async function through(read: (b: Buffer) => unknown, bytes: Buffer): Promise<unknown> {
  try {
    const content = (await read(bytes)) as Awaited<ReturnType<typeof excelJSContent>>;
    return JSON.parse(JSON.stringify({ inputs: workbookInputs(content), keywords: content.keywords }, positions));
  } catch (e) {
    return { refused: (e as Error).message };
  }
}

async function expectAgreement(bytes: Buffer): Promise<unknown> {
  const fast = await through(readXlsxContent, bytes);
  expect(fast).toEqual(await through(excelJSContent, bytes));
  return fast;
}

describe('the check reads a workbook as ExcelJS loads it', () => {
  const versions: FormatVersion[] = ['2021', '2019'];

  test.each(versions)('templates of %s: empty, filled, with totals as formulas, tables on their own', async (version) => {
    const report = consistentReport(version, seededRandom(7));
    for (const wb of [
      templateWorkbook(version),
      templateWorkbook(version, { report }),
      templateWorkbook(version, { report, totalsAsFormulas: true }),
      templateWorkbook(version, { tables: ['T3'] }),
    ]) {
      const read = (await expectAgreement(await buffer(wb))) as { inputs: { named: unknown[] }[] };
      expect(read.inputs[0].named.length).toBeGreaterThan(0);
    }
  });

  test.each(versions)('tables typed on a sheet without names (%s), found by the recogniser', async (version) => {
    const read = (await expectAgreement(await buffer(pastedWorkbook(consistentReport(version, seededRandom(3)))))) as {
      inputs: { unnamed?: { values: unknown[][] } }[];
    };
    expect(read.inputs[0].unnamed?.values.length).toBeGreaterThan(20);
  });

  test('merges, rich text, dates, booleans, errors, hyperlinks, formulas with and without results, shared formulas, names of each scope', async () => {
    const wb = new ExcelJS.Workbook();
    wb.keywords = ROLLUP_KEYWORDS;
    const a = wb.addWorksheet('甲 & 乙');
    a.getCell('A1').value = '合并';
    a.getCell('B1').value = 'covered';
    a.mergeCells('A1:C2');
    a.getCell('A3').value = { richText: [{ text: '本年' }, { text: '新收', font: { bold: true } }] };
    a.getCell('B3').value = new Date(Date.UTC(2024, 0, 31));
    a.getCell('B3').numFmt = 'yyyy-mm-dd';
    a.getCell('C3').value = 45321;
    a.getCell('C3').numFmt = '[$-804]yyyy"年"m"月"d"日"';
    a.getCell('D3').value = 12.5;
    a.getCell('D3').numFmt = '0.00';
    a.getCell('A4').value = true;
    a.getCell('B4').value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
    a.getCell('C4').value = { text: '政府网站', hyperlink: 'https://www.gov.cn' };
    a.getCell('D4').value = { text: 7 as unknown as string, hyperlink: 'https://www.gov.cn' };
    a.getCell('A5').value = 1;
    a.getCell('B5').value = 2;
    a.getCell('C5').value = { formula: 'SUM(A5:B5)' } as ExcelJS.CellFormulaValue;
    a.getCell('D5').value = { formula: 'A5*B5' } as ExcelJS.CellFormulaValue;
    a.getCell('E5').value = { formula: 'A5+B5', result: 3 } as ExcelJS.CellFormulaValue;
    a.getCell('F5').value = { formula: 'A5&"件"', result: '1件' } as ExcelJS.CellFormulaValue;
    a.getCell('A6').value = 3;
    a.getCell('B6').value = 4;
    a.getCell('C6').value = { sharedFormula: 'C5' } as ExcelJS.CellSharedFormulaValue;
    a.getCell('A7').value = { formula: 'SUM(C5:C6)' } as ExcelJS.CellFormulaValue;
    const b = wb.addWorksheet('年报表格（2021版）', { state: 'hidden' });
    b.getCell('A1').value = '二、主动公开政府信息情况';
    b.getCell('B2').value = 0;
    wb.definedNames.add("'年报表格（2021版）'!$A$1:$B$2", 'XXGK_T2_2021');
    addLocalNames(wb, [
      { name: 'XXGK_T3_2021', localSheetId: 0, ranges: ["'甲 & 乙'!$A$1:$D$7"] },
      { name: 'XXGK_T4_2021', localSheetId: 1, ranges: [] },
    ]);
    const read = (await expectAgreement(await buffer(wb))) as { keywords: string };
    expect(read.keywords).toBe(ROLLUP_KEYWORDS);
    const [sheet] = (read as unknown as { inputs: { named: { block: { values: unknown[][] } }[]; uncomputed: string[] }[] }).inputs;
    const values = sheet.named[0].block.values;
    expect(values[0]).toEqual(['合并', null, null, null]); // the covered cells of a merge are blank
    expect(values[2]).toEqual(['本年新收', '2024-01-31', '2024-01-30', 12.5]);
    expect(values[5][2]).toBe(7); // a shared SUM saved without its result, moved to its row
    expect(values[6][0]).toBe(10); // a SUM of SUMs
    expect(sheet.uncomputed).toEqual(['D5']);
  });

  test('parts written by other programs: inline and rich inline strings, escapes, cells without an address, a row stored twice', async () => {
    const read = await expectAgreement(
      workbookOf(
        '<row r="1"><c r="A1" t="inlineStr"><is><t>内联</t></is></c><c r="B1" t="inlineStr"><is><r><t>富</t></r><r><t>文本</t></r></is></c>' +
          '<c r="C1" t="str"><f>"a"</f><v>A &amp;amp; B</v></c><c r="D1" t="s"><v>0</v></c><c r="E1" t="s"><v>1</v></c></row>' +
          '<row r="2"><c r="A2"><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row>' +
          '<row r="3"><c r="A3"><v>9</v></c></row><row r="3"><c r="B3"><v>8</v></c></row>' +
          '<row r="4"><c r="A4" t="d"><v>2024-01-31</v></c><c r="B4" t="b"><v>0</v></c><c r="C4" t="e"><v>#N/A</v></c></row>',
        '<si><t>第一行_x000D_第二行</t></si><si><r><t>富</t></r><r><t>文本</t></r><rPh sb="0" eb="1"><t>ふ</t></rPh></si>',
      ),
    );
    expect(JSON.stringify(read)).toContain('富文本');
  });

  test('a formula saved with the result 0 has a result (ExcelJS hid it: the check took it for a formula without one)', async () => {
    const bytes = workbookOf('<row r="1"><c r="A1"><f>IF(B1&gt;0,1,0)</f><v>0</v></c><c r="B1"><f>B2=1</f><v>0</v></c></row>');
    const read = (await expectAgreement(bytes)) as { inputs: { uncomputed?: string[]; unnamed: { values: unknown[][] } }[] };
    expect(read.inputs[0].uncomputed).toBeUndefined();
    expect(read.inputs[0].unnamed.values).toEqual([[0, 0]]);
  });

  test('broken workbooks are refused by both, with the same reason', async () => {
    const overlapping = workbookOf(
      '<row r="1"><c r="A1"><v>1</v></c></row>',
      undefined,
      '<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B2:C3"/></mergeCells>',
    );
    const unclosed = workbookOf('<row r="1"><c r="A1"><v>1</v></row>');
    const missingString = workbookOf('<row r="1"><c r="A1" t="s"><v>5</v></c></row>', '<si><t>only one</t></si>');
    for (const bytes of [overlapping, unclosed, missingString]) {
      const read = (await expectAgreement(bytes)) as { refused?: string };
      expect(read.refused).toMatch(/^无法打开 Excel 工作簿/);
    }
  });
});

describe('the reader keeps its own bounds', () => {
  test('a whole-sheet merge written so that the guard does not count it is refused, not expanded', async () => {
    const bytes = workbookOf(
      '<row r="1"><c r="A1"><v>1</v></c></row>',
      undefined,
      '<mergeCells><mergeCell x:ref="A1:XFD1048576"/></mergeCells>',
    );
    expect(guardBytes('a.xlsx', bytes)).toBeNull();
    await expect(readReportsFromBytes('a.xlsx', bytes)).rejects.toThrow(/合并的单元格共超过/);
  });

  test('a tag of a million attributes that never closes is refused as a broken workbook, without reading it again for each attribute', async () => {
    const bytes = workbookOf('<row r="1"><c r="A1"' + ' x="1"'.repeat(1_000_000));
    await expect(readReportsFromBytes('a.xlsx', bytes)).rejects.toThrow(/^无法打开 Excel 工作簿/);
  });

  test('a sheet of more cells than any report is refused with the reason', async () => {
    const row = (r: number) => `<row r="${r}">${Array.from({ length: 100 }, (_, c) => `<c r="${col(c)}${r}"><v>1</v></c>`).join('')}</row>`;
    const rows = Math.ceil(MAX_WORKBOOK_CELLS / 100) + 1;
    const bytes = workbookOf(Array.from({ length: rows }, (_, r) => row(r + 1)).join(''));
    await expect(readReportsFromBytes('a.xlsx', bytes)).rejects.toThrow(/单元格过多/);
  });
});

const col = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : 'A' + String.fromCharCode(65 + c - 26));

/** A workbook of one sheet whose sheetData, shared strings and trailing parts are given as XML. */
function workbookOf(sheetData: string, sharedStrings?: string, after = ''): Buffer {
  const xml = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
  const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
  const main = `xmlns="${ns}"`;
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return zipBuffer([
    {
      name: 'xl/workbook.xml',
      data: xml(`<workbook ${main} xmlns:r="${rel}"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: xml(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
      ),
    },
    ...(sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: xml(`<sst ${main}>${sharedStrings}</sst>`) }] : []),
    {
      name: 'xl/worksheets/sheet1.xml',
      data: xml(`<worksheet ${main} xmlns:x="${ns}"><sheetData>${sheetData}</sheetData>${after}</worksheet>`),
    },
  ]);
}
