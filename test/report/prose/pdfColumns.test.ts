import { mkdtempSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { templateWorkbook } from '../../../src/cli/templateXlsx';
import { consistentReport, seededRandom } from '../../../src/report/standard/generate';
import { convertAll } from '../../helpers/libreoffice';
import { run } from '../../helpers/cli';

// A PDF whose prose stands in two columns: a line of the left column and the line of the right one
// beside it are not one sentence. The report's tables printed by LibreOffice, with two lines of text
// after them side by side (left: a sentence that ends on 行政复议; right: one that starts with a
// number of 件), and one sentence across the page that contradicts the tables (the text is read).

const report = consistentReport('2021', seededRandom(14));
const review = report.cells['T4.RV.TOT'] as number;
const litigation = (report.cells['T4.LD.TOT'] as number) + (report.cells['T4.LR.TOT'] as number);

it('reads each column on its own and still checks the text', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-pdf-columns-'));
  const xlsx = join(dir, '两栏.xlsx');
  const wb = templateWorkbook('2021', { report });
  // The text on a sheet of its own, printed on the page after the tables'.
  const ws = wb.addWorksheet('正文');
  ws.getColumn(1).width = 30;
  ws.getColumn(2).width = 30;
  ws.getCell(1, 1).value = '本机关高度重视行政复议';
  ws.getCell(1, 2).value = `${review + 2}件信访事项均已办理。`;
  ws.getCell(3, 1).value = `全年发生行政诉讼${litigation + 1}件。`;
  await wb.xlsx.writeFile(xlsx);
  const [pdf] = convertAll([xlsx], 'pdf', join(dir, 'pdf'));

  const r = await run(['check', pdf, '--json']);
  const prose = JSON.parse(r.out).files[0].findings.filter((f: { rule: string }) => f.rule === 'TEXT-TABLE');
  expect(prose.map((f: { message: string }) => f.message)).toEqual([
    `正文“全年发生行政诉讼${litigation + 1}件。”中行政诉讼为 ${litigation + 1} 件，而表四“行政诉讼”两项的总计之和为 ${litigation}，相差 1`,
  ]);
}, 120_000);
