import { worded } from '../helpers/worded';
import { readFileSync } from 'fs';
import { join } from 'path';
import { checkWorkbook } from '../../src/excel/check';
import { createMemoryHost } from '../../src/excel/memory';
import { convertActiveSheet, recogniseActiveSheet, unmarkActiveSheet } from '../../src/excel/pasted';
import { a1 } from '../../src/report/standard/a1';
import { tableLayout } from '../../src/report/look/layout';
import { parseTsv } from '../../src/report/recognise/recognise';
import { streetOfficeTablesNonZeroText } from '../helpers/streetOfficeNonZero';

const sample = readFileSync(join(__dirname, '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8');

/** The real sample (or another text) pasted at A1 of a sheet 上年年报, every row as wide as the widest. */
function pastedSample(text = sample) {
  const host = createMemoryHost();
  host.addSheet('上年年报');
  host.setActiveSheet('上年年报');
  const grid = parseTsv(text);
  const width = Math.max(...grid.map((r) => r.length));
  host.userPaste(
    '上年年报',
    'A1',
    grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')),
  );
  return { host, run: host.run.bind(host), grid };
}

describe('tables pasted from last year’s report', () => {
  it('recognises the real sample on a sheet as the 2019 version and finds it consistent in place', async () => {
    const { host, run } = pastedSample();
    const result = await recogniseActiveSheet(run);
    expect(result).toMatchObject({ kind: 'done', version: '2019', tables: ['T2', 'T3', 'T4'], notes: [] });
    const check = await checkWorkbook(run);
    expect(check.sheets).toHaveLength(1);
    expect(check.sheets[0].tables.map((t) => [t.table, t.pasted])).toEqual([
      ['T2', true],
      ['T3', true],
      ['T4', true],
    ]);
    expect(check.sheets[0].findings.filter((f) => f.severity !== 'info')).toEqual([]);
    expect(host.names().map((n) => n.name)).toEqual(['XXGK_PASTED_2019']);
  });

  it('selects the block of the recognised tables (A79:O135), below the report’s text, and names it', async () => {
    const host = createMemoryHost();
    host.addSheet('上年年报');
    host.setActiveSheet('上年年报');
    host.userPaste('上年年报', 'A1', [['一、总体情况'], ['本年度，我办认真贯彻落实《政府信息公开条例》。']]);
    const grid = parseTsv(sample);
    const width = Math.max(...grid.map((r) => r.length));
    host.userPaste(
      '上年年报',
      'A39',
      grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')),
    );
    host.userSelect('上年年报', 'A1');
    expect(await recogniseActiveSheet(host.run.bind(host))).toMatchObject({ kind: 'done' });
    // The sample's tables are its lines 41–97, fifteen columns wide (表四): pasted at A39, rows 79–135.
    expect(host.selection()).toEqual({ sheet: '上年年报', address: 'A79:O135' });
    expect(host.names().map((n) => [n.name, n.reference])).toEqual([['XXGK_PASTED_2019', '=上年年报!$A$79:$O$135']]);
  });

  it('highlights the user’s own cell and lists the finding at its address after an inconsistent edit', async () => {
    const { host, run } = pastedSample();
    await recogniseActiveSheet(run);
    const address = 'A97'; // 表四's 行政复议 结果维持: the first of the fifteen numbers on line 97 of the sample
    expect(host.cell('上年年报', address).value).toBe(0);
    host.userEdit('上年年报', address, '2');
    const finding = (await checkWorkbook(run)).sheets[0].findings.find((f) => f.rule === 'T4-SUM')!;
    expect(finding.addresses).toContain(address);
    expect(finding.message).toContain('行政复议：总计 0，应等于结果维持 2');
    expect(host.cell('上年年报', address).highlight?.fill).toBe('#FFC7CE');
  });

  it('removes exactly its own highlights and marks, and never a value', async () => {
    const { host, run, grid } = pastedSample();
    await run(async (context) => {
      const cf = context.workbook.worksheets
        .getItem('上年年报')
        .getRange('Z1:Z3')
        .conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      cf.custom.rule.formula = '=Z1>100';
      await context.sync();
    });
    await recogniseActiveSheet(run);
    const before = grid.map((r, i) => r.map((_, j) => host.cell('上年年报', a1(i, j)).value));
    expect(host.conditionalFormats('上年年报').length).toBeGreaterThan(0);
    const r = await unmarkActiveSheet(run);
    expect(r).toMatchObject({ kind: 'done', removed: expect.any(Number) });
    expect(host.conditionalFormats('上年年报').map((c) => c.formula)).toEqual(['=Z1>100']);
    expect(host.names()).toEqual([]);
    expect(grid.map((row, i) => row.map((_, j) => host.cell('上年年报', a1(i, j)).value))).toEqual(before);
    expect((await checkWorkbook(run)).sheets).toEqual([]);
  });

  it('converts the pasted tables into the standard 2019 template on a new sheet with every value carried over', async () => {
    // The sample's copy with non-zero numbers in every column: those of test/fixtures/report-2019.json.
    const { host, run } = pastedSample(streetOfficeTablesNonZeroText());
    const result = await convertActiveSheet(run);
    expect(result).toMatchObject({ kind: 'done', sheet: '年报表格（2019版）' });
    if (result.kind !== 'done') return;
    const value = (address: string) => host.cell('年报表格（2019版）', address).value;
    // The numbers typed in the copy, at the template's cells (tables stacked from A1: 表二 rows 1–19, 表三 21–47, 表四 49–53).
    expect(['G8', 'J8', 'M8'].map(value)).toEqual([386, -12, 9876]); // 行政许可
    expect(['G19', 'J19'].map(value)).toEqual([46, 3825.47]); // 政府集中采购
    expect(['I25', 'J25', 'K25', 'L25', 'M25', 'N25', 'O25'].map(value)).toEqual([170, 30, 5, 8, 21, 10, 244]); // 一、本年新收
    expect(['I34', 'N34', 'O34'].map(value)).toEqual([3, 1, 5]); // （三）6. 属于四类过程性信息, wrapped in the copy
    expect(['I45', 'J45', 'L45', 'M45', 'O45'].map(value)).toEqual([4, 1, 1, 1, 7]); // （六）其他处理, after the copy's extra 0
    expect(['I46', 'O46'].map(value)).toEqual([167, 236]); // （七）总计
    expect(['A53', 'E53', 'J53', 'O53'].map(value)).toEqual([4, 6, 4, 2]); // 表四
    // And every one of the 198 cells.
    const expected = (
      JSON.parse(readFileSync(join(__dirname, '..', 'fixtures', 'report-2019.json'), 'utf8')) as { cells: Record<string, number> }
    ).cells;
    const carried: Record<string, unknown> = {};
    for (const p of result.placements)
      for (const d of tableLayout('2019', p.table).data) carried[d.id] = value(a1(p.row + d.row, p.col + d.col));
    expect(carried).toEqual(expected);
    const check = await checkWorkbook(run);
    const sheet = check.sheets.find((s) => s.sheet === '年报表格（2019版）')!;
    expect(sheet.findings.filter((f) => f.severity !== 'info')).toEqual([]);
  });

  it('says so in Chinese when the sheet holds no table', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    host.userEdit('Sheet1', 'A1', '一、总体情况');
    const result = await recogniseActiveSheet(host.run.bind(host));
    expect(worded(result)).toMatchObject({ kind: 'none', message: expect.stringContaining('没有找到年报统计表格') });
  });
});

