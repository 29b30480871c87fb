import { worded } from '../helpers/worded';
import { problemText } from '../../src/taskpane/problemText';
import { insertTables } from '../../src/excel/insert';
import { checkWorkbook, checkSheet, readWorkbook } from '../../src/excel/check';
import { hostWithSheet } from '../helpers/memoryHost';
import { workbookVerdict } from '../../src/taskpane/findingsView';
import { stackedTop } from '../helpers/stacked';
import { cellPosition } from '../../src/report/look/layout';
import { FORMAT_VERSIONS, TABLE_IDS } from '../../src/report/standard/formats';
import { a1 } from '../../src/report/standard/a1';
import { layoutTextGrid, tableLayout, TITLE_ROWS } from '../../src/report/look/layout';
import { GAP_ROWS } from '../../src/report/look/style';

describe('inserting the official tables', () => {
  for (const version of FORMAT_VERSIONS) {
    for (const table of TABLE_IDS) {
      it(`draws ${table} (${version}) into an empty sheet cell for cell, with its merges`, async () => {
        const host = hostWithSheet();
        host.userSelect('Sheet1', 'B3');
        const result = await insertTables(host.run.bind(host), { version, tables: [table], target: 'selection', totalsAsFormulas: false });
        expect(result.kind).toBe('done');
        const layout = tableLayout(version, table);
        const grid = layoutTextGrid(layout);
        for (let r = 0; r < layout.rowCount; r++)
          for (let c = 0; c < layout.colCount; c++) {
            const addr = a1(2 + r, 1 + c);
            const m = host.cell('Sheet1', addr).merge;
            const hidden = m !== null && !m.isTopLeft;
            expect([addr, hidden ? '' : (host.cell('Sheet1', addr).value ?? '')]).toEqual([addr, grid[r][c]]);
          }
        const expectedMerges = layout.merges
          .map((m) => `${a1(2 + m.row, 1 + m.col)}:${a1(2 + m.row + m.rowSpan - 1, 1 + m.col + m.colSpan - 1)}`)
          .sort();
        expect(host.merges('Sheet1').sort()).toEqual(expectedMerges);
      });
    }
  }

  it('inserts all three tables in at most two syncs, stacked one row apart, each with its name', async () => {
    const host = hostWithSheet();
    host.resetStats();
    const result = await insertTables(host.run.bind(host), {
      version: '2021',
      tables: [...TABLE_IDS],
      target: 'newSheet',
      totalsAsFormulas: false,
    });
    expect(host.stats.syncs).toBeLessThanOrEqual(2);
    expect(result).toMatchObject({ kind: 'done', sheet: '年报表格（2021版）' });
    const names = host
      .names()
      .filter((n) => n.scope === '年报表格（2021版）')
      .map((n) => n.name)
      .sort();
    expect(names).toEqual(['XXGK_T2_2021', 'XXGK_T3_2021', 'XXGK_T4_2021']);
    const t2 = tableLayout('2021', 'T2');
    expect(host.cell('年报表格（2021版）', a1(t2.rowCount + GAP_ROWS, 0)).value).toBe('三、收到和处理政府信息公开申请情况');
    expect(host.activeSheetName()).toBe('年报表格（2021版）');
  });

  it('refuses to insert over cells that hold anything, names them and changes nothing', async () => {
    const host = hostWithSheet();
    host.userEdit('Sheet1', 'E10', '我的备注');
    host.userSelect('Sheet1', 'A1');
    host.resetStats();
    const before = JSON.stringify([host.names(), host.merges('Sheet1'), host.cell('Sheet1', 'A1')]);
    const result = await insertTables(host.run.bind(host), {
      version: '2021',
      tables: ['T3'],
      target: 'selection',
      totalsAsFormulas: false,
    });
    expect(result.kind).toBe('blocked');
    if (result.kind !== 'blocked') return;
    expect(result.occupied).toEqual(['E10']);
    expect(problemText(result.problem)).toContain('E10');
    expect(JSON.stringify([host.names(), host.merges('Sheet1'), host.cell('Sheet1', 'A1')])).toBe(before);
    expect(host.cell('Sheet1', 'E10').value).toBe('我的备注');
  });

  it('names validation in the way without the range of the whole block', async () => {
    const host = hostWithSheet();
    const run = host.run.bind(host);
    await run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('C3').dataValidation.rule = {
        wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' },
      };
      await ctx.sync();
    });
    host.userSelect('Sheet1', 'A1');
    const result = await insertTables(run, { version: '2021', tables: ['T4'], target: 'selection', totalsAsFormulas: false });
    expect(result.kind).toBe('blocked');
    if (result.kind !== 'blocked') return;
    expect(problemText(result.problem)).toContain('数据有效性');
    expect(problemText(result.problem)).not.toMatch(/[A-Z]+\d+:[A-Z]+\d+/);
  });

  it('says in Chinese that a protected sheet cannot take the table', async () => {
    const host = hostWithSheet();
    host.protectSheet('Sheet1', true);
    const result = await insertTables(host.run.bind(host), {
      version: '2021',
      tables: ['T4'],
      target: 'selection',
      totalsAsFormulas: false,
    });
    // 'blocked': the pane offers the button the message names (插入到新工作表).
    expect(result.kind).toBe('blocked');
    if (result.kind === 'blocked') expect(problemText(result.problem)).toMatch(/受保护.*插入到新工作表/);
  });

  it('says in Chinese that Excel is in cell edit mode', async () => {
    const host = hostWithSheet();
    host.setCellEditMode(true);
    const result = await insertTables(host.run.bind(host), {
      version: '2021',
      tables: ['T4'],
      target: 'newSheet',
      totalsAsFormulas: false,
    });
    expect(worded(result)).toMatchObject({ kind: 'failed', message: expect.stringContaining('正在编辑单元格') });
    expect((await checkWorkbook(host.run.bind(host))).error).toMatchObject({ code: 'excel', excelCode: 'InvalidOperationInCellEditMode' });
  });

  it('refuses a second copy of the same table on one sheet', async () => {
    const host = hostWithSheet();
    const run = host.run.bind(host);
    host.userSelect('Sheet1', 'A1');
    expect((await insertTables(run, { version: '2021', tables: ['T4'], target: 'selection', totalsAsFormulas: false })).kind).toBe('done');
    host.userSelect('Sheet1', 'A20');
    const again = await insertTables(run, { version: '2019', tables: ['T4'], target: 'selection', totalsAsFormulas: false });
    expect(worded(again)).toMatchObject({ kind: 'blocked', occupied: [], message: expect.stringMatching(/已有表四.*插入到新工作表/) });
  });

  it('puts data validation on every input cell, refusing text, negatives and fractions in counts with a Chinese message', async () => {
    const host = hostWithSheet();
    host.userSelect('Sheet1', 'A1');
    await insertTables(host.run.bind(host), { version: '2019', tables: ['T2'], target: 'selection', totalsAsFormulas: false });
    const pos = (id: string) => {
      const d = tableLayout('2019', 'T2').data.find((x) => x.id === id)!;
      return a1(d.row, d.col);
    };
    for (const bad of ['abc', '-1', '1.5']) {
      const r = host.userEdit('Sheet1', pos('T2.LIC.PREV'), bad);
      expect(r.accepted).toBe(false);
      expect(r.message).toContain('不小于 0 的整数');
    }
    expect(host.userEdit('Sheet1', pos('T2.LIC.DELTA'), '-3').accepted).toBe(true);
    expect(host.userEdit('Sheet1', pos('T2.LIC.DELTA'), '0.5').accepted).toBe(false);
    expect(host.userEdit('Sheet1', pos('T2.PROC.PROCAMT'), '160.5964').accepted).toBe(true);
    expect(host.userEdit('Sheet1', pos('T2.PROC.PROCAMT'), '160万元')).toMatchObject({
      accepted: false,
      message: expect.stringContaining('万元'),
    });
  });
});

