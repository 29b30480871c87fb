import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import { CellId, dataCells, FORMAT_VERSIONS, FormatVersion } from '../../../src/report/standard/formats';
import { consistentReport, seededRandom, zeroReport } from '../../../src/report/standard/generate';
import { Report } from '../../../src/report/standard/report';
import { relationInstances } from '../../../src/report/standard/rules';
import { Finding, validate } from '../../../src/report/standard/validate';

const withCells = (r: Report, cells: Partial<Record<CellId, number | string | null>>): Report => ({
  format: r.format,
  cells: { ...r.cells, ...cells },
});
const keyOf = (f: { rule: string; instance: string }) => `${f.rule}/${f.instance}`;
const keysOf = (findings: { rule: string; instance: string }[]) => findings.map(keyOf).sort();

// ---------------------------------------------------------------------------------------------
// Hand-written cases on two real-shaped reports (test/fixtures/report-2021.json and report-2019.json):
// every column of 表二, 表三 and 表四 holds non-zero numbers, every data cell is filled, and every
// single-year rule holds (the sums were done by hand). Each failing case changes one cell and lists
// every finding it must give, written out: rule, instance, severity, cells, expected, actual, message.

function sample(name: string): Report {
  return JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', name), 'utf8')) as Report;
}

/** A 2021-format report (e.g. a 设区的市 government's). Its 第二项 equals the 第四项 of SAMPLE_2019. */
const SAMPLE_2021 = sample('report-2021.json');
/** A 2019-format (试行) report, the format of the 2019 and 2020 reports. */
const SAMPLE_2019 = sample('report-2019.json');

/**
 * Last year's report as the cross-year rules read it, in the 2021 format: only the cells they need
 * (the validator checks no rule whose last-year cells are all absent). Consistent with SAMPLE_2021:
 * 现行有效件数 38 = 37 + 2 − 1 and 215 = 197 + 27 − 9; 第四项 = SAMPLE_2021's 第二项.
 */
const LAST_YEAR_2021: Report = {
  format: '2021',
  cells: {
    'T2.REG.INFORCE': 37,
    'T2.NORM.INFORCE': 197,
    ...{ 'T3.COUT.NP': 9, 'T3.COUT.BIZ': 2, 'T3.COUT.SCI': 1, 'T3.COUT.NGO': 1, 'T3.COUT.LAW': 3, 'T3.COUT.OTH': 2, 'T3.COUT.TOT': 18 },
  },
};

/**
 * Last year's report in the 2019 format, as the cross-year rules read it. Consistent with SAMPLE_2019:
 * 上一年项目数量 386 = 371 + 15, 112 = 120 − 8, 1490 = 1402 + 88, 57 = 61 − 4, 14 = 16 − 2; 第四项 = SAMPLE_2019's 第二项.
 */
const LAST_YEAR_2019: Report = {
  format: '2019',
  cells: {
    ...{ 'T2.LIC.PREV': 371, 'T2.LIC.DELTA': 15, 'T2.SRV.PREV': 120, 'T2.SRV.DELTA': -8, 'T2.PUN.PREV': 1402, 'T2.PUN.DELTA': 88 },
    ...{ 'T2.ENF.PREV': 61, 'T2.ENF.DELTA': -4, 'T2.FEE.PREV': 16, 'T2.FEE.DELTA': -2 },
    ...{ 'T3.COUT.NP': 6, 'T3.COUT.BIZ': 1, 'T3.COUT.SCI': 0, 'T3.COUT.NGO': 0, 'T3.COUT.LAW': 2, 'T3.COUT.OTH': 1, 'T3.COUT.TOT': 10 },
  },
};

/** The outcome rows that （七）总计 adds up (formats.md, T3-OUTCOMES), written out. */
const OUTCOME_ROWS_COMMON = ['R1', 'R2', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'U1', 'U2', 'U3', 'X1', 'X2', 'X3', 'X4', 'X5'];
const OUTCOME_ROWS: Record<FormatVersion, string[]> = {
  '2021': [...OUTCOME_ROWS_COMMON, 'O1', 'O2', 'O3'],
  '2019': [...OUTCOME_ROWS_COMMON, 'O'],
};
const outcomeCells = (v: FormatVersion, col: string): string[] => [`T3.RT.${col}`, ...OUTCOME_ROWS[v].map((r) => `T3.${r}.${col}`)];
const rowSumCells = (row: string): string[] => ['TOT', 'NP', 'BIZ', 'SCI', 'NGO', 'LAW', 'OTH'].map((c) => `T3.${row}.${c}`);

const BASIS = {
  balance: '（本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和）',
  rowSum: '（总计等于自然人与法人或其他组织各列之和）',
  outcomes: '（（七）总计等于（一）至（六）各项之和，部分公开只计这一情形）',
  t4Sum: '（总计等于结果维持、结果纠正、其他结果、尚未审结之和）',
};

