import {
  joinAcrossPages,
  joinSplitLabels,
  joinStackedLabels,
  joinWrappedLabels,
  pageLines,
  placeItems,
  TextItem,
} from '../../src/read/pdfText';
import { recognise } from '../../src/report/recognise/recognise';
import { FORMATS } from '../../src/report/standard/formats';

// A PDF's text items put back into rows and cells, also where the page was drawn turned (a landscape
// page rotated by 90°) or its text layer is skewed (an OCR'd scan, 1.5°).

/** A 表三 row as a level page gives it: its label, then seven numbers, 40 pt apart. */
const row = (y: number): { str: string; x: number; y: number; width: number }[] => [
  { str: '（一）予以公开', x: 60, y, width: 80 },
  ...[12, 3, 0, 1, 0, 0, 16].map((n, i) => ({ str: String(n), x: 300 + 40 * i, y, width: 8 })),
];

/** The items turned by `angle` about the origin, as pdf.js reports text drawn turned. */
function turned(items: { str: string; x: number; y: number; width: number }[], angle: number): TextItem[] {
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  return items.map((i) => ({
    str: i.str,
    width: i.width,
    height: 10,
    transform: [10 * cos, 10 * sin, -10 * sin, 10 * cos, i.x * cos - i.y * sin, i.x * sin + i.y * cos],
  }));
}

const cellsOf = (items: TextItem[]) => pageLines(placeItems(items)!).map((l) => l.cells.map((c) => c.text));

describe('PDF text items in rows and cells', () => {
  const level = [...row(700), ...row(680)];
  const expected = [
    ['（一）予以公开', '12', '3', '0', '1', '0', '0', '16'],
    ['（一）予以公开', '12', '3', '0', '1', '0', '0', '16'],
  ];

  it('reads a level page as it stands', () => {
    expect(cellsOf(turned(level, 0))).toEqual(expected);
  });

  it.each([
    ['a landscape page drawn rotated by 90°', Math.PI / 2],
    ['a page rotated by −90°', -Math.PI / 2],
    ['a text layer skewed by 1.5°, as in an OCR’d scan', (1.5 * Math.PI) / 180],
  ])('reads %s in the frame of its text, with the same rows and cells', (_what, angle) => {
    expect(cellsOf(turned(level, angle))).toEqual(expected);
  });

  it('refuses a page whose text runs in different directions (a rotated stamp over the table), instead of misreading it', () => {
    const items = [...turned(row(700), 0), ...turned([{ str: '印章 2023', x: 400, y: 690, width: 60 }], Math.PI / 6)];
    expect(placeItems(items)).toBeNull();
  });
});

// Labels broken up by a PDF's text layer (src/read/readPdf.ts): characters spread across a cell's
// width, and 表四's header cells on two lines, written here as the text items a PDF gives.

interface Item {
  str: string;
  x: number;
  y: number;
}
const placed = (items: Item[]) => items.map((i) => ({ text: i.str, x: i.x, right: i.x + 10 * Array.from(i.str).length, y: i.y, size: 10 }));
const rebuilt = (items: Item[]) =>
  joinWrappedLabels(joinStackedLabels(joinSplitLabels(pageLines(placed(items))))).map((l) => l.cells.map((c) => c.text));

/** A text's characters spread over `width` points from x, one item a character (分散对齐). */
const spread = (text: string, x: number, y: number, width: number): Item[] => {
  const chars = Array.from(text);
  return chars.map((ch, i) => ({ str: ch, x: x + (i * width) / chars.length, y }));
};

