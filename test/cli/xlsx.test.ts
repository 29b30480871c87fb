import ExcelJS from 'exceljs';
import { INPUT_RULES } from '../../src/report/look/inputRules';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { checkFile } from '../../src/cli/checkFile';
import { addInAndCommand } from '../helpers/hostFromXlsx';
import { stackedTop } from '../helpers/stacked';
import { tmpdir } from 'os';
import { join } from 'path';
import { decodeText } from '../../src/read/pasted';
import { evaluateSum, loadWorkbook } from '../../src/read/readXlsx';
import { templateSheetName, templateWorkbook } from '../../src/cli/templateXlsx';
import { CellId, dataCells, FormatVersion, TABLE_IDS } from '../../src/report/standard/formats';
import { highlightRules, HIGHLIGHT_COLOURS, totalFormulas } from '../../src/report/look/formulas';
import { consistentReport, seededRandom, zeroReport } from '../../src/report/standard/generate';
import { a1, columnLetters, parseA1 } from '../../src/report/standard/a1';
import { allLayouts, cellPosition, COLUMN_SPANS, layoutTextGrid, tableLayout } from '../../src/report/look/layout';
import { Report } from '../../src/report/standard/report';
import { COMPUTED_FILL, FILLS, GRID_WIDTHS, NUMBER_FORMATS, rowHeights } from '../../src/report/look/style';
import { validate } from '../../src/report/standard/validate';
import { run } from '../helpers/cli';

const dir = mkdtempSync(join(tmpdir(), 'xxgk-xlsx-'));

/** A1 address of a data cell in the template, computed from the layout (independently of the reader). */
function templateAddress(version: FormatVersion, id: CellId): string {
  const p = cellPosition(version, id);
  return a1(stackedTop(version, p.table) + p.row, p.col);
}

async function fillTemplate(file: string, version: FormatVersion, report: Report): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(templateSheetName(version))!;
  for (const [id, v] of Object.entries(report.cells)) {
    ws.getCell(templateAddress(version, id as CellId)).value = v as ExcelJS.CellValue;
  }
  await wb.xlsx.writeFile(file);
}

function expectedJson(version: FormatVersion, report: Report, sheet: string) {
  return validate(report).map((f) => ({
    rule: f.rule,
    instance: f.instance,
    severity: f.severity,
    cells: f.cells,
    expected: f.expected,
    actual: f.actual,
    message: f.message,
    sheet,
    address: f.cells.map((c) => templateAddress(version, c)),
  }));
}