const ofRule = (findings: Finding[], rule: string) => findings.filter((f) => f.rule === rule);

describe('validate: the two samples', () => {
  it.each([
    ['2021', SAMPLE_2021],
    ['2019', SAMPLE_2019],
  ] as const)('the %s sample fills every data cell of its format with a number, and nothing else', (v, report) => {
    expect(report.format).toBe(v);
    expect(Object.keys(report.cells).sort()).toEqual(
      dataCells(v)
        .map((d) => d.id as string)
        .sort(),
    );
    for (const value of Object.values(report.cells)) expect(typeof value).toBe('number');
  });

  it('the 2021 sample has no finding at all (no error, warning or info)', () => {
    expect(validate(SAMPLE_2021)).toEqual([]);
  });

  it('the 2019 sample has no finding at all (no error, warning or info)', () => {
    expect(validate(SAMPLE_2019)).toEqual([]);
  });

  it('each sample has no finding either beside a consistent last-year report, in every pairing used below', () => {
    expect(validate(SAMPLE_2021, { lastYear: SAMPLE_2019 })).toEqual([]);
    expect(validate(SAMPLE_2021, { lastYear: LAST_YEAR_2021 })).toEqual([]);
    expect(validate(SAMPLE_2019, { lastYear: LAST_YEAR_2019 })).toEqual([]);
  });
});

describe('T3-BALANCE: 第一项 + 第二项 = （七）总计 + 第四项, in every column of 表三', () => {
  it('passes in all seven columns of both samples (2021 自然人: 214 + 9 = 209 + 14; 总计: 303 + 18 = 300 + 21)', () => {
    expect(ofRule(validate(SAMPLE_2021), 'T3-BALANCE')).toEqual([]);
    expect(ofRule(validate(SAMPLE_2019), 'T3-BALANCE')).toEqual([]);
  });

  it('fails for 自然人 when 第一项 is 215, not 214: 第一项 + 第二项 exceeds （七）总计 + 第四项 by 1 (and 第一项’s 总计 no longer adds up)', () => {
    expect(validate(withCells(SAMPLE_2021, { 'T3.NEW.NP': 215 }))).toEqual([
      {
        rule: 'T3-BALANCE',
        instance: 'NP',
        severity: 'error',
        table: 'T3',
        cells: ['T3.NEW.NP', 'T3.CIN.NP', 'T3.RT.NP', 'T3.COUT.NP'],
        expected: 223,
        actual: 224,
        message: `自然人列：第一项 215 + 第二项 9 = 224，应等于（七）总计 209 + 第四项 14 = 223，相差 1${BASIS.balance}`,
      },
      {
        rule: 'T3-ROWSUM',
        instance: 'NEW',
        severity: 'error',
        table: 'T3',
        cells: rowSumCells('NEW'),
        expected: 304,
        actual: 303,
        message: `“一、本年新收政府信息公开申请数量”一行：总计 303，应等于自然人 215 + 商业企业 37 + 科研机构 6 + 社会公益组织 8 + 法律服务机构 27 + 其他 11 = 304，相差 1${BASIS.rowSum}`,
      },
    ]);
  });
});

describe('T3-ROWSUM: 总计 = 自然人 + the five 法人或其他组织 columns, in every row of 表三', () => {
  it('passes in all 25 rows of the 2021 sample and all 23 of the 2019 sample', () => {
    expect(ofRule(validate(SAMPLE_2021), 'T3-ROWSUM')).toEqual([]);
    expect(ofRule(validate(SAMPLE_2019), 'T3-ROWSUM')).toEqual([]);
  });

  it('fails for （四）1. in 2019 when its 总计 is 44 but its columns add up to 41 (and the 总计 column’s （七）总计 no longer adds up)', () => {
    expect(validate(withCells(SAMPLE_2019, { 'T3.U1.TOT': 44 }))).toEqual([
      {
        rule: 'T3-ROWSUM',
        instance: 'U1',
        severity: 'error',
        table: 'T3',
        cells: rowSumCells('U1'),
        expected: 41,
        actual: 44,
        message: `“（四）1.本机关不掌握相关政府信息”一行：总计 44，应等于自然人 31 + 商业企业 5 + 科研机构 1 + 社会公益组织 1 + 法律服务机构 2 + 其他 1 = 41，相差 3${BASIS.rowSum}`,
      },
      {
        rule: 'T3-OUTCOMES',
        instance: 'TOT',
        severity: 'error',
        table: 'T3',
        cells: outcomeCells('2019', 'TOT'),
        expected: 239,
        actual: 236,
        message:
          '总计列：（七）总计 236，应等于（一）至（六）各项之和（（一）予以公开 115 + （二）部分公开 29 + （三）3.危及“三安全一稳定” 1 + ' +
          '（三）4.保护第三方合法权益 5 + （三）5.属于三类内部事务信息 1 + （三）6.属于四类过程性信息 5 + （三）7.属于行政执法案卷 1 + ' +
          '（三）8.属于行政查询事项 4 + （四）1.本机关不掌握相关政府信息 44 + （四）2.没有现成信息需要另行制作 6 + （四）3.补正后申请内容仍不明确 3 + ' +
          '（五）1.信访举报投诉类申请 7 + （五）2.重复申请 10 + （五）4.无正当理由大量反复申请 1 + （六）其他处理 7（其余为 0）= 239），相差 3' +
          BASIS.outcomes,
      },
    ]);
  });
});