describe.each(['2021', '2019'] as const)('%s: labels a PDF breaks up', (v) => {
  const f = FORMATS[v];

  test('a 表三 row label spread across its cell, character by character, is one cell again and the row is read', () => {
    const rows = f.T3.rows.filter((r) => Array.from(r.label).length <= 10).slice(0, 3);
    const items: Item[] = [{ str: f.T3.title, x: 60, y: 760 }];
    rows.forEach((r, k) => {
      const y = 700 - 30 * k;
      items.push(...spread(r.label, 40, y, 240));
      [1, 0, 2, 0, 0, 0, 3].forEach((n, i) => items.push({ str: String(n + k), x: 300 + 35 * i, y }));
    });
    const lines = rebuilt(items);
    // one item a character, further apart than a column gap: one cell a character until joined
    expect(pageLines(placed(items))[1].cells.length).toBeGreaterThan(10);
    expect(lines.slice(1).map((l) => l[0])).toEqual(rows.map((r) => r.label));
    const r = recognise(lines);
    expect(r.unplaced).toEqual([]);
    expect(f.T3.columns.map((c) => r.report.cells[`T3.${rows[2].id}.${c.id}` as never])).toEqual([3, 2, 4, 2, 2, 2, 5]);
  });

  test('表四 with its header cells on two lines (结果 / 维持) is read column by column', () => {
    const items: Item[] = [{ str: f.T4.title, x: 60, y: 760 }];
    const x = (i: number) => 40 + 34 * i;
    f.T4.groups.forEach((g, k) => items.push({ str: g.label, x: x(5 * k), y: 730 }));
    const fields = f.T4.groups.flatMap(() => f.T4.fields.map((fl) => fl.label));
    fields.forEach((label, i) => {
      const chars = Array.from(label);
      const cut = Math.ceil(chars.length / 2);
      items.push({ str: chars.slice(0, cut).join(''), x: x(i), y: 700 });
      if (chars.length > cut) items.push({ str: chars.slice(cut).join(''), x: x(i), y: 688 });
    });
    fields.forEach((_, i) => items.push({ str: String(i % 4), x: x(i), y: 660 }));
    const lines = rebuilt(items);
    expect(lines).toContainEqual(fields);
    const r = recognise(lines);
    expect(r.unplaced).toEqual([]);
    const expected: Record<string, number> = {};
    f.T4.groups.forEach((g, k) => f.T4.fields.forEach((fl, j) => (expected[`T4.${g.id}.${fl.id}`] = (k * f.T4.fields.length + j) % 4)));
    expect(r.report.cells).toEqual(expected);
  });
});

describe('a wrapped label interleaved with the row above it', () => {
  test.each(['2021', '2019'] as const)('%s: its first line, close under the row above, goes to its own row', (v) => {
    const f = FORMATS[v];
    const [a, b] = [f.T3.rows.find((r) => r.id === 'R1')!, f.T3.rows.find((r) => r.id === 'D1')!];
    const chars = Array.from(b.label);
    const items: Item[] = [
      { str: f.T3.title, x: 60, y: 760 },
      { str: a.label, x: 60, y: 700 },
      ...[1, 0, 0, 0, 0, 0, 1].map((n, i) => ({ str: String(n), x: 300 + 35 * i, y: 700 })),
      // b's label on two lines centred on its numbers, the first 4 pt under row a
      { str: chars.slice(0, 5).join(''), x: 60, y: 696 },
      { str: chars.slice(5).join(''), x: 60, y: 684 },
      ...[2, 0, 0, 0, 0, 0, 2].map((n, i) => ({ str: String(n), x: 300 + 35 * i, y: 690 })),
    ];
    const lines = rebuilt(items);
    expect(lines.slice(1)).toEqual([
      [a.label, '1', '0', '0', '0', '0', '0', '1'],
      [b.label, '2', '0', '0', '0', '0', '0', '2'],
    ]);
  });
});

describe.each(['2021', '2019'] as const)('%s: header cells of several lines, their lines interleaved', (v) => {
  const f = FORMATS[v];

  test('表四: 行政复议’s cells (结果 / 维持, 总计 between) and 行政诉讼’s, a line lower, are one line of fifteen in order', () => {
    const x = (i: number) => 40 + 34 * i;
    const items: Item[] = [
      { str: f.T4.title, x: 60, y: 770 },
      { str: f.T4.groups[0].label, x: x(1), y: 740 },
      { str: f.T4.groups.find((g) => g.parent)!.parent!, x: x(8), y: 740 },
      ...f.T4.groups.slice(1).map((g, k) => ({ str: g.label, x: x(6 + 5 * k), y: 720 })),
    ];
    // each group's cells centred in its header row: 行政复议's row is the taller, its lines 7 pt higher
    f.T4.groups.forEach((_, k) => {
      const top = k === 0 ? 706 : 692;
      f.T4.fields.forEach((fl, j) => {
        const chars = Array.from(fl.label);
        const at = x(5 * k + j);
        if (chars.length <= 2) items.push({ str: fl.label, x: at, y: top - 7 });
        else items.push({ str: chars.slice(0, 2).join(''), x: at, y: top }, { str: chars.slice(2).join(''), x: at, y: top - 14 });
      });
    });
    const fields = f.T4.groups.flatMap(() => f.T4.fields.map((fl) => fl.label));
    fields.forEach((_, i) => items.push({ str: String(i % 7), x: x(i), y: 650 }));
    const lines = rebuilt(items);
    expect(lines).toContainEqual(fields);
    const r = recognise(lines);
    expect(r.unplaced).toEqual([]);
    const expected: Record<string, number> = {};
    f.T4.groups.forEach((g, k) => f.T4.fields.forEach((fl, j) => (expected[`T4.${g.id}.${fl.id}`] = (k * f.T4.fields.length + j) % 7)));
    expect(r.report.cells).toEqual(expected);
  });

  test('表三: 社会 / 公益 / 组织 on three lines and 商业企 / 业 on two, between them, are one line of the columns in order', () => {
    const x = (i: number) => 200 + 40 * i;
    const items: Item[] = [
      { str: f.T3.title, x: 60, y: 770 },
      { str: f.T3.legalGroup.label, x: x(2), y: 745 },
    ];
    f.T3.columns.forEach((c, i) => {
      const chars = Array.from(c.label);
      // three lines for six characters, two for three or four, one for two: centred on y 715
      const per = chars.length > 4 ? 2 : chars.length > 2 ? 3 : 2;
      const parts: string[] = [];
      for (let k = 0; k < chars.length; k += per) parts.push(chars.slice(k, k + per).join(''));
      parts.forEach((p, k) => items.push({ str: p, x: x(i), y: 715 + 7 * (parts.length - 1) - 14 * k }));
    });
    const row = f.T3.rows[0];
    items.push({ str: row.label, x: 20, y: 680 });
    f.T3.columns.forEach((_, i) => items.push({ str: String(i + 1), x: x(i), y: 680 }));
    const lines = rebuilt(items);
    expect(lines).toContainEqual(f.T3.columns.map((c) => c.label));
    const r = recognise(lines);
    expect(f.T3.columns.map((c) => r.report.cells[`T3.${row.id}.${c.id}` as never])).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });
});

