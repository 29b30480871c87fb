import { FORMATS, FORMAT_VERSIONS } from '../../../src/report/standard/formats';
import { recognise } from '../../../src/report/recognise/recognise';
import { checkSheetInput } from '../../../src/report/sheet/sheetCheck';

// Header labels a text layer or a copy damaged (a character dropped or doubled, a stray mark, a
// traditional character, a line-broken fragment): read as the one official header they fit, named
// in a remark; a header that two labels fit leaves its column unread and says so.

const remarksOf = (grid: string[][]) =>
  checkSheetInput({ sheet: '', sheetId: '', named: [], unnamed: { row: 0, col: 0, values: grid, asText: true } }).remarks;
const cell = (r: ReturnType<typeof recognise>, id: string) => r.report.cells[id as never];

describe.each(FORMAT_VERSIONS)('%s: 表三’s applicant columns in another order, one header damaged', (v) => {
  const f = FORMATS[v].T3;
  // 商业企业 and 科研机构 swapped: only the header tells the columns
  const order = ['NP', 'SCI', 'BIZ', 'NGO', 'LAW', 'OTH', 'TOT'].map((id) => f.columns.find((c) => c.id === id)!);
  const value = (k: number, id: string) => (k * 7 + order.findIndex((c) => c.id === id) + 1) % 50;
  const grid = (damaged: string, id: string): string[][] => [
    [f.title],
    ['', '', f.legalGroup.label],
    ['（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）', ...order.map((c) => (c.id === id ? damaged : c.label))],
    ...f.rows.map((r, k) => [r.label, ...order.map((c) => String(value(k, c.id)))]),
  ];

  test.each([
    ['a traditional character', '科研機構', 'SCI'],
    ['a character dropped', '科研构', 'SCI'],
    ['a character doubled', '商业企企业', 'BIZ'],
    ['a stray mark', '商业·企业', 'BIZ'],
    ['a line-broken fragment', '社会公益', 'NGO'],
    ['其它 for 其他', '其它', 'OTH'],
  ])('%s (%s) is read as its column and named in a remark', (_what, damaged, id) => {
    const g = grid(damaged, id);
    const r = recognise(g);
    expect(r.unplaced).toEqual([]);
    f.rows.forEach((row, k) => expect(order.map((c) => cell(r, `T3.${row.id}.${c.id}`))).toEqual(order.map((c) => value(k, c.id))));
    const label = f.columns.find((c) => c.id === id)!.label;
    expect(remarksOf(g)).toContain(`第 3 行的表头“${damaged}”与标准表头不完全一致，已按“${label}”读取，请核对`);
  });
});

describe.each(FORMAT_VERSIONS)('%s: 表四 with a header damaged', (v) => {
  const f = FORMATS[v].T4;
  const fields = f.groups.flatMap(() => f.fields.map((fl) => fl.label));
  const values = fields.map((_, i) => String((i * 3) % 11));
  const grid = (header: string[]): string[][] => [
    [f.title],
    [f.groups[0].label, f.groups.find((g) => g.parent)!.parent!],
    f.groups.slice(1).map((g) => g.label),
    header,
    values,
  ];

  test('a field one character off (结果维 / 持 lost) is read as its column and named', () => {
    const header: string[] = [...fields];
    header[5] = '结果维';
    const r = recognise(grid(header));
    expect(r.unplaced).toEqual([]);
    expect(Object.keys(r.report.cells)).toHaveLength(15);
    expect(cell(r, `T4.${f.groups[1].id}.${f.fields[0].id}`)).toBe(Number(values[5]));
    expect(remarksOf(grid(header))).toContain(`第 4 行的表头“结果维”与标准表头不完全一致，已按“${f.fields[0].label}”读取，请核对`);
  });

  test('a field two labels fit (结果纠持: 结果维持 or 结果纠正) leaves its column unread and names both', () => {
    const header: string[] = [...fields];
    header[6] = '结果纠持';
    const r = recognise(grid(header));
    const id = `T4.${f.groups[1].id}.${f.fields[1].id}`;
    expect(cell(r, id)).toBeUndefined();
    expect(Object.keys(r.report.cells)).toHaveLength(14);
    expect(cell(r, `T4.${f.groups[1].id}.${f.fields[2].id}`)).toBe(Number(values[7]));
    expect(r.unplaced).toEqual([
      expect.objectContaining({ reason: '表头“结果纠持”可能是“结果维持”或“结果纠正”，无法确定是哪一列，这一列的数值未读入' }),
    ]);
  });

  test('a group two labels fit (行政复讼: 行政复议 or 行政诉讼) leaves the data row unread and names both', () => {
    const g = grid(fields);
    g[1] = ['行政复讼', f.groups.find((x) => x.parent)!.parent!];
    const r = recognise(g);
    expect(r.report.cells).toEqual({});
    expect(r.unplaced.map((u) => u.reason)).toEqual([
      '表头“行政复讼”可能是“行政复议”或“行政诉讼”，无法确定是哪一列，复议诉讼表的数值属于哪一列无法确定，未读入',
    ]);
  });
});

describe.each(FORMAT_VERSIONS)('%s: 表二 with a column header damaged', (v) => {
  const block = FORMATS[v].T2.blocks[0];
  const values = block.rows.map((_, k) => block.columns.map((_, i) => String(k * 10 + i + 1)));
  const grid = (header: string[]): string[][] => [
    [FORMATS[v].T2.title],
    [block.title],
    [FORMATS[v].T2.header, ...header],
    ...block.rows.map((r, k) => [r.label, ...values[k]]),
  ];

  test('a column header with a traditional character is read as its column and named', () => {
    const header: string[] = block.columns.map((c) => c.label);
    const damaged = header[1].replace('数', '數');
    header[1] = damaged;
    const r = recognise(grid(header));
    expect(r.unplaced).toEqual([]);
    block.rows.forEach((row, k) => expect(block.columns.map((c) => cell(r, `T2.${row.id}.${c.id}`))).toEqual(values[k].map(Number)));
    expect(remarksOf(grid(header))).toContain(`第 3 行的表头“${damaged}”与标准表头不完全一致，已按“${block.columns[1].label}”读取，请核对`);
  });

  test('a column header two column labels fit leaves that column unread, names both, and reads the others', () => {
    const header: string[] = block.columns.map((c) => c.label);
    // one character of each of two labels: 本年制发件数 and 本年废止件数 → 本年制止件数 fits both
    const [a, b] = [header[0], header[1]].map((l) => Array.from(l));
    const i = a.findIndex((ch, k) => ch !== b[k]);
    const mixed = [...a.slice(0, i + 1), ...b.slice(i + 1)].join('');
    header[0] = mixed;
    const r = recognise(grid(header));
    block.rows.forEach((row, k) => {
      expect(cell(r, `T2.${row.id}.${block.columns[0].id}`)).toBeUndefined();
      expect(block.columns.slice(1).map((c) => cell(r, `T2.${row.id}.${c.id}`))).toEqual(values[k].slice(1).map(Number));
    });
    expect(r.unplaced.map((u) => u.reason)).toEqual([
      `表头“${mixed}”可能是“${block.columns[0].label}”或“${block.columns[1].label}”，无法确定是哪一列，这一列的数值未读入`,
    ]);
  });
});
