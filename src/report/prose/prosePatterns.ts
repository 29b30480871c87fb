import { CellId, FORMATS, t3RowShortLabel } from '../standard/formats';

// Where a figure stands in the tables, in words built from the one definition of the labels (the
// rows and groups named here are the same in both versions).
const F = FORMATS['2021'];
/** 表三's total of a row: 第一项“本年新收政府信息公开申请数量”, “（一）予以公开”. */
function t3Total(row: 'NEW' | 'CIN' | 'R1' | 'R2' | 'RT' | 'COUT'): string {
  const label = F.T3.rows.find((r) => r.id === row)!.label;
  const main = /^[一二三四]、(.*)$/.exec(label);
  return main ? `表三${t3RowShortLabel('2021', row)}“${main[1]}”的总计` : `表三“${t3RowShortLabel('2021', row)}”的总计`;
}
const DENIED_GROUP = F.T3.rows.find((r) => r.id === 'D1')!.group;
const REVIEW = F.T4.groups.find((g) => g.id === 'RV')!.label;
const LITIGATION = F.T4.groups.find((g) => g.id === 'LD')!.parent;

// The sentences of a report's text (一、总体情况 and the other sections) that restate a figure of its
// tables, as reviewable data: what each phrase says, where the number stands, and which table cells
// it must equal (their sum). Written from the official format's guidance and the wording of real
// reports. A phrase whose number sits right after a word of change (同比、较上年、增加…) is not a count.

/** Which statement a phrase makes. */
export type ProseId =
  | 'RECEIVED_WITH_CARRY'
  | 'RECEIVED'
  | 'CARRIED_IN'
  | 'DONE'
  | 'GRANTED'
  | 'PARTLY'
  | 'DENIED'
  | 'CARRIED_OUT'
  | 'REVIEW'
  | 'LITIGATION'
  | 'PUBLISHED';

export interface ProsePattern {
  id: ProseId;
  /** What the sentence states, in Chinese, as the message names it. */
  what: string;
  /**
   * The phrase: a regular expression whose named group `n` is the number (a second number, where the
   * phrase has one, is `m`). `N` below stands for a number followed by 件 or 条.
   */
  phrase: RegExp;
  /** The table cells whose sum the number `n` states; empty when no table cell holds it (never compared). */
  cells: readonly CellId[];
  /** For a phrase with a second number `m`: the cells it states. */
  second?: { what: string; cells: readonly CellId[]; where: string };
  /** Where the table figure is, as a person finds it. */
  where: string;
  /** Other phrases that this one already covers in the same sentence (not read again there). */
  covers?: readonly ProseId[];
}

/** A count: digits (half or full width, with thousands separators) before 件 or 条. */
const N = '(?<n>[0-9０-９][0-9０-９,，]*)\\s*(?:件|条)';
const M = N.replace('<n>', '<m>');
/** Words allowed between the subject and its number: no sentence or clause break, no digit. */
const GAP = '[^。；;，,、0-9０-９]{0,16}?';

export const PROSE_PATTERNS: readonly ProsePattern[] = [
  {
    // 收到政府信息公开申请 120 件，其中上年结转 20 件: the 120 includes what was carried over.
    id: 'RECEIVED_WITH_CARRY',
    what: '收到的申请（含上年结转）',
    phrase: new RegExp(`收到${GAP}申请${GAP}${N}[，,]?\\s*其中${GAP}上年结转${GAP}${M}`),
    cells: ['T3.NEW.TOT', 'T3.CIN.TOT'],
    second: { what: '上年结转的申请', cells: ['T3.CIN.TOT'], where: t3Total('CIN') },
    where: '表三第一项、第二项的总计之和',
    covers: ['RECEIVED', 'CARRIED_IN'],
  },
  {
    id: 'RECEIVED',
    what: '本年新收的申请',
    phrase: new RegExp(`(?:新收|收到|受理)${GAP}申请${GAP}${N}`),
    cells: ['T3.NEW.TOT'],
    where: t3Total('NEW'),
  },
  {
    id: 'CARRIED_IN',
    what: '上年结转的申请',
    phrase: new RegExp(`上年结转${GAP}${N}`),
    cells: ['T3.CIN.TOT'],
    where: t3Total('CIN'),
  },
  {
    id: 'DONE',
    what: '办结的申请',
    phrase: new RegExp(`(?:办结|办理完毕|答复完毕)${GAP}${N}`),
    cells: ['T3.RT.TOT'],
    where: t3Total('RT'),
  },
  {
    id: 'GRANTED',
    what: '予以公开的申请',
    phrase: new RegExp(`(?<!不)予以公开${GAP}${N}`),
    cells: ['T3.R1.TOT'],
    where: t3Total('R1'),
  },
  {
    id: 'PARTLY',
    what: '部分公开的申请',
    phrase: new RegExp(`部分公开${GAP}${N}`),
    cells: ['T3.R2.TOT'],
    where: t3Total('R2'),
  },
  {
    id: 'DENIED',
    what: '不予公开的申请',
    phrase: new RegExp(`不予公开${GAP}${N}`),
    cells: ['T3.D1.TOT', 'T3.D2.TOT', 'T3.D3.TOT', 'T3.D4.TOT', 'T3.D5.TOT', 'T3.D6.TOT', 'T3.D7.TOT', 'T3.D8.TOT'],
    where: `表三“${DENIED_GROUP}”各项的总计之和`,
  },
  {
    id: 'CARRIED_OUT',
    what: '结转下年度继续办理的申请',
    phrase: new RegExp(`结转(?:到|至)?下(?:一)?年度${GAP}${N}`),
    cells: ['T3.COUT.TOT'],
    where: t3Total('COUT'),
  },
  {
    id: 'REVIEW',
    what: '行政复议',
    phrase: new RegExp(`行政复议${GAP}${N}`),
    cells: ['T4.RV.TOT'],
    where: `表四“${REVIEW}”的总计`,
  },
  {
    id: 'LITIGATION',
    what: '行政诉讼',
    phrase: new RegExp(`行政诉讼${GAP}${N}`),
    cells: ['T4.LD.TOT', 'T4.LR.TOT'],
    where: `表四“${LITIGATION}”两项的总计之和`,
  },
  {
    // No table of the 2021 format holds the number of items published: recognised, never compared.
    id: 'PUBLISHED',
    what: '主动公开的政府信息',
    phrase: new RegExp(`主动公开${GAP}(?:政府)?信息${GAP}${N}`),
    cells: [],
    where: '表格中没有这一总数',
  },
];

/** Words that make the number after them a change, not a count (同比增加 5 件). */
export const CHANGE_WORDS = /(?:同比|较上年|比上年|较去年|比去年|增加|增长|减少|下降|上升|持平|环比)/;
