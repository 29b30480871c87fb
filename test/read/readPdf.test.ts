import { joinSplitLabels, joinStackedLabels, joinWrappedLabels, pageLines, placeItems, TextItem } from '../../src/read/pdfText';
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
