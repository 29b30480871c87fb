import { execFileSync, spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { consistentReport, seededRandom, zeroReport } from '../../src/report/standard/generate';
import { layoutTextGrid, officialLayout } from '../../src/report/look/layout';
import { TABLE_IDS } from '../../src/report/standard/formats';
import { run } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-cli-'));
const write = (name: string, data: unknown) => {
  const p = join(dir, name);
  writeFileSync(p, typeof data === 'string' ? data : JSON.stringify(data));
  return p;
};

describe('xxgk-report check', () => {
  const good = write('good.json', consistentReport('2021', seededRandom(1)));
  const badReport = zeroReport('2021');
  badReport.cells['T3.NEW.NP'] = 12;
  badReport.cells['T3.NEW.TOT'] = 12;
  const bad = write('bad.json', badReport);

  it('exits 0 and says all passed for a consistent report', async () => {
    const r = await run(['check', good]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('2021版');
    expect(r.out).toContain('错误 0，警告 0，提示 0');
    expect(r.out).toContain('：通过（2021版');
    expect(r.out).toContain('  通过：全部表格已读取并校验，未发现问题\n');
  });

  it('never says a bare 通过 for a report whose only findings are warnings, and gives the count in JSON', async () => {
    // Last year carried 2 applications of 自然人 over; this year's 上年结转 says 0: two XY-CARRY warnings (自然人, 总计).
    const last = zeroReport('2021');
    last.cells['T3.COUT.NP'] = 2;
    last.cells['T3.COUT.TOT'] = 2;
    const args = ['check', write('warned.json', zeroReport('2021')), '--last-year', write('warned-last.json', last)];
    const r = await run(args);
    expect(r.code).toBe(0);
    expect(r.out).toContain('：通过（警告 2 条，请核对；2021版');
    expect(r.out.trimEnd().split('\n').pop()).toBe('  通过（警告 2 条，请核对）：全部表格已读取并校验，没有错误');
    expect(r.out).not.toMatch(/通过(?!（警告 2 条，请核对)/);
    const json = JSON.parse((await run([...args, '--json'])).out);
    expect(json.files[0]).toMatchObject({ verdict: 'passed', errors: 0, warnings: 2 });
  });

  it('closes the text output of a report with errors with the count', async () => {
    const r = await run(['check', bad]);
    expect(r.out).toContain('  有错误：错误 2 条，请逐条修改\n');
  });

  it('exits 1 and prints the finding with its numbers for an inconsistent report', async () => {
    const r = await run(['check', bad]);
    expect(r.code).toBe(1);
    // Rule names and cells in Chinese: no rule codes or cell ids in the text output (--json keeps them).
    expect(r.out).toContain('  表三·申请数量平衡（本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和）\n');
    expect(r.out).toContain(
      '    [错误] 自然人一列的“一、本年新收政府信息公开申请数量”、自然人一列的“二、上年结转政府信息公开申请数量”、自然人一列的“（七）总计” 等 4 个单元格\n',
    );
    // The basis is said once for the rule, not repeated in each finding.
    expect(r.out.split('本列数据的勾稽关系').length - 1).toBe(1);
    expect(r.out).not.toMatch(/T3-|T3\.NEW/);
    expect(r.out).toContain('自然人列：第一项 12 + 第二项 0 = 12，应等于（七）总计 0 + 第四项 0 = 0，相差 12');
  });

  it('folds blank cells into one line per table in the text output, and lists each in JSON', async () => {
    const blank = zeroReport('2021');
    for (const id of ['T4.RV.PEN', 'T4.LD.PEN', 'T3.X2.NP'] as const) blank.cells[id] = null;
    const file = write('blank.json', blank);
    const text = await run(['check', file]);
    expect(text.out).toContain('表三·空白单元格  表三有 1 个空白单元格');
    expect(text.out).toContain('表四·空白单元格  表四有 2 个空白单元格');
    expect(text.out).not.toContain('CELL-BLANK');
    expect(text.out).toContain('行政复议的“尚未审结”，未经复议直接起诉的“尚未审结”');
    const json = JSON.parse((await run(['check', file, '--json'])).out);
    expect(json.files[0].findings.filter((f: { rule: string }) => f.rule === 'CELL-BLANK')).toHaveLength(3);
  });

  it('prints the JSON shape with --json', async () => {
    const r = await run(['check', bad, good, '--json']);
    const parsed = JSON.parse(r.out);
    expect(parsed.files.map((f: { file: string }) => f.file)).toEqual([bad, good]);
    expect(parsed.files[0].findings[0]).toEqual({
      rule: 'T3-BALANCE',
      instance: 'NP',
      severity: 'error',
      cells: ['T3.NEW.NP', 'T3.CIN.NP', 'T3.RT.NP', 'T3.COUT.NP'],
      expected: 0,
      actual: 12,
      message: expect.stringContaining('自然人列'),
    });
  });

  it('runs the cross-year rules with --last-year', async () => {
    const last = zeroReport('2019');
    last.cells['T3.COUT.NP'] = 2;
    const r = await run(['check', good, '--last-year', write('last.json', last), '--json']);
    const rules = JSON.parse(r.out).files[0].findings.map((f: { rule: string }) => f.rule);
    expect(rules).toContain('XY-CARRY');
  });

  it.each([
    ['missing.json', null, '文件不存在'],
    ['notjson.json', '{oops', '不是有效的 JSON'],
    ['noformat.json', { cells: {} }, '"format"'],
    ['badid.json', { format: '2019', cells: { 'T3.O1.NP': 1 } }, '2019版格式中没有单元格编号 T3.O1.NP'],
    ['badvalue.json', { format: '2021', cells: { 'T3.NEW.NP': [1] } }, '单元格 T3.NEW.NP 的值'],
    ['report.png', 'x', '不支持的文件类型'],
  ])('exits 2 naming the file and the reason for %s', async (name, content, reason) => {
    const p = content === null ? join(dir, name) : write(name, content);
    const r = await run(['check', p]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(p);
    expect(r.out).toContain(reason);
  });

  it('checks every report in a folder', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.json'), JSON.stringify(zeroReport('2019')));
    writeFileSync(join(folder, 'b.json'), JSON.stringify(badReport));
    writeFileSync(join(folder, 'readme.md'), 'not a report');
    const r = await run(['check', folder, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files.map((f: { file: string }) => f.file)).toEqual([join(folder, 'a.json'), join(folder, 'b.json')]);
    // The text output closes with the count of each verdict.
    const text = await run(['check', folder, join(folder, 'a.json'), join(dir, 'no-such.json')]);
    expect(text.out.trim().split('\n').pop()).toBe('共 3 个文件：通过 1，有错误 1，部分未校验 0，无法读取 1');
  });

  it('does not compare a 2019-format report with a 2021-format last year: 部分未校验, saying why', async () => {
    const thisYear = write('2019.json', zeroReport('2019'));
    const last = write('2021.json', { ...zeroReport('2021'), cells: { ...zeroReport('2021').cells, 'T3.COUT.NP': 4 } });
    const r = JSON.parse((await run(['check', thisYear, '--last-year', last, '--json'])).out).files[0];
    expect(r.verdict).toBe('incomplete');
    expect(r.findings.filter((f: { rule: string }) => f.rule === 'XY-CARRY')).toEqual([]);
    expect(r.notes.join('')).toContain(
      '上年报告是2021版，本年的表格是2019版：较晚的年份不会使用较早的格式，跨年度数字（上年结转等）未核对',
    );
  });

  it('rejects unknown commands and options with the usage', async () => {
    expect((await run(['frobnicate'])).code).toBe(2);
    const r = await run(['check', good, '--colour']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('未知选项 --colour');
  });
});

describe('xxgk-report check on pasted text', () => {
  it('does not count a row it could not read as 0: the sums that need it are left out, and it says so', async () => {
    const sample = readFileSync(join(__dirname, '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8').split('\n');
    const replace = (line: number, text: string) => (sample[line - 1] = text);
    // 1 application by a 自然人, answered by 予以公开 (line 68) — but that row lost its numbers in the copy.
    replace(66, sample[65].replace(/\t\t0\t0\t0\t0\t0\t0\t0\t$/, '\t\t1\t0\t0\t0\t0\t0\t1\t'));
    replace(89, sample[88].replace(/\t0\t0\t0\t0\t0\t0\t0\t0$/, '\t0\t1\t0\t0\t0\t0\t0\t1'));
    replace(68, '三、本年度办理结果\t(一) 予以公开\t1');
    const r = await run(['check', write('lost-row.txt', sample.join('\n')), '--json']);
    const file = JSON.parse(r.out).files[0];
    expect(file.findings.filter((f: { severity: string }) => f.severity !== 'info')).toEqual([]);
    // Named as the table names them, not by cell ids.
    expect(file.notes.join('\n')).toContain('有 7 个单元格没有找到，不参与校验：自然人一列的“（一）予以公开”');
    expect(file.notes.join('\n')).not.toMatch(/T3\.R1/);
    // Nothing wrong was found, but a row was not read: never "passed".
    expect(file.verdict).toBe('incomplete');
    expect(r.code).toBe(3);
    const text = await run(['check', join(dir, 'lost-row.txt')]);
    expect(text.out).toContain('部分未校验');
    expect(text.out).not.toContain('通过');
  });

  it('names the lines of the file where a finding is', async () => {
    const sample = readFileSync(join(__dirname, '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8').split('\n');
    sample[65] = sample[65].replace(/\t\t0\t0\t0\t0\t0\t0\t0\t$/, '\t\t2\t0\t0\t0\t0\t0\t2\t'); // line 66: 2 new, never answered
    const r = await run(['check', write('unbalanced.txt', sample.join('\n'))]);
    expect(r.code).toBe(1);
    // Row and column of each cell (text has no addresses; its cells are tab-separated).
    expect(r.out).toMatch(
      /表三·申请数量平衡（[^）]+）\n {4}\[错误\] 第 66 行第 3 列、第 67 行第 3 列、第 \d+ 行第 3 列、第 \d+ 行第 3 列\n/,
    );
    const json = JSON.parse((await run(['check', join(dir, 'unbalanced.txt'), '--json'])).out);
    expect(json.files[0].findings.find((f: { rule: string }) => f.rule === 'T3-BALANCE').lines).toContain(66);
  });
});

describe('xxgk-report template', () => {
  it.each(['2021', '2019'] as const)('writes the %s grids as tab-separated text', async (v) => {
    const out = join(dir, `t${v}.tsv`);
    const r = await run(['template', '--format', v, '--out', out]);
    expect(r.code).toBe(0);
    const expected =
      TABLE_IDS.map((t) =>
        layoutTextGrid(officialLayout(v, t))
          .map((row) => row.join('\t'))
          .join('\n'),
      ).join('\n\n') + '\n';
    expect(readFileSync(out, 'utf8')).toBe(expected);
  });

  it('refuses an unknown version', async () => {
    expect((await run(['template', '--format', '2020', '--out', join(dir, 'x.tsv')])).code).toBe(2);
  });
});

describe('the installed command', () => {
  it('runs through npx in the repository with the documented exit codes', () => {
    const root = join(__dirname, '..', '..');
    const ok = spawnSync('npx', ['xxgk-report', 'check', write('npx-ok.json', zeroReport('2019'))], { cwd: root, encoding: 'utf8' });
    expect(ok.status).toBe(0);
    const bad = spawnSync('npx', ['xxgk-report', 'check', join(dir, 'bad.json')], { cwd: root, encoding: 'utf8' });
    expect(bad.status).toBe(1);
    expect(bad.stdout).toContain('表三·申请数量平衡');
    expect(execFileSync('node', ['bin/xxgk-report.js', '--help'], { cwd: root, encoding: 'utf8' })).toContain('用法');
  });
});

describe('xxgk-report check on awkward text files', () => {
  it('refuses a text of millions of empty cells as not a report, without running out of memory', async () => {
    const file = write('tabs.txt', '\t'.repeat(3_000_000));
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('文本中的单元格过多');
  });

  it('says that a .txt holding a zip (a renamed .xlsx) is not text', async () => {
    const file = write('renamed.txt', 'PK\u0003\u0004 rest of a zip');
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    expect(r.out).toContain('很可能是改了扩展名的 .xlsx 或 .docx');
  });

  it('lists the files it passed over in --json too', async () => {
    const folder = join(dir, 'with-xls');
    mkdirSync(folder);
    writeFileSync(join(folder, 'old.xls'), 'x');
    writeFileSync(join(folder, 'good.json'), JSON.stringify(zeroReport('2021')));
    const json = JSON.parse((await run(['check', folder, '--json'])).out);
    expect(json.skipped).toEqual([{ path: join(folder, 'old.xls'), reason: expect.stringContaining('.xlsx') }]);
    expect(json.files.map((f: { verdict: string }) => f.verdict)).toEqual(['passed']);
  });
});

describe('xxgk-report check on the exchange format', () => {
  it('says incomplete for cell ids left out (a blank cell is null), and unreadable for no cells at all', async () => {
    const partial = write('partial.json', { format: '2021', cells: { 'T3.NEW.NP': 0 } });
    const r = JSON.parse((await run(['check', partial, '--json'])).out).files[0];
    expect(r.verdict).toBe('incomplete');
    expect(r.notes.join('')).toContain('表三有 174 个单元格没有给出');
    expect(r.findings).toEqual([]);
    const empty = await run(['check', write('empty.json', { format: '2021', cells: {} })]);
    expect(empty.code).toBe(2);
    expect(empty.out).toContain('JSON 中没有任何单元格');
  });
});

describe('a report that lacks a table', () => {
  it('is 部分未校验, never 通过, and names the table not found', async () => {
    const sample = readFileSync(join(__dirname, '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8');
    const cut = sample.slice(0, sample.indexOf('四、政府信息公开行政复议'));
    const r = JSON.parse((await run(['check', write('no-t4.txt', cut), '--json'])).out).files[0];
    expect(r.tables).toEqual(['T2', 'T3']);
    expect(r.verdict).toBe('incomplete');
    expect(r.notes).toContain('没有找到表四（复议诉讼）；完整的年报应有表二、表三、表四');
  });
});
