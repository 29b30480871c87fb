import { CellId } from '../../../src/report/standard/formats';
import { zeroReport } from '../../../src/report/standard/generate';
import { PROSE_PATTERNS, ProseId } from '../../../src/report/prose/prosePatterns';
import { Report } from '../../../src/report/standard/report';
import { checkProse } from '../../../src/report/prose/textCheck';
import { ruleDef } from '../../../src/report/standard/rules';
import { FIXTURE_2019, FIXTURE_2021, ProseFixture } from './proseFixtures';
import { NOT_COUNTS } from '../../../src/report/prose/prosePatterns';

// A report whose tables hold: 新收 120, 上年结转 20, 办结 130 (予以公开 60, 部分公开 10, 不予公开 3 + 2),
// 结转下年度 10, 行政复议 4, 行政诉讼 2 + 1.
function tables(): Report {
  const r = zeroReport('2021');
  const set: Partial<Record<CellId, number>> = {
    'T3.NEW.TOT': 120,
    'T3.CIN.TOT': 20,
    'T3.RT.TOT': 130,
    'T3.R1.TOT': 60,
    'T3.R2.TOT': 10,
    'T3.D1.TOT': 3,
    'T3.D4.TOT': 2,
    'T3.COUT.TOT': 10,
    'T4.RV.TOT': 4,
    'T4.LD.TOT': 2,
    'T4.LR.TOT': 1,
  };
  Object.assign(r.cells, set);
  return r;
}

const ids = (text: string) => checkProse(text, tables()).statements.map((s) => `${s.id}=${s.stated}`);
const warnings = (text: string) => checkProse(text, tables()).findings;

