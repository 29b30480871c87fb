import { CellId, FORMATS, FormatVersion, t3RowShortLabel } from '../standard/formats';

// The sentences of a report's text (一、总体情况 and the other sections) that restate a figure of its
// tables, as reviewable data: what each phrase says, the words that say it, which table cells it must
// equal (their sum) in each version, and examples that must and must not be read (the test runs every
// one). Written from the official format's guidance and the usual wording of reports.
//
// How a phrase is read (textCheck.ts): its words, then at most a few words that are not a clause break,
// then the number and its unit. The number is not the phrase's figure when the words between say it is
// a part, a result or a change (STOP_WORDS), when the words just before the phrase say so
// (PART_BEFORE), when it is an article number (第9条) or approximate (约、余), or when the phrase stands
// inside a document title (《行政复议决定书》).

/** Which statement a phrase makes. */
export type ProseId =
  | 'RECEIVED_WITH_CARRY'
  | 'RECEIVED'
  | 'CARRIED_IN'
  | 'DONE'
  | 'GRANTED'
  | 'PARTLY'
  | 'DENIED'
  | 'UNAVAILABLE'
  | 'NOT_HANDLED'
  | 'OTHER_HANDLED'
  | 'LUMPED'
  | 'CARRIED_OUT'
  | 'REVIEW'
  | 'LITIGATION'
  | 'PUBLISHED'
  | 'REG_ISSUED'
  | 'REG_REPEALED'
  | 'REG_INFORCE'
  | 'NORM_ISSUED'
  | 'NORM_REPEALED'
  | 'NORM_INFORCE';

/** The cells whose sum a figure is, or why a version's tables do not hold it (never compared then). */
export type ProseCells = readonly CellId[] | { none: string };

/** A sentence the phrase must read, with the number(s) it reads; or a sentence it must not read. */
export type MustMatch = readonly [sentence: string, n: number, m?: number];

export interface ProsePattern {
  id: ProseId;
  /** What the sentence states, in Chinese, as the message names it. */
  what: string;
  /**
   * The phrase: regular expressions (their source) whose named group `n` is the number (a second
   * number, where the phrase has one, is `m`), built from the pieces below. Sources, compiled when a
   * text is checked: an engine without lookbehind (Edge Legacy) then fails the text check alone.
   */
  phrases: readonly string[];
  /** A claim of zero (全年未发生…行政复议, 未收到…申请): the same figure, stated as 0. */
  zero?: string;
  /** The table cells whose sum the number `n` states, in each version. */
  cells: Record<FormatVersion, ProseCells>;
  /** Where the table figure is, as a clerk finds it; by default the cell's row and column. */
  where?: string;
  /** For a phrase with a second number `m`: what it states and its cells. */
  second?: { what: string; cells: readonly CellId[]; where: string };
  /** Other phrases that this one already covers in the same sentence (not read again there). */
  covers?: readonly ProseId[];
  /** Read only when the sentence names the year before it (本年、全年、2023年、年底…): a figure of 表二. */
  needsYear?: boolean;
  mustMatch: readonly MustMatch[];
  mustNotMatch: readonly string[];
}

// Where a figure stands in the tables, in words built from the one definition of the labels (the rows
// and groups named here are the same in both versions).
const F = FORMATS['2021'];
/** 表三's total of a row: 第一项“本年新收政府信息公开申请数量”, “（一）予以公开”. */
function t3Total(row: 'NEW' | 'CIN' | 'R1' | 'R2' | 'RT' | 'COUT'): string {
  const label = F.T3.rows.find((r) => r.id === row)!.label;
  const main = /^[一二三四]、(.*)$/.exec(label);
  return main ? `表三${t3RowShortLabel('2021', row)}“${main[1]}”的总计` : `表三“${t3RowShortLabel('2021', row)}”的总计`;
}
const t3Group = (first: string) => F.T3.rows.find((r) => r.id === first)!.group!;
const REVIEW = F.T4.groups.find((g) => g.id === 'RV')!.label;
const LITIGATION = F.T4.groups.find((g) => g.id === 'LD')!.parent;