describe('finding the tables again', () => {
  it('finds a table after rows are inserted above it, and reads its values where they moved', async () => {
    const host = hostWithSheet();
    const run = host.run.bind(host);
    host.userSelect('Sheet1', 'A1');
    await insertTables(run, { version: '2021', tables: ['T4'], target: 'selection', totalsAsFormulas: false });
    host.userEdit('Sheet1', 'A5', 3); // 行政复议 结果维持
    host.userInsertRows('Sheet1', 0, 5);
    const check = await checkWorkbook(run);
    expect(check.sheets[0].tables[0]).toMatchObject({ table: 'T4', row: 5, address: 'A6:O10', damage: [] });
    const sum = check.sheets[0].findings.find((f) => f.rule === 'T4-SUM' && f.instance === 'RV')!;
    expect(sum).toMatchObject({ expected: 3, actual: 0, addresses: ['E10', 'A10', 'B10', 'C10', 'D10'] });
  });

  it('reports a row deleted inside 表三 as structural damage, not as false findings', async () => {
    const host = hostWithSheet();
    const run = host.run.bind(host);
    host.userSelect('Sheet1', 'A1');
    await insertTables(run, { version: '2021', tables: ['T3'], target: 'selection', totalsAsFormulas: false });
    host.userDeleteRows('Sheet1', 10, 1);
    const sheet = (await checkWorkbook(run)).sheets[0];
    expect(sheet.tables[0].damage).toHaveLength(1);
    expect(sheet.tables[0].damage[0]).toContain('少了 1 行');
    expect(sheet.findings).toEqual([]);
  });

  it('reports an overwritten label as damage naming the cell and both texts', async () => {
    const host = hostWithSheet();
    const run = host.run.bind(host);
    host.userSelect('Sheet1', 'A1');
    await insertTables(run, { version: '2021', tables: ['T4'], target: 'selection', totalsAsFormulas: false });
    host.userEdit('Sheet1', 'B3', '纠正');
    const sheet = (await checkWorkbook(run)).sheets[0];
    expect(sheet.tables[0].damage).toEqual(['表四（复议诉讼）的 B3 应为“结果纠正”，现为“纠正”']);
  });

  it('reports a table whose rows were all deleted as lost', async () => {
    const host = hostWithSheet();
    const run = host.run.bind(host);
    host.userSelect('Sheet1', 'A1');
    await insertTables(run, { version: '2021', tables: ['T4'], target: 'selection', totalsAsFormulas: false });
    host.userDeleteRows('Sheet1', 0, 5);
    const sheet = (await checkWorkbook(run)).sheets[0];
    expect(sheet.tables).toEqual([]);
    expect(sheet.lost[0].message).toContain('已被删除');
  });

  it('keeps two sheets with their own copy of a table apart', async () => {
    const host = hostWithSheet();
    const run = host.run.bind(host);
    await insertTables(run, { version: '2021', tables: ['T4'], target: 'newSheet', totalsAsFormulas: false });
    await insertTables(run, { version: '2021', tables: ['T4'], target: 'newSheet', totalsAsFormulas: false });
    const check = await checkWorkbook(run);
    expect(check.sheets.map((s) => s.sheet)).toEqual(['年报表格（2021版）', '年报表格（2021版）2']);
  });

  it('checks one sheet in a single sync when the tables are where the last check found them, in two when they moved', async () => {
    const host = hostWithSheet();
    const run = host.run.bind(host);
    await insertTables(run, { version: '2021', tables: [...TABLE_IDS], target: 'newSheet', totalsAsFormulas: false });
    const read = await readWorkbook(run);
    const first = read.check.sheets[0];
    const known = read.blocks.get(first.sheetId);
    host.resetStats();
    const again = await checkSheet(run, first.sheetId, known);
    expect(host.stats.syncs).toBe(1);
    expect(again.tables.map((t) => t.address)).toEqual(first.tables.map((t) => t.address));
    host.userInsertRows(first.sheet, 0, 2);
    host.resetStats();
    const moved = await checkSheet(run, first.sheetId, known);
    expect(host.stats.syncs).toBe(2);
    expect(moved.tables[0]).toMatchObject({ row: 2, damage: [] });
  });
});

