import { pageLines, placeItems, TextItem } from '../../src/read/readPdf';

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
