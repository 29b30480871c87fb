// The official tables of 《中华人民共和国政府信息公开工作年度报告格式》 (2019 and 2021 versions),
// transcribed from the reference formats.json (docs/formats.md), which test/fixtures/formats.json keeps
// verbatim: test/report/formats.test.ts compares this object with it, string for string. What the two versions
// share is written once; only 表二's blocks and 表三's （六）其他处理 rows differ.

/** Section titles 一 to 六 (the same in both versions). */
const SECTIONS = [
  '一、总体情况',
  '二、主动公开政府信息情况',
  '三、收到和处理政府信息公开申请情况',
  '四、政府信息公开行政复议、行政诉讼情况',
  '五、存在的主要问题及改进情况',
  '六、其他需要报告的事项',
] as const;

const T2_TITLE = { title: '二、主动公开政府信息情况', header: '信息内容' } as const;

/** 表三 apart from its rows (the same in both versions). */
const T3_FRAME = {
  title: '三、收到和处理政府信息公开申请情况',
  note: '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）',
  applicantHeader: '申请人情况',
  legalGroup: { label: '法人或其他组织', columns: ['BIZ', 'SCI', 'NGO', 'LAW', 'OTH'] },
  columns: [
    { id: 'NP', label: '自然人', kind: 'count' },
    { id: 'BIZ', label: '商业企业', kind: 'count' },
    { id: 'SCI', label: '科研机构', kind: 'count' },
    { id: 'NGO', label: '社会公益组织', kind: 'count' },
    { id: 'LAW', label: '法律服务机构', kind: 'count' },
    { id: 'OTH', label: '其他', kind: 'count' },
    { id: 'TOT', label: '总计', kind: 'count' },
  ],
} as const;

