import { INPUT_RULES } from '../../../src/report/look/inputRules';
import { FORMAT_VERSIONS, TABLE_IDS } from '../../../src/report/standard/formats';
import { tableLayout } from '../../../src/report/look/layout';
import { A4_PRINTABLE_WIDTH, GRID_WIDTHS, labelWidth, linesFor } from '../../../src/report/look/style';

describe('column widths', () => {
  it('every table, alone or stacked, is drawn on the one grid, which fits the printable width of A4 portrait', () => {
    for (const v of FORMAT_VERSIONS)
      for (const t of TABLE_IDS) expect([v, t, tableLayout(v, t).colCount]).toEqual([v, t, GRID_WIDTHS.length]);
    expect(GRID_WIDTHS.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH);
  });

  it('keeps the columns balanced: no sheet column is much wider than another', () => {
    expect(Math.max(...GRID_WIDTHS) / Math.min(...GRID_WIDTHS)).toBeLessThan(1.2);
  });

  it.each(FORMAT_VERSIONS)('shows every title, header and note of the %s tables on at most two lines at its merged width', (v) => {
    for (const t of TABLE_IDS) {
      const layout = tableLayout(v, t);
      const headings = layout.labels.filter((l) => l.role !== 'rowLabel');
      expect(headings.length).toBeGreaterThan(0);
      const tooLong = headings.filter((l) => linesFor(l.text, labelWidth(layout, l, GRID_WIDTHS)) > 2).map((l) => `${t} ${l.text}`);
      expect(tooLong).toEqual([]);
    }
  });
});

describe('input messages', () => {
  it('tell a user whose IME types full-width digits (１２) what to do, within Excel’s 255-character limit', () => {
    for (const rule of Object.values(INPUT_RULES)) {
      expect(rule.message).toContain('全角');
      expect(rule.message.length).toBeLessThanOrEqual(255);
    }
  });
});
