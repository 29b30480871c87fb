import { FORMATS, FORMAT_VERSIONS, TABLE_IDS } from '../../../src/report/standard/formats';
import { layoutTextGrid, officialLayout } from '../../../src/report/look/layout';
import { recognise } from '../../../src/report/recognise/recognise';
import { checkSheetInput } from '../../../src/report/sheet/sheetCheck';

// A report's text with its line breaks gone (src/report/recognise/reshape.ts, splitAmongText): the
// tables, with section titles and prose before, between and after them, all on one line. Each
// fixture is written here from the official layouts, for both versions.

const filled = (r: string[]): string[] => r.filter((c) => c.trim() !== '');

/** The three tables of a version, single-digit values, each table's rows as the writer joins them. */
function tables(v: '2021' | '2019', join: (cells: string[]) => string): { texts: string[]; values: Record<string, number> } {
  const values: Record<string, number> = {};
  let k = 3;
  const texts = TABLE_IDS.map((t) => {
    const layout = officialLayout(v, t);
    const g = layoutTextGrid(layout);
    for (const d of layout.data) {
      const x = (k = (k * 37 + 5) % 101) % 10;
      g[d.row][d.col] = String(x);
      values[d.id] = x;
    }
    return g.map((r) => join(filled(r))).join('');
  });
  return { texts, values };
}

const INTRO = '一、总体情况本机关全年共收到政府信息公开申请12件，予以公开5件，部分公开3件，行政复议1件。';
const BETWEEN = '（注：本表数据截至2023年12月31日，单位：件。）';
const AFTER = '五、存在的主要问题及改进情况本年度予以公开2件，仍有不足。六、其他需要报告的事项无。';

describe.each(FORMAT_VERSIONS)('%s: a report on one line among prose', (v) => {
  test('labels and digits run together: every table and value read, the prose left alone', () => {
    const { texts, values } = tables(v, (c) => c.join(''));
    const line = INTRO + texts[0] + BETWEEN + texts[1] + '以上为申请处理情况。' + texts[2] + AFTER;
    const r = recognise([[line]]);
    expect(r.unplaced).toEqual([]);
    expect(r.version).toBe(v);
    expect(r.tables.map((t) => t.table)).toEqual(['T2', 'T3', 'T4']);
    for (const t of r.tables) expect(t.missing).toEqual([]);
    expect(r.report.cells).toEqual(values);
  });

  test('stray spaces inside the rows (“000000 0”): the digit count settles each row', () => {
    const { texts, values } = tables(v, (c) => {
      const label = c.filter((x) => !/^\d+$/.test(x)).join('');
      const digits = c.filter((x) => /^\d+$/.test(x)).join('');
      // a space before the last digit, and one in the middle of a long row
      const spaced = digits.length > 1 ? `${digits.slice(0, -1)} ${digits.slice(-1)}` : digits;
      return label + (digits.length > 4 ? `${spaced.slice(0, 2)} ${spaced.slice(2)}` : spaced);
    });
    const r = recognise([[INTRO + texts.join(BETWEEN) + AFTER]]);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
  });

  test('the three tables one after another with spaces between labels and digits', () => {
    const { texts, values } = tables(v, (c) => c.join(' ') + ' ');
    const r = recognise([[INTRO + ' ' + texts.join(' ') + AFTER]]);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
  });

  test('表四 as fifteen digits after its header, alone on the line', () => {
    const { texts, values } = tables(v, (c) => c.join(''));
    const r = recognise([[BETWEEN + texts[2] + AFTER]]);
    expect(r.unplaced).toEqual([]);
    expect(r.tables.map((t) => t.table)).toEqual(['T4']);
    const t4 = Object.fromEntries(Object.entries(values).filter(([id]) => id.startsWith('T4.')));
    expect(r.report.cells).toEqual(t4);
  });
});

