import { pdfWithPages, textAt } from '../helpers/pdf';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkFile } from '../../src/cli/checkFile';
import { LIMITS } from '../../src/read/guard';
import { expandInputs, guardFile } from '../../src/read/files';
import { checkFileIsolated, closeIsolation } from '../../src/cli/isolate';
import { readDocumentXml } from '../../src/read/readDocx';
import { decodePage, readHtmlText } from '../../src/read/readHtml';
import { templatePlacements, templateWorkbook, writeTemplateXlsx } from '../../src/cli/templateXlsx';
import { consistentReport, seededRandom } from '../../src/report/standard/generate';
import { Report } from '../../src/report/standard/report';
import { gbkEncode, governmentPage, wordDocument } from '../helpers/documents';
import { convertAll } from '../helpers/libreoffice';
import { run } from '../helpers/cli';

// Reports as published: a saved GBK web page with a layout table and 表三 split in two, a Word
// .docx with vertical merges, a PDF printed by LibreOffice from the template. Each is read back
// value for value and checked like an .xlsx.

const dir = mkdtempSync(join(tmpdir(), 'xxgk-docs-'));
const write = (name: string, data: string | Buffer) => {
  const p = join(dir, name);
  writeFileSync(p, data);
  return p;
};

/** The values read equal the report's, every one. */
function expectSameValues(read: Report | null | undefined, report: Report): void {
  expect(read?.format).toBe(report.format);
  for (const [id, v] of Object.entries(report.cells)) expect([id, read!.cells[id as keyof Report['cells']]]).toEqual([id, v]);
}

afterAll(() => closeIsolation());

describe('a saved web page (.html)', () => {
  const report = consistentReport('2021', seededRandom(11));
  // Split inside 三、本年度办理结果 (layout row 9: （三）不予公开 1.), as Word splits a table at a page break.
  const page = write('年报.html', gbkEncode(governmentPage(report, { splitT3At: 9 })));
  const equiv = write('年报-equiv.htm', gbkEncode(governmentPage(report, { meta: 'http-equiv', splitT3At: 6 })));

  it('decodes GB2312 from <meta charset> and from http-equiv', () => {
    for (const f of [page, equiv]) {
      const d = decodePage(readFileSync(f));
      expect(d.encoding).toBe('GBK');
      expect(d.text).toContain('申请人情况');
    }
  });

  it('reads every value through the layout table, the spans and the split 表三, and passes', async () => {
    for (const f of [page, equiv]) {
      const outcome = await checkFile(f);
      expect(outcome.unreadable).toBeUndefined();
      const [r] = outcome.results;
      expect(r.notes).toEqual([]);
      expect(r.verdict).toBe('passed');
      expect(r.tables).toEqual(['T2', 'T3', 'T4']);
      expectSameValues(r.report, report);
    }
  });

  it('keeps the text outside the report tables as prose', async () => {
    const read = readHtmlText(governmentPage(report, { splitT3At: 9 }));
    expect(read.prose).toContain(`全年共新收政府信息公开申请${report.cells['T3.NEW.TOT']}件。`);
    expect(read.prose).toContain('五、存在的主要问题及改进情况\n政务公开工作还存在一些不足。');
    expect(read.prose).not.toContain('申请人情况');
    expect(read.prose).not.toContain('var siteId');
    expect(read.input.unnamed?.values.flat()).not.toContain('某某局2023年政府信息公开工作年度报告');
  });

  it('gives the finding of a broken row, naming the cells', async () => {
    const broken = structuredClone(report);
    broken.cells['T3.NEW.NP'] = (broken.cells['T3.NEW.NP'] as number) + 1;
    const f = write('有错误.html', gbkEncode(governmentPage(broken, { splitT3At: 9 })));
    const r = await run(['check', f, '--json']);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out).files[0];
    expect(json.verdict).toBe('errors');
    const rules = json.findings
      .filter((x: { severity: string }) => x.severity === 'error')
      .map((x: { rule: string; instance: string }) => `${x.rule}:${x.instance}`);
    expect(rules).toEqual(expect.arrayContaining(['T3-BALANCE:NP', 'T3-ROWSUM:NEW']));
    // A document has no cell addresses or lines: the findings name their cells.
    expect(json.findings.every((x: object) => !('lines' in x) && !('address' in x))).toBe(true);
    const text = await run(['check', f]);
    expect(text.out).toContain('自然人一列的“一、本年新收政府信息公开申请数量”');
  });

  it('says when the report table cannot be told apart from the layout', () => {
    // One table holds both the page's prose (a long paragraph in a cell) and the report's labels.
    const long = '本机关坚持以公开为常态、不公开为例外，'.repeat(15);
    const html = `<html><body><table><tr><td>${long}</td></tr><tr><td>申请人情况</td><td>自然人</td></tr></table></body></html>`;
    const read = readHtmlText(html);
    expect(read.remarks?.join('')).toContain('统计表格与页面的排版表格无法区分');
  });
});

