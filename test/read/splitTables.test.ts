import { governmentPage, TableSplit, wordDocument } from '../helpers/documents';
import { checkReads } from '../../src/read/checkReads';
import { readDocx } from '../../src/read/readDocx';
import { readHtmlText } from '../../src/read/readHtml';
import { officialLayout } from '../../src/report/look/layout';
import { TableId } from '../../src/report/standard/formats';
import { consistentReport, seededRandom } from '../../src/report/standard/generate';

// A report's table printed in parts (a page break inside it), and a page with a large table of
// its own: the parts are read as one table, and the report is found past the unrelated table.

const report = consistentReport('2021', seededRandom(5));
const rows = (t: TableId) => officialLayout('2021', t).rowCount;

type Splits = Partial<Record<TableId, TableSplit>>;
const readers: [string, (splits: Splits) => Promise<ReturnType<typeof readHtmlText>>][] = [
  ['a web page', async (splits) => readHtmlText(governmentPage(report, { splits }))],
  ['a Word document', async (splits) => readDocx(await wordDocument(report, undefined, splits))],
];

describe.each(readers)('a table printed in parts, in %s', (_kind, read) => {
  it.each([
    ['表三 with only its last row on the next page', { T3: { at: rows('T3') - 1 } }],
    ['表三 with its last two rows on the next page', { T3: { at: rows('T3') - 2 } }],
    ['表四 with only its row of numbers on the next page', { T4: { at: rows('T4') - 1 } }],
    ['表二 with only its last row on the next page', { T2: { at: rows('T2') - 1 } }],
  ])('reads %s as one table, every cell checked', async (_what, splits) => {
    const [result] = checkReads('年报', [await read(splits as Splits)]);
    expect(result.notes).toEqual([]);
    expect(result.verdict).toBe('passed');
    expect(result.report!.cells).toEqual(expect.objectContaining(report.cells));
  });

  it.each([
    ['表三, its three header rows printed again on the next page', { T3: { at: 14, repeatRows: 3 } }],
    ['表四, its header printed again above its row of numbers', { T4: { at: rows('T4') - 1, repeatRows: 3 } }],
    ['表二, its first rows printed again on the next page', { T2: { at: 9, repeatRows: 3 } }],
  ])('reads %s without taking the repeated rows for another table', async (_what, splits) => {
    const [result] = checkReads('年报', [await read(splits as Splits)]);
    expect(result.notes).toEqual([]);
    expect(result.verdict).toBe('passed');
  });
});

describe.each([
  ['2021', 'a web page'],
  ['2021', 'a Word document'],
  ['2019', 'a web page'],
  ['2019', 'a Word document'],
] as const)('表三 of a %s report cut into two tables with its merged labels running on, in %s', (version, kind) => {
  // The merged label cells (三、本年度办理结果, （三）不予公开…) keep their rowspan in the first part:
  // the second part's rows leave out the cells they cover (a page) or continue them with w:vMerge (Word).
  const cut = consistentReport(version, seededRandom(9));
  const t3Rows = officialLayout(version, 'T3').rowCount;
  const read = async (split: TableSplit) =>
    kind === 'a web page'
      ? readHtmlText(governmentPage(cut, { splits: { T3: split } }))
      : readDocx(await wordDocument(cut, undefined, { T3: split }));

  it.each([
    ['inside （三）不予公开', { at: 14 }],
    ['at the top of （四）无法提供', { at: 16 }],
    ['before （七）总计, the last row under 三、本年度办理结果', { at: t3Rows - 2 }],
    ['inside （三）不予公开, its three header rows printed again', { at: 14, repeatRows: 3 }],
  ])('reads every cell of the part cut %s, under the labels carried on', async (_where, split) => {
    const [result] = checkReads('年报', [await read({ ...split, keepSpans: true })]);
    expect(result.notes).toEqual([]);
    expect(result.verdict).toBe('passed');
    expect(result.report!.cells).toEqual(expect.objectContaining(cut.cells));
  });
});

describe('an unrelated table on the page', () => {
  // A list of applications with the applicants' kinds: two of the report's labels, a hundred thousand rows.
  const list = (rows: number) => `<table>${'<tr><td>自然人</td><td>法人或其他组织</td></tr>'.repeat(rows)}</table>`;

  it('is passed over, before and after the report, which is read and checked, with a remark', () => {
    const page = governmentPage(report, { after: list(20_000) }).replace(
      '<div class=WordSection1>',
      `<div class=WordSection1>${list(100_000)}`,
    );
    const [result] = checkReads('年报', [readHtmlText(page)]);
    expect(result.verdict).toBe('passed');
    expect(result.remarks).toContain('文档中有 2 个表格（最多 100000 行）含有年报表格的栏目，但远大于年报表格，未当作年报表格读取');
  });
});
