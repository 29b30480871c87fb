import { evaluateFormula } from '../../../src/excel/memory/formula/evaluate';
import { isValidFormula, parseFormula } from '../../../src/excel/memory/formula/parse';
import { adjustFormulaForEdit, shiftFormula } from '../../../src/excel/memory/formula/rewrite';
import { FormulaError, Scalar } from '../../../src/excel/memory/formula/values';
import { formatValue } from '../../../src/excel/memory/numfmt';

/** A grid given as rows from A1; missing cells are blank. */
function grid(rows: Scalar[][], other: Record<string, Scalar[][]> = {}) {
  return (sheet: string | undefined, r: number, c: number): Scalar => {
    const g = sheet === undefined ? rows : other[sheet];
    if (!g) return new FormulaError('#REF!');
    const v = g[r]?.[c];
    return v === undefined ? null : v;
  };
}

const ev = (f: string, rows: Scalar[][] = [], sr = 0, sc = 0) => {
  const v = evaluateFormula(f, grid(rows), sr, sc);
  return v instanceof FormulaError ? v.code : v;
};

describe('formula engine: operators', () => {
  test('applies Excel precedence: * before +, & after +, comparison last', () => {
    expect(ev('=1+2*3')).toBe(7);
    expect(ev('=(1+2)*3')).toBe(9);
    expect(ev('=1+2&"x"')).toBe('3x');
    expect(ev('=1+1=2')).toBe(true);
    expect(ev('=2^3^2')).toBe(64); // left-associative
  });

  test('unary minus binds tighter than ^, like Excel (=-2^2 is 4)', () => {
    expect(ev('=-2^2')).toBe(4);
    expect(ev('=--"3"')).toBe(3);
    expect(ev('=50%')).toBe(0.5);
  });

  test('treats a blank cell as 0 in arithmetic and "" in text', () => {
    expect(ev('=A1+1', [[null]])).toBe(1);
    expect(ev('=A1&"x"', [[null]])).toBe('x');
    expect(ev('=A1', [[null]])).toBe(0);
    expect(ev('=A1=0', [[null]])).toBe(true);
    expect(ev('=A1=""', [[null]])).toBe(true);
  });

  test('text in + gives #VALUE! but numeric text is coerced', () => {
    expect(ev('="a"+1')).toBe('#VALUE!');
    expect(ev('="2"+1')).toBe(3);
    expect(ev('=A1*2', [['abc']])).toBe('#VALUE!');
  });

  test('comparisons: text is greater than any number, case-insensitive text equality', () => {
    expect(ev('="a">99999')).toBe(true);
    expect(ev('=A1>5', [['x']])).toBe(true);
    expect(ev('="ABC"="abc"')).toBe(true);
    expect(ev('=TRUE>"z"')).toBe(true);
  });

  test('errors propagate and division by zero is #DIV/0!', () => {
    expect(ev('=1/0')).toBe('#DIV/0!');
    expect(ev('=A1+1', [[new FormulaError('#N/A')]])).toBe('#N/A');
    expect(ev('=#REF!+1')).toBe('#REF!');
  });
});

