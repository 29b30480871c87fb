import { liveNoticeText, problemText } from '../../src/taskpane/problemText';

// The pane words every problem a host operation answers with (src/excel/problems.ts).

describe('the words of each problem', () => {
  it('lists the cells in the way of an insertion, at most eight, and what else is there', () => {
    const cells = Array.from({ length: 10 }, (_, i) => `A${i + 1}`);
    const text = problemText({ code: 'areaInUse', occupied: cells, validation: true, merges: ['B2:C3'] });
    expect(text).toBe(
      '表格将占用的区域中已有内容（A1、A2、A3、A4、A5、A6、A7、A8 等 10 个单元格），有单元格设有数据有效性（输入限制），有合并单元格（B2:C3），为避免覆盖您的数据，未做任何修改。请选择一个空白位置，或插入到新工作表。',
    );
  });

  it('says a failed drawing was undone, or that it could not be, and offers 插入到新工作表 only at the selection', () => {
    const cause = { code: 'excel' as const, excelCode: 'InvalidArgument', detail: 'x' };
    expect(problemText({ code: 'drawFailed', cause, undone: true, onNewSheet: false })).toBe(
      '表格未插入：Excel 拒绝了其中一步操作（InvalidArgument）。已撤销本次写入的内容，工作表与插入前相同。请重试，或点击“插入到新工作表”。',
    );
    expect(problemText({ code: 'drawFailed', cause, undone: false, onNewSheet: true })).toContain('未能撤销已写入的部分');
  });

  it('names the sheet and what to do for protected, empty and table-less sheets', () => {
    expect(problemText({ code: 'sheetProtected', sheet: '甲', to: 'insert' })).toContain('撤销工作表保护，或点击“插入到新工作表”');
    expect(problemText({ code: 'sheetProtected', sheet: '甲', to: 'mark' })).toBe(
      '工作表“甲”受保护，无法标出问题单元格。请先撤销工作表保护。',
    );
    expect(problemText({ code: 'emptySheet', sheet: '甲', for: 'lastYear' })).toBe('工作表“甲”是空的，没有上年报告的表格。');
    expect(problemText({ code: 'noTables', sheet: '甲', for: 'convert' })).toBe('在工作表“甲”中没有找到可以转换的年报统计表格。');
    expect(problemText({ code: 'tablesOnSheet', sheet: '甲', tables: ['T3', 'T4'] })).toContain('已有表三、表四');
  });

  it('lists the units of each version when versions are mixed in a roll-up', () => {
    const text = problemText({
      code: 'mixedVersions',
      sheetsByVersion: [
        { version: '2021', sheets: ['甲', '乙'] },
        { version: '2019', sheets: ['丙'] },
      ],
    });
    expect(text).toBe('所选工作表的格式版本不同（2021版：甲、乙；2019版：丙），2019版和2021版的表格不能相加。请只勾选同一版本的工作表。');
  });

  it('tells what the live check restored, and which totals lost their formulas', () => {
    expect(liveNoticeText({ code: 'restored', sheet: '甲', tables: ['T3'] })).toMatchObject({
      title: '已自动恢复',
      text: expect.stringContaining('工作表“甲”中表三'),
    });
    const lost = liveNoticeText({
      code: 'formulaTotalsLost',
      sheet: '甲',
      lost: [{ table: 'T4', cells: [{ address: 'E5', formula: '=SUM(A5:D5)' }] }],
    });
    expect(lost).toEqual({ title: '合计公式被改写', text: expect.stringContaining('表四的 E5（原为 =SUM(A5:D5)）是自动计算的合计') });
  });
});