describe('merged cells (ExcelApi 1.13 where the host has it)', () => {
  it('reads a table whose merge was undone by its labels, still checks it, and says what changed', async () => {
    const host = hostWithSheet();
    const run = host.run.bind(host);
    host.userSelect('Sheet1', 'A1');
    await insertTables(run, { version: '2021', tables: ['T3'], target: 'selection', totalsAsFormulas: false });
    const note = tableLayout('2021', 'T3').merges.find((m) => m.row === TITLE_ROWS && m.col === 0)!;
    const noteArea = `${a1(note.row, note.col)}:${a1(note.row + note.rowSpan - 1, note.col + note.colSpan - 1)}`;
    host.userUnmerge('Sheet1', noteArea);
    const newNp = tableLayout('2021', 'T3').data.find((d) => d.id === 'T3.NEW.NP')!;
    host.userEdit('Sheet1', a1(newNp.row, newNp.col), 3); // 自然人 新收 3: breaks the balance
    const withMerges = (await checkWorkbook(run, { mergedAreas: true })).sheets[0];
    expect(withMerges.tables[0].damage).toEqual([]);
    expect(withMerges.remarks.join('')).toContain(`表三（申请处理）的合并单元格 ${noteArea} 已被取消合并`);
    expect(withMerges.findings.filter((f) => f.severity === 'error').map((f) => f.rule)).toContain('T3-BALANCE');
    expect(withMerges.verdict).toBe('errors');
    // On ExcelApi 1.8 the values are all still there, so the table is checked as before.
    expect((await checkWorkbook(run)).sheets[0].tables[0].damage).toEqual([]);
  });

  it('keeps an intact table intact when merged areas are read, in the live check’s single sync too', async () => {
    const host = hostWithSheet();
    const run = host.run.bind(host);
    await insertTables(run, { version: '2019', tables: [...TABLE_IDS], target: 'newSheet', totalsAsFormulas: false });
    const read = await readWorkbook(run, { mergedAreas: true });
    const first = read.check.sheets[0];
    expect(first.tables.map((t) => t.damage)).toEqual([[], [], []]);
    // 表三's merges make a RangeAreas.address of about 390 characters, which Excel cuts: read as items, none is lost.
    expect(first.remarks).toEqual([]);
    host.resetStats();
    const again = await checkSheet(run, first.sheetId, read.blocks.get(first.sheetId), { mergedAreas: true });
    expect(host.stats.syncs).toBe(1);
    expect(again.tables.map((t) => t.damage)).toEqual([[], [], []]);
    expect(again.remarks).toEqual([]);
  });
});

