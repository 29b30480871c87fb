import { templateHtml } from '../../src/cli/html';
import { consistentReport, seededRandom } from '../../src/report/standard/generate';
import { Report } from '../../src/report/standard/report';
import { checkBytes, handle } from '../../src/web/core';
import { PDF_NOT_LOADED } from '../../src/web/pdfReader';
import { FILE_READERS } from '../../src/read/files';
import { supportedExtensions } from '../../src/read/readers';
import type { Answer, Outcome } from '../../src/web/protocol';
import { zipBuffer } from '../../bench/hostile';

// The web page's core, as its workers run it: the command's check, roll-up and templates from bytes.

const bytes = (r: Report | string): Uint8Array => new TextEncoder().encode(typeof r === 'string' ? r : JSON.stringify(r));
const unit = (seed: number, v: '2021' | '2019' = '2021') => consistentReport(v, seededRandom(seed));

async function outcomes(files: Record<string, Report | string>): Promise<Outcome[]> {
  return Promise.all(Object.entries(files).map(([name, r]) => checkBytes(name, bytes(r))));
}

const rollup = async (os: Outcome[], ticked = os.map((o) => o.results.map((_, i) => i)), includeIncomplete = false) =>
  (await handle({ kind: 'rollup', files: os.map((outcome, i) => ({ outcome, ticked: ticked[i] })), includeIncomplete })) as Extract<
    Answer,
    { kind: 'rollup' }
  >;

describe('the web page’s core', () => {
  it('answers a ping with the extensions it reads: the command’s, PDF included, in the command’s order', async () => {
    const a = await handle({ kind: 'ping' });
    expect(a).toEqual({ kind: 'pong', extensions: supportedExtensions(FILE_READERS) });
    expect(supportedExtensions(FILE_READERS)).toContain('.pdf');
  });

  it('calls a PDF unreadable, with the reason in Chinese, in a thread where the page’s PDF script did not run', async () => {
    const o = await checkBytes('年报.pdf', bytes('%PDF-1.4'));
    expect(o).toEqual({ file: '年报.pdf', results: [], unreadable: PDF_NOT_LOADED });
    expect(PDF_NOT_LOADED).toMatch(/^此浏览器无法运行网页版的 PDF 读取组件/);
  });

  it('refuses a zip bomb with the guard’s reason, as the command does', async () => {
    const bomb = zipBuffer([{ name: 'xl/worksheets/sheet1.xml', deflated: Buffer.alloc(10), size: 200 * 1024 * 1024 }]);
    const o = await checkBytes('炸弹.xlsx', new Uint8Array(bomb));
    expect(o.results).toEqual([]);
    expect(o.unreadable).toMatch(/^解压后共 200 MB，超过 100 MB 的上限/);
  });

  it('refuses to add up 2019 and 2021 reports, naming them, and tells the page’s way out (not the command’s --format)', async () => {
    const a = await rollup(await outcomes({ '甲局.json': unit(1), '乙局.json': unit(2, '2019') }));
    expect(a.bytes).toBeUndefined();
    expect(a.refusal).toBe(
      '无法汇总：各单位的年报格式版本不同（2021版：甲局；2019版：乙局），2019版和2021版的表格不能相加。请更正这些单位的年报，或只勾选同一版本的单位分别汇总。',
    );
  });

  it('lists a unit left unticked as not summed, and sums the others into the command’s workbook', async () => {
    const os = await outcomes({ '甲局.json': unit(1), '乙局.json': unit(2), '丙局.json': unit(3) });
    const a = await rollup(os, [[0], [], [0]]);
    expect(a.lines.map((l) => `${l.name} ${l.summed}`)).toEqual(['甲局 计入', '乙局 未计入：没有勾选', '丙局 计入']);
    expect(a.summary?.[0]).toBe('已汇总 2 个单位（2021版），已生成汇总表。');
    expect(a.bytes!.length).toBeGreaterThan(1000);
  });

  it('leaves an incomplete unit out unless asked, as `sum --include-incomplete` does', async () => {
    const partial = unit(4);
    delete partial.cells['T4.RV.OTH'];
    const os = await outcomes({ '甲局.json': unit(1), '丁局.json': partial });
    expect((await rollup(os)).lines[1].summed).toBe('未计入：部分未校验（有内容未能读取）');
    expect((await rollup(os, undefined, true)).lines[1].summed).toBe('计入');
  });

  it('hands out the .html template exactly as `xxgk-report template` writes it', async () => {
    const a = await handle({ kind: 'template', version: '2019', as: 'html' });
    expect(a.kind === 'file' && new TextDecoder().decode(a.bytes)).toBe(templateHtml('2019'));
  });
});