describe('a group label written down its column beside wrapped row labels', () => {
  test.each(['2021', '2019'] as const)(
    '%s: its characters, a little off the labels’ baselines, do not carry a label’s line into the next row',
    (v) => {
      const f = FORMATS[v];
      const [a, b] = ['D1', 'D2'].map((id) => f.T3.rows.find((r) => r.id === id)!);
      const group = Array.from(a.group ?? '（三）不予公开');
      const [a1, a2, a3] = [0, 4, 8].map((k) =>
        Array.from(a.label)
          .slice(k, k + 4)
          .join(''),
      );
      const [b1, b2, b3] = [0, 6, 12].map((k) =>
        Array.from(b.label)
          .slice(k, k + 6)
          .join(''),
      );
      const items: Item[] = [
        { str: f.T3.title, x: 20, y: 780 },
        // row a: its label on three lines, the numbers on the middle one
        { str: a1, x: 130, y: 721.6 },
        { str: a2, x: 130, y: 707.4 },
        ...[1, 0, 0, 0, 0, 0, 1].map((n, i) => ({ str: String(n), x: 200 + 35 * i, y: 707.6 })),
        { str: a3, x: 130, y: 693.2 },
        // row b likewise, 60 pt lower
        { str: b1, x: 130, y: 661.0 },
        { str: b2, x: 130, y: 646.8 },
        ...[2, 0, 0, 0, 0, 0, 2].map((n, i) => ({ str: String(n), x: 200 + 35 * i, y: 647.0 })),
        { str: b3, x: 130, y: 632.6 },
        // the group label down its narrow column, a character a line, 3.8 pt off the labels' lines
        ...group.map((ch, k) => ({ str: ch, x: 103, y: 703.6 - 14.2 * k })),
      ].filter((i) => i.str !== '');
      // the group label's characters stay cells of their own, left of the row labels
      const rows = rebuilt(items).filter((l) => l.some((c) => /^\d+$/.test(c)));
      expect(rows.map((l) => l.slice(-8))).toEqual([
        [a.label, '1', '0', '0', '0', '0', '0', '1'],
        [b.label, '2', '0', '0', '0', '0', '0', '2'],
      ]);
    },
  );
});

describe.each(['2021', '2019'] as const)('%s: a header label the text layer damaged', (v) => {
  test('表四’s 结果 / 维持 with 持 lost is joined, read as 结果维持’s column and named', () => {
    const f = FORMATS[v];
    const x = (i: number) => 40 + 34 * i;
    const items: Item[] = [{ str: f.T4.title, x: 60, y: 760 }];
    f.T4.groups.forEach((g, k) => items.push({ str: g.label, x: x(5 * k), y: 730 }));
    const fields = f.T4.groups.flatMap(() => f.T4.fields.map((fl) => fl.label));
    fields.forEach((label, i) => {
      const chars = Array.from(label);
      // the second group's first field lost its last character
      const second = chars.slice(2, i === 5 ? -1 : undefined).join('');
      items.push({ str: chars.slice(0, 2).join(''), x: x(i), y: 700 });
      if (second) items.push({ str: second, x: x(i), y: 688 });
    });
    fields.forEach((_, i) => items.push({ str: String(i % 4), x: x(i), y: 660 }));
    const r = recognise(rebuilt(items));
    expect(r.unplaced).toEqual([]);
    expect(Object.keys(r.report.cells)).toHaveLength(15);
    expect(r.report.cells[`T4.${f.T4.groups[1].id}.${f.T4.fields[0].id}` as never]).toBe(5 % 4);
    expect(r.approximate).toEqual([expect.objectContaining({ text: '结果维', label: f.T4.fields[0].label, header: true })]);
  });
});