describe('the text against the tables: each phrase pattern', () => {
  const agreeing: [ProseId, string, string[]][] = [
    ['RECEIVED', '2023年，本机关共收到政府信息公开申请120件。', ['RECEIVED=120']],
    ['RECEIVED', '全年新收政府信息公开申请１２０件', ['RECEIVED=120']],
    ['RECEIVED_WITH_CARRY', '本年度共收到政府信息公开申请140件，其中上年结转20件。', ['RECEIVED_WITH_CARRY=140', 'RECEIVED_WITH_CARRY=20']],
    ['CARRIED_IN', '上年结转的申请20件已全部办理完毕。', ['CARRIED_IN=20']],
    ['DONE', '已办结130件。', ['DONE=130']],
    ['GRANTED', '其中予以公开60件，', ['GRANTED=60']],
    ['PARTLY', '部分公开10件；', ['PARTLY=10']],
    ['DENIED', '不予公开5件。', ['DENIED=5']],
    ['CARRIED_OUT', '结转下年度继续办理10件。', ['CARRIED_OUT=10']],
    ['CARRIED_OUT', '结转至下一年度办理的10件', ['CARRIED_OUT=10']],
    ['REVIEW', '全年发生政府信息公开行政复议案件4件，', ['REVIEW=4']],
    ['LITIGATION', '行政诉讼3件。', ['LITIGATION=3']],
  ];
  it.each(agreeing)('%s reads “%s” and agrees with the tables', (_id, text, expected) => {
    expect(ids(text)).toEqual(expected);
    expect(warnings(text)).toEqual([]);
  });

  const contradicting: [ProseId, string, string][] = [
    [
      'RECEIVED',
      '本机关共收到政府信息公开申请320件。',
      '本年新收的申请为 320 件，而表三第一项“本年新收政府信息公开申请数量”的总计为 120，相差 200',
    ],
    [
      'RECEIVED_WITH_CARRY',
      '共收到政府信息公开申请120件，其中上年结转20件。',
      '收到的申请（含上年结转）为 120 件，而表三第一项、第二项的总计之和为 140，相差 20',
    ],
    ['DONE', '办结申请128件', '办结的申请为 128 件，而表三“（七）总计”的总计为 130，相差 2'],
    ['GRANTED', '予以公开59件', '予以公开的申请为 59 件'],
    ['PARTLY', '部分公开11件', '部分公开的申请为 11 件'],
    ['DENIED', '不予公开4件', '不予公开的申请为 4 件，而表三“（三）不予公开”各项的总计之和为 5，相差 1'],
    ['CARRIED_OUT', '结转下年度继续办理9件', '结转下年度继续办理的申请为 9 件'],
    ['REVIEW', '行政复议5件', '行政复议为 5 件，而表四“行政复议”的总计为 4，相差 1'],
    ['LITIGATION', '行政诉讼2件', '行政诉讼为 2 件，而表四“行政诉讼”两项的总计之和为 3，相差 1'],
  ];
  it.each(contradicting)('%s warns on “%s”, giving the sentence, the number, the cells and their value', (_id, text, message) => {
    const found = warnings(text);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ rule: 'TEXT-TABLE', severity: 'warning' });
    expect(found[0].message).toContain(`正文“${text}”中${message}`);
    expect(found[0].cells.length).toBeGreaterThan(0);
  });

  const notCounts: string[] = [
    '受理申请数量同比增加15件。', // a change, not a count
    '行政复议案件较上年减少2件。',
    '办结率100%。', // no 件
    '2023年度政府信息公开工作年度报告', // a year
    '收到申请，较上年增加5件', // the number is in another clause
    '不予公开的理由主要是属于国家秘密。', // no number
    '依申请公开办件时限平均为8个工作日。',
  ];
  it.each(notCounts)('reads no statement from “%s”', (text) => {
    expect(ids(text)).toEqual([]);
    expect(warnings(text)).toEqual([]);
  });

  it('不予公开 is not read as 予以公开', () => {
    expect(ids('不予公开5件')).toEqual(['DENIED=5']);
  });

  it('skips a sentence that gives one figure two different numbers, and says so', () => {
    const r = checkProse('予以公开60件，另有予以公开3件待补正。', tables());
    expect(r.findings).toEqual([]);
    expect(r.skipped.join('')).toContain('予以公开的申请出现了不同的数字（60、3），未核对');
  });

  it('says that a statement with no table figure (主动公开政府信息 X 条) is not compared', () => {
    const r = checkProse('全年主动公开政府信息1234条。', tables());
    expect(r.findings).toEqual([]);
    expect(r.skipped.join('')).toContain('主动公开的政府信息为 1234 条，表格中没有这一总数，未核对');
  });

  it('says so when the tables were not read (a report without 表四)', () => {
    const r = tables();
    delete r.cells['T4.RV.TOT'];
    const check = checkProse('行政复议4件', r);
    expect(check.findings).toEqual([]);
    expect(check.skipped.join('')).toContain('表格中没有读到表四“行政复议”的总计，未核对');
  });

  it('checks a whole 总体情况 paragraph, one warning per contradiction', () => {
    const text =
      '一、总体情况\n2023年，本机关共收到政府信息公开申请120件，其中上年结转20件；办结130件，其中予以公开60件，部分公开10件，不予公开5件；结转下年度继续办理10件。全年发生行政复议4件，行政诉讼3件。';
    const r = checkProse(text, tables());
    expect(r.findings.map((f) => f.instance.split('#')[0])).toEqual(['RECEIVED_WITH_CARRY']);
    expect(r.statements.map((s) => s.id)).toEqual(
      expect.arrayContaining(['RECEIVED_WITH_CARRY', 'DONE', 'GRANTED', 'PARTLY', 'DENIED', 'CARRIED_OUT', 'REVIEW', 'LITIGATION']),
    );
  });

  it('has a phrase for every statement the catalogue names', () => {
    expect(PROSE_PATTERNS.map((p) => p.id).sort()).toEqual(
      [
        'CARRIED_IN',
        'CARRIED_OUT',
        'DENIED',
        'DONE',
        'GRANTED',
        'LITIGATION',
        'LUMPED',
        'NORM_INFORCE',
        'NORM_ISSUED',
        'NORM_REPEALED',
        'NOT_HANDLED',
        'OTHER_HANDLED',
        'PARTLY',
        'PUBLISHED',
        'RECEIVED',
        'RECEIVED_WITH_CARRY',
        'REG_INFORCE',
        'REG_ISSUED',
        'REG_REPEALED',
        'REVIEW',
        'UNAVAILABLE',
      ].sort(),
    );
  });
});