/** A 2021 表三 inserted at A1 of Sheet1, for the re-insertion tests. */
async function t3AtA1() {
  const { insertTables } = await import('../../src/excel/insert');
  const { reinsertTable } = await import('../../src/excel/pasted');
  const host = createMemoryHost();
  host.addSheet('Sheet1');
  const run = host.run.bind(host);
  host.userSelect('Sheet1', 'A1');
  await insertTables(run, { version: '2021', tables: ['T3'], target: 'selection', totalsAsFormulas: false });
  return { host, run, reinsertTable, layout: tableLayout('2021', 'T3') };
}

describe('re-inserting a damaged table', () => {
  it('puts a fresh 表三 on a new sheet with the values still readable in the damaged one', async () => {
    const { host, run, reinsertTable, layout } = await t3AtA1();
    const at = (id: string) => {
      const d = layout.data.find((x) => x.id === id)!;
      return { row: d.row, col: d.col };
    };
    host.userEdit('Sheet1', a1(at('T3.NEW.NP').row, at('T3.NEW.NP').col), '12');
    host.userEdit('Sheet1', a1(at('T3.COUT.LAW').row, at('T3.COUT.LAW').col), '3');
    host.userDeleteRows('Sheet1', at('T3.D4.NP').row, 1);
    const damaged = (await checkWorkbook(run)).sheets[0].tables[0];
    expect(damaged.damage).not.toEqual([]);
    const r = await reinsertTable(run, damaged);
    expect(r).toMatchObject({ kind: 'done', carried: 2 });
    // The deleted row's cells are named, not lost in silence.
    expect(r.kind === 'done' && r.notCarried).toEqual(expect.arrayContaining(['自然人一列的“（三）4.保护第三方合法权益”']));
    expect(r.kind === 'done' && r.notCarried!.length).toBe(7);
    if (r.kind !== 'done') return;
    const cellOf = (id: string) => a1(r.placements[0].row + at(id).row, r.placements[0].col + at(id).col);
    expect(host.cell(r.sheet, cellOf('T3.NEW.NP')).value).toBe(12);
    expect(host.cell(r.sheet, cellOf('T3.COUT.LAW')).value).toBe(3);
    expect(host.cell('Sheet1', a1(at('T3.NEW.NP').row, at('T3.NEW.NP').col)).value).toBe(12);
  });
});

