import { templateWorkbook } from '../../src/cli/templateXlsx';
import { readLastYearFile } from '../../src/taskpane/readLastYearFile';
import { layoutGrid } from '../helpers/layoutGrids';

const buffer = (b: Uint8Array) => b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;

describe('last year’s report from a file picked in the pane (the command’s readers, in the browser)', () => {
  it('reads pasted text (.txt)', async () => {
    const built = layoutGrid('2019');
    const text = built.grid.map((r) => r.join('\t')).join('\r\n');
    const r = await readLastYearFile('2020年报.txt', buffer(new TextEncoder().encode(text)));
    if (r.kind !== 'done') throw new Error(r.message);
    expect(r.report.format).toBe('2019');
    expect(r.report.cells['T3.COUT.NP']).toBe(built.values['T3.COUT.NP']);
    expect(r.tables).toEqual(['T2', 'T3', 'T4']);
  });

  it('reads a workbook (.xlsx) with the add-in’s template', async () => {
    const wb = templateWorkbook('2021', { report: { format: '2021', cells: { 'T3.COUT.NP': 7 } } });
    const data = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await readLastYearFile('上年.xlsx', buffer(data));
    if (r.kind !== 'done') throw new Error(r.message);
    expect(r.report.format).toBe('2021');
    expect(r.report.cells['T3.COUT.NP']).toBe(7);
  });

  it('says in Chinese what it cannot read', async () => {
    await expect(readLastYearFile('a.txt', buffer(new TextEncoder().encode('你好')))).resolves.toEqual({
      kind: 'failed',
      message: expect.stringContaining('没有找到年报统计表格'),
    });
    await expect(readLastYearFile('a.pdf', new ArrayBuffer(4))).resolves.toEqual({
      kind: 'failed',
      message: expect.stringContaining('不支持的文件类型'),
    });
    await expect(readLastYearFile('a.xlsx', buffer(new TextEncoder().encode('not a zip')))).resolves.toEqual({
      kind: 'failed',
      message: expect.stringContaining('无法打开 Excel 工作簿'),
    });
  });
});