describe('the command checks a text file’s prose against its tables', () => {
  it('warns on a sentence that contradicts the table, and the verdict stays about the tables', async () => {
    const { readFileSync, mkdtempSync, writeFileSync } = await import('fs');
    const { join } = await import('path');
    const { tmpdir } = await import('os');
    const { main } = await import('../../../src/cli/main');
    const sample = readFileSync(join(__dirname, '..', '..', 'fixtures', 'street-office-2019-format.txt'), 'utf8');
    const file = join(mkdtempSync(join(tmpdir(), 'xxgk-prose-')), '年报.txt');
    writeFileSync(file, `一、总体情况\n本年度共收到政府信息公开申请5件，办结0件。\n${sample}`);
    let out = '';
    const code = await main(['check', file, '--json'], { out: (s) => (out += s), err: () => undefined });
    const f = JSON.parse(out).files[0];
    const prose = f.findings.filter((x: { rule: string }) => x.rule === 'TEXT-TABLE');
    expect(prose.map((x: { message: string }) => x.message)).toEqual([
      '正文“本年度共收到政府信息公开申请5件，办结0件。”中本年新收的申请为 5 件，而表三第一项“本年新收政府信息公开申请数量”的总计为 0，相差 5',
    ]);
    expect(f.verdict).toBe('passed'); // a warning: the tables themselves were read and agree
    expect(code).toBe(0);
  });
});

describe('blank table cells', () => {
  it('count as 0, as in the tables’ own rules', () => {
    const r = zeroReport('2021');
    r.cells['T3.NEW.TOT'] = null;
    expect(checkProse('收到申请5件', r).findings.map((f) => f.expected)).toEqual([0]);
  });
});

describe('a report whose text agrees with its tables, in each version', () => {
  const cases: [string, ProseFixture, string[], string[]][] = [
    [
      '2021',
      FIXTURE_2021,
      [
        'RECEIVED=118',
        'CARRIED_IN=7',
        'DONE=98',
        'GRANTED=52',
        'PARTLY=9',
        'DENIED=4',
        'UNAVAILABLE=23',
        'NOT_HANDLED=7',
        'OTHER_HANDLED=3',
        'CARRIED_OUT=27',
        'REVIEW=3',
        'LITIGATION=2',
        'NORM_ISSUED=6',
        'NORM_INFORCE=37',
        'REG_INFORCE=4',
      ],
      ['主动公开的政府信息为 1520 条，表格中没有这一总数', '几类办理结果合在一起的件数为 11 件，表格中没有这几类合在一起的数字'],
    ],
    [
      '2019',
      FIXTURE_2019,
      [
        'RECEIVED=36',
        'CARRIED_IN=0',
        'DONE=34',
        'GRANTED=20',
        'PARTLY=4',
        'UNAVAILABLE=8',
        'OTHER_HANDLED=2',
        'CARRIED_OUT=2',
        'REVIEW=0',
        'LITIGATION=0',
        'NORM_ISSUED=3',
      ],
      ['现行有效的规范性文件为 20 件，2019版表二没有“现行有效件数”一栏，未核对'],
    ],
  ];
  it.each(cases)('%s: reads every figure, warns on none, and says what it did not compare', (_v, fixture, read, skipped) => {
    const r = checkProse(fixture.text, fixture.tables());
    expect(r.findings).toEqual([]);
    expect(r.statements.map((s) => `${s.id}=${s.stated}`)).toEqual(read);
    expect(r.statements.every((s) => s.message.includes('一致'))).toBe(true);
    for (const reason of skipped) expect(r.skipped.join('\n')).toContain(reason);
  });
});