describe('T3-OUTCOMES: （七）总计 = every outcome row （一） to （六）, in every column of 表三', () => {
  it('passes in all seven columns of both samples (2021 自然人: 96 + 21 + 16 + 48 + 20 + 8 = 209)', () => {
    expect(ofRule(validate(SAMPLE_2021), 'T3-OUTCOMES')).toEqual([]);
    expect(ofRule(validate(SAMPLE_2019), 'T3-OUTCOMES')).toEqual([]);
  });

  it('fails for 法律服务机构 in 2021 when one case is put under （六）2. without being counted in （七）总计 (and the （六）2. row’s 总计 misses it)', () => {
    expect(validate(withCells(SAMPLE_2021, { 'T3.O2.LAW': 1 }))).toEqual([
      {
        rule: 'T3-ROWSUM',
        instance: 'O2',
        severity: 'error',
        table: 'T3',
        cells: rowSumCells('O2'),
        expected: 1,
        actual: 0,
        message:
          '“（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请”一行：总计 0，' +
          `应等于自然人 0 + 商业企业 0 + 科研机构 0 + 社会公益组织 0 + 法律服务机构 1 + 其他 0 = 1，相差 1${BASIS.rowSum}`,
      },
      {
        rule: 'T3-OUTCOMES',
        instance: 'LAW',
        severity: 'error',
        table: 'T3',
        cells: outcomeCells('2021', 'LAW'),
        expected: 29,
        actual: 28,
        message:
          '法律服务机构列：（七）总计 28，应等于（一）至（六）各项之和（（一）予以公开 11 + （二）部分公开 6 + （三）4.保护第三方合法权益 2 + ' +
          '（三）7.属于行政执法案卷 1 + （四）1.本机关不掌握相关政府信息 3 + （四）2.没有现成信息需要另行制作 1 + （五）1.信访举报投诉类申请 1 + ' +
          '（五）2.重复申请 2 + （六）1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 1 + ' +
          '（六）2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 1（其余为 0）= 29），相差 1' +
          BASIS.outcomes,
      },
    ]);
  });

  it('fails for 科研机构 in 2019 when its single （六）其他处理 row gets 2 not counted in （七）总计 (and that row’s 总计 misses them)', () => {
    expect(validate(withCells(SAMPLE_2019, { 'T3.O.SCI': 2 }))).toEqual([
      {
        rule: 'T3-ROWSUM',
        instance: 'O',
        severity: 'error',
        table: 'T3',
        cells: rowSumCells('O'),
        expected: 9,
        actual: 7,
        message: `“（六）其他处理”一行：总计 7，应等于自然人 4 + 商业企业 1 + 科研机构 2 + 社会公益组织 1 + 法律服务机构 1 + 其他 0 = 9，相差 2${BASIS.rowSum}`,
      },
      {
        rule: 'T3-OUTCOMES',
        instance: 'SCI',
        severity: 'error',
        table: 'T3',
        cells: outcomeCells('2019', 'SCI'),
        expected: 6,
        actual: 4,
        message:
          '科研机构列：（七）总计 4，应等于（一）至（六）各项之和（（一）予以公开 2 + （二）部分公开 1 + （四）1.本机关不掌握相关政府信息 1 + ' +
          `（六）其他处理 2（其余为 0）= 6），相差 2${BASIS.outcomes}`,
      },
    ]);
  });
});

describe('T4-SUM: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, in each group of 表四', () => {
  it('passes for 行政复议 and both 行政诉讼 groups of both samples (2021 行政复议: 5 + 1 + 1 + 2 = 9)', () => {
    expect(ofRule(validate(SAMPLE_2021), 'T4-SUM')).toEqual([]);
    expect(ofRule(validate(SAMPLE_2019), 'T4-SUM')).toEqual([]);
  });

  it('fails for 未经复议直接起诉 when 尚未审结 is 3, not 1: the four results add up to 9, not the 总计 7', () => {
    expect(validate(withCells(SAMPLE_2021, { 'T4.LD.PEN': 3 }))).toEqual([
      {
        rule: 'T4-SUM',
        instance: 'LD',
        severity: 'error',
        table: 'T4',
        cells: ['T4.LD.TOT', 'T4.LD.UPH', 'T4.LD.COR', 'T4.LD.OTH', 'T4.LD.PEN'],
        expected: 9,
        actual: 7,
        message: `行政诉讼（未经复议直接起诉）：总计 7，应等于结果维持 3 + 结果纠正 1 + 其他结果 2 + 尚未审结 3 = 9，相差 2${BASIS.t4Sum}`,
      },
    ]);
  });
});