/** 表三 rows before （六）其他处理. */
const T3_ROWS_BEFORE_OTHER = [
  { id: 'NEW', group: null, label: '一、本年新收政府信息公开申请数量' },
  { id: 'CIN', group: null, label: '二、上年结转政府信息公开申请数量' },
  { id: 'R1', group: '三、本年度办理结果', label: '（一）予以公开' },
  { id: 'R2', group: '三、本年度办理结果', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { id: 'D1', group: '（三）不予公开', label: '1.属于国家秘密' },
  { id: 'D2', group: '（三）不予公开', label: '2.其他法律行政法规禁止公开' },
  { id: 'D3', group: '（三）不予公开', label: '3.危及“三安全一稳定”' },
  { id: 'D4', group: '（三）不予公开', label: '4.保护第三方合法权益' },
  { id: 'D5', group: '（三）不予公开', label: '5.属于三类内部事务信息' },
  { id: 'D6', group: '（三）不予公开', label: '6.属于四类过程性信息' },
  { id: 'D7', group: '（三）不予公开', label: '7.属于行政执法案卷' },
  { id: 'D8', group: '（三）不予公开', label: '8.属于行政查询事项' },
  { id: 'U1', group: '（四）无法提供', label: '1.本机关不掌握相关政府信息' },
  { id: 'U2', group: '（四）无法提供', label: '2.没有现成信息需要另行制作' },
  { id: 'U3', group: '（四）无法提供', label: '3.补正后申请内容仍不明确' },
  { id: 'X1', group: '（五）不予处理', label: '1.信访举报投诉类申请' },
  { id: 'X2', group: '（五）不予处理', label: '2.重复申请' },
  { id: 'X3', group: '（五）不予处理', label: '3.要求提供公开出版物' },
  { id: 'X4', group: '（五）不予处理', label: '4.无正当理由大量反复申请' },
  { id: 'X5', group: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息' },
] as const;

/** 表三 rows after （六）其他处理: （七）总计 and 四、结转下年度继续办理. */
const T3_ROWS_AFTER_OTHER = [
  { id: 'RT', group: '三、本年度办理结果', label: '（七）总计' },
  { id: 'COUT', group: null, label: '四、结转下年度继续办理' },
] as const;

/** 表四 (the same in both versions). */
const T4 = {
  title: '四、政府信息公开行政复议、行政诉讼情况',
  groups: [
    { id: 'RV', label: '行政复议', parent: null },
    { id: 'LD', label: '未经复议直接起诉', parent: '行政诉讼' },
    { id: 'LR', label: '复议后起诉', parent: '行政诉讼' },
  ],
  fields: [
    { id: 'UPH', label: '结果维持', kind: 'count' },
    { id: 'COR', label: '结果纠正', kind: 'count' },
    { id: 'OTH', label: '其他结果', kind: 'count' },
    { id: 'PEN', label: '尚未审结', kind: 'count' },
    { id: 'TOT', label: '总计', kind: 'count' },
  ],
} as const;

/** 2019 表二 (五) and (六): 上一年项目数量, 本年增/减, 处理决定数量. */
const ITEM_COLUMNS_2019 = [
  { id: 'PREV', label: '上一年项目数量', kind: 'count' },
  { id: 'DELTA', label: '本年增/减', kind: 'signed' },
  { id: 'DECISIONS', label: '处理决定数量', kind: 'count' },
] as const;

export const FORMATS = {
  '2019': {
    sections: SECTIONS,
    T2: {
      ...T2_TITLE,
      blocks: [
        {
          block: 'A1',
          title: '第二十条第（一）项',
          columns: [
            { id: 'MADE', label: '本年新制作数量', kind: 'count' },
            { id: 'PUBLISHED', label: '本年新公开数量', kind: 'count' },
            { id: 'ALLPUB', label: '对外公开总数量', kind: 'count' },
          ],
          rows: [
            { id: 'REG', label: '规章' },
            { id: 'NORM', label: '规范性文件' },
          ],
        },
        {
          block: 'A5',
          title: '第二十条第（五）项',
          columns: ITEM_COLUMNS_2019,
          rows: [
            { id: 'LIC', label: '行政许可' },
            { id: 'SRV', label: '其他对外管理服务事项' },
          ],
        },
        {
          block: 'A6',
          title: '第二十条第（六）项',
          columns: ITEM_COLUMNS_2019,
          rows: [
            { id: 'PUN', label: '行政处罚' },
            { id: 'ENF', label: '行政强制' },
          ],
        },
        {
          block: 'A8',
          title: '第二十条第（八）项',
          columns: [
            { id: 'PREV', label: '上一年项目数量', kind: 'count' },
            { id: 'DELTA', label: '本年增/减', kind: 'signed' },
          ],
          rows: [{ id: 'FEE', label: '行政事业性收费' }],
        },
        {
          block: 'A9',
          title: '第二十条第（九）项',
          columns: [
            { id: 'PROJECTS', label: '采购项目数量', kind: 'count' },
            { id: 'PROCAMT', label: '采购总金额', kind: 'amount' },
          ],
          rows: [{ id: 'PROC', label: '政府集中采购' }],
        },
      ],
    },
    T3: {
      ...T3_FRAME,
      rows: [...T3_ROWS_BEFORE_OTHER, { id: 'O', group: '三、本年度办理结果', label: '（六）其他处理' }, ...T3_ROWS_AFTER_OTHER],
    },
    T4,
  },
  '2021': {
    sections: SECTIONS,
    T2: {
      ...T2_TITLE,
      blocks: [
        {
          block: 'A1',
          title: '第二十条第（一）项',
          columns: [
            { id: 'ISSUED', label: '本年制发件数', kind: 'count' },
            { id: 'REPEALED', label: '本年废止件数', kind: 'count' },
            { id: 'INFORCE', label: '现行有效件数', kind: 'count' },
          ],
          rows: [
            { id: 'REG', label: '规章' },
            { id: 'NORM', label: '行政规范性文件' },
          ],
        },
        {
          block: 'A5',
          title: '第二十条第（五）项',
          columns: [{ id: 'DECISIONS', label: '本年处理决定数量', kind: 'count' }],
          rows: [{ id: 'LIC', label: '行政许可' }],
        },
        {
          block: 'A6',
          title: '第二十条第（六）项',
          columns: [{ id: 'DECISIONS', label: '本年处理决定数量', kind: 'count' }],
          rows: [
            { id: 'PUN', label: '行政处罚' },
            { id: 'ENF', label: '行政强制' },
          ],
        },
        {
          block: 'A8',
          title: '第二十条第（八）项',
          columns: [{ id: 'FEEAMT', label: '本年收费金额（单位：万元）', kind: 'amount' }],
          rows: [{ id: 'FEE', label: '行政事业性收费' }],
        },
      ],
    },
    T3: {
      ...T3_FRAME,
      rows: [
        ...T3_ROWS_BEFORE_OTHER,
        { id: 'O1', group: '（六）其他处理', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
        { id: 'O2', group: '（六）其他处理', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
        { id: 'O3', group: '（六）其他处理', label: '3.其他' },
        ...T3_ROWS_AFTER_OTHER,
      ],
    },
    T4,
  },
} as const;
