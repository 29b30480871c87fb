import { mkdirSync, truncateSync, writeFileSync } from 'fs';
import { join } from 'path';
import { templateTsv } from '../src/cli/template';
import { templateWorkbook } from '../src/cli/templateXlsx';
import { TABLE_IDS } from '../src/report/standard/formats';
import { consistentReport, seededRandom } from '../src/report/standard/generate';
import { Report } from '../src/report/standard/report';
import { LIMITS } from '../src/read/guard';
import { writeColspanPage, writeFarCellWorkbook, writeHugeTextDocx, writeZipBomb } from '../bench/hostile';
import { gbkEncode, governmentPage, wordDocument } from '../test/helpers/documents';
import { convertAll } from '../test/helpers/libreoffice';
import { pdfWithFonts, pdfWithPages, textAt } from '../test/helpers/pdf';

// Folders of reports for the web page's end-to-end tests, made on the spot from the test suite's own
// makers: workbooks, documents, texts and exchange files, with and without errors, hostile ones included.

export const unitReport = (seed: number, version: '2021' | '2019' = '2021'): Report => consistentReport(version, seededRandom(seed));

/** The same report with one table total off by one: an error. */
export function withError(r: Report): Report {
  const copy: Report = { format: r.format, cells: { ...r.cells } };
  copy.cells['T3.NEW.NP'] = Number(copy.cells['T3.NEW.NP'] ?? 0) + 1;
  return copy;
}

const xlsx = async (r: Report): Promise<Buffer> =>
  Buffer.from((await templateWorkbook(r.format, { report: r }).xlsx.writeBuffer()) as ArrayBuffer);

/** The folder of the end-to-end test: 20 files, 18 of kinds the page reads (one of them a zip bomb), 2 it skips with the command's hint. */
export async function mixedFolder(dir: string): Promise<{ reports: Record<string, Report> }> {
  mkdirSync(dir, { recursive: true });
  const reports: Record<string, Report> = {};
  const put = (name: string, data: string | Buffer) => writeFileSync(join(dir, name), data);
  for (let i = 1; i <= 5; i++) {
    const r = i === 5 ? withError(unitReport(i)) : unitReport(i);
    reports[`单位${i}`] = r;
    put(`单位${i}.xlsx`, await xlsx(r));
  }
  for (let i = 6; i <= 8; i++) {
    const r = i === 8 ? withError(unitReport(i)) : unitReport(i);
    reports[`单位${i}`] = r;
    put(`单位${i}.json`, JSON.stringify(r));
  }
  // Incomplete: one cell of 表四 is not given (the exchange format's blank is null).
  const partial = unitReport(9);
  delete partial.cells['T4.RV.OTH'];
  put('单位9.json', JSON.stringify(partial));
  for (let i = 10; i <= 12; i++) {
    const r = unitReport(i);
    reports[`单位${i}`] = r;
    put(`单位${i}.txt`, templateTsv('2021', r));
  }
  for (let i = 13; i <= 15; i++) {
    const r = unitReport(i);
    reports[`单位${i}`] = r;
    put(`单位${i}.html`, gbkEncode(governmentPage(r)));
  }
  for (let i = 16; i <= 17; i++) {
    const r = unitReport(i);
    reports[`单位${i}`] = r;
    put(`单位${i}.docx`, await wordDocument(r));
  }
  await writeZipBomb(join(dir, '压缩炸弹.xlsx'), 120 * 1024 * 1024);
  put('旧版.xls', Buffer.from('not really'));
  put('表格.csv', 'a,b\n');
  return { reports };
}

/** More of the suite's files, hostile ones first: for the agreement of the page and the command. */
export async function agreementFolder(dir: string, fixtures: string): Promise<void> {
  await mixedFolder(dir);
  const put = (name: string, data: string | Buffer) => writeFileSync(join(dir, name), data);
  const { readFileSync } = await import('fs');
  put('fixture-2021.json', readFileSync(join(fixtures, 'report-2021.json')));
  put('fixture-2019.json', readFileSync(join(fixtures, 'report-2019.json')));
  put('street-office-2019.txt', readFileSync(join(fixtures, 'street-office-2019-format.txt')));
  put('v2019.xlsx', await xlsx(unitReport(30, '2019')));
  put('v2019-error.html', governmentPage(withError(unitReport(31, '2019')), { meta: 'http-equiv' }));
  put('split.html', gbkEncode(governmentPage(unitReport(32), { splitT3At: 8 })));
  put('only-t2-t3.docx', await wordDocument(unitReport(33), TABLE_IDS.slice(0, 2)));
  put('errors.txt', templateTsv('2021', withError(unitReport(34))));
  put('blank-template.xlsx', Buffer.from((await templateWorkbook('2021').xlsx.writeBuffer()) as ArrayBuffer));
  put('not-json.json', '{"format": "2021", "cells": {');
  put('truncated.json', '{');
  put('bad-comma.json', '{"format": "2021",, "cells": {}}');
  put('empty.txt', '');
  put('renamed.txt', await xlsx(unitReport(35)));
  put('prose-only.txt', '一、总体情况\n本年共收到申请 3 件。\n');
  await writeFarCellWorkbook(join(dir, 'far-cells.xlsx'));
  await writeColspanPage(join(dir, 'colspan.html'));
  await writeHugeTextDocx(join(dir, 'huge-text.docx'), 30 * 1024 * 1024);
  await writeZipBomb(join(dir, 'liar.xlsx'), 30 * 1024 * 1024, 1000);
  put('big.txt', '');
  truncateSync(join(dir, 'big.txt'), LIMITS.textBytes + 1);
  await pdfFiles(dir);
}