describe('CELL-COUNT: a count is an integer ≥ 0', () => {
  it('passes for the counts of both samples, zeros and five-digit numbers alike (2021 行政许可 12840, （三）1. 0)', () => {
    expect(SAMPLE_2021.cells['T2.LIC.DECISIONS']).toBe(12840);
    expect(SAMPLE_2021.cells['T3.D1.NP']).toBe(0);
    expect(ofRule(validate(SAMPLE_2021), 'CELL-COUNT')).toEqual([]);
    expect(ofRule(validate(SAMPLE_2019), 'CELL-COUNT')).toEqual([]);
  });

  it('fails for 行政处罚’s 本年处理决定数量 in 2021 when the unit is typed with it (“3417件”): the only finding, no rule sums that cell', () => {
    expect(validate(withCells(SAMPLE_2021, { 'T2.PUN.DECISIONS': '3417件' }))).toEqual([
      {
        rule: 'CELL-COUNT',
        instance: 'T2.PUN.DECISIONS',
        severity: 'error',
        table: 'T2',
        cells: ['T2.PUN.DECISIONS'],
        expected: null,
        actual: '3417件',
        message: '行政处罚的“本年处理决定数量”：不是数字（填写的是“3417件”）；数量应为不小于 0 的整数',
      },
    ]);
  });

  it('fails for 行政复议’s 结果纠正 in 2019 when it is −1, and T4-SUM still sums the −1 (4 − 1 + 0 + 1 = 4, not the 总计 6)', () => {
    expect(validate(withCells(SAMPLE_2019, { 'T4.RV.COR': -1 }))).toEqual([
      {
        rule: 'CELL-COUNT',
        instance: 'T4.RV.COR',
        severity: 'error',
        table: 'T4',
        cells: ['T4.RV.COR'],
        expected: null,
        actual: -1,
        message: '行政复议的“结果纠正”：不能为负数（填写的是 -1）；数量应为不小于 0 的整数',
      },
      {
        rule: 'T4-SUM',
        instance: 'RV',
        severity: 'error',
        table: 'T4',
        cells: ['T4.RV.TOT', 'T4.RV.UPH', 'T4.RV.COR', 'T4.RV.OTH', 'T4.RV.PEN'],
        expected: 4,
        actual: 6,
        message: `行政复议：总计 6，应等于结果维持 4 + 结果纠正 -1 + 其他结果 0 + 尚未审结 1 = 4，相差 2${BASIS.t4Sum}`,
      },
    ]);
  });
});

describe('CELL-SIGNED (2019): 本年增/减 is an integer, and may be negative', () => {
  it('passes for the negative changes of the 2019 sample (行政许可 −12, 行政处罚 −35, 行政事业性收费 −2)', () => {
    expect([SAMPLE_2019.cells['T2.LIC.DELTA'], SAMPLE_2019.cells['T2.PUN.DELTA'], SAMPLE_2019.cells['T2.FEE.DELTA']]).toEqual([
      -12, -35, -2,
    ]);
    expect(ofRule(validate(SAMPLE_2019), 'CELL-SIGNED')).toEqual([]);
  });

  it('fails for 其他对外管理服务事项’s 本年增/减 when it is 7.5: the only finding (112 + 7.5 is still ≥ 0)', () => {
    expect(validate(withCells(SAMPLE_2019, { 'T2.SRV.DELTA': 7.5 }))).toEqual([
      {
        rule: 'CELL-SIGNED',
        instance: 'T2.SRV.DELTA',
        severity: 'error',
        table: 'T2',
        cells: ['T2.SRV.DELTA'],
        expected: null,
        actual: 7.5,
        message: '其他对外管理服务事项的“本年增/减”：应为整数（填写的是 7.5）；本年增/减应为整数，可以为负数',
      },
    ]);
  });
});

