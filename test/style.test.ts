import { INPUT_RULES } from '../src/report/inputRules';
import { TABLE_IDS, TableId } from '../src/report/formats';
import { tableLayout } from '../src/report/layout';
import { A4_PRINTABLE_WIDTH, COLUMN_WIDTHS, sharedColumnWidths } from '../src/report/style';

const width = (widths: number[], t: TableId) => widths.slice(0, tableLayout('2021', t).colCount).reduce((a, b) => a + b, 0);

describe('column widths', () => {
  it.each(TABLE_IDS)('%s alone fits the printable width of A4 portrait', (t) => {
    expect(width([...COLUMN_WIDTHS[t]], t)).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH);
  });

  it('every table of the three stacked in shared columns fits A4 portrait', () => {
    const shared = sharedColumnWidths([...TABLE_IDS]);
    for (const t of TABLE_IDS) expect(width(shared, t)).toBeLessThanOrEqual(A4_PRINTABLE_WIDTH);
  });

  it('gives every column a table uses a width', () => {
    for (const t of TABLE_IDS) expect(COLUMN_WIDTHS[t]).toHaveLength(tableLayout('2021', t).colCount);
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
