/*
 * What the pane says of a problem of a host operation (src/excel/problems.ts), and of what the live
 * check put right by itself: the user's words, with the pane. Pure: no React, no Excel.
 */
import type { LiveNotice, Problem } from '../excel/problems';
import { TABLE_NUMBERS, TableId } from '../report/standard/formatNames';

const BY_EXCEL_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: 'Excel 正在编辑单元格：请先按 Enter 结束单元格编辑，再重试。',
  InactiveWorkbook: '打开了多个工作簿，本工作簿当前不是活动工作簿。请切换回本工作簿后重试。',
  AccessDenied: '没有写入权限：工作表或工作簿可能受保护，或文件为只读。请在“审阅”选项卡中撤销保护后重试。',
  InvalidSelection: '当前选中的不是单元格（可能是图表、图形或多个区域）。请先单击一个单元格，再重试。',
  ItemAlreadyExists: '工作簿中已有同名的年报表格名称（可能是复制工作表时带来的）。请在新工作表中插入。',
  ItemNotFound: '找不到所需的工作表或区域，可能已被删除。',
  InvalidArgument: '表格放不下：所选位置离工作表边缘太近，或区域已被修改。请换一个位置或插入到新工作表。',
  InvalidReference: '引用无效：表格所在区域可能已被删除。',
  ResponsePayloadSizeLimitExceeded: '一次读取的数据太多（网页版 Excel 的限制）。请把年报表格放在单独的工作表中再校验。',
  RequestPayloadSizeLimitExceeded: '一次写入的数据太多（网页版 Excel 的限制）。请分几次插入表格。',
  Conflict: 'Excel 正忙于其他修改，请稍后重试。',
  GeneralException: 'Excel 无法完成此操作，请稍后重试。',
};

/** Excel's errors that say what to do even in the middle of drawing (others there are a refused step). */
const SAYS_WHAT_TO_DO = ['InvalidOperationInCellEditMode', 'AccessDenied', 'Conflict', 'RequestPayloadSizeLimitExceeded'];

const tableList = (tables: readonly TableId[]) => tables.map((t) => TABLE_NUMBERS[t]).join('、');
const some = (items: string[], shown: number, unit: string) =>
  `${items.slice(0, shown).join('、')}${items.length > shown ? ` 等 ${items.length} ${unit}` : ''}`;

const EMPTY: Record<'recognise' | 'lastYear', string> = {
  recognise: '：请先粘贴上年的表格，或插入官方表格。',
  lastYear: '，没有上年报告的表格。',
};
const NO_TABLES: Record<'recognise' | 'convert' | 'lastYear', (sheet: string) => string> = {
  recognise: (s) => `在工作表“${s}”中没有找到年报统计表格（二、三、四）。请确认粘贴的内容包含表格的标题行和项目名称。`,
  convert: (s) => `在工作表“${s}”中没有找到可以转换的年报统计表格。`,
  lastYear: (s) => `在工作表“${s}”中没有找到年报统计表格（二、三、四），无法作为上年报告。`,
};

/**
 * The Chinese words of a problem: what happened and what to do. No message tells the user to press
 * Ctrl+Z: the add-in's own writes (an automatic repair) go on Excel's undo stack too, and some (a sheet
 * deleted, its visibility set) clear it (https://learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities),
 * so the first Ctrl+Z may not undo what the message means.
 */