describe('CELL-AMOUNT: an amount (万元) is a number ≥ 0, fractions allowed', () => {
  it('passes for 本年收费金额 1605.96 (2021) and 采购总金额 3825.47 (2019)', () => {
    expect(SAMPLE_2021.cells['T2.FEE.FEEAMT']).toBe(1605.96);
    expect(SAMPLE_2019.cells['T2.PROC.PROCAMT']).toBe(3825.47);
    expect(ofRule(validate(SAMPLE_2021), 'CELL-AMOUNT')).toEqual([]);
    expect(ofRule(validate(SAMPLE_2019), 'CELL-AMOUNT')).toEqual([]);
  });

  it('fails for 行政事业性收费’s 本年收费金额 in 2021 when it is −1605.96', () => {
    expect(validate(withCells(SAMPLE_2021, { 'T2.FEE.FEEAMT': -1605.96 }))).toEqual([
      {
        rule: 'CELL-AMOUNT',
        instance: 'T2.FEE.FEEAMT',
        severity: 'error',
        table: 'T2',
        cells: ['T2.FEE.FEEAMT'],
        expected: null,
        actual: -1605.96,
        message: '行政事业性收费的“本年收费金额（单位：万元）”：不能为负数（填写的是 -1605.96）；金额应为不小于 0 的数字（单位：万元）',
      },
    ]);
  });
});