describe('a contradiction planted in the agreeing text is found, one warning, naming the cells', () => {
  // [version, sentence of the fixture's text, the same sentence contradicting the tables, the cells, the table figure]
  const planted: [string, ProseFixture, string, string, CellId[], number][] = [
    ['2021', FIXTURE_2021, '申请一百一十八件', '申请一百零三件', ['T3.NEW.TOT'], 118],
    ['2021', FIXTURE_2021, '全年办结98件', '全年受理并办结96件', ['T3.RT.TOT'], 98],
    [
      '2021',
      FIXTURE_2021,
      '不予公开4件',
      '不予公开5件',
      ['T3.D1.TOT', 'T3.D2.TOT', 'T3.D3.TOT', 'T3.D4.TOT', 'T3.D5.TOT', 'T3.D6.TOT', 'T3.D7.TOT', 'T3.D8.TOT'],
      4,
    ],
    ['2021', FIXTURE_2021, '其他处理3件', '其他处理2件', ['T3.O1.TOT', 'T3.O2.TOT', 'T3.O3.TOT'], 3],
    ['2021', FIXTURE_2021, '行政复议3起', '行政复议4起', ['T4.RV.TOT'], 3],
    ['2021', FIXTURE_2021, '行政诉讼2件', '行政诉讼1件', ['T4.LD.TOT', 'T4.LR.TOT'], 2],
    ['2021', FIXTURE_2021, '现行有效规范性文件37件', '现行有效规范性文件39件', ['T2.NORM.INFORCE'], 37],
    ['2021', FIXTURE_2021, '现行有效规章4件', '现行有效规章5件', ['T2.REG.INFORCE'], 4],
    ['2021', FIXTURE_2021, '制发行政规范性文件6件', '制发行政规范性文件7件', ['T2.NORM.ISSUED'], 6],
    ['2019', FIXTURE_2019, '予以公开二十件', '予以公开十九件', ['T3.R1.TOT'], 20],
    ['2019', FIXTURE_2019, '其他处理2件', '其他处理3件', ['T3.O.TOT'], 2],
    ['2019', FIXTURE_2019, '制定规范性文件3件', '制定规范性文件4件', ['T2.NORM.MADE'], 3],
    ['2019', FIXTURE_2019, '受理政府信息公开申请36件', '接收政府信息公开申请38份', ['T3.NEW.TOT'], 36],
  ];
  it.each(planted)('%s: “%s” changed to “%s”', (_v, fixture, from, to, cells, table) => {
    expect(fixture.text).toContain(from);
    const r = checkProse(fixture.text.replace(from, to), fixture.tables());
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ rule: 'TEXT-TABLE', severity: 'warning', cells, expected: table });
    expect(r.findings[0].message).toContain(to);
    expect(r.findings[0].message).toContain(`为 ${table}，相差 ${Math.abs(table - (r.findings[0].actual as number))}`);
  });

  it('a claim of zero (未发生…行政复议, 未收到…申请) is compared as 0', () => {
    const tables = FIXTURE_2019.tables();
    tables.cells['T4.RV.TOT'] = 2;
    tables.cells['T3.NEW.TOT'] = 1;
    const r = checkProse('全年未发生政府信息公开行政复议。本年度未收到政府信息公开申请。', tables);
    expect(r.findings.map((f) => f.message)).toEqual([
      '正文“全年未发生政府信息公开行政复议。”说没有行政复议（即 0 件），而表四“行政复议”的总计为 2，相差 2',
      '正文“本年度未收到政府信息公开申请。”说没有本年新收的申请（即 0 件），而表三第一项“本年新收政府信息公开申请数量”的总计为 1，相差 1',
    ]);
  });

  it('a long sentence is quoted by the clause that states the figure', () => {
    const text =
      '2023年，本机关共收到政府信息公开申请一百一十八件，上年结转7件，全年办结98件，其中予以公开52件，部分公开8件，不予公开4件，无法提供23件。';
    expect(text.length).toBeGreaterThan(60);
    const [f, ...others] = checkProse(text, FIXTURE_2021.tables()).findings;
    expect(others).toEqual([]);
    expect(f.message).toMatch(/^正文“…部分公开8件…”中部分公开的申请为 8 件，而表三“（二）部分公开”的总计为 9，相差 1$/);
  });
});

describe('numbers that are not the figure a phrase names raise no warning', () => {
  // Tables in which every figure differs from every number of the sentences: a reading would warn.
  const odd = () => {
    const r = FIXTURE_2021.tables();
    for (const id of Object.keys(r.cells) as CellId[]) r.cells[id] = 997;
    return r;
  };
  it.each(NOT_COUNTS)('“%s”', (sentence) => {
    expect(checkProse(sentence, odd()).findings).toEqual([]);
  });
});

describe('what a user reads', () => {
  it('names no source file and no cell id, in warnings, agreements and reasons', () => {
    const tables = FIXTURE_2021.tables();
    for (const id of Object.keys(tables.cells) as CellId[]) if (tables.cells[id] !== 0) tables.cells[id] = (tables.cells[id] as number) + 1;
    const r = checkProse(FIXTURE_2021.text, tables);
    const shown = [...r.findings.map((f) => f.message), ...r.statements.map((s) => s.message), ...r.skipped];
    expect(r.findings.length).toBeGreaterThan(10);
    for (const m of shown) expect(m).not.toMatch(/src\/|\.ts\b|T[234]\.[A-Z0-9]+\.[A-Z]+|prosePatterns/);
  });
});

describe('the rule the warnings come under', () => {
  it('is named and explained in words, without a file of the program', () => {
    const def = ruleDef('TEXT-TABLE');
    expect(def.severity).toBe('warning');
    expect(`${def.name}${def.basis}`).not.toMatch(/src\/|\.ts\b|prosePatterns/);
  });
});
