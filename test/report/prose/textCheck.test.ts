import { CellId } from '../../../src/report/standard/formats';
import { zeroReport } from '../../../src/report/standard/generate';
import { PROSE_PATTERNS, ProseId } from '../../../src/report/prose/prosePatterns';
import { Report } from '../../../src/report/standard/report';
import { checkProse } from '../../../src/report/prose/textCheck';

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
    expect(r.skipped.join('')).toContain('主动公开的政府信息为 1234，表格中没有这一总数，未核对');
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
        'PARTLY',
        'PUBLISHED',
        'RECEIVED',
        'RECEIVED_WITH_CARRY',
        'REVIEW',
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
