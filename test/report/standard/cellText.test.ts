import { normaliseLabel, parseCellText } from '../../../src/report/standard/cellText';

describe('parseCellText', () => {
  test('numbers stay numbers (no -0, non-finite is blank)', () => {
    expect(parseCellText(12)).toBe(12);
    expect(parseCellText(0.5)).toBe(0.5);
    expect(Object.is(parseCellText(-0), 0)).toBe(true);
    expect(parseCellText(NaN)).toBeNull();
  });

  test('blank is null', () => {
    for (const blank of ['', '   ', '\u00a0', '\u3000', '\t', null, undefined]) expect(parseCellText(blank)).toBeNull();
  });

  test('numeric text with ASCII, full-width and non-breaking spaces around it', () => {
    expect(parseCellText(' 12 ')).toBe(12);
    expect(parseCellText('\u00a012\u00a0')).toBe(12);
    expect(parseCellText('\u300012\u3000')).toBe(12);
    expect(parseCellText('-3')).toBe(-3);
    expect(parseCellText('+3')).toBe(3);
    expect(parseCellText('0.25')).toBe(0.25);
    expect(Object.is(parseCellText('-0'), 0)).toBe(true);
  });

  test('full-width digits, minus and point', () => {
    expect(parseCellText('１２')).toBe(12);
    expect(parseCellText('－５')).toBe(-5);
    expect(parseCellText('１６０．５')).toBe(160.5);
  });

  test('thousands separators', () => {
    expect(parseCellText('1,234')).toBe(1234);
    expect(parseCellText('1,234,567.5')).toBe(1234567.5);
    expect(parseCellText('1，234')).toBe(1234);
    expect(parseCellText('12,34')).toBe('12,34');
  });

  test('a decimal of more than 15 significant digits cannot be read exactly: it stays text', () => {
    expect(parseCellText('5.99999999999999999')).toBe('5.99999999999999999');
    expect(parseCellText('123456789012345')).toBe(123456789012345);
    expect(parseCellText('0.000000000000001')).toBe(0.000000000000001);
  });

  test('units: 万元 as is, 元 converted to 万元 in amount columns, counting units dropped', () => {
    expect(parseCellText('160.5964万元')).toBe(160.5964);
    expect(parseCellText('160.5964万元', 'amount')).toBe(160.5964);
    expect(parseCellText('251000元', 'amount')).toBe(25.1);
    expect(parseCellText('251000元')).toBe(251000);
    // Money in a count column is not a count: it stays text (and is reported).
    expect(parseCellText('251000元', 'count')).toBe('251000元');
    expect(parseCellText('12万元', 'signed')).toBe('12万元');
    expect(parseCellText('12件')).toBe(12);
    expect(parseCellText('12 个')).toBe(12);
    expect(parseCellText('12项')).toBe(12);
  });

  test('anything else is the trimmed text', () => {
    expect(parseCellText(' 无 ')).toBe('无');
    expect(parseCellText('—')).toBe('—');
    expect(parseCellText('12a')).toBe('12a');
    expect(parseCellText('1.2.3')).toBe('1.2.3');
    expect(parseCellText('约5件')).toBe('约5件');
    expect(parseCellText(true)).toBe('true');
  });
});

describe('normaliseLabel', () => {
  test('brackets: full-width and ASCII are the same', () => {
    expect(normaliseLabel('（一）予以公开')).toBe(normaliseLabel('(一)予以公开'));
    expect(normaliseLabel('〔2021〕')).toBe(normaliseLabel('(2021)'));
  });

  test('all whitespace is removed', () => {
    expect(normaliseLabel('结果 维持')).toBe('结果维持');
    expect(normaliseLabel('结\u00a0果\u3000维\t持 ')).toBe('结果维持');
    expect(normaliseLabel('(一) 予以公开')).toBe(normaliseLabel('（一）予以公开'));
  });

  test('numbering punctuation 、 . ． are unified', () => {
    const n = normaliseLabel('1.属于国家秘密');
    expect(normaliseLabel('1、属于国家秘密')).toBe(n);
    expect(normaliseLabel('1．属于国家秘密')).toBe(n);
    expect(normaliseLabel('１. 属于国家秘密')).toBe(n);
  });

  test('quotes are unified', () => {
    expect(normaliseLabel('3.危及“三安全一稳定”')).toBe(normaliseLabel('3.危及"三安全一稳定"'));
    expect(normaliseLabel('‘a’')).toBe(normaliseLabel("'a'"));
  });

  test('colon and comma variants', () => {
    expect(normaliseLabel('本年收费金额（单位：万元）')).toBe(normaliseLabel('本年收费金额(单位:万元)'));
  });
});