describe('re-inserting a table whose row label was overwritten', () => {
  it('carries every number over by position, that row’s too, and names nothing as lost', async () => {
    const { host, run, reinsertTable, layout } = await t3AtA1();
    const r1 = layout.data.filter((d) => d.id.startsWith('T3.R1.'));
    r1.forEach((d, i) => host.userEdit('Sheet1', a1(d.row, d.col), String(i + 1)));
    const label = layout.labels.find((l) => l.text === '（一）予以公开')!;
    host.userEdit('Sheet1', a1(label.row, label.col), '甲乙丙');
    const damaged = (await checkWorkbook(run)).sheets[0].tables[0];
    expect(damaged.damage).not.toEqual([]);
    const r = await reinsertTable(run, damaged);
    expect(r).toMatchObject({ kind: 'done', carried: 7, notCarried: [] });
    if (r.kind !== 'done') return;
    r1.forEach((d, i) => expect(host.cell(r.sheet, a1(r.placements[0].row + d.row, r.placements[0].col + d.col)).value).toBe(i + 1));
  });
});

describe('a report pasted from a PDF as one column of text', () => {
  it('reads the real sample pasted as one column of text (its 表三 header flattened over three lines) and checks it in place', async () => {
    const host = createMemoryHost();
    host.addSheet('PDF');
    host.setActiveSheet('PDF');
    // Each line of the real sample becomes one cell in column A, its cells separated by spaces.
    const lines = parseTsv(sample).map((r) => r.filter((c) => c.trim() !== '').join(' '));
    const row = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
    lines[row] = lines[row].replace(/ 0 /, ' 4 '); // 自然人 新收 4: breaks the balance
    host.userPaste(
      'PDF',
      'A1',
      lines.map((l) => [l === '' ? '' : `'${l}`]),
    );
    const run = host.run.bind(host);
    const result = await recogniseActiveSheet(run);
    expect(result).toMatchObject({ kind: 'done', version: '2019', tables: ['T2', 'T3', 'T4'], notes: [] });
    const sheet = (await checkWorkbook(run)).sheets[0];
    expect(sheet.notes).toEqual([]);
    // The numbers are inside text cells: they are not reported as text in a count cell.
    expect(sheet.findings.filter((f) => f.rule === 'CELL-COUNT')).toEqual([]);
    const balance = sheet.findings.find((f) => f.rule === 'T3-BALANCE' && f.instance === 'NP')!;
    expect(balance.severity).toBe('error');
    expect(balance.addresses).toContain(`A${row + 1}`);
    expect(sheet.verdict).toBe('errors');
  });

  it('names the rows and says incomplete when a flattened 表三 header is out of the official order', async () => {
    const host = createMemoryHost();
    host.addSheet('PDF');
    host.setActiveSheet('PDF');
    const lines = parseTsv(sample).map((r) => r.filter((c) => c.trim() !== '').join(' '));
    const head = lines.findIndex((l) => l.startsWith('商业企业 科研机构'));
    lines[head] = '科研机构 商业企业 社会公益组织 法律服务机构 其他'; // two columns swapped, on the third header line
    host.userPaste(
      'PDF',
      'A1',
      lines.map((l) => [l === '' ? '' : `'${l}`]),
    );
    const run = host.run.bind(host);
    await recogniseActiveSheet(run);
    const sheet = (await checkWorkbook(run)).sheets[0];
    const row = lines.findIndex((l) => l.startsWith('一、本年新收政府信息公开申请数量'));
    expect(sheet.notes.join('\n')).toContain(`第 ${row + 1} 行“一、本年新收政府信息公开申请数量 0 0 0 0 0 0 0”`);
    expect(sheet.verdict).toBe('incomplete');
  });

  it('is read from the text of its cells when the header is on one line, and a finding points at the cell that holds the numbers', async () => {
    const host = createMemoryHost();
    host.addSheet('PDF');
    host.setActiveSheet('PDF');
    const lines = ['三、收到和处理政府信息公开申请情况', '自然人 商业企业 科研机构 社会公益组织 法律服务机构 其他 总计'];
    const t3 = tableLayout('2021', 'T3');
    for (const row of [...new Set(t3.data.map((d) => d.row))]) {
      const label = t3.labels
        .filter((l) => l.row === row && l.role === 'rowLabel')
        .map((l) => l.text)
        .join(' ');
      const values = t3.data.filter((d) => d.row === row).map((d) => (d.id === 'T3.NEW.NP' ? 4 : 0));
      lines.push(`${label} ${values.join(' ')}`);
    }
    host.userPaste(
      'PDF',
      'A1',
      lines.map((l) => [`'${l}`]),
    );
    const run = host.run.bind(host);
    expect(await recogniseActiveSheet(run)).toMatchObject({ kind: 'done', version: '2021', tables: ['T3'] });
    const sheet = (await checkWorkbook(run)).sheets[0];
    expect(sheet.findings.filter((f) => f.rule === 'CELL-COUNT')).toEqual([]);
    const balance = sheet.findings.find((f) => f.rule === 'T3-BALANCE')!;
    expect(balance.severity).toBe('error');
    expect(balance.addresses).toContain(`A${lines.findIndex((l) => l.startsWith('一、本年新收')) + 1}`);
    expect(sheet.verdict).toBe('errors');
  });
});