/**
 * A PDF written by hand in a font it does not embed, STSong-Light with the UniGB-UCS2-H encoding (as
 * iText writes Chinese): pdf.js needs the Adobe-GB1 CMaps to read its text. The rows of a table on
 * landscape pages, 5 pt, 12 pt apart (a wrapped label would be nearer), 40 rows a page.
 */
export function chinesePdf(rows: string[][]): Buffer {
  // Labels in the first three columns, numbers 28 pt apart after them (表四 has fifteen).
  const columnX = (j: number) => (j < 3 ? [20, 110, 200][j] : 420 + 28 * (j - 3));
  const hex = (t: string) =>
    Array.from(t)
      .map((c) => c.charCodeAt(0).toString(16).padStart(4, '0'))
      .join('');
  const pages: string[] = [];
  for (let i = 0; i < rows.length; i += 40) {
    const ops = rows
      .slice(i, i + 40)
      .flatMap((cells, k) => cells.flatMap((c, j) => (c === '' ? [] : [`BT /F1 5 Tf ${columnX(j)} ${570 - 12 * k} Td <${hex(c)}> Tj ET`])));
    pages.push(ops.join('\n'));
  }
  const fontObjects = [
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [4 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 5 0 R /DW 1000 /W [1 95 500] >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  return pdfWithFonts(fontObjects, pages, '0 0 842 595');
}

/**
 * The suite's PDFs: the template filled in and printed by LibreOffice (one right, one with an error,
 * one with an opening password), Chinese in a font that needs the CMaps, a scan (no text layer), one
 * whose only text is not a report, a file that is no PDF, one cut short, and one past the page limit.
 */
export async function pdfFiles(dir: string): Promise<void> {
  const put = (name: string, data: string | Buffer) => writeFileSync(join(dir, name), data);
  const src = join(dir, '..', `${dir.split('/').pop()}-pdf-src`);
  mkdirSync(src, { recursive: true });
  await templateWorkbook('2021', { report: unitReport(50) }).xlsx.writeFile(join(src, 'pdf-good.xlsx'));
  await templateWorkbook('2021', { report: withError(unitReport(51)) }).xlsx.writeFile(join(src, 'pdf-errors.xlsx'));
  await templateWorkbook('2021', { report: unitReport(52) }).xlsx.writeFile(join(src, 'pdf-password.xlsx'));
  const [good, errors] = convertAll([join(src, 'pdf-good.xlsx'), join(src, 'pdf-errors.xlsx')], 'pdf', join(src, 'out'));
  const [locked] = convertAll(
    [join(src, 'pdf-password.xlsx')],
    'pdf:calc_pdf_Export:{"EncryptFile":{"type":"boolean","value":"true"},"DocumentOpenPassword":{"type":"string","value":"secret"}}',
    join(src, 'locked'),
  );
  const { readFileSync } = await import('fs');
  put('pdf-good.pdf', readFileSync(good));
  put('pdf-errors.pdf', readFileSync(errors));
  put('pdf-password.pdf', readFileSync(locked));
  put('pdf-cut-short.pdf', readFileSync(good).subarray(0, 2000));
  put(
    'pdf-chinese-font.pdf',
    chinesePdf(
      templateTsv('2021', unitReport(53))
        .split('\n')
        .map((l) => l.split('\t')),
    ),
  );
  put('scan.pdf', pdfWithPages([textAt('年度报告')]));
  put('scan-no-text.pdf', pdfWithPages(['q 0.5 g 0 0 595 842 re f Q']));
  put('not-a-pdf.pdf', 'not a pdf at all');
  put('pdf-303-pages.pdf', pdfWithPages(Array.from({ length: 303 }, (_, i) => textAt(`page ${i + 1}`))));
}