describe('the verdict of tables not filled yet', () => {
  it('is 尚未填写 with 合计用公式 too: a total formula’s 0 over blank parts was not entered', async () => {
    const host = hostWithSheet();
    const run = host.run.bind(host);
    await insertTables(run, { version: '2019', tables: [...TABLE_IDS], target: 'newSheet', totalsAsFormulas: true });
    const blank = await checkWorkbook(run);
    expect(blank.sheets[0]).toMatchObject({ verdict: 'incomplete', unfilled: true });
    const t4 = stackedTop('2019', 'T4');
    const cell = cellPosition('2019', 'T4.RV.UPH');
    host.userEdit('年报表格（2019版）', a1(t4 + cell.row, cell.col), 0);
    const typed = await checkWorkbook(run);
    expect(typed.sheets[0]).toMatchObject({ verdict: 'passed' });
    expect(workbookVerdict(typed).text).toMatch(/^通过/);
  });

  it('is 尚未填写 (never 通过 or 部分未校验) until a number is entered, on the sheet’s line and the workbook’s', async () => {
    const host = hostWithSheet();
    const run = host.run.bind(host);
    await insertTables(run, { version: '2021', tables: [...TABLE_IDS], target: 'newSheet', totalsAsFormulas: false });
    const blank = await checkWorkbook(run);
    expect(blank.sheets[0]).toMatchObject({ verdict: 'incomplete', unfilled: true });
    expect(workbookVerdict(blank).text).toBe('尚未填写：表格中还没有填写任何数字，填写后才能校验');
    const t3 = stackedTop('2021', 'T3');
    const cell = cellPosition('2021', 'T3.NEW.NP');
    host.userEdit('年报表格（2021版）', a1(t3 + cell.row, cell.col), 3);
    const typed = await checkWorkbook(run);
    expect(typed.sheets[0].unfilled).toBeUndefined();
    expect(workbookVerdict(typed).text).toMatch(/^有错误/);
  });
});