describe('a Word document (.docx)', () => {
  const report = consistentReport('2021', seededRandom(12));
  const report2019 = consistentReport('2019', seededRandom(13));

  it('reads every value through w:gridSpan and w:vMerge, and passes', async () => {
    for (const r0 of [report, report2019]) {
      const f = write(`年报-${r0.format}.docx`, await wordDocument(r0));
      const outcome = await checkFile(f);
      expect(outcome.unreadable).toBeUndefined();
      const [r] = outcome.results;
      expect(r.notes).toEqual([]);
      expect(r.verdict).toBe('passed');
      expectSameValues(r.report, r0);
    }
  });

  it('keeps the paragraphs outside the tables as prose', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await wordDocument(report));
    const read = readDocumentXml(await zip.file('word/document.xml')!.async('string'));
    expect(read.prose).toContain(`全年共新收政府信息公开申请${report.cells['T3.NEW.TOT']}件。`);
    expect(read.prose).toContain('三、收到和处理政府信息公开申请情况\n四、政府信息公开行政复议、行政诉讼情况');
    expect(read.prose).not.toContain('申请人情况');
  });

  it('gives the finding of a broken row', async () => {
    const broken = structuredClone(report);
    broken.cells['T4.RV.TOT'] = (broken.cells['T4.RV.TOT'] as number) + 2;
    const f = write('有错误.docx', await wordDocument(broken));
    const r = await run(['check', f, '--json']);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out).files[0].findings.filter((x: { severity: string }) => x.severity === 'error');
    expect(findings.map((x: { rule: string; instance: string }) => `${x.rule}:${x.instance}`)).toEqual(['T4-SUM:RV']);
  });

  it('guards a .docx like an .xlsx: a zip bomb and an old .doc renamed are refused before reading', async () => {
    const JSZip = (await import('jszip')).default;
    const zip = new JSZip();
    zip.file('word/document.xml', Buffer.alloc(LIMITS.inflatedBytes + 1024, 0x20));
    const bomb = write('bomb.docx', await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(await guardFile(bomb)).toContain('可能是压缩炸弹或异常的文档');
    const ole = write('old.docx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]));
    expect(await guardFile(ole)).toContain('另存为 .docx');
  });
});