describe('CELL-BLANK: a blank data cell is counted as 0 and reported (info)', () => {
  it('passes for a cell that holds 0 (2021 （六）2. is 0 in every column)', () => {
    expect(rowSumCells('O2').map((id) => SAMPLE_2021.cells[id as CellId])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(ofRule(validate(SAMPLE_2021), 'CELL-BLANK')).toEqual([]);
  });

  it('fails for 复议后起诉’s 其他结果 in 2021 when it is blank, and T4-SUM counts the blank as 0 (2 + 0 + 0 + 1 = 3, not the 总计 4)', () => {
    expect(validate(withCells(SAMPLE_2021, { 'T4.LR.OTH': null }))).toEqual([
      {
        rule: 'CELL-BLANK',
        instance: 'T4.LR.OTH',
        severity: 'info',
        table: 'T4',
        cells: ['T4.LR.OTH'],
        expected: 0,
        actual: null,
        message: '复议后起诉的“其他结果”：空白，按 0 计算；公开的表格应填写 0',
      },
      {
        rule: 'T4-SUM',
        instance: 'LR',
        severity: 'error',
        table: 'T4',
        cells: ['T4.LR.TOT', 'T4.LR.UPH', 'T4.LR.COR', 'T4.LR.OTH', 'T4.LR.PEN'],
        expected: 3,
        actual: 4,
        message: `行政诉讼（复议后起诉）：总计 4，应等于结果维持 2 + 结果纠正 0 + 其他结果 0 + 尚未审结 1 = 3，相差 1${BASIS.t4Sum}`,
      },
    ]);
  });
});

describe('T2-PREV-DELTA (2019): 上一年项目数量 + 本年增/减 ≥ 0, in each row of （五）（六）（八）', () => {
  it('passes at the bound: 行政事业性收费 14 + (−14) = 0', () => {
    expect(validate(withCells(SAMPLE_2019, { 'T2.FEE.DELTA': -14 }))).toEqual([]);
  });

  it('fails for 行政处罚 when 本年增/减 is −1590 against 上一年项目数量 1490 (a sum of −100)', () => {
    expect(validate(withCells(SAMPLE_2019, { 'T2.PUN.DELTA': -1590 }))).toEqual([
      {
        rule: 'T2-PREV-DELTA',
        instance: 'PUN',
        severity: 'warning',
        table: 'T2',
        cells: ['T2.PUN.PREV', 'T2.PUN.DELTA'],
        expected: 0,
        actual: -100,
        message: '行政处罚行：上一年项目数量 1490 + 本年增/减 -1590 = -100，应不小于 0（上一年项目数量加本年增/减不应小于 0）',
      },
    ]);
  });
});

describe('T2-PUBLISHED (2019): 本年新公开数量 ≤ 对外公开总数量, in each row of （一）', () => {
  it('passes at the bound: 规范性文件 198 ≤ 198', () => {
    expect(validate(withCells(SAMPLE_2019, { 'T2.NORM.PUBLISHED': 198 }))).toEqual([]);
  });

  it('fails for 规范性文件 when 本年新公开数量 is 205, more than the 对外公开总数量 198', () => {
    expect(validate(withCells(SAMPLE_2019, { 'T2.NORM.PUBLISHED': 205 }))).toEqual([
      {
        rule: 'T2-PUBLISHED',
        instance: 'NORM',
        severity: 'warning',
        table: 'T2',
        cells: ['T2.NORM.PUBLISHED', 'T2.NORM.ALLPUB'],
        expected: 198,
        actual: 205,
        message: '规范性文件行：本年新公开数量 205，应不大于对外公开总数量 198（本年新公开数量不应大于对外公开总数量）',
      },
    ]);
  });
});

describe('XY-CARRY: this year’s 第二项 = last year’s 第四项, in every column of 表三', () => {
  it('passes for the 2021 sample after the 2019 sample, across the switch of formats (第二项 9, 2, 1, 1, 3, 2, 18)', () => {
    expect(validate(SAMPLE_2021, { lastYear: SAMPLE_2019 })).toEqual([]);
  });

  it('fails for 科研机构 when last year’s 2019-format report carried over 0 and this year’s 2021 report says 1', () => {
    expect(validate(SAMPLE_2021, { lastYear: withCells(SAMPLE_2019, { 'T3.COUT.SCI': 0 }) })).toEqual([
      {
        rule: 'XY-CARRY',
        instance: 'SCI',
        severity: 'warning',
        table: 'T3',
        cells: ['T3.CIN.SCI'],
        expected: 0,
        actual: 1,
        message:
          '科研机构列：第二项 1，应等于上年第四项 0，相差 1（本年“上年结转”应等于上年报告的“结转下年度继续办理”；上年报告公开后可能更正过数字，所以只作为警告，请核对）',
      },
    ]);
  });
});

describe('XY-INFORCE (2021 after 2021): 现行有效件数 = last year’s + 本年制发件数 − 本年废止件数, in each row of （一）', () => {
  it('passes for the 2021 sample after a 2021 report with 37 规章 and 197 行政规范性文件 in force', () => {
    expect(validate(SAMPLE_2021, { lastYear: LAST_YEAR_2021 })).toEqual([]);
  });

  it('fails (info) for 行政规范性文件 when 现行有效件数 is 230, not 197 + 27 − 9 = 215', () => {
    expect(validate(withCells(SAMPLE_2021, { 'T2.NORM.INFORCE': 230 }), { lastYear: LAST_YEAR_2021 })).toEqual([
      {
        rule: 'XY-INFORCE',
        instance: 'NORM',
        severity: 'info',
        table: 'T2',
        cells: ['T2.NORM.INFORCE', 'T2.NORM.ISSUED', 'T2.NORM.REPEALED'],
        expected: 215,
        actual: 230,
        message:
          '行政规范性文件行：现行有效件数 230，应等于上年现行有效件数 197 + 本年制发件数 27 − 本年废止件数 9 = 215，相差 15' +
          '（现行有效件数一般等于上年现行有效件数加本年制发、减本年废止，如有其他变动可说明）',
      },
    ]);
  });

  it('is not checked after a 2019-format report, which has no 现行有效件数', () => {
    expect(validate(withCells(SAMPLE_2021, { 'T2.NORM.INFORCE': 230 }), { lastYear: SAMPLE_2019 })).toEqual([]);
  });
});

describe('XY-PREV (2019 after 2019): 上一年项目数量 = last year’s 上一年项目数量 + 本年增/减, in each row of （五）（六）（八）', () => {
  it('passes for the 2019 sample after a 2019 report (行政许可 386 = 371 + 15, 行政强制 57 = 61 − 4)', () => {
    expect(validate(SAMPLE_2019, { lastYear: LAST_YEAR_2019 })).toEqual([]);
  });

  it('fails for 行政强制 when 上一年项目数量 is 75 (digits swapped), not 61 + (−4) = 57', () => {
    expect(validate(withCells(SAMPLE_2019, { 'T2.ENF.PREV': 75 }), { lastYear: LAST_YEAR_2019 })).toEqual([
      {
        rule: 'XY-PREV',
        instance: 'ENF',
        severity: 'warning',
        table: 'T2',
        cells: ['T2.ENF.PREV'],
        expected: 57,
        actual: 75,
        message:
          '行政强制行：上一年项目数量 75，应等于上年上一年项目数量 61 + 上年本年增/减 -4 = 57，相差 18（上一年项目数量应等于上年报告的上一年项目数量加本年增/减；上年报告公开后可能更正过数字，所以只作为警告，请核对）',
      },
    ]);
  });
});

describe('validate: cell kinds', () => {
  const cases: [FormatVersion, CellId, number | string, string | null][] = [
    ['2021', 'T3.NEW.NP', 3, null],
    ['2021', 'T3.NEW.NP', -1, 'CELL-COUNT'],
    ['2021', 'T3.NEW.NP', 1.5, 'CELL-COUNT'],
    ['2021', 'T3.NEW.NP', '三', 'CELL-COUNT'],
    ['2019', 'T2.LIC.DELTA', -4, null],
    ['2019', 'T2.LIC.DELTA', 0.5, 'CELL-SIGNED'],
    ['2019', 'T2.LIC.DELTA', '减少', 'CELL-SIGNED'],
    ['2021', 'T2.FEE.FEEAMT', 160.5964, null],
    ['2021', 'T2.FEE.FEEAMT', -0.1, 'CELL-AMOUNT'],
    ['2019', 'T2.PROC.PROCAMT', '约 3 万', 'CELL-AMOUNT'],
  ];
  it.each(cases)('%s %s = %p gives %p', (v, id, value, rule) => {
    const kindRules = validate(withCells(zeroReport(v), { [id]: value }))
      .filter((f) => f.rule.startsWith('CELL-') && f.instance === id)
      .map((f) => f.rule);
    expect(kindRules).toEqual(rule ? [rule] : []);
  });

  it('CELL-BLANK reports a blank cell as info, counting it as 0', () => {
    const r = withCells(zeroReport('2021'), { 'T4.RV.PEN': null });
    const findings = validate(r);
    expect(findings.map(keyOf)).toEqual(['CELL-BLANK/T4.RV.PEN']);
    expect(findings[0]).toMatchObject({ severity: 'info', expected: 0, actual: null, cells: ['T4.RV.PEN'] });
  });

  it('CELL-BLANK passes when the cell holds 0', () => {
    expect(validate(zeroReport('2019')).filter((f) => f.rule === 'CELL-BLANK')).toEqual([]);
  });

  it('text in a count cell gives its CELL finding, and the sums it feeds say they cannot be computed', () => {
    const r = withCells(zeroReport('2021'), { 'T3.D6.BIZ': '两件' });
    const findings = validate(r);
    expect(keysOf(findings)).toEqual(['CELL-COUNT/T3.D6.BIZ', 'T3-OUTCOMES/BIZ', 'T3-ROWSUM/D6']);
    const outcomes = findings.find((f) => f.rule === 'T3-OUTCOMES')!;
    expect(outcomes.expected).toBeNull();
    expect(outcomes.severity).toBe('info');
    expect(outcomes.message).toBe('商业企业列：无法核对办理结果总计，因为 （三）6.属于四类过程性信息“两件” 不是数字');
  });
});

describe('validate: findings carry the numbers', () => {
  it('T3-BALANCE fails for 自然人 when 第一项 12 + 第二项 0 ≠ （七）总计 11 + 第四项 0, with the example message of formats.md', () => {
    const r = withCells(zeroReport('2021'), {
      'T3.NEW.NP': 12,
      'T3.NEW.TOT': 12,
      'T3.R1.NP': 11,
      'T3.R1.TOT': 11,
      'T3.RT.NP': 11,
      'T3.RT.TOT': 11,
    });
    const findings = validate(r);
    const np = findings.find((f) => f.rule === 'T3-BALANCE' && f.instance === 'NP')!;
    expect(np).toMatchObject({
      severity: 'error',
      table: 'T3',
      expected: 11,
      actual: 12,
      cells: ['T3.NEW.NP', 'T3.CIN.NP', 'T3.RT.NP', 'T3.COUT.NP'],
    });
    expect(np.message).toBe(
      '自然人列：第一项 12 + 第二项 0 = 12，应等于（七）总计 11 + 第四项 0 = 11，相差 1（本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和）',
    );
    expect(keysOf(findings)).toEqual(['T3-BALANCE/NP', 'T3-BALANCE/TOT']);
  });

  it('T3-OUTCOMES lists the non-zero outcome rows it added', () => {
    const r = withCells(zeroReport('2021'), { 'T3.R1.OTH': 2, 'T3.O3.OTH': 1, 'T3.RT.OTH': 4 });
    const f = validate(r).find((x) => x.rule === 'T3-OUTCOMES' && x.instance === 'OTH')!;
    expect(f).toMatchObject({ expected: 3, actual: 4 });
    expect(f.cells).toHaveLength(1 + 21);
    expect(f.message).toBe(
      '其他列：（七）总计 4，应等于（一）至（六）各项之和（（一）予以公开 2 + （六）3.其他 1（其余为 0）= 3），相差 1（（七）总计等于（一）至（六）各项之和，部分公开只计这一情形）',
    );
  });
});

describe('validate: what the source lacks, and numbers at the edge', () => {
  it('leaves out the rules that need a cell a pasted table lacks, and does not call that cell blank', () => {
    const report = zeroReport('2021');
    report.cells['T3.RT.NP'] = 3;
    report.cells['T3.R1.NP'] = 3;
    report.cells['T3.NEW.NP'] = 3;
    delete report.cells['T3.R1.TOT'];
    const present = new Set(
      dataCells('2021')
        .map((d) => d.id)
        .filter((id) => id !== 'T3.R1.TOT'),
    );
    const keys = validate(report, { present }).map(keyOf);
    expect(keys).not.toContain('CELL-BLANK/T3.R1.TOT');
    expect(keys).not.toContain('T3-ROWSUM/R1');
    expect(keys).not.toContain('T3-OUTCOMES/TOT');
    expect(keys).toContain('T3-ROWSUM/NEW');
  });

  it('prints a tiny wrong value as it is, not as 0', () => {
    const r = withCells(zeroReport('2019'), { 'T2.LIC.DELTA': -4e-7 });
    const f = validate(r).find((x) => x.rule === 'CELL-SIGNED')!;
    expect(f.message).toContain('填写的是 -4e-7');
  });

  it('compares sums as the highlight formulas do: rounded to six decimals', () => {
    expect(validate(withCells(zeroReport('2019'), { 'T2.LIC.DELTA': -4e-7 })).map(keyOf)).not.toContain('T2-PREV-DELTA/LIC');
    expect(validate(withCells(zeroReport('2021'), { 'T4.LD.TOT': 1e-5 })).map(keyOf)).toContain('T4-SUM/LD');
  });

  it('skips a cross-year rule when last year’s report does not hold the cells it needs', () => {
    const lastWithoutT3: Report = { format: '2021', cells: { 'T2.REG.INFORCE': 0 } };
    const keys = validate(withCells(zeroReport('2021'), { 'T3.CIN.NP': 5, 'T3.NEW.NP': -5 }), { lastYear: lastWithoutT3 }).map(keyOf);
    expect(keys.filter((k) => k.startsWith('XY-CARRY'))).toEqual([]);
  });
});

describe('validate: property', () => {
  const referencing = (v: FormatVersion, id: CellId): string[] =>
    relationInstances(v)
      .filter((i) => [...i.lhs, ...i.rhs].some((t) => t.cell === id && t.year === 'this'))
      .map(keyOf)
      .sort();

  for (const v of FORMAT_VERSIONS) {
    const ids = dataCells(v);
    it(`${v}: a random consistent report has no findings, and changing one cell fails exactly the instances that reference it`, () => {
      fc.assert(
        fc.property(fc.integer(), fc.nat(ids.length - 1), fc.integer({ min: 1, max: 50 }), (seed, idx, delta) => {
          const report = consistentReport(v, seededRandom(seed));
          expect(validate(report)).toEqual([]);
          const cell = ids[idx];
          const before = report.cells[cell.id] as number;
          const after = cell.kind === 'amount' ? before + delta / 100 : before + delta;
          const failing = validate(withCells(report, { [cell.id]: after }))
            .map(keyOf)
            .sort();
          // Raising a value can never break PREV + DELTA >= 0 or PUBLISHED <= ALLPUB via ALLPUB; those
          // inequalities may hold either way, every equation must fail.
          const equations = relationInstances(v)
            .filter((i) => i.relation === 'eq' && [...i.lhs, ...i.rhs].some((t) => t.cell === cell.id))
            .map(keyOf);
          for (const k of equations) expect(failing).toContain(k);
          for (const k of failing) expect(referencing(v, cell.id)).toContain(k);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('validate: what a message shows of a hostile or noisy value', () => {
  it('prints a difference at the precision it is compared at: 相差 5, not float noise', () => {
    const report = withCells(zeroReport('2021'), { 'T3.NEW.NP': 10.1, 'T3.RT.NP': 5.1000001 });
    const balance = validate(report).find((f) => f.rule === 'T3-BALANCE' && f.instance === 'NP')!;
    expect(Math.abs(10.1 - 5.1000001)).not.toBe(5); // the float difference has noise
    expect(balance.message).toContain('相差 5（');
  });

  it('shortens a long text in a count cell in the message and in the finding', () => {
    const long = '这一段很长的文字'.repeat(100_000);
    const findings = validate(withCells(zeroReport('2021'), { 'T3.NEW.NP': long }));
    const text = JSON.stringify(findings);
    expect(text.length).toBeLessThan(20_000);
    const cell = findings.find((f) => f.rule === 'CELL-COUNT')!;
    expect(cell.message).toContain('…（共 800000 个字符）');
  });

  it('refuses an integer beyond 2^53 as a number that cannot be read exactly, and does not sum it', () => {
    const findings = validate(withCells(zeroReport('2021'), { 'T3.NEW.NP': Number.MAX_SAFE_INTEGER + 2 }));
    const cell = findings.find((f) => f.rule === 'CELL-COUNT')!;
    expect(cell.severity).toBe('error');
    expect(cell.message).toContain('数字过大，无法准确读取');
    expect(findings.filter((f) => f.rule === 'T3-BALANCE').map((f) => f.severity)).toEqual(['info']);
  });

  it('accepts the largest exact integer', () => {
    const findings = validate(
      withCells(zeroReport('2021'), { 'T3.NEW.NP': Number.MAX_SAFE_INTEGER, 'T3.NEW.TOT': Number.MAX_SAFE_INTEGER }),
    );
    expect(findings.filter((f) => f.rule === 'CELL-COUNT')).toEqual([]);
  });
});