const both = (cells: ProseCells): Record<FormatVersion, ProseCells> => ({ '2019': cells, '2021': cells });
const totals = (rows: readonly string[]) => rows.map((r) => `T3.${r}.TOT` as CellId);

/** The units a count is written with. */
export const UNITS = '件|份|条|起|项|宗';
/** Chinese figures (一百零三); 零 alone is not one (零件 is a word). */
export const CHINESE_DIGITS = '零〇一二两三四五六七八九十百千万';
/**
 * A count: digits (half or full width, thousands separators) or a Chinese figure, then a unit; not
 * after 第 (an article: 第9条, 第十四条), nor after a word that makes it approximate (约、近、逾、数十).
 */
function count(group: 'n' | 'm'): string {
  return (
    `(?<![第数几余约近逾超多0-9０-９${CHINESE_DIGITS}]\\s*)` +
    `(?<${group}>[0-9０-９][0-9０-９,，]*|[${CHINESE_DIGITS}]+)\\s*(?:${UNITS})(?![余多])`
  );
}
const N = count('n');
const M = count('m');

/**
 * Words that, between a phrase and its number, make the number something else: a part or a result
 * (其中、中有、涉及、结果维持、被纠错、尚未审结), a lump of several categories (等、其他、和), items of
 * information rather than applications (信息), a transfer or a late reply (转交、超期), another
 * figure's words (复议、诉讼、公开、办结、结转), or a change (同比、较上年、增加).
 */
export const STOP_WORDS = [
  '等',
  '其他',
  '其中',
  '中',
  '涉及',
  '信息',
  '条目',
  '结果',
  '维持',
  '纠正',
  '纠错',
  '撤销',
  '驳回',
  '败诉',
  '胜诉',
  '终止',
  '转交',
  '转送',
  '转办',
  '超期',
  '逾期',
  '延期',
  '延长',
  '被',
  '书',
  '复议',
  '诉讼',
  '公开',
  '办结',
  '结转',
  '收到',
  '受理',
  '申请人',
  '同比',
  '较',
  '比',
  '增',
  '减',
  '降',
  '升',
  '持平',
  '占',
  '率',
  '平均',
  '人次',
  '元',
  '和',
  '及',
  '与',
  '或',
  '各',
  '第',
  '后',
  '起诉',
  '撤',
  '判',
  '裁定',
  '审',
];
const CLAUSE_BREAK = '。；;，,、：:！!？?《》（）()';
const gap = (stops: readonly string[], max: number, breaks = CLAUSE_BREAK) => `(?:(?!${stops.join('|')})[^${breaks}0-9０-９]){0,${max}}?`;
/** Between a phrase and its number. */
const GAP = gap(STOP_WORDS, 12);
/** Between a verb and its object (收到…申请): the object's own words (政府信息公开) are allowed. */
const OBJECT_GAP = gap(['复议', '诉讼', '答复', '办结', '其中', '涉及', '申请人', '转交', '超期', '逾期'], 14);
/** 申请, optionally after words that qualify it (政府信息公开申请). */
const APPLICATION = `(?:${OBJECT_GAP}申请(?!人))?`;

/**
 * Words just before a phrase, in its clause, that make its number a part or a result: 超期办结,
 * 转交…, 尚未审结的行政复议, 复议结果维持, 被纠错, 结转下年度的申请中有… (not 其中, which introduces the
 * figure itself).
 */
export const PART_BEFORE = '超期|逾期|延期|转交|转送|尚未|未经|维持|纠正|纠错|撤销|驳回|败诉|(?<!其)中|涉及|被';
/**
 * Just before a phrase: it is one of a list whose number is their sum (予以公开、部分公开共 70 件),
 * unless the item before it has a number of its own (予以公开 60 件、部分公开 10 件).
 */
export const LISTED_BEFORE = /(?:、|和|及|与|以及)$/;
/** Words naming the year's figure, somewhere before a 表二 phrase in its sentence. */
export const YEAR_WORDS = /本年|全年|今年|年内|年底|年末|当年|(?:19|20)\d\d\s*年/;
/** Words that make the number after them a change, not a count (同比增加 5 件). */
export const CHANGE_WORDS = /(?:同比|较上年|比上年|较去年|比去年|增加|增长|减少|下降|上升|持平|环比)/;