describe('prose that names labels is not a table', () => {
  test('a paragraph of counts (予以公开5件，部分公开3件) on its own line is not read as rows', () => {
    const r = recognise([[INTRO], [AFTER]]);
    expect(r.tables).toEqual([]);
    expect(r.unplaced).toEqual([]);
  });

  test('a count in a sentence after a table title is not a row of the table', () => {
    const title = FORMATS['2021'].T3.title;
    const r = recognise([[`${title}本机关${FORMATS['2021'].T3.rows[0].label}12件，（一）予以公开5件。`]]);
    expect(r.report.cells).toEqual({});
    expect(r.unplaced).toEqual([]);
  });
});

describe('the example of issue 20 and tables not yet filled in', () => {
  test('…申请数量4100005二、上年结转…0000000三、本年度办理结果（一）予以公开…: one digit a cell', () => {
    const rows = FORMATS['2021'].T3.rows;
    const r = recognise([
      [
        `${INTRO}${FORMATS['2021'].T3.title}${rows[0].label}4100005${rows[1].label}0000000三、本年度办理结果${rows[2].label}4100005${AFTER}`,
      ],
    ]);
    const cols = FORMATS['2021'].T3.columns.map((c) => c.id);
    expect(cols.map((c) => r.report.cells[`T3.NEW.${c}` as never])).toEqual([4, 1, 0, 0, 0, 0, 5]);
    expect(cols.map((c) => r.report.cells[`T3.CIN.${c}` as never])).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(cols.map((c) => r.report.cells[`T3.${rows[2].id}.${c}` as never])).toEqual([4, 1, 0, 0, 0, 0, 5]);
  });

  test.each(FORMAT_VERSIONS)('%s: the tables with no numbers, among prose on one line, are found', (v) => {
    const { texts } = tables(v, (c) => c.filter((x) => !/^\d+$/.test(x)).join(''));
    const r = recognise([[INTRO + texts.join(BETWEEN) + AFTER]]);
    expect(r.tables.map((t) => t.table)).toEqual(['T2', 'T3', 'T4']);
    expect(r.report.cells).toEqual({});
  });
});

describe('row labels matched approximately', () => {
  const f = FORMATS['2021'];
  const grid = (label: string): string[][] => [
    [f.T3.title],
    ...f.T3.rows.map((r) => [r.id === 'D7' ? label : r.label, '1', '0', '0', '0', '0', '0', '1']),
  ];

  test('a label one character off is read as its row, and the row and the label are named', () => {
    const e7 = f.T3.rows.find((r) => r.id === 'D7')!.label;
    const typo = e7.replace('案卷', '案件');
    const r = recognise(grid(typo));
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells['T3.D7.NP' as never]).toBe(1);
    expect(r.approximate).toEqual([{ row: f.T3.rows.findIndex((x) => x.id === 'D7') + 1, text: typo, label: e7 }]);
    const c = checkSheetInput({ sheet: '', sheetId: '', named: [], unnamed: { row: 0, col: 0, values: grid(typo), asText: true } });
    expect(c.remarks).toContain(`第 ${r.approximate[0].row + 1} 行的行名“${typo}”与标准行名不完全一致，已按“${e7}”一行读取，请核对`);
  });

  test('a label cut short that begins two labels (属于行政…): the row is not read, and both labels are named', () => {
    const r = recognise(grid('7.属于行政'));
    const both = f.T3.rows.filter((x) => x.label.includes('属于行政')).map((x) => x.label);
    expect(both).toHaveLength(2);
    expect(r.report.cells['T3.D7.NP' as never]).toBeUndefined();
    expect(r.unplaced).toEqual([
      expect.objectContaining({
        reason: `行名“7.属于行政”可能是“${both[0]}”或“${both[1]}”，无法确定是哪一行，数值未读入`,
      }),
    ]);
  });
});

describe('a grid row whose first cell alone is filled is a row of cells, not a line of one value (found by a property run)', () => {
  test.each(FORMAT_VERSIONS)('%s: 表四 with 10 in its first cell and the rest blank reads as 10 and blanks', (v) => {
    const layout = officialLayout(v, 'T4');
    const g = layoutTextGrid(layout);
    const expected: Record<string, number | null> = {};
    for (const d of layout.data) {
      g[d.row][d.col] = d.col === 0 ? '10' : '';
      expected[d.id] = d.col === 0 ? 10 : null;
    }
    const r = recognise(g);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(expected);
  });
});
