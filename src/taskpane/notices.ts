/*
 * What the task pane says after an action (Chinese): one notice per outcome of an Excel operation
 * (src/excel/outcome.ts); what went wrong is worded by problemText.ts. Pure: no React, no Excel.
 */
import type { Inserted } from '../excel/insert';
import type { LastYearInfo, Linked } from '../excel/lastYear';
import type { Done, Outcome } from '../excel/outcome';
import type { Marked, Reinserted } from '../excel/pasted';
import type { RolledUp } from '../excel/rollup';
import { FormatVersion, TABLE_NUMBERS, TableId } from '../report/standard/formatNames';
import { problemText } from './problemText';

export type NoticeIntent = 'success' | 'warning' | 'error' | 'info';

export interface Notice {
  intent: NoticeIntent;
  title?: string;
  text: string;
  /** After a refusal at the selected cells: the tables the notice offers to insert on a new sheet. */
  retryOnNewSheet?: TableId[];
  /** An error of the live check, cleared when a later check succeeds. */
  fromCheck?: boolean;
}

const NOT_DONE: Record<Exclude<Outcome['kind'], 'done'>, NoticeIntent> = { blocked: 'warning', none: 'info', failed: 'error' };

/** The notice of an outcome: `done` words what was done; any other outcome says its own message. */
export function noticeOf<T extends object>(
  outcome: Outcome<T>,
  done: (d: Done<T>) => Notice,
  otherwise: Omit<Notice, 'intent' | 'text'> = {},
): Notice {
  return outcome.kind === 'done' ? done(outcome) : { intent: NOT_DONE[outcome.kind], ...otherwise, text: problemText(outcome.problem) };
}

const tableList = (tables: readonly TableId[]) => tables.map((t) => TABLE_NUMBERS[t]).join('、');

export function insertNotice(
  outcome: Outcome<Inserted>,
  tables: TableId[],
  version: FormatVersion,
  where: 'selection' | 'newSheet',
): Notice {
  return noticeOf(
    outcome,
    (d) => ({
      intent: 'success',
      text: `已在工作表“${d.sheet}”插入${tableList(tables)}（${version}版）。请直接填写数字，填写时会自动校验。`,
    }),
    // Every message about the selected cells names 插入到新工作表: the button is given beside it.
    { title: '未插入', ...(where === 'selection' ? { retryOnNewSheet: tables } : {}) },
  );
}

export function recognisedNotice(outcome: Outcome<Marked>): Notice {
  return noticeOf(outcome, (d) => ({
    intent: d.notes.length ? 'warning' : 'success',
    title: `识别到${tableList(d.tables)}（${d.version}版）`,
    text: `已在工作表“${d.sheet}”原位置校验，问题单元格会标红，修改后自动重新校验。${d.notes.length ? `以下内容未能识别：${d.notes.join('；')}` : ''}`,
  }));
}

export function unmarkedNotice(outcome: Outcome<{ removed: number }>): Notice {
  return noticeOf(outcome, (d) =>
    d.removed
      ? {
          intent: 'success',
          // Unmarking also ends the check of the pasted tables on this sheet: said, with how to resume.
          text: '已清除当前工作表上年报助手标出的红色、黄色底纹，单元格内容未改动。这张工作表上粘贴的表格不再校验；如需恢复，请再次点击“识别并校验当前工作表”。',
        }
      : { intent: 'info', text: '当前工作表上没有年报助手的标记。' },
  );
}

export function convertedNotice(outcome: Outcome<Inserted>): Notice {
  return noticeOf(outcome, (d) => ({
    intent: 'success',
    text: `已转换为标准表格（${d.placements[0].version}版），放在新工作表“${d.sheet}”，原有数字已全部带入；原工作表未改动。`,
  }));
}

/** Said after a damaged table was inserted afresh: what was carried over, and which cells were not. */
export function reinsertedNotice(outcome: Outcome<Reinserted>, table: { table: TableId; version: FormatVersion }): Notice {
  return noticeOf(outcome, (d) => {
    const carried = d.carried === null ? '原表已无法读取，插入的是空白表格' : `带入了原表中可识别的 ${d.carried} 个数字`;
    const lost = d.notCarried.length
      ? `；以下 ${d.notCarried.length} 个单元格在原表中已找不到，未能带入，请对照原表补填：${d.notCarried.slice(0, 8).join('、')}${d.notCarried.length > 8 ? ' 等' : ''}`
      : '';
    return {
      intent: d.notCarried.length ? 'warning' : 'success',
      text: `已在新工作表“${d.sheet}”重新插入${TABLE_NUMBERS[table.table]}（${table.version}版），${carried}${lost}；原工作表未改动，核对无误后可删除原表。`,
    };
  });
}

export function rolledUpNotice(outcome: Outcome<RolledUp>): Notice {
  return noticeOf(
    outcome,
    (d) => ({
      intent: 'success',
      text: `已插入工作表“${d.sheet}”：每个数字都是 ${d.units.join('、')} 对应单元格之和，单位表格修改后会自动更新，并像其他表格一样校验。`,
    }),
    { title: '未汇总' },
  );
}

/** How last year's report is named, e.g. 工作表“2020年”（2019版）. */
export function lastYearLabel(info: LastYearInfo): string {
  const where = info.kind === 'file' ? `文件“${info.fileName ?? ''}”` : `工作表“${info.sheet}”`;
  return info.report ? `${where}（${info.report.format}版）` : where;
}

export function linkedNotice(outcome: Outcome<Linked>): Notice {
  return noticeOf(outcome, ({ info }) => ({
    intent: 'success',
    text: `已将${lastYearLabel(info)}作为上年报告：本年的“上年结转”${info.report?.format === '2021' ? '、现行有效件数' : '、上一年项目数量'}等会与它核对，对不上的单元格会标出。`,
  }));
}

export function unlinkedNotice(outcome: Outcome<{ removed: number }>): Notice {
  return noticeOf(outcome, () => ({ intent: 'success', text: '已取消关联上年报告，跨年度核对和相应的标记已清除；各工作表的数字未改动。' }));
}
