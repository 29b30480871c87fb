import { mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkFileIsolated, closeIsolation } from '../../src/cli/isolate';
import { FORMAT_VERSIONS } from '../../src/report/standard/formats';
import { consistentReport, seededRandom } from '../../src/report/standard/generate';
import { Report } from '../../src/report/standard/report';
import { reportTablesHtml } from '../helpers/documents';
import { templateHtml } from '../../src/cli/html';
import { convertAll } from '../helpers/libreoffice';

// Real PDFs whose tables have narrow columns, printed by LibreOffice from a web page: row labels
// wrap over two to eight lines, 表三's group labels stand a character a line down their column
// (（ / 四 / ） / 无 …, each a little off the baselines of the labels beside them), header cells take
// one, two or three lines (结果 / 维持 with 总计 on a line between; 社会 / 公益 / 组织). Every value
// is read back as printed.

/** Column widths in points, each table's own columns (officialLayout): the label columns narrow. */
const WIDTHS = {
  narrow: {
    T2: [50, 50, 50, 50],
    T3: [20, 30, 64, 34, 34, 34, 34, 34, 34, 34],
    T4: Array<number>(15).fill(32),
  },
  // rows cut by page breaks: the end of a label overleaf (行政事业 | 19 | 11, then 性收 / 费)
  pageCut: {
    T2: [40, 40, 40, 40],
    T3: [14, 24, 48, 30, 30, 30, 30, 30, 30, 30],
    T4: Array<number>(15).fill(28),
  },
  // a 表三 row label of up to eight lines beside its group label's characters (（ / 六 / ） / 其 …)
  narrower: {
    T2: [36, 60, 60, 60],
    T3: [12, 18, 40, 28, 28, 28, 28, 28, 28, 28],
    T4: Array<number>(15).fill(26),
  },
};
type Width = keyof typeof WIDTHS;

const dir = mkdtempSync(join(tmpdir(), 'xxgk-pdf-wrapped-'));
const reports = Object.fromEntries(FORMAT_VERSIONS.map((v, i) => [v, consistentReport(v, seededRandom(7 + i))])) as Record<
  (typeof FORMAT_VERSIONS)[number],
  Report
>;
const pdfs: Record<string, string> = {};
/** The 2021 page with header labels in traditional characters (科研機構, 結果維持), as a converted report has them. */
const TRADITIONAL: Record<string, string> = { 科研机构: '科研機構', 结果维持: '結果維持' };
const page = (html: string) => `<html><head><meta charset="utf-8"></head><body>${html}</body></html>`;

beforeAll(() => {
  const names: string[] = [];
  const files: string[] = [];
  for (const w of Object.keys(WIDTHS) as Width[]) {
    for (const v of FORMAT_VERSIONS) {
      names.push(`${w}-${v}`);
      files.push(join(dir, `${w}-${v}.html`));
      writeFileSync(files[files.length - 1], page(reportTablesHtml(reports[v], { columnWidths: WIDTHS[w] })));
    }
  }
  let html = reportTablesHtml(reports['2021'], { columnWidths: WIDTHS.narrow });
  for (const [from, to] of Object.entries(TRADITIONAL)) html = html.split(`>${from}<`).join(`>${to}<`);
  names.push('traditional');
  files.push(join(dir, 'traditional-2021.html'));
  writeFileSync(files[files.length - 1], page(html));
  for (const v of FORMAT_VERSIONS) {
    names.push(`template-${v}`);
    files.push(join(dir, `template-${v}.html`));
    writeFileSync(files[files.length - 1], templateHtml(v, reports[v]));
  }
  convertAll(files, 'pdf:writer_pdf_Export', join(dir, 'pdf')).forEach((pdf, i) => (pdfs[names[i]] = pdf));
}, 120_000);

afterAll(() => closeIsolation());

describe.each((Object.keys(WIDTHS) as Width[]).flatMap((w) => FORMAT_VERSIONS.map((v) => [v, w] as const)))(
  '%s: a PDF whose table cells wrap their labels (%s columns)',
  (v, w) => {
    it('reads every cell as printed, with no note, and passes', async () => {
      // pdf.js runs in the command's worker thread (an ES module), as the command runs it.
      const outcome = await checkFileIsolated(pdfs[`${w}-${v}`]);
      expect(outcome.unreadable).toBeUndefined();
      const [r] = outcome.results;
      expect(r.notes).toEqual([]);
      expect(r.report?.format).toBe(v);
      const report = reports[v];
      for (const [id, value] of Object.entries(report.cells))
        expect([id, r.report?.cells[id as keyof Report['cells']]]).toEqual([id, value]);
      expect(Object.keys(r.report?.cells ?? {}).sort()).toEqual(Object.keys(report.cells).sort());
      expect(r.verdict).toBe('passed');
    });
  },
);

describe.each(FORMAT_VERSIONS)('%s: the command’s web template, filled in and printed by LibreOffice as it lays it out', (v) => {
  // 表三's longest label wraps over nine lines and is cut by the page break; overleaf the table's
  // columns stand elsewhere, so the end of the label is not under its start.
  it('reads every cell as printed, with no note, and passes', async () => {
    const [r] = (await checkFileIsolated(pdfs[`template-${v}`])).results;
    expect(r.notes).toEqual([]);
    expect(r.report?.cells).toEqual(reports[v].cells);
    expect(r.verdict).toBe('passed');
  });
});

describe('a PDF whose header labels are in traditional characters', () => {
  it('reads every cell, names each header it read approximately, and passes', async () => {
    const [r] = (await checkFileIsolated(pdfs.traditional)).results;
    expect(r.notes).toEqual([]);
    for (const [id, value] of Object.entries(reports['2021'].cells))
      expect([id, r.report?.cells[id as keyof Report['cells']]]).toEqual([id, value]);
    const named = r.remarks.map((m) => m.replace(/^第 \d+ 行的/, ''));
    expect([...new Set(named)].sort()).toEqual(
      Object.entries(TRADITIONAL)
        .map(([label, text]) => `表头“${text}”与标准表头不完全一致，已按“${label}”读取，请核对`)
        .sort(),
    );
    expect(r.verdict).toBe('passed');
  });
});