describe('texts carried into the template', () => {
  // Excel parses a written text like typed input: "1/2" and "1-2" become dates, "3%" 0.03, "(3)" -3,
  // and text starting with + or - a formula ("+5件" and "-" are refused, failing the whole batch).
  const texts = ['1/2', '1-2', '3%', '(3)', '+5件', '-', '=1+1', '-abc'];

  it('are parsed by the in-memory workbook as Excel parses written values', async () => {
    const host = createMemoryHost();
    host.addSheet('S');
    const write = (v: string) =>
      host
        .run(async (ctx) => {
          const r = ctx.workbook.worksheets.getItem('S').getRange('A1');
          r.values = [[v]];
          r.load('values,formulas');
          await ctx.sync();
          return { value: r.values[0][0], formula: r.formulas[0][0] };
        })
        .catch((e: { code: string }) => e.code);
    const year = new Date().getFullYear();
    const serial = (m: number, d: number) => Math.round((Date.UTC(year, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
    expect(await write('1/2')).toEqual({ value: serial(1, 2), formula: serial(1, 2) });
    expect(await write('1-2')).toEqual({ value: serial(1, 2), formula: serial(1, 2) });
    expect(await write('3%')).toEqual({ value: 0.03, formula: 0.03 });
    expect(await write('(3)')).toEqual({ value: -3, formula: -3 });
    expect(await write('+5件')).toBe('InvalidArgument');
    expect(await write('-')).toBe('InvalidArgument');
    expect(await write('-abc')).toEqual({ value: '#NAME?', formula: '=-abc' });
    expect(await write('=1+1')).toEqual({ value: 2, formula: '=1+1' });
    expect(await write("'1/2")).toEqual({ value: '1/2', formula: '1/2' });
    expect(host.userEdit('S', 'B1', '+5件').accepted).toBe(false);
  });

  it('arrive as the same text when a pasted table is converted', async () => {
    const { host, run } = pastedSample();
    // Line 66 of the sample, 一、本年新收…: its seven values in C66:I66; then 二、上年结转's 自然人 in C67.
    const pasted = ['C66', 'D66', 'E66', 'F66', 'G66', 'H66', 'I66', 'C67'];
    pasted.forEach((address, i) => host.userPaste('上年年报', address, [[`'${texts[i]}`]]));
    expect(pasted.map((address) => host.cell('上年年报', address).value)).toEqual(texts);
    const result = await convertActiveSheet(run);
    expect(result).toMatchObject({ kind: 'done', sheet: '年报表格（2019版）' });
    if (result.kind !== 'done') return;
    // In the template: 一、本年新收 in I25:O25, 二、上年结转's 自然人 in I26.
    const carried = ['I25', 'J25', 'K25', 'L25', 'M25', 'N25', 'O25', 'I26'].map((address) => host.cell(result.sheet, address).value);
    // Each text arrives as that very text; only “+5件” is a number (a count with its unit 件).
    expect(carried).toEqual(['1/2', '1-2', '3%', '(3)', 5, '-', '=1+1', '-abc']);
  });
});