describe('xlsx template round trip', () => {
  for (const version of ['2021', '2019'] as FormatVersion[]) {
    test(`${version}: template, filled by another program, checked with exact findings, sheet and addresses`, async () => {
      const file = join(dir, `roundtrip-${version}.xlsx`);
      const t = await run(['template', '--format', version, '--out', file]);
      expect(t.code).toBe(0);
      expect(t.err).toContain(file);
      const report = consistentReport(version, seededRandom(7));
      report.cells['T3.NEW.NP'] = (report.cells['T3.NEW.NP'] as number) + 1;
      report.cells['T3.R1.BIZ'] = '五';
      report.cells['T4.RV.UPH'] = 1.5;
      report.cells[dataCells(version).find((d) => d.table === 'T2')!.id] = null;
      await fillTemplate(file, version, report);

      const r = await run(['check', file, '--json']);
      expect(r.code).toBe(1);
      const parsed = JSON.parse(r.out);
      expect(parsed.files).toHaveLength(1);
      expect(parsed.files[0].file).toBe(file);
      expect(parsed.files[0].format).toBe(version);
      expect(parsed.files[0].tables).toEqual(['T2', 'T3', 'T4']);
      expect(parsed.files[0].notes).toEqual([]);
      const sheet = templateSheetName(version);
      expect(parsed.files[0].findings).toEqual(expectedJson(version, report, sheet));
      // Spot checks of the addresses, by hand: the rows from formats.md, the columns from the grid's spans.
      const balance = parsed.files[0].findings.find(
        (f: { rule: string; instance: string }) => f.rule === 'T3-BALANCE' && f.instance === 'NP',
      );
      const t2Rows = tableLayout(version, 'T2').rowCount;
      const newRow = t2Rows + 1 + 1 + 4; // blank row, title, three header rows → 第一项
      const np = columnLetters(COLUMN_SPANS.T3.slice(0, 3).reduce((a, b) => a + b)); // after the three label columns
      expect(balance.address[0]).toBe(`${np}${newRow}`);
      // 表四 is the last block; its data row is the sheet's last row: 总计 E first, then A–D.
      const t4Row = stackedTop(version, 'T4') + 5; // grid row 4, 1-based
      expect(parsed.files[0].findings.find((f: { rule: string }) => f.rule === 'T4-SUM').address).toEqual(
        ['E', 'A', 'B', 'C', 'D'].map((c) => `${c}${t4Row}`),
      );

      const text = await run(['check', file]);
      expect(text.out).toContain(`${file}：有错误（${version}版，表格 表二、表三、表四；错误`);
      expect(text.out).toContain(`${sheet}!${np}${newRow},${np}${newRow + 1},`);
    });
  }

  test('a blank template is 尚未填写 (部分未校验), never 通过: no finding but the blank-cell notes', async () => {
    const file = join(dir, 'blank.xlsx');
    expect((await run(['template', '--out', file])).code).toBe(0);
    const r = await run(['check', file, '--json']);
    expect(r.code).toBe(3);
    const f = JSON.parse(r.out).files[0];
    expect(f.verdict).toBe('incomplete');
    expect(new Set(f.findings.map((x: { rule: string }) => x.rule))).toEqual(new Set(['CELL-BLANK']));
    expect(f.findings).toHaveLength(dataCells('2021').length);
    expect(f.notes.join('')).toContain('表二、表三、表四尚未填写（还没有填写任何数字），未校验');
    expect(f.unfilled).toBe(true);
    // What a person reads says 尚未填写, not 部分未校验 and never 通过.
    const text = (await run(['check', file])).out;
    expect(text).toContain(`${file}：尚未填写（2021版，表格 表二、表三、表四；`);
    expect(text).toContain('尚未填写：表格中还没有填写任何数字，填写后才能校验');
    expect(text).not.toMatch(/部分未校验|通过/);
  });

  test('totals as formulas: computed even before a spreadsheet recalculates the file', async () => {
    const file = join(dir, 'formulas.xlsx');
    expect((await run(['template', '--format', '2019', '--out', file, '--totals-as-formulas'])).code).toBe(0);
    const report = consistentReport('2019', seededRandom(3));
    const { wb } = await loadWorkbook(readFileSync(file));
    const ws = wb.worksheets[0];
    const formulaCells = new Set<string>();
    for (const p of TABLE_IDS.map((t) => ({ version: '2019' as const, table: t, row: stackedTop('2019', t), col: 0 }))) {
      for (const t of totalFormulas(p)) {
        const c = ws.getCell(t.row + 1, t.col + 1);
        expect(c.formula).toBe(t.formula.slice(1));
        expect(c.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${COMPUTED_FILL.slice(1)}` } });
        expect(c.dataValidation.prompt).toContain('公式');
        formulaCells.add(a1(t.row, t.col));
      }
    }
    // 总计 column of 表三 (23 rows in 2019), （七）总计 row (6 more), 表四's three 总计.
    expect(formulaCells.size).toBe(23 + 6 + 3);
    // Fill only the input cells, as a user would; the formulas have no cached result any more.
    for (const [id, v] of Object.entries(report.cells)) {
      const at = templateAddress('2019', id as CellId);
      if (!formulaCells.has(at)) ws.getCell(at).value = v as ExcelJS.CellValue;
    }
    for (const at of formulaCells) ws.getCell(at).value = { formula: ws.getCell(at).formula } as ExcelJS.CellFormulaValue;
    await wb.xlsx.writeFile(file);
    const r = await run(['check', file, '--json']);
    expect(JSON.parse(r.out).files[0].findings).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('evaluateSum adds numbers and skips text and blanks, like SUM', () => {
    const grid: Record<string, number | string | null> = { A1: 1, B1: 'x', A2: 2.5, B2: null, C3: 4 };
    const at = (r: number, c: number) => grid[a1(r, c)] ?? null;
    expect(evaluateSum('=SUM(A1:B2,C3)', at)).toBe(7.5);
    expect(evaluateSum('SUM($A$1)', at)).toBe(1);
    expect(evaluateSum('=A1+B1', at)).toBeNull();
  });
});

describe('the xlsx template is drawn as the add-in draws it', () => {
  const version = '2021';
  let ws: ExcelJS.Worksheet;
  let names: { name: string; localSheetId?: number; ranges: string[] }[];
  beforeAll(async () => {
    const buf = Buffer.from((await templateWorkbook(version).xlsx.writeBuffer()) as ArrayBuffer);
    const loaded = await loadWorkbook(buf);
    ws = loaded.wb.worksheets[0];
    names = loaded.names;
  });

  test('one sheet, named as the add-in names a new sheet', () => {
    expect(ws.name).toBe('年报表格（2021版）');
  });

  test('sheet-scoped names XXGK_<table>_<version> over each whole block', () => {
    expect(names).toEqual(
      TABLE_IDS.map((t) => {
        const l = tableLayout(version, t);
        const top = stackedTop(version, t);
        return {
          name: `XXGK_${t}_${version}`,
          localSheetId: 0,
          ranges: [`'年报表格（2021版）'!$A$${top + 1}:$${a1(0, l.colCount - 1).replace(/\d+/, '')}$${top + l.rowCount}`],
        };
      }),
    );
  });

  test('labels, merges, fills, borders, number formats, widths and row heights', () => {
    const merges = new Set((ws.model as unknown as { merges: string[] }).merges);
    const expectedMerges = new Set<string>();
    const widths = GRID_WIDTHS;
    // Excel shows a column the file says is `width` wide this many pixels (ECMA-376 Part 1, 18.3.1.13; Calibri 11's digits are 7 px).
    const shownPx = (width: number) => Math.trunc(((256 * width + Math.trunc(128 / 7)) / 256) * 7);
    widths.forEach((w, i) => expect([i, shownPx(ws.getColumn(i + 1).width!)]).toEqual([i, Math.round((w * 96) / 72)]));
    for (const layout of allLayouts(version)) {
      const top = stackedTop(version, layout.table);
      const grid = layoutTextGrid(layout);
      for (const m of layout.merges)
        expectedMerges.add(`${a1(top + m.row, m.col)}:${a1(top + m.row + m.rowSpan - 1, m.col + m.colSpan - 1)}`);
      for (const l of layout.labels) {
        const c = ws.getCell(top + l.row + 1, l.col + 1);
        expect(c.value).toBe(grid[l.row][l.col]);
        expect(c.alignment.wrapText).toBe(true);
        const fill = FILLS[l.role];
        if (fill) expect(c.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill.slice(1)}` } });
        if (l.row > 0) expect(c.border.top?.style).toBe('thin');
        expect(c.font.name).toBe('宋体');
      }
      for (const d of layout.data) {
        const c = ws.getCell(top + d.row + 1, d.col + 1);
        expect(c.value).toBeNull();
        expect(c.numFmt ?? 'General').toBe(NUMBER_FORMATS[d.kind]);
        expect(c.alignment.horizontal).toBe('right');
        expect(c.dataValidation).toMatchObject({
          showErrorMessage: true,
          errorStyle: 'stop',
          errorTitle: '年报助手',
          error: INPUT_RULES[d.kind].message,
        });
      }
      rowHeights(layout, widths).forEach((h, i) => expect(ws.getRow(top + i + 1).height).toBe(h));
      expect(ws.getCell(top + 1, 1).font.bold).toBe(true);
    }
    expect(merges).toEqual(expectedMerges);
  });

  test('data validation by kind, with the messages of src/report/look/inputRules.ts', async () => {
    const wb = templateWorkbook('2019');
    const ws19 = wb.worksheets[0];
    const at = (id: string) => ws19.getCell(templateAddress('2019', id as CellId)).dataValidation;
    expect(at('T3.NEW.NP')).toMatchObject({ type: 'whole', operator: 'greaterThanOrEqual', formulae: [0] });
    expect(at('T2.LIC.DELTA')).toMatchObject({ type: 'whole', operator: 'between', formulae: [-1000000000, 1000000000] });
    const amount = dataCells('2019').find((d) => d.kind === 'amount')!.id;
    expect(at(amount)).toMatchObject({ type: 'decimal', operator: 'greaterThanOrEqual', formulae: [0] });
  });

  test('conditional formats: the highlight rules, formulas without "=", colours by severity', () => {
    const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: ExcelJS.ConditionalFormattingRule[] }[] })
      .conditionalFormattings;
    const rules = TABLE_IDS.flatMap((t) => highlightRules({ version, table: t, row: stackedTop(version, t), col: 0 }));
    expect(cfs.map((c) => c.ref)).toEqual(rules.map((r) => r.area));
    cfs.forEach((cf, i) => {
      const rule = cf.rules[0] as ExcelJS.ExpressionRuleType;
      expect(rule.type).toBe('expression');
      expect(rule.formulae).toEqual([rules[i].formula.slice(1)]);
      const colours = HIGHLIGHT_COLOURS[rules[i].severity];
      expect(rule.style?.fill).toMatchObject({ bgColor: { argb: `FF${colours.fill.slice(1)}` } });
      expect(rule.style?.font?.color).toEqual({ argb: `FF${colours.font.slice(1)}` });
    });
  });

  test('prints on A4 portrait, one page wide', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });
});