describe('a PDF with a text layer', () => {
  const report = consistentReport('2021', seededRandom(14));
  let pdf = '';
  let brokenPdf = '';

  beforeAll(async () => {
    // The template filled in, and the same with one wrong cell, printed to PDF by LibreOffice.
    const broken = structuredClone(report);
    broken.cells['T3.R1.BIZ'] = (broken.cells['T3.R1.BIZ'] as number) + 1;
    const src = join(dir, 'src');
    mkdirSync(src);
    await writeTemplateXlsx(join(src, 'pdf-good.xlsx'), '2021', { report });
    await writeTemplateXlsx(join(src, 'pdf-broken.xlsx'), '2021', { report: broken });
    [pdf, brokenPdf] = convertAll([join(src, 'pdf-good.xlsx'), join(src, 'pdf-broken.xlsx')], 'pdf', join(dir, 'pdf'));
  }, 120_000);

  it('rebuilds the rows and columns, reads every value and passes', async () => {
    // pdf.js is an ES module: it runs in the command's worker thread, not in jest's module system.
    const outcome = await checkFileIsolated(pdf);
    expect(outcome.unreadable).toBeUndefined();
    const [r] = outcome.results;
    expect(r.notes).toEqual([]);
    expect(r.verdict).toBe('passed');
    expectSameValues(r.report, report);
  });

  it('gives the finding of a broken row', async () => {
    const r = await run(['check', brokenPdf, '--json']);
    expect(r.code).toBe(1);
    const findings = JSON.parse(r.out).files[0].findings.filter((x: { severity: string }) => x.severity === 'error');
    expect(findings.map((x: { rule: string; instance: string }) => `${x.rule}:${x.instance}`).sort()).toEqual(
      ['T3-OUTCOMES:BIZ', 'T3-ROWSUM:R1'].sort(),
    );
  });

  it('calls a PDF without a text layer a scan', async () => {
    // A page with an image and no text, as a scanner writes it.
    const scan = write('扫描件.pdf', minimalPdf(''));
    const r = await run(['check', scan]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('扫描件没有文字层，请使用原始的 Word 或网页版本');
  });

  it('names the pages past the limit as not read, never 通过 (a report whose 表四 stands on page 303)', async () => {
    const long = write('长文件.pdf', pdfWithPages(Array.from({ length: 303 }, (_, i) => textAt(`page ${i + 1}`))));
    const r = await run(['check', long]);
    expect(r.code).not.toBe(0);
    expect(r.out).toContain('PDF 共 303 页，只读取了前 300 页，其后的内容未校验');
  }, 60_000);

  it('calls a file that is not a PDF invalid', async () => {
    const r = await run(['check', write('假的.pdf', 'not a pdf at all')]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('不是有效的 PDF 文件');
  });
});

describe('the template printed with a page break inside 表三', () => {
  // The clerk's print of the template: a manual page break inside 表三, and 表三's title and header
  // rows set as the sheet's 顶端标题行, so that they are printed again at the top of each later page.
  const versions = ['2021', '2019'] as const;
  const reports = versions.map((v, i) => consistentReport(v, seededRandom(40 + i)));
  // 顶端标题行: rows of 表三's block (1: its title, 2: the note and 申请人情况, 3–4: the column headers)
  // LibreOffice prints again at the top of every page, the 表四 page included.
  const PRINTS: [string, [number, number] | null, string][] = [
    ['break', null, 'its rows running on onto the next page'],
    ['titles', [1, 4], 'its title and header printed again at the top of the next pages'],
    ['title-only', [1, 1], 'only its title printed again'],
    ['title-note', [1, 2], 'its title and note printed again (the note lands under 表四’s title)'],
    ['note-header', [2, 3], 'its note and half its header printed again (自然人 and 总计 land on the first row’s numbers)'],
  ];
  let pdfs: string[] = [];

  beforeAll(async () => {
    const src = join(dir, 'printed');
    mkdirSync(src);
    const files: string[] = [];
    for (const [i, version] of versions.entries()) {
      const t3 = templatePlacements(version).find((p) => p.table === 'T3')!;
      for (const [name, titles] of PRINTS) {
        const wb = templateWorkbook(version, { report: reports[i] });
        const ws = wb.worksheets[0];
        // Layout row 14 of 表三 (inside （三）不予公开) begins the next page; rows are 1-based here.
        ws.getRow(t3.row + 14).addPageBreak();
        if (titles) ws.pageSetup.printTitlesRow = `${t3.row + titles[0]}:${t3.row + titles[1]}`;
        const file = join(src, `printed-${version}-${name}.xlsx`);
        writeFileSync(file, Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer));
        files.push(file);
      }
    }
    pdfs = convertAll(files, 'pdf', join(dir, 'printed-pdf'));
  }, 120_000);

  it.each(versions.flatMap((v, i) => PRINTS.map(([, , what], k) => [v, what, i, k])))(
    'reads the %s report with %s as one report, every value, and passes',
    async (_v, _what, i, k) => {
      const outcome = await checkFileIsolated(pdfs[(i as number) * PRINTS.length + (k as number)]);
      const [r] = outcome.results;
      expect(r.notes).toEqual([]);
      expect(r.verdict).toBe('passed');
      expectSameValues(r.report, reports[i as number]);
    },
  );
});

describe('folders and hints', () => {
  it('reads .html, .htm, .docx and .pdf found in a folder, and skips .doc with a hint', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    for (const f of ['a.html', 'b.htm', 'c.docx', 'd.pdf', 'e.doc']) writeFileSync(join(folder, f), 'x');
    const { files, skipped } = await expandInputs([folder]);
    expect(files.map((f) => f.slice(folder.length + 1))).toEqual(['a.html', 'b.htm', 'c.docx', 'd.pdf']);
    expect(skipped).toEqual([{ path: join(folder, 'e.doc'), reason: '不支持旧版 Word 文档（.doc），请在 Word 中另存为 .docx 后再校验' }]);
  });
});

/** A one-page PDF whose page content is `content` (empty: no text at all), with a correct xref table. */
function minimalPdf(content: string): Buffer {
  return pdfWithPages([content]);
}
