import type { Inserted } from '../../src/excel/insert';
import type { LastYearInfo } from '../../src/excel/lastYear';
import type { Outcome } from '../../src/excel/outcome';
import type { Reinserted } from '../../src/excel/pasted';
import {
  convertedNotice,
  insertNotice,
  lastYearLabel,
  linkedNotice,
  noticeOf,
  recognisedNotice,
  reinsertedNotice,
  rolledUpNotice,
  unlinkedNotice,
  unmarkedNotice,
} from '../../src/taskpane/notices';

const inserted = (sheet: string): Outcome<Inserted> => ({
  kind: 'done',
  sheet,
  placements: [{ version: '2019', table: 'T3', row: 0, col: 0 }],
  address: 'A1:J29',
});

describe('what the pane says after an action', () => {
  it('says any outcome that was not done in the words of its problem: blocked as a warning, nothing found as information, a failure as an error', () => {
    const done = () => ({ intent: 'success' as const, text: '好' });
    expect(noticeOf({ kind: 'blocked', problem: { code: 'said', text: '有内容' } }, done)).toEqual({ intent: 'warning', text: '有内容' });
    expect(noticeOf({ kind: 'none', problem: { code: 'said', text: '没有表格' } }, done)).toEqual({ intent: 'info', text: '没有表格' });
    expect(noticeOf({ kind: 'failed', problem: { code: 'said', text: '出错' } }, done, { title: '未插入' })).toEqual({
      intent: 'error',
      title: '未插入',
      text: '出错',
    });
    expect(noticeOf({ kind: 'done' }, done)).toEqual({ intent: 'success', text: '好' });
  });

  it('names the sheet, the tables and the version of an insertion, and offers 插入到新工作表 after a refusal at the selection only', () => {
    expect(insertNotice(inserted('年报表格（2021版）'), ['T2', 'T3', 'T4'], '2021', 'newSheet')).toEqual({
      intent: 'success',
      text: '已在工作表“年报表格（2021版）”插入表二、表三、表四（2021版）。请直接填写数字，填写时会自动校验。',
    });
    const refused = insertNotice(
      { kind: 'blocked', problem: { code: 'said', text: '工作表“Sheet1”中已有表三。' } },
      ['T3'],
      '2021',
      'selection',
    );
    expect(refused).toEqual({ intent: 'warning', title: '未插入', text: '工作表“Sheet1”中已有表三。', retryOnNewSheet: ['T3'] });
    expect(insertNotice({ kind: 'failed', problem: { code: 'said', text: '出错' } }, ['T3'], '2021', 'newSheet')).toEqual({
      intent: 'error',
      title: '未插入',
      text: '出错',
    });
  });

  it('says what was recognised, as a warning when part of the sheet could not be read', () => {
    const marked = { kind: 'done' as const, sheet: '上年', version: '2019' as const, tables: ['T3' as const, 'T4' as const], evidence: [] };
    expect(recognisedNotice({ ...marked, notes: [] })).toEqual({
      intent: 'success',
      title: '识别到表三、表四（2019版）',
      text: '已在工作表“上年”原位置校验，问题单元格会标红，修改后自动重新校验。',
    });
    const partly = recognisedNotice({ ...marked, notes: ['第 40 行', '第 41 行'] });
    expect(partly.intent).toBe('warning');
    expect(partly.text).toContain('以下内容未能识别：第 40 行；第 41 行');
    expect(recognisedNotice({ kind: 'none', problem: { code: 'said', text: '没有找到' } })).toEqual({ intent: 'info', text: '没有找到' });
  });

  it('says whether there were marks to clear', () => {
    expect(unmarkedNotice({ kind: 'done', removed: 3 })).toEqual({
      intent: 'success',
      text: '已清除当前工作表上年报助手标出的红色、黄色底纹，单元格内容未改动。这张工作表上粘贴的表格不再校验；如需恢复，请再次点击“识别并校验当前工作表”。',
    });
    expect(unmarkedNotice({ kind: 'done', removed: 0 })).toEqual({ intent: 'info', text: '当前工作表上没有年报助手的标记。' });
  });

  it('says where a converted table went, in which version', () => {
    expect(convertedNotice(inserted('年报表格（2019版）')).text).toBe(
      '已转换为标准表格（2019版），放在新工作表“年报表格（2019版）”，原有数字已全部带入；原工作表未改动。',
    );
  });

  it('says how many numbers a reinsertion carried over, and names up to eight cells it could not', () => {
    const t = { table: 'T3' as const, version: '2021' as const };
    const done = (carried: number | null, notCarried: string[]): Outcome<Reinserted> => ({
      kind: 'done',
      sheet: '年报表格（2021版）(2)',
      placements: [],
      address: 'A1:J29',
      carried,
      notCarried,
    });
    expect(reinsertedNotice(done(7, []), t)).toEqual({
      intent: 'success',
      text: '已在新工作表“年报表格（2021版）(2)”重新插入表三（2021版），带入了原表中可识别的 7 个数字；原工作表未改动，核对无误后可删除原表。',
    });
    const cells = Array.from({ length: 9 }, (_, i) => `格${i + 1}`);
    const partly = reinsertedNotice(done(2, cells), t);
    expect(partly.intent).toBe('warning');
    expect(partly.text).toContain(
      '；以下 9 个单元格在原表中已找不到，未能带入，请对照原表补填：格1、格2、格3、格4、格5、格6、格7、格8 等；',
    );
    expect(reinsertedNotice(done(null, []), t).text).toContain('原表已无法读取，插入的是空白表格；');
    expect(reinsertedNotice({ kind: 'failed', problem: { code: 'said', text: '出错' } }, t)).toEqual({ intent: 'error', text: '出错' });
  });

  it('names the units a summary sheet adds up, and titles a failed one 未汇总', () => {
    expect(rolledUpNotice({ kind: 'done', sheet: '汇总（2021版）', units: ['甲局', '乙镇'], tables: ['T3'] }).text).toBe(
      '已插入工作表“汇总（2021版）”：每个数字都是 甲局、乙镇 对应单元格之和，单位表格修改后会自动更新，并像其他表格一样校验。',
    );
    expect(rolledUpNotice({ kind: 'failed', problem: { code: 'said', text: '版本不同' } })).toEqual({
      intent: 'error',
      title: '未汇总',
      text: '版本不同',
    });
  });

  it('names last year’s report by its sheet or file, and says what is compared with it in each version', () => {
    const info = (kind: 'sheet' | 'file', format: '2019' | '2021'): LastYearInfo => ({
      kind,
      sheet: '2020年',
      sheetId: 's2',
      fileName: kind === 'file' ? '2020年报.xlsx' : undefined,
      report: { format, cells: {} },
      tables: ['T3'],
      sites: new Map(),
    });
    expect(lastYearLabel(info('sheet', '2019'))).toBe('工作表“2020年”（2019版）');
    expect(lastYearLabel({ ...info('file', '2021'), report: null })).toBe('文件“2020年报.xlsx”');
    expect(linkedNotice({ kind: 'done', info: info('sheet', '2021'), highlights: 1 }).text).toBe(
      '已将工作表“2020年”（2021版）作为上年报告：本年的“上年结转”、现行有效件数等会与它核对，对不上的单元格会标出。',
    );
    expect(linkedNotice({ kind: 'done', info: info('file', '2019'), highlights: 1 }).text).toContain(
      '文件“2020年报.xlsx”（2019版）作为上年报告：本年的“上年结转”、上一年项目数量等',
    );
    expect(unlinkedNotice({ kind: 'done', removed: 2 })).toEqual({
      intent: 'success',
      text: '已取消关联上年报告，跨年度核对和相应的标记已清除；各工作表的数字未改动。',
    });
    expect(unlinkedNotice({ kind: 'failed', problem: { code: 'said', text: '出错' } })).toEqual({ intent: 'error', text: '出错' });
  });
});