/** The negation of a claim of zero: 未发生、未收到、没有、无 (not 尚未审结, 未经复议, 无法提供). */
const NOT = '(?:(?<!尚)未(?:发生|收到|接到|受理|接收|产生|出现|有|被提起|提起)|没有(?:发生|收到|接到|产生|出现)?|无(?!法))';
/** Between the negation and the phrase: words and a list (行政复议、行政诉讼), no clause break. */
const ZERO_GAP = gap(['纠错', '败诉', '结果', '审结', '申请人', '涉及'], 24, CLAUSE_BREAK.replace('、', ''));
/** After a claim of zero, in its clause: it was about a result (未发生行政复议被纠错的情况), not the figure. */
export const ZERO_NOT_AFTER = /纠错|被|败诉|胜诉|结果|维持|撤销|审结|书/;

const t2 = (row: 'REG' | 'NORM', col2021: 'ISSUED' | 'REPEALED' | 'INFORCE', col2019: 'MADE' | null, none2019: string) => ({
  '2021': [`T2.${row}.${col2021}` as CellId],
  '2019': col2019 ? [`T2.${row}.${col2019}` as CellId] : { none: none2019 },
});
const NORM = '(?:行政)?规范性文件';
const REG = '(?:政府)?规章(?!制度)';
const MAKE = '(?:制发|制定|印发|出台)(?:了)?';
const TOTAL_WORD = '(?:共|共计|合计|总计|为|有)?\\s*';

