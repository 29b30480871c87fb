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
import { pdfWithPages, textAt } from '../test/helpers/pdf';

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
  put('scan.pdf', pdfWithPages([textAt('年度报告')]));
}