export function problemText(p: Problem): string {
  switch (p.code) {
    case 'excel':
      // Excel's own words are in the language of the user's Office: said as Excel's, with what to do.
      return (
        (p.excelCode && BY_EXCEL_CODE[p.excelCode]) ||
        `操作未完成，请稍后重试；如仍失败，请关闭任务窗格后重新打开。（Excel 的说明：${p.detail}${p.excelCode ? `，代码 ${p.excelCode}` : ''}）`
      );
    case 'noTableChosen':
      return '请至少选择一张表格。';
    case 'sheetProtected':
      return p.to === 'insert'
        ? `工作表“${p.sheet}”受保护，无法插入表格。请先在“审阅”选项卡中撤销工作表保护，或点击“插入到新工作表”。`
        : `工作表“${p.sheet}”受保护，无法标出问题单元格。请先撤销工作表保护。`;
    case 'tablesOnSheet':
      return `工作表“${p.sheet}”中已有${tableList(p.tables)}。每张工作表每种表格只能插入一份，请点击“插入到新工作表”。`;
    case 'areaInUse': {
      const what: string[] = [];
      if (p.occupied.length) what.push(`已有内容（${some(p.occupied, 8, '个单元格')}）`);
      // The probe is a whole table's block: its range says nothing a user can act on.
      if (p.validation) what.push('有单元格设有数据有效性（输入限制）');
      if (p.merges.length) what.push(`有合并单元格（${some(p.merges, 4, '处')}）`);
      return `表格将占用的区域中${what.join('，')}，为避免覆盖您的数据，未做任何修改。请选择一个空白位置，或插入到新工作表。`;
    }
    case 'drawFailed': {
      const code = p.cause.excelCode ?? '';
      // InvalidArgument here is not "does not fit": the area was measured in the first sync.
      const reason = SAYS_WHAT_TO_DO.includes(code)
        ? problemText(p.cause)
        : `Excel 拒绝了其中一步操作（${code || problemText(p.cause)}）。`;
      return p.undone
        ? `表格未插入：${reason}已撤销本次写入的内容，工作表与插入前相同。${p.onNewSheet ? '请重试。' : '请重试，或点击“插入到新工作表”。'}`
        : `表格未插入完整：${reason}未能撤销已写入的部分，请检查工作表，删除残留的格式后重试。`;
    }
    case 'emptySheet':
      return `工作表“${p.sheet}”是空的${EMPTY[p.for]}`;
    case 'noTables':
      return NO_TABLES[p.for](p.sheet);
    case 'nothingToRollUp':
      return '工作簿中没有可以汇总的年报表格：请先在各单位的工作表中插入或转换为标准表格。';
    case 'mixedVersions': {
      const list = p.sheetsByVersion.map((v) => `${v.version}版：${v.sheets.join('、')}`).join('；');
      return `所选工作表的格式版本不同（${list}），2019版和2021版的表格不能相加。请只勾选同一版本的工作表。`;
    }
    case 'lastYearNewer':
      return `上年报告是${p.last}版，而本年的${p.sheets.map((s) => `工作表“${s}”`).join('、')}是2019版：较晚的年份不会使用较早的格式，不能作为上年报告核对。请确认本年的表格版本（2021 年及以后的年报用2021版），或选择正确的上年报告。`;
    case 'highlightRefused':
      return p.for === 'lastYear'
        ? `Excel 拒绝了跨年度核对的标红规则（条件格式），上年报告未能完整关联。请点击“取消关联”后重新选择上年报告；仍然失败时，请在 Microsoft 365 或网页版 Excel 中重试。（${p.detail}）`
        : `Excel 拒绝了恢复标红规则（条件格式），粘贴处的单元格暂未标红，任务窗格中的问题列表仍然准确。（${p.detail}）`;
    case 'workbookNotInView':
      return '暂时无法读取本工作簿：Excel 当前显示的可能是另一个工作簿。请切换回本工作簿后重试。';
    case 'said':
      return p.text;
  }
}

/** The title and words of what the live check put right by itself, or noticed. */
export function liveNoticeText(n: LiveNotice): { title: string; text: string } {
  if (n.code === 'restored')
    return {
      title: '已自动恢复',
      text: `工作表“${n.sheet}”中${tableList(n.tables)}的部分单元格被粘贴的内容带来了别处的格式，标红规则和输入限制（数据有效性）不再覆盖这些单元格。已自动恢复，单元格中的数字未改动。粘贴数字时可用“选择性粘贴 → 数值”（Ctrl+Shift+V）避免这种情况。`,
    };
  const parts = n.lost.map((l) => `${TABLE_NUMBERS[l.table]}的 ${l.cells.map((c) => `${c.address}（原为 ${c.formula}）`).join('、')}`);
  return {
    title: '合计公式被改写',
    text: `工作表“${n.sheet}”中${parts.join('；')}是自动计算的合计，现在被直接填写了数字，不会再随各项自动更新。请在单元格中重新输入括号中的公式。`,
  };
}
