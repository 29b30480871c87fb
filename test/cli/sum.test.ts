import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { templateTsv } from '../../src/cli/template';
import { templateWorkbook } from '../../src/cli/templateXlsx';
import { dataCells, FORMAT_VERSIONS } from '../../src/report/standard/formats';
import { consistentReport, seededRandom, zeroReport } from '../../src/report/standard/generate';
import { Report } from '../../src/report/standard/report';
import { sumReports } from '../../src/report/standard/rollup';
import { validate } from '../../src/report/standard/validate';
import { run } from '../helpers/cli';

const root = mkdtempSync(join(tmpdir(), 'xxgk-sum-'));
let n = 0;
function folder(files: Record<string, string | Buffer>): string {
  const dir = join(root, `units-${n++}`);
  mkdirSync(dir);
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
const json = (r: Report) => JSON.stringify(r);
const unit = (seed: number, v: '2021' | '2019' = '2021') => consistentReport(v, seededRandom(seed));
const amountsWhole = (r: Report): Report => {
  for (const d of dataCells(r.format)) if (d.kind === 'amount') r.cells[d.id] = Math.round(Number(r.cells[d.id]));
  return r;
};

describe('roll-up arithmetic', () => {
  it('the sum of consistent reports is itself consistent, for random units of either version', () => {
    fc.assert(
      fc.property(fc.constantFrom(...FORMAT_VERSIONS), fc.array(fc.integer(), { minLength: 1, maxLength: 8 }), (v, seeds) => {
        const units = seeds.map((s, i) => ({ name: `单位${i}`, report: consistentReport(v, seededRandom(s)) }));
        const sum = sumReports(v, units);
        expect(sum.notes).toEqual([]);
        expect(validate(sum.report).filter((f) => f.severity !== 'info')).toEqual([]);
        for (const d of dataCells(v).filter((x) => x.kind !== 'amount')) {
          expect(sum.report.cells[d.id]).toBe(units.reduce((a, u) => a + Number(u.report.cells[d.id] ?? 0), 0));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('adds amounts (万元) without float noise', () => {
    const a = unit(1);
    const b = unit(2);
    a.cells['T2.FEE.FEEAMT'] = 0.1;
    b.cells['T2.FEE.FEEAMT'] = 0.2;
    expect(
      sumReports('2021', [
        { name: 'a', report: a },
        { name: 'b', report: b },
      ]).report.cells['T2.FEE.FEEAMT'],
    ).toBe(0.3);
  });

  it('counts text in a cell as 0 and says so', () => {
    const a = unit(1);
    a.cells['T3.NEW.NP'] = '五';
    const sum = sumReports('2021', [{ name: '甲局', report: a }]);
    expect(sum.report.cells['T3.NEW.NP']).toBe(0);
    expect(sum.notes[0]).toContain('甲局的自然人一列的“一、本年新收政府信息公开申请数量”不是数字（“五”），按 0 计入汇总');
  });
});

describe('xxgk-report sum', () => {
  it('sums a folder of .json, .txt and .xlsx units into the exchange format, cell by cell', async () => {
    const reports = [amountsWhole(unit(1)), amountsWhole(unit(2)), amountsWhole(unit(3))];
    const xlsx = Buffer.from((await templateWorkbook('2021', { report: reports[2] }).xlsx.writeBuffer()) as ArrayBuffer);
    const dir = folder({ '甲局.json': json(reports[0]), '乙镇.txt': templateTsv('2021', reports[1]), '丙街道.xlsx': xlsx });
    const out = join(root, 'sum.json');
    const r = await run(['sum', dir, '--out', out]);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const name of ['甲局', '乙镇', '丙街道']) expect(r.out).toMatch(new RegExp(`^${name}\\t通过\\t0\\t.*\\t计入$`, 'm'));
    expect(r.out).toContain('已汇总 3 个单位（2021版）');
    expect(r.out).toContain('汇总表校验：通过');
    const sum = JSON.parse(readFileSync(out, 'utf8'));
    expect(sum.format).toBe('2021');
    for (const d of dataCells('2021'))
      expect([d.id, sum.cells[d.id]]).toEqual([d.id, reports.reduce((a, x) => a + Number(x.cells[d.id] ?? 0), 0)]);
  });

  it('sums units with errors but names them, and exits 1', async () => {
    const bad = unit(5);
    bad.cells['T3.NEW.NP'] = Number(bad.cells['T3.NEW.NP']) + 1;
    const r = await run(['sum', folder({ 'a.json': json(unit(4)), '错局.json': json(bad) }), '--out', join(root, 'with-errors.json')]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^错局\t有错误\t2\t.*\t计入$/m);
    expect(r.out).toContain('其中有错误的单位（已计入，请核对）：错局');
    expect(r.out).toContain('汇总表校验：有错误');
  });

  it('never lists a unit whose only findings are warnings as a bare 通过', async () => {
    // 本年新公开数量 above 对外公开总数量 in two rows (2019 only): two T2-PUBLISHED warnings.
    const warned = zeroReport('2019');
    warned.cells['T2.REG.PUBLISHED'] = 1;
    warned.cells['T2.NORM.PUBLISHED'] = 1;
    const r = await run([
      'sum',
      folder({ '警局.json': json(warned), 'ok.json': json(zeroReport('2019')) }),
      '--out',
      join(root, 'warned.xlsx'),
    ]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^警局\t通过（警告 2 条，请核对）\t0\t.*\t计入$/m);
    expect(r.out).toMatch(/^ok\t通过\t0\t.*\t计入$/m);
    expect(r.out).toContain('汇总表校验：通过（警告 2 条，请核对）');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(root, 'warned.xlsx'));
    const detail = wb.getWorksheet('各单位明细')!;
    const verdicts = Object.fromEntries([3, 4].map((row) => [detail.getRow(row).getCell(1).value, detail.getRow(row).getCell(3).value]));
    expect(verdicts).toEqual({ 警局: '通过（警告 2 条，请核对）', ok: '通过' });
  });

  it('leaves out incomplete and unreadable units unless asked, and says so', async () => {
    const sample = readFileSync(join(__dirname, '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8').split('\n');
    sample[67] = '三、本年度办理结果\t(一) 予以公开\t1'; // a row that cannot be read: incomplete
    const dir = folder({ 'a.json': json(unit(6, '2019')), 'partly.txt': sample.join('\n'), 'broken.xlsx': 'not a zip' });
    const left = await run(['sum', dir, '--out', join(root, 'left.json')]);
    expect(left.out).toMatch(/^partly\t部分未校验\t.*\t未计入：部分未校验.*--include-incomplete$/m);
    expect(left.out).toMatch(/^broken\t无法读取\t.*\t未计入：无法读取：/m);
    // As `check` does: the file that cannot be read is named on standard error as it comes.
    expect(left.err).toMatch(/无法校验 .*broken\.xlsx：/);
    expect(left.out).toContain('已汇总 1 个单位（2019版）');
    expect(left.out).toContain('未计入汇总的单位：broken、partly');
    expect(left.code).toBe(2);
    const included = await run(['sum', dir, '--out', join(root, 'included.json'), '--include-incomplete']);
    expect(included.out).toMatch(/^partly\t部分未校验\t.*\t计入$/m);
    expect(included.out).toContain('已汇总 2 个单位（2019版）');
  });

  it('refuses to add 2019 and 2021 reports, and writes nothing', async () => {
    const out = join(root, 'mixed.json');
    const r = await run(['sum', folder({ 'new.json': json(unit(7)), 'old.json': json(unit(8, '2019')) }), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('各单位的年报格式版本不同（2021版：new；2019版：old），2019版和2021版的表格不能相加');
    expect(r.err).toContain('或加 --format 2021 或 --format 2019 分别汇总');
    expect(existsSync(out)).toBe(false);
    const wrong = await run(['sum', folder({ 'new.json': json(unit(7)) }), '--out', out, '--format', '2019']);
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('要求汇总2019版，但各单位的年报是2021版：new');
  });

  it('writes an .xlsx with the filled template, which checks as one report, and a 各单位明细 sheet', async () => {
    const out = join(root, '汇总.xlsx');
    const a = amountsWhole(unit(11));
    const b = amountsWhole(unit(12));
    const r = await run(['sum', folder({ 'a.json': json(a), 'b.json': json(b) }), '--out', out]);
    expect(r.code).toBe(0);
    const checked = JSON.parse((await run(['check', out, '--json'])).out).files;
    expect(checked).toHaveLength(1);
    expect(checked[0].verdict).toBe('passed');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const detail = wb.getWorksheet('各单位明细')!;
    expect(detail.getCell('A1').value).toBe('汇总（2 个单位，2021版） 各单位明细');
    expect(detail.getRow(2).values).toEqual(expect.arrayContaining(['单位', '结论', '本年新收申请（件）', '是否计入汇总']));
    expect(detail.getCell('A3').value).toBe('a');
    expect(detail.getCell('E3').value).toBe(a.cells['T3.NEW.TOT']);
    expect(detail.rowCount).toBe(4);
  });

  it('heads the roll-up with what it sums and prints 各单位明细 landscape, one page wide, with borders and its header on every page', async () => {
    const out = join(root, '印刷.xlsx');
    const r = await run(['sum', folder({ 'A局.json': json(unit(31)), 'B局.json': json(unit(32)) }), '--out', out]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总（2021版）', '各单位明细']);
    const summary = wb.worksheets[0];
    expect(summary.getCell('A1').value).toBe('汇总（2 个单位，2021版）');
    expect(summary.getCell('A2').value).toBe('汇总单位：A局、B局');
    expect(summary.getCell('A1').font?.bold).toBe(true);
    const detail = wb.getWorksheet('各单位明细')!;
    expect(detail.pageSetup).toMatchObject({
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '2:2',
    });
    for (const row of [2, 3, 4])
      for (let col = 1; col <= detail.columnCount; col++)
        expect(detail.getCell(row, col).border).toMatchObject({ left: { style: 'thin' } });
    // Numbers keep a space from the text beside them.
    expect(detail.getCell('E3').alignment).toMatchObject({ horizontal: 'right', indent: 1 });
  });

  it('does not overwrite an existing output without --force', async () => {
    const out = join(root, 'exists.json');
    writeFileSync(out, 'keep');
    const r = await run(['sum', folder({ 'a.json': json(unit(13)) }), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`无法写入 ${out}：文件已存在（如要覆盖，请加上 --force）`);
    expect(readFileSync(out, 'utf8')).toBe('keep');
  });

  it('counts one unit once: the same report as .json and .txt, a copy named （1） or 副本, and a file named twice', async () => {
    const a = amountsWhole(unit(21));
    const b = amountsWhole(unit(22));
    const c = amountsWhole(unit(23));
    const dir = folder({
      '民政局.json': json(a),
      '民政局.txt': templateTsv('2021', a),
      '乙镇.json': json(b),
      '乙镇（1）.json': json(b),
      '丙街道 - 副本.json': json(c),
      '丙街道.json': json(c),
    });
    const out = join(root, 'dedup.json');
    const r = await run(['sum', dir, join(dir, '乙镇.json'), '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已汇总 3 个单位（2021版）');
    expect(r.out).toMatch(/^民政局\t通过.*\t未计入：与 民政局\.json 重复（同一单位的另一份文件），未重复计入$/m);
    expect(r.out).toMatch(/^乙镇（1）\t.*未计入：与 乙镇\.json 重复/m);
    expect(r.out).toMatch(/^丙街道\t.*未计入：与 丙街道 - 副本\.json 重复/m);
    // 乙镇.json, named on the command line too, is read once.
    expect(r.out.match(/^乙镇\t/gm)).toHaveLength(1);
    const sum = JSON.parse(readFileSync(out, 'utf8'));
    expect(sum.cells['T3.NEW.TOT']).toBe(Number(a.cells['T3.NEW.TOT']) + Number(b.cells['T3.NEW.TOT']) + Number(c.cells['T3.NEW.TOT']));
    expect(sum.rollup.units.map((u: { name: string }) => u.name).sort()).toEqual(['丙街道 - 副本', '乙镇', '民政局'].sort());
    expect(sum.rollup.leftOut).toHaveLength(3);
  });

  it('sets aside a file whose numbers equal another unit’s, but never units that only share zeros', async () => {
    const a = amountsWhole(unit(24));
    const dir = folder({
      '甲.json': json(a),
      '乙.json': json(a),
      '丙.json': json(zeroReport('2021')),
      '丁.json': json(zeroReport('2021')),
    });
    const r = await run(['sum', dir, '--out', join(root, 'same-numbers.json')]);
    // The folder is walked in name order: one of the two is summed, the other set aside naming it.
    expect(r.out).toMatch(/^(甲|乙)\t.*未计入：与 (甲|乙)\.json 重复（数字与之完全相同），未重复计入$/m);
    expect(r.out.match(/未计入：与/g)).toHaveLength(1);
    expect(r.out).toContain('已汇总 3 个单位（2021版）');
  });

  it.each(['.json', '.xlsx', '.tsv'])('never reads its own %s roll-up back as a unit when run twice into the same folder', async (ext) => {
    const a = amountsWhole(unit(25));
    const b = amountsWhole(unit(26));
    const dir = folder({ '甲.json': json(a), '乙.json': json(b) });
    const out = join(dir, `汇总${ext}`);
    expect((await run(['sum', dir, '--out', out])).code).toBe(0);
    const again = await run(['sum', dir, '--out', join(root, `again-${ext.slice(1)}.json`)]);
    expect(again.out).toContain('已汇总 2 个单位（2021版）');
    expect(again.out).toMatch(/^汇总\t.*未计入：这是年报助手生成的汇总文件/m);
    const sum = JSON.parse(readFileSync(join(root, `again-${ext.slice(1)}.json`), 'utf8'));
    expect(sum.cells['T3.NEW.TOT']).toBe(Number(a.cells['T3.NEW.TOT']) + Number(b.cells['T3.NEW.TOT']));
  });

  it('refuses an output that is one of its inputs, even with --force, and leaves it as it was', async () => {
    const dir = folder({ '甲.json': json(unit(27)), '乙.json': json(unit(28)) });
    const before = readFileSync(join(dir, '乙.json'), 'utf8');
    const r = await run(['sum', dir, '--out', join(dir, '乙.json'), '--force']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('也是要汇总的输入文件');
    expect(readFileSync(join(dir, '乙.json'), 'utf8')).toBe(before);
  });
});