describe('a header line close above the first row', () => {
  test.each(['2021', '2019'] as const)('%s: 表二’s 信息内容 stays in its header line, not in the row label below it', (v) => {
    const b = FORMATS[v].T2.blocks[0];
    const items: Item[] = [
      { str: FORMATS[v].T2.title, x: 40, y: 760 },
      { str: b.title, x: 150, y: 740 },
      { str: FORMATS[v].T2.header, x: 40, y: 720 },
      ...b.columns.map((c, i) => ({ str: c.label, x: 150 + 100 * i, y: 720 })),
      { str: b.rows[0].label, x: 40, y: 706 },
      ...b.columns.map((_, i) => ({ str: String(i + 3), x: 150 + 100 * i, y: 706 })),
    ];
    const lines = rebuilt(items);
    expect(lines.slice(2)).toEqual([
      [FORMATS[v].T2.header, ...b.columns.map((c) => c.label)],
      [b.rows[0].label, ...b.columns.map((_, i) => String(i + 3))],
    ]);
  });
});

describe('a row cut by a page break', () => {
  const pageOf = (items: Item[]) => joinWrappedLabels(joinStackedLabels(joinSplitLabels(pageLines(placed(items)))));

  test.each(['2021', '2019'] as const)('%s: the end of its label at the top of the next page is joined to it', (v) => {
    const f = FORMATS[v];
    const fee = f.T2.blocks[f.T2.blocks.length - 1];
    const row = fee.rows[0];
    const chars = Array.from(row.label);
    const values = fee.columns.map((_, i) => String(i + 7));
    const first = pageOf([
      { str: fee.title, x: 60, y: 120 },
      { str: f.T2.header, x: 40, y: 100 },
      ...fee.columns.map((c, i) => ({ str: c.label, x: 120 + 80 * i, y: 100 })),
      { str: chars.slice(0, 4).join(''), x: 40, y: 60 },
      ...values.map((n, i) => ({ str: n, x: 120 + 80 * i, y: 60 })),
    ]);
    const second = pageOf([
      { str: chars.slice(4, 6).join(''), x: 45, y: 800 },
      { str: chars.slice(6).join(''), x: 50, y: 786 },
      { str: f.T3.title, x: 40, y: 740 },
    ]);
    const lines = joinAcrossPages([first, second]);
    expect(lines).toContainEqual([row.label, ...values]);
    expect(lines[lines.length - 1]).toEqual([f.T3.title]);
    const r = recognise(lines);
    expect(fee.columns.map((c) => r.report.cells[`T2.${row.id}.${c.id}` as never])).toEqual(values.map(Number));
  });

  test('text at the top of the next page that does not complete the label stays where it is', () => {
    const first = pageOf([
      { str: '行政事业', x: 40, y: 60 },
      { str: '3', x: 120, y: 60 },
    ]);
    const second = pageOf([{ str: '第 3 页', x: 45, y: 800 }]);
    expect(joinAcrossPages([first, second])).toEqual([['行政事业', '3'], ['第 3 页']]);
  });
});

describe('a page of stacked text (a hostile file) above a row of numbers', () => {
  // Each text line was followed down to the row through every other one: all of them joined its label,
  // and the walk went through the whole stack from each line.
  test('only the lines a wrapped label can span are joined to the row; the rest stay lines of their own', () => {
    const cell = (text: string, x: number, right: number, y: number) => ({ text, x, right, y });
    const lines = Array.from({ length: 2000 }, (_, i) => ({ y: 30000 - 10 * i, size: 10, cells: [cell('ab', 10, 30, 30000 - 10 * i)] }));
    lines.push({ y: 10000, size: 10, cells: [cell('ab', 10, 30, 10000), cell('5', 100, 110, 10000)] });
    const out = joinWrappedLabels(lines);
    const row = out.find((l) => l.cells.some((c) => c.text === '5'))!;
    expect(row.cells[0].text.length).toBeLessThanOrEqual(2 * 17);
    expect(out.length).toBeGreaterThanOrEqual(2000 - 16);
  });
});