describe('formula engine: functions', () => {
  const block: Scalar[][] = [
    [1, 2, 'x'],
    [null, 4, true],
  ];

  test('SUM ignores text, booleans and blanks in ranges', () => {
    expect(ev('=SUM(A1:C2)', block)).toBe(7);
    expect(ev('=SUM(1,TRUE,"2")')).toBe(4);
    expect(ev('=SUM("a")')).toBe('#VALUE!');
  });

  test('N turns text into 0 and keeps numbers', () => {
    expect(ev('=N(C1)', block)).toBe(0);
    expect(ev('=N(B2)', block)).toBe(4);
    expect(ev('=N(A2)', block)).toBe(0);
    expect(ev('=N(C2)', block)).toBe(1);
  });

  test('IS* functions', () => {
    expect(ev('=ISTEXT(C1)', block)).toBe(true);
    expect(ev('=ISNUMBER(A1)', block)).toBe(true);
    expect(ev('=ISNUMBER(C1)', block)).toBe(false);
    expect(ev('=ISBLANK(A2)', block)).toBe(true);
    expect(ev('=ISBLANK(A1)', block)).toBe(false);
    expect(ev('=ISERROR(1/0)')).toBe(true);
    expect(ev('=ISERROR(1)')).toBe(false);
  });

  test('logical functions and IF', () => {
    expect(ev('=AND(1,TRUE)')).toBe(true);
    expect(ev('=AND(A1:B1,0)', block)).toBe(false);
    expect(ev('=OR(0,FALSE)')).toBe(false);
    expect(ev('=NOT(0)')).toBe(true);
    expect(ev('=IF(1>2,"a","b")')).toBe('b');
    expect(ev('=IF(FALSE,1)')).toBe(false);
    expect(ev('=IF(TRUE,1,1/0)')).toBe(1); // only the chosen branch is evaluated
  });

  test('COUNT, COUNTA, COUNTBLANK', () => {
    expect(ev('=COUNT(A1:C2)', block)).toBe(3);
    expect(ev('=COUNTA(A1:C2)', block)).toBe(5);
    expect(ev('=COUNTBLANK(A1:C2)', block)).toBe(1);
  });

  test('INT, ABS, ROUND (half away from zero), MOD (sign of divisor)', () => {
    expect(ev('=INT(-1.5)')).toBe(-2);
    expect(ev('=ABS(-3)')).toBe(3);
    expect(ev('=ROUND(2.5,0)')).toBe(3);
    expect(ev('=ROUND(-2.5,0)')).toBe(-3);
    expect(ev('=ROUND(1.005,2)')).toBe(1.01);
    expect(ev('=MOD(-3,2)')).toBe(1);
    expect(ev('=MOD(3,0)')).toBe('#DIV/0!');
  });

  test('SUMPRODUCT with -- coercion of comparison arrays', () => {
    const rows: Scalar[][] = [[5], [-1], ['a'], [null], [3]];
    expect(ev('=SUMPRODUCT(--(A1:A5>0))', rows)).toBe(3); // "a" > 0 is TRUE (text is greater)
    expect(ev('=SUMPRODUCT(--ISNUMBER(A1:A5))', rows)).toBe(3);
    expect(ev('=SUMPRODUCT((A1:A5<0)*1)', rows)).toBe(1);
    expect(ev('=SUMPRODUCT(A1:A2,A4:A5)', rows)).toBe(0 * 5 + -1 * 3);
    expect(ev('=SUMPRODUCT(A1:A2,A1:A3)', rows)).toBe('#VALUE!');
  });

  test('unknown functions give #NAME?', () => {
    expect(ev('=NOPE(1)')).toBe('#NAME?');
  });
});