export const PROSE_PATTERNS: readonly ProsePattern[] = [
  {
    // 收到政府信息公开申请 140 件，其中上年结转 20 件: the 140 includes what was carried over.
    id: 'RECEIVED_WITH_CARRY',
    what: '收到的申请（含上年结转）',
    phrases: [
      `(?:新收|收到|受理|接收|接到)(?!并)${OBJECT_GAP}申请(?!人)${GAP}${N}[，,]?\\s*[（(]?(?:其中|含|包括|包含)了?${GAP}上年度?结转${GAP}${M}`,
    ],
    cells: both(['T3.NEW.TOT', 'T3.CIN.TOT']),
    second: { what: '上年结转的申请', cells: ['T3.CIN.TOT'], where: t3Total('CIN') },
    where: '表三第一项、第二项的总计之和',
    covers: ['RECEIVED', 'CARRIED_IN'],
    mustMatch: [
      ['本年度共收到政府信息公开申请140件，其中上年结转20件。', 140, 20],
      ['共受理申请140件（含上年结转20件）', 140, 20],
    ],
    mustNotMatch: ['本年度共收到政府信息公开申请120件，上年结转20件。'],
  },
  {
    id: 'RECEIVED',
    what: '本年新收的申请',
    phrases: [`(?:新收|收到|受理|接收|接到)(?!并)${OBJECT_GAP}申请(?!人)${GAP}${N}`],
    zero: `(?<!尚)(?:未|没有)(?:收到|受理|接收|接到)${OBJECT_GAP}申请(?!人)|无(?:政府)?信息公开申请`,
    cells: both(['T3.NEW.TOT']),
    where: t3Total('NEW'),
    mustMatch: [
      ['2023年，本机关共收到政府信息公开申请120件。', 120],
      ['全年新收政府信息公开申请１２０件', 120],
      ['全年受理政府信息公开申请一百二十件。', 120],
      ['本年度接收政府信息公开申请120份', 120],
      ['收到申请120宗', 120],
      ['全年未收到政府信息公开申请。', 0],
      ['本年度无政府信息公开申请。', 0],
    ],
    mustNotMatch: [
      '受理申请数量同比增加15件。',
      '收到申请，较上年增加5件',
      '收到政府信息公开申请涉及的政府信息共计300条',
      '收到行政复议申请2件',
      '受理并办结申请130件',
      '未收到申请人的补正材料',
      '全年未收到政府信息公开行政复议申请。',
      '收到申请约120件',
      '收到申请120余件',
      '接收群众来信5件',
      '收到答复3件',
      '4.无正当理由大量反复申请',
    ],
  },
  {
    id: 'CARRIED_IN',
    what: '上年结转的申请',
    phrases: [`上年度?结转${APPLICATION}${GAP}${N}`],
    zero: `(?:没有|无(?!法))${GAP}上年度?结转|上年度?(?:没有|无)结转`,
    cells: both(['T3.CIN.TOT']),
    where: t3Total('CIN'),
    mustMatch: [
      ['上年结转的申请20件已全部办理完毕。', 20],
      ['上年结转政府信息公开申请二十件', 20],
      ['无上年结转的申请。', 0],
    ],
    mustNotMatch: ['上年结转的申请中有3件已办结', '上年结转申请较上年减少2件'],
  },
  {
    id: 'DONE',
    what: '办结的申请',
    phrases: [`(?:受理并办结|办结|办理完毕|答复完毕|作出答复|(?<!收到)答复)${APPLICATION}${GAP}${N}`],
    cells: both(['T3.RT.TOT']),
    where: t3Total('RT'),
    mustMatch: [
      ['已办结130件。', 130],
      ['受理并办结政府信息公开申请130件', 130],
      ['全年共答复130件', 130],
      ['办理完毕一百三十件', 130],
    ],
    mustNotMatch: ['收到答复3件', '超期办结3件。', '转交其他机关办理3件', '办结率100%。', '结转下年度的申请中有3件已办结', '逾期答复2件'],
  },
  {
    id: 'GRANTED',
    what: '予以公开的申请',
    phrases: [`(?<!不)予以公开${APPLICATION}${GAP}${N}`],
    cells: both(['T3.R1.TOT']),
    where: t3Total('R1'),
    mustMatch: [
      ['其中予以公开60件，', 60],
      ['予以公开六十件', 60],
    ],
    mustNotMatch: ['不予公开5件', '依申请予以公开政府信息60条', '予以公开、部分公开共70件', '予以公开的申请中涉及3件'],
  },
  {
    id: 'PARTLY',
    what: '部分公开的申请',
    phrases: [`部分公开${APPLICATION}${GAP}${N}`],
    cells: both(['T3.R2.TOT']),
    where: t3Total('R2'),
    mustMatch: [
      ['部分公开10件；', 10],
      ['予以公开60件、部分公开10件', 10],
    ],
    mustNotMatch: ['部分公开中涉及第三方的3件', '予以公开、部分公开共70件'],
  },
  {
    id: 'DENIED',
    what: '不予公开的申请',
    phrases: [`不予公开${APPLICATION}${GAP}${N}`],
    cells: both(totals(['D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8'])),
    where: `表三“${t3Group('D1')}”各项的总计之和`,
    mustMatch: [['不予公开5件。', 5]],
    mustNotMatch: [
      '不予公开等其他类型5件',
      '不予公开的理由主要是属于国家秘密。',
      '不予公开、无法提供共8件',
      '不予公开的申请中涉及第三方2件',
    ],
  },
  {
    id: 'UNAVAILABLE',
    what: '无法提供的申请',
    phrases: [`无法提供${APPLICATION}${GAP}${N}`],
    cells: both(totals(['U1', 'U2', 'U3'])),
    where: `表三“${t3Group('U1')}”各项的总计之和`,
    mustMatch: [['无法提供12件', 12]],
    mustNotMatch: ['无法提供等其他类型12件', '无法提供的申请中本机关不掌握的10件'],
  },
  {
    id: 'NOT_HANDLED',
    what: '不予处理的申请',
    phrases: [`不予处理${APPLICATION}${GAP}${N}`],
    cells: both(totals(['X1', 'X2', 'X3', 'X4', 'X5'])),
    where: `表三“${t3Group('X1')}”各项的总计之和`,
    mustMatch: [['不予处理3件', 3]],
    mustNotMatch: ['不予处理和其他处理共4件'],
  },
  {
    id: 'OTHER_HANDLED',
    what: '其他处理的申请',
    phrases: [`其他处理${APPLICATION}${GAP}${N}`],
    cells: { '2019': ['T3.O.TOT'], '2021': totals(['O1', 'O2', 'O3']) },
    where: `表三“（六）其他处理”的总计`,
    mustMatch: [['其他处理1件', 1]],
    mustNotMatch: ['不予处理和其他处理共4件'],
  },
  {
    // 不予公开等其他类型 X 件, 其他 X 件: several categories in one number, which no one cell holds.
    id: 'LUMPED',
    what: '几类办理结果合在一起的件数',
    phrases: [`(?:等其他|等|其他)(?!处理)(?:类型|类|情形|情况|原因|处理结果|结果)?(?:的申请|申请)?${TOTAL_WORD}${N}`],
    cells: both({ none: '表格中没有这几类合在一起的数字' }),
    mustMatch: [
      ['不予公开等其他类型5件', 5],
      ['予以公开60件，其他70件', 70],
    ],
    mustNotMatch: ['其他处理1件', '转交其他机关办理3件', '其他法律行政法规禁止公开1件'],
  },
  {
    id: 'CARRIED_OUT',
    what: '结转下年度继续办理的申请',
    phrases: [`结转(?:到|至)?下一?年度?${APPLICATION}${GAP}${N}`],
    zero: `(?:没有|无(?!法)|不存在)${GAP}结转(?:到|至)?下一?年度?`,
    cells: both(['T3.COUT.TOT']),
    where: t3Total('COUT'),
    mustMatch: [
      ['结转下年度继续办理10件。', 10],
      ['结转至下一年度办理的10件', 10],
      ['无结转下年度办理的申请。', 0],
    ],
    mustNotMatch: ['结转下年度的申请中有3件已办结', '结转下年度的申请较上年减少3件'],
  },
  {
    id: 'REVIEW',
    what: '行政复议',
    phrases: [`行政复议${GAP}${N}`],
    zero: `${NOT}${ZERO_GAP}行政复议`,
    cells: both(['T4.RV.TOT']),
    where: `表四“${REVIEW}”的总计`,
    mustMatch: [
      ['全年发生政府信息公开行政复议案件4件，', 4],
      ['行政复议4起', 4],
      ['全年未发生政府信息公开行政复议。', 0],
      ['未发生因政府信息公开引起的行政复议、行政诉讼。', 0],
      ['全年无行政复议案件。', 0],
      ['未发生因政府信息公开工作被申请行政复议的情况。', 0],
    ],
    mustNotMatch: [
      '行政复议案件较上年减少2件。',
      '行政复议结果维持2件',
      '行政复议被纠错1件',
      '尚未审结的行政复议1件',
      '收到《行政复议决定书》2件',
      '未发生行政复议被纠错的情况',
      '行政复议和行政诉讼各1件',
      '行政复议后起诉2件',
      '行政复议决定维持原行政行为2件',
    ],
  },
  {
    id: 'LITIGATION',
    what: '行政诉讼',
    phrases: [`行政诉讼${GAP}${N}`],
    zero: `${NOT}${ZERO_GAP}行政诉讼`,
    cells: both(['T4.LD.TOT', 'T4.LR.TOT']),
    where: `表四“${LITIGATION}”两项的总计之和`,
    mustMatch: [
      ['行政诉讼3件。', 3],
      ['未发生因政府信息公开引起的行政复议、行政诉讼。', 0],
    ],
    mustNotMatch: [
      '未经复议直接起诉的行政诉讼2件',
      '行政诉讼败诉1件',
      '行政诉讼结果纠正1件',
      '未发生行政诉讼败诉的情况',
      '行政诉讼一审判决2件',
      '提起行政诉讼后撤诉1件',
    ],
  },
  {
    // No table of the 2021 format holds the number of items published: recognised, never compared.
    id: 'PUBLISHED',
    what: '主动公开的政府信息',
    phrases: [`主动公开[^${CLAUSE_BREAK}0-9０-９]{0,8}?信息${GAP}${N}`],
    cells: both({ none: '表格中没有这一总数' }),
    mustMatch: [['全年主动公开政府信息1234条。', 1234]],
    mustNotMatch: ['主动公开政府信息较上年增加100条'],
  },
  {
    id: 'REG_ISSUED',
    what: '本年制发的规章',
    phrases: [`${MAKE}${REG}${GAP}${N}`],
    cells: t2('REG', 'ISSUED', 'MADE', ''),
    needsYear: true,
    mustMatch: [['2023年，本机关制定规章2件。', 2]],
    mustNotMatch: ['制定规章2件', '2023年制定规章和规范性文件5件', '2023年制定规章制度5项'],
  },
  {
    id: 'REG_REPEALED',
    what: '本年废止的规章',
    phrases: [`废止(?:了)?${REG}${GAP}${N}`],
    cells: t2('REG', 'REPEALED', null, '2019版表二没有“废止件数”一栏'),
    needsYear: true,
    mustMatch: [['本年废止规章1件', 1]],
    mustNotMatch: ['废止规章1件'],
  },
  {
    id: 'REG_INFORCE',
    what: '现行有效的规章',
    phrases: [`现行有效(?:的)?${REG}${TOTAL_WORD}${N}`, `${REG}${GAP}现行有效(?:的)?${TOTAL_WORD}${N}`],
    cells: t2('REG', 'INFORCE', null, '2019版表二没有“现行有效件数”一栏'),
    needsYear: true,
    mustMatch: [
      ['截至2023年底，现行有效规章15件。', 15],
      ['截至年底，本机关规章现行有效的共15件', 15],
    ],
    mustNotMatch: ['现行有效规章15件', '截至年底，现行有效规范性文件45件'],
  },
  {
    id: 'NORM_ISSUED',
    what: '本年制发的规范性文件',
    phrases: [`${MAKE}${NORM}${GAP}${N}`],
    cells: t2('NORM', 'ISSUED', 'MADE', ''),
    needsYear: true,
    mustMatch: [
      ['全年制发行政规范性文件8件', 8],
      ['本年度印发规范性文件八件', 8],
    ],
    mustNotMatch: ['制发规范性文件8件', '本年制发规范性文件较上年增加2件', '根据《规范性文件管理办法》第十四条'],
  },
  {
    id: 'NORM_REPEALED',
    what: '本年废止的规范性文件',
    phrases: [`废止(?:了)?${NORM}${GAP}${N}`],
    cells: t2('NORM', 'REPEALED', null, '2019版表二没有“废止件数”一栏'),
    needsYear: true,
    mustMatch: [['本年废止行政规范性文件3件', 3]],
    mustNotMatch: ['废止规范性文件3件'],
  },
  {
    id: 'NORM_INFORCE',
    what: '现行有效的规范性文件',
    phrases: [`现行有效(?:的)?${NORM}${TOTAL_WORD}${N}`, `${NORM}${GAP}现行有效(?:的)?${TOTAL_WORD}${N}`],
    cells: t2('NORM', 'INFORCE', null, '2019版表二没有“现行有效件数”一栏'),
    needsYear: true,
    mustMatch: [
      ['截至2023年底，现行有效规范性文件45件。', 45],
      ['年底行政规范性文件现行有效45件', 45],
    ],
    mustNotMatch: ['现行有效规范性文件45件', '截至年底，现行有效规章15件'],
  },
];

/** Sentences that no phrase may read: counts of something else, said in the words of reports. */
export const NOT_COUNTS: readonly string[] = [
  '办结率100%。',
  '2023年度政府信息公开工作年度报告',
  '依申请公开办件时限平均为8个工作日。',
  '依申请公开政府信息30条。',
  '申请涉及的政府信息共计50条。',
  '依据《中华人民共和国政府信息公开条例》第9条、第十四条',
  '根据条例第二十条第（一）项',
  '复议结果维持2件，被纠错1件。',
  '部分公开中涉及第三方权益的3件。',
  '转交其他机关办理3件。',
  '超期办结2件。',
  '结转下年度的申请中有3件已于今年1月办结。',
  '收到《行政复议决定书》2件。',
  '《行政复议决定书》2件',
  '收到的申请中有十余件涉及同一事项。',
];
