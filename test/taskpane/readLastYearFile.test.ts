import { problemText } from '../../src/taskpane/problemText';
import { templateWorkbook } from '../../src/cli/templateXlsx';
import { readLastYearFile } from '../../src/taskpane/readLastYearFile';
import { layoutGrid } from '../helpers/layoutGrids';
import { zipBuffer } from '../../bench/hostile';
import { deflateRawSync } from 'zlib';

const buffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('last year’s report from a file picked in the pane (the command’s readers and guard, run as the pane runs them)', () => {
  it('reads pasted text (.txt)', async () => {
    const built = layoutGrid('2019');
    const text = built.grid.map((r) => r.join('\t')).join('\r\n');
    const r = await readLastYearFile('2020年报.txt', buffer(new TextEncoder().encode(text)));
    if (r.kind !== 'done') throw new Error(problemText(r.problem));
    expect(r.report.format).toBe('2019');
    expect(r.report.cells['T3.COUT.NP']).toBe(built.values['T3.COUT.NP']);
    expect(r.tables).toEqual(['T2', 'T3', 'T4']);
  });

  it('reads a workbook (.xlsx) with the add-in’s template', async () => {
    const wb = templateWorkbook('2021', { report: { format: '2021', cells: { 'T3.COUT.NP': 7 } } });
    const data = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await readLastYearFile('上年.xlsx', buffer(data));
    if (r.kind !== 'done') throw new Error(problemText(r.problem));
    expect(r.report.format).toBe('2021');
    expect(r.report.cells['T3.COUT.NP']).toBe(7);
  });

  it('says in Chinese what it cannot read', async () => {
    await expect(readLastYearFile('a.txt', buffer(new TextEncoder().encode('你好')))).resolves.toEqual({
      kind: 'failed',
      problem: { code: 'said', text: expect.stringContaining('没有找到年报统计表格') },
    });
    await expect(readLastYearFile('a.pdf', new ArrayBuffer(4))).resolves.toEqual({
      kind: 'failed',
      problem: {
        code: 'said',
        text: expect.stringContaining('任务窗格不读取 PDF：可在网页版校验（年报校验.html）或命令行工具中选它作为上年报告'),
      },
    });
    await expect(readLastYearFile('a.xls', new ArrayBuffer(4))).resolves.toEqual({
      kind: 'failed',
      problem: { code: 'said', text: expect.stringContaining('另存为” .xlsx') },
    });
    await expect(readLastYearFile('a.xlsx', buffer(new TextEncoder().encode('not a zip')))).resolves.toEqual({
      kind: 'failed',
      problem: { code: 'said', text: expect.stringContaining('不是有效的 .xlsx 文件') },
    });
  });
});

describe('the pane’s reader is behind the command’s guard', () => {
  it('refuses a zip bomb, from the sizes it inflates to, before the workbook library opens it', async () => {
    // 200 MB of spaces deflated to about 200 KB, declared as 1 KB.
    const bomb = zipBuffer([
      { name: 'xl/worksheets/sheet1.xml', deflated: deflateRawSync(Buffer.alloc(200 * 1024 * 1024, 32)), size: 1000 },
    ]);
    const r = await readLastYearFile('上年.xlsx', buffer(bomb));
    expect(r).toEqual({
      kind: 'failed',
      problem: { code: 'said', text: expect.stringContaining('解压后比声明的大小大（可能是压缩炸弹）') },
    });
  });

  it('refuses a workbook whose sheet merges a whole sheet, as the command does', async () => {
    const sheet = Buffer.from('<worksheet><sheetData/><mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>');
    const r = await readLastYearFile('上年.xlsx', buffer(zipBuffer([{ name: 'xl/worksheets/sheet1.xml', data: sheet }])));
    expect(r).toEqual({
      kind: 'failed',
      problem: { code: 'said', text: expect.stringContaining('含有过大的合并单元格区域（A1:XFD1048576）') },
    });
  });

  it('reads a web page (.html) with the command’s reader', async () => {
    const built = layoutGrid('2021');
    const rows = built.grid.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
    const page = new TextEncoder().encode(`<html><head><meta charset="utf-8"></head><body><table>${rows}</table></body></html>`);
    const r = await readLastYearFile('上年.html', buffer(page));
    if (r.kind !== 'done') throw new Error(problemText(r.problem));
    expect(r.report.cells['T3.COUT.NP']).toBe(built.values['T3.COUT.NP']);
  });
});