describe('formula engine: references', () => {
  test('sheet-qualified references, quoted names with spaces and quotes', () => {
    const get = grid([[1]], { 'My sheet': [[10]], "O'Brien": [[20]], 表二: [[30]] });
    expect(evaluateFormula("='My sheet'!A1+A1", get)).toBe(11);
    expect(evaluateFormula("='O''Brien'!A1", get)).toBe(20);
    expect(evaluateFormula('=表二!A1*2', get)).toBe(60);
    expect(evaluateFormula('=Missing!A1', get)).toEqual(new FormulaError('#REF!'));
  });

  test('shifting moves relative parts only ($A1, A$1, $A$1)', () => {
    expect(shiftFormula('=A1+$A1+A$1+$A$1', 2, 3)).toBe('=D3+$A3+D$1+$A$1');
    expect(shiftFormula('=SUM(D5:J5)', 1, 0)).toBe('=SUM(D6:J6)');
    expect(shiftFormula('=A1', -1, 0)).toBe('=#REF!');
    expect(shiftFormula('="A1"&A1', 1, 0)).toBe('="A1"&A2'); // strings untouched
  });

  test('evaluating with a shift equals evaluating the shifted formula', () => {
    const rows: Scalar[][] = [
      [1, 2],
      [3, 4],
    ];
    expect(ev('=A1*10+$B$1', rows, 1, 1)).toBe(4 * 10 + 2);
  });

  test('insertion above moves references, insertion inside a range expands it', () => {
    const ins = { sheet: 'S', axis: 'row' as const, kind: 'insert' as const, index: 2, count: 2 };
    expect(adjustFormulaForEdit('=A5+A1+SUM(A1:A5)', 'S', ins)).toBe('=A7+A1+SUM(A1:A7)');
    expect(adjustFormulaForEdit('=Other!A5', 'S', ins)).toBe('=Other!A5');
    expect(adjustFormulaForEdit('=S!A5+A5', 'Other', ins)).toBe('=S!A7+A5');
  });

  test('deletion shrinks ranges and turns references into deleted cells into #REF!', () => {
    const del = { sheet: 'S', axis: 'row' as const, kind: 'delete' as const, index: 1, count: 2 };
    expect(adjustFormulaForEdit('=SUM(A1:A5)', 'S', del)).toBe('=SUM(A1:A3)');
    expect(adjustFormulaForEdit('=A2+A4', 'S', del)).toBe('=#REF!+A2');
    expect(adjustFormulaForEdit('=SUM(A2:B3)', 'S', del)).toBe('=SUM(#REF!)');
    const cols = { sheet: 'S', axis: 'col' as const, kind: 'insert' as const, index: 0, count: 1 };
    expect(adjustFormulaForEdit('=$A$1+B1', 'S', cols)).toBe('=$B$1+C1');
  });

  test('parser edge cases', () => {
    expect(isValidFormula('=SUM(')).toBe(false);
    expect(isValidFormula('=1+')).toBe(false);
    expect(isValidFormula('="unterminated')).toBe(false);
    expect(isValidFormula('=(1')).toBe(false);
    expect(isValidFormula('=1 + 2')).toBe(true);
    expect(isValidFormula('=LOG10(1)')).toBe(true); // a function, not cell LOG10
    expect(ev('="say ""hi"""')).toBe('say "hi"');
    expect(ev('= SUM ( 1 , 2 )')).toBe(3);
    expect(ev('=IF(,1,2)')).toBe(2); // empty argument
    expect(parseFormula('=A1:B2')).toMatchObject({ t: 'ref', ref: { kind: 'area' } });
    expect(parseFormula('=3:5')).toMatchObject({ t: 'ref', ref: { kind: 'rows' } });
    expect(ev('=1e3+.5')).toBe(1000.5);
    expect(ev('=true')).toBe(true);
    expect(ev('=sum(1,2)')).toBe(3); // case-insensitive function names
  });

  test('syntax errors evaluate to #NAME? instead of throwing', () => {
    expect(ev('=1+*2')).toBe('#NAME?');
  });
});

describe('number formats', () => {
  test('renders General, 0, 0.00, #,##0, 0%, @ and text sections', () => {
    expect(formatValue(1234.5, 'General')).toBe('1234.5');
    expect(formatValue(1 / 3, 'General')).toBe('0.333333333');
    expect(formatValue(2.5, '0')).toBe('3');
    expect(formatValue(2, '0.00')).toBe('2.00');
    expect(formatValue(1234567.891, '#,##0.00')).toBe('1,234,567.89');
    expect(formatValue(0.125, '0.0%')).toBe('12.5%');
    expect(formatValue(12, '@')).toBe('12');
    expect(formatValue('abc', '0.00')).toBe('abc');
    expect(formatValue(-3, '0;(0)')).toBe('(3)');
    expect(formatValue(0, '0;-0;"-"')).toBe('-');
    expect(formatValue(null, '0')).toBe('');
    expect(formatValue(true, 'General')).toBe('TRUE');
    expect(formatValue(new FormulaError('#REF!'), '0')).toBe('#REF!');
  });
});

describe('INDEX', () => {
  it('reads one cell of a range or a name, as a reference (its text is not counted as a number), #REF! outside', async () => {
    const { createMemoryHost } = await import('../../../src/excel/memory');
    const host = createMemoryHost();
    host.addSheet('S');
    host.userEdit('S', 'A1', 1);
    host.userEdit('S', 'B2', 5);
    host.userEdit('S', 'A2', "'7");
    await host.run(async (context) => {
      context.workbook.names.add('BLOCK', context.workbook.worksheets.getItem('S').getRange('A1:B2'));
      await context.sync();
    });
    host.userEdit('S', 'D1', '=INDEX(BLOCK,2,2)');
    host.userEdit('S', 'D2', '=COUNT(INDEX(A1:B2,2,1))');
    host.userEdit('S', 'D3', '=INDEX(A1:B2,3,1)');
    expect([host.cell('S', 'D1').value, host.cell('S', 'D2').value, host.cell('S', 'D3').value]).toEqual([5, 0, '#REF!']);
  });
});