describe('check on other workbooks and files', () => {
  test('a damaged table gives a note, not false findings; the intact tables are still checked', async () => {
    const file = join(dir, 'damaged.xlsx');
    await templateWorkbook('2021', { report: zeroReport('2021') }).xlsx.writeFile(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const granted = tableLayout('2021', 'T3').labels.find((l) => l.text === '（一）予以公开')!;
    ws.getCell(stackedTop('2021', 'T3') + granted.row + 1, granted.col + 1).value = '甲乙丙';
    ws.getCell(templateAddress('2021', 'T3.NEW.NP' as CellId)).value = 5; // would break the balance
    ws.getCell(templateAddress('2021', 'T4.RV.UPH' as CellId)).value = 5; // breaks T4-SUM
    await wb.xlsx.writeFile(file);
    const r = await run(['check', file, '--json']);
    const f = JSON.parse(r.out).files[0];
    expect(f.tables).toEqual(['T2', 'T4']);
    expect(f.notes).toHaveLength(1);
    expect(f.notes[0]).toContain('表三（申请处理，2021版）已被改动');
    expect(f.notes[0]).toContain('应为“（一）予以公开”，现为“甲乙丙”');
    expect(f.verdict).toBe('errors');
    expect(f.findings.map((x: { rule: string; address: string[] }) => [x.rule, x.address[0]])).toEqual([
      ['T4-SUM', templateAddress('2021', 'T4.RV.TOT' as CellId)],
    ]);
    expect(r.code).toBe(1);
  });

  test('a template label given a cosmetic edit (“2. 重复申请”) is read by its labels and still checked, with a remark', async () => {
    const file = join(dir, 'relabelled.xlsx');
    await templateWorkbook('2021', { report: zeroReport('2021') }).xlsx.writeFile(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const repeated = tableLayout('2021', 'T3').labels.find((l) => l.text === '2.重复申请')!;
    ws.getCell(stackedTop('2021', 'T3') + repeated.row + 1, repeated.col + 1).value = '2. 重复申请';
    ws.getCell(templateAddress('2021', 'T3.NEW.NP' as CellId)).value = 5; // breaks the balance
    await wb.xlsx.writeFile(file);
    const f = JSON.parse((await run(['check', file, '--json'])).out).files[0];
    expect(f.tables).toEqual(['T2', 'T3', 'T4']);
    expect(f.notes).toEqual([]);
    expect(f.remarks.join('')).toContain('现为“2. 重复申请”');
    expect(
      f.findings
        .filter((x: { severity: string }) => x.severity === 'error')
        .map((x: { rule: string; instance: string }) => `${x.rule}/${x.instance}`),
    ).toEqual(['T3-BALANCE/NP', 'T3-ROWSUM/NEW']);
    expect(f.verdict).toBe('errors');
  });

  test('text such as “293件” in a count cell is an error, as Excel’s sums ignore it (pasted table and template alike)', async () => {
    const file = join(dir, 'units.xlsx');
    const wb = templateWorkbook('2021', { report: zeroReport('2021') });
    const ws = wb.worksheets[0];
    ws.getCell(templateAddress('2021', 'T3.NEW.NP' as CellId)).value = '293件';
    const pasted = wb.addWorksheet('粘贴');
    let row = 0;
    for (const layout of allLayouts('2021')) {
      const grid: (string | number | null)[][] = layoutTextGrid(layout);
      for (const d of layout.data) grid[d.row][d.col] = 0;
      grid.forEach((cells, r) => cells.forEach((v, c) => v !== '' && v !== null && (pasted.getCell(row + r + 1, c + 1).value = v)));
      row += layout.rowCount + 1;
    }
    // The pasted tables are stacked as the template's: the same cell, on the other sheet.
    pasted.getCell(templateAddress('2021', 'T3.RT.NP' as CellId)).value = '293件';
    await wb.xlsx.writeFile(file);
    const files = JSON.parse((await run(['check', file, '--json'])).out).files;
    expect(files).toHaveLength(2);
    for (const f of files) {
      expect(f.findings.filter((x: { rule: string }) => x.rule === 'CELL-COUNT').map((x: { message: string }) => x.message)).toEqual([
        expect.stringContaining('不是数字（填写的是“293件”）'),
      ]);
      expect(f.verdict).toBe('errors');
    }
  });

  test('a workbook without names: a table pasted anywhere on a sheet is recognised, addresses where it sits', async () => {
    const file = join(dir, 'pasted.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').getCell('A1').value = '本表为粘贴的上年年报';
    const ws = wb.addWorksheet('上年年报');
    const report = consistentReport('2019', seededRandom(5));
    report.cells['T3.R1.NP'] = (report.cells['T3.R1.NP'] as number) + 2;
    const top = 3;
    const left = 1; // from B4
    let row = top;
    for (const layout of allLayouts('2019')) {
      const grid: (string | number | null)[][] = layoutTextGrid(layout);
      for (const d of layout.data) grid[d.row][d.col] = (report.cells[d.id] as number) ?? null;
      grid.forEach((cells, r) =>
        cells.forEach((v, c) => {
          if (v !== '' && v !== null) ws.getCell(row + r + 1, left + c + 1).value = v;
        }),
      );
      row += layout.rowCount + 2;
    }
    await wb.xlsx.writeFile(file);
    const r = await run(['check', file, '--json']);
    const f = JSON.parse(r.out).files[0];
    expect(f.file).toBe(file);
    expect(f.format).toBe('2019');
    expect(f.tables).toEqual(['T2', 'T3', 'T4']);
    const expected = validate(report);
    expect(f.findings.map((x: { rule: string; instance: string }) => `${x.rule}/${x.instance}`)).toEqual(
      expected.map((x) => `${x.rule}/${x.instance}`),
    );
    const outcome = f.findings.find((x: { rule: string }) => x.rule === 'T3-OUTCOMES');
    expect(outcome.sheet).toBe('上年年报');
    // T3-OUTCOMES NP names RT first, then R1 …: find R1's cell on the sheet.
    const t3Top = top + tableLayout('2019', 'T2').rowCount + 2;
    const r1 = cellPosition('2019', 'T3.R1.NP' as CellId);
    expect(outcome.address).toContain(a1(t3Top + r1.row, left + r1.col));
    expect(r.code).toBe(1);
  });

  test('a workbook with tables on two sheets gives one result a sheet', async () => {
    const file = join(dir, 'two-sheets.xlsx');
    const wb = templateWorkbook('2021', { report: zeroReport('2021') });
    const ws = wb.addWorksheet('2020年报');
    const last = zeroReport('2019');
    last.cells['T4.LD.TOT'] = 3; // breaks T4-SUM of 未经复议直接起诉
    let row = 1;
    for (const layout of allLayouts('2019')) {
      const grid: (string | number | null)[][] = layoutTextGrid(layout);
      for (const d of layout.data) grid[d.row][d.col] = last.cells[d.id] as number;
      grid.forEach((cells, r) => cells.forEach((v, c) => v !== '' && v !== null && (ws.getCell(row + r, c + 1).value = v)));
      row += layout.rowCount + 1;
    }
    await wb.xlsx.writeFile(file);
    const r = await run(['check', file]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${file}（工作表“年报表格（2021版）”）：通过（2021版，表格 表二、表三、表四；错误 0，警告 0，提示 0）`);
    expect(r.out).toContain(`${file}（工作表“2020年报”）：有错误（2019版，表格 表二、表三、表四；错误 1，警告 0，提示 0）`);
    expect(r.out).toMatch(/表四·复议诉讼总计（[^）]+）\n {4}\[错误\] 2020年报!J\d+,F\d+,G\d+,H\d+,I\d+\n/);
  });

  test('a broken xlsx (zip garbage) exits 2 with a Chinese reason naming the file', async () => {
    const file = join(dir, '损坏的年报.xlsx');
    writeFileSync(file, Buffer.from('PK\u0003\u0004 this is not really a zip file at all'));
    const r = await run(['check', file]);
    expect(r.code).toBe(2);
    expect(r.out).toContain(`${file}：无法读取——`);
    expect(r.out).toContain('不是有效的 .xlsx 文件');
  });

  test('content outside the named tables is named, not passed over: a further table, or numbers beside a table', async () => {
    const file = join(dir, 'outside.xlsx');
    const wb = templateWorkbook('2021', { report: zeroReport('2021') });
    const ws = wb.worksheets[0];
    const t4 = tableLayout('2021', 'T4');
    const grid: (string | number)[][] = layoutTextGrid(t4);
    for (const d of t4.data) grid[d.row][d.col] = d.id === 'T4.RV.TOT' ? 99 : 1;
    grid.forEach((cells, r) => cells.forEach((v, c) => v !== '' && (ws.getCell(80 + r, c + 1).value = v)));
    await wb.xlsx.writeFile(file);
    const f = JSON.parse((await run(['check', file, '--json'])).out).files[0];
    expect(f.verdict).toBe('incomplete');
    expect(f.notes.join('')).toContain('插入的表格之外还有年报表格（表四，第 81 行起），未校验');

    const beside = join(dir, 'beside.xlsx');
    const wb2 = templateWorkbook('2021', { report: zeroReport('2021') });
    const np = parseA1(templateAddress('2021', 'T3.NEW.TOT' as CellId));
    wb2.worksheets[0].getCell(np.row + 1, np.col + 2).value = 999;
    await wb2.xlsx.writeFile(beside);
    const g = JSON.parse((await run(['check', beside, '--json'])).out).files[0];
    expect(g.verdict).toBe('incomplete');
    expect(g.notes.join('')).toContain(`表格右边的 ${a1(np.row, np.col + 1)} 有数字，不在表格之内，未校验`);
  });

  test('formulas saved without their results are not taken as blank: those cells are named and not checked', async () => {
    const file = join(dir, 'uncomputed.xlsx');
    const wb = templateWorkbook('2021', { report: zeroReport('2021') });
    const ws = wb.worksheets[0];
    const data = wb.addWorksheet('数据');
    const t4 = tableLayout('2021', 'T4').data;
    t4.forEach((d, i) => {
      data.getCell(1, i + 1).value = 1;
      ws.getCell(templateAddress('2021', d.id)).value = { formula: `数据!${a1(0, i)}` } as ExcelJS.CellFormulaValue;
    });
    await wb.xlsx.writeFile(file);
    const f = JSON.parse((await run(['check', file, '--json'])).out).files[0];
    expect(f.verdict).toBe('incomplete');
    expect(f.notes.join('')).toContain('有 15 个单元格是公式，但文件中没有保存计算结果');
    expect(f.findings.filter((x: { table: string; rule: string }) => x.table === 'T4' && x.rule !== 'CELL-BLANK')).toEqual([]);

    // One total as a formula other than SUM: not a false error, a cell not checked.
    const one = join(dir, 'uncomputed-total.xlsx');
    const wb2 = templateWorkbook('2021', { report: zeroReport('2021') });
    const rv = (id: string) => templateAddress('2021', id as CellId);
    wb2.worksheets[0].getCell(rv('T4.RV.UPH')).value = 5;
    wb2.worksheets[0].getCell(rv('T4.RV.TOT')).value = { formula: `${rv('T4.RV.UPH')}+${rv('T4.RV.COR')}` } as ExcelJS.CellFormulaValue;
    await wb2.xlsx.writeFile(one);
    const g = JSON.parse((await run(['check', one, '--json'])).out).files[0];
    expect(g.verdict).toBe('incomplete');
    expect(g.notes.join('')).toContain(rv('T4.RV.TOT'));
    expect(g.findings.filter((x: { severity: string }) => x.severity === 'error')).toEqual([]);
  });

  test('a file without any table is unreadable, named or found in a folder, and never hides the folder’s other results', async () => {
    const folder = join(dir, 'folder');
    mkdirSync(folder);
    const empty = join(folder, 'empty.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = '会议记录';
    await wb.xlsx.writeFile(empty);
    writeFileSync(join(folder, 'readme.txt'), '说明文字\n');
    await templateWorkbook('2021', { report: zeroReport('2021') }).xlsx.writeFile(join(folder, 'ok.xlsx'));
    const named = await run(['check', empty]);
    expect(named.code).toBe(2);
    expect(named.out).toContain('工作簿中没有找到年报统计表格');
    const walked = await run(['check', folder]);
    // A report the reader could not recognise must not let the folder pass.
    expect(walked.code).toBe(2);
    expect(walked.out).toContain(`${empty}：无法读取——工作簿中没有找到年报统计表格`);
    expect(walked.out).toContain(`${join(folder, 'readme.txt')}：无法读取——文本中没有找到年报统计表格`);
    expect(walked.out).toContain('ok.xlsx：通过（2021版，表格 表二、表三、表四；错误 0，警告 0，提示 0）');
    const json = JSON.parse((await run(['check', folder, '--json'])).out);
    expect(json.files.map((f: { verdict: string }) => f.verdict).sort()).toEqual(['passed', 'unreadable', 'unreadable']);
  });

  test('pasted text (.txt) is recognised; UTF-16 and GBK files are decoded', async () => {
    const sample = readFileSync(join(__dirname, '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8');
    const utf8 = join(dir, 'sample.txt');
    writeFileSync(utf8, sample);
    const r = await run(['check', utf8, '--json']);
    expect(r.code).toBe(0);
    const f = JSON.parse(r.out).files[0];
    expect(f.format).toBe('2019');
    expect(f.tables).toEqual(['T2', 'T3', 'T4']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sample, 'utf16le')]);
    expect(decodeText(utf16)).toBe(sample);
    const gbk = Buffer.from([0xb1, 0xbe, 0xc4, 0xea]); // 本年 in GBK
    expect(decodeText(gbk)).toBe('本年');
  });

  test('template writes .html and .tsv, and rejects --totals-as-formulas for them', async () => {
    expect((await run(['template', '--out', join(dir, 't.html')])).code).toBe(0);
    expect(readFileSync(join(dir, 't.html'), 'utf8')).toContain('<table');
    const bad = await run(['template', '--out', join(dir, 't.tsv'), '--totals-as-formulas']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--totals-as-formulas 只适用于 .xlsx');
  });
});

describe('one verdict for the add-in and the command', () => {
  /** Every workbook the tests above wrote (this describe runs last in the file). */
  function written(folder: string): string[] {
    return readdirSync(folder, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? written(join(folder, e.name)) : e.name.endsWith('.xlsx') ? [join(folder, e.name)] : [],
    );
  }

  test('give the same verdict and the same findings, at the same cells, on every workbook this suite built', async () => {
    const files = written(dir);
    let compared = 0;
    for (const file of files) {
      const outcome = await checkFile(file);
      if (outcome.unreadable !== undefined) continue; // not a workbook at all
      // Formulas saved without results: Excel computes them on opening, the command cannot (it says so).
      if (outcome.results.some((r) => r.notes.some((n) => n.includes('没有保存计算结果')))) continue;
      // Content outside the named tables: the command reads the whole sheet and names it; the add-in
      // reads only its named blocks (three syncs whatever the sheet's size), a known difference.
      if (outcome.results.some((r) => r.notes.some((n) => n.includes('插入的表格之外') || n.includes('不在表格之内')))) continue;
      const { addIn, command } = await addInAndCommand(file);
      expect([file, addIn]).toEqual([file, command]);
      compared++;
    }
    expect(compared).toBeGreaterThanOrEqual(6);
  });
});
