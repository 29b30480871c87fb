import { selectCells } from '../../src/excel/check';
import { createMemoryHost } from '../../src/excel/memory';

function setup() {
  const host = createMemoryHost();
  host.addSheet('Sheet1');
  host.addSheet('年报');
  host.setActiveSheet('Sheet1');
  return host;
}

describe('selecting a finding’s cells', () => {
  it('selects exactly the cells of the relation, as several areas, where the host has ExcelApi 1.9', async () => {
    const host = setup();
    expect(await selectCells(host.run.bind(host), '年报', ['D21', 'D22', 'D44', 'D45'], { multiArea: true })).toBeNull();
    expect(host.activeSheetName()).toBe('年报');
    expect(host.selectionAreas()).toEqual(['D21:D22', 'D44:D45']);
  });

  it('selects the bounding range on ExcelApi 1.8', async () => {
    const host = setup();
    expect(await selectCells(host.run.bind(host), '年报', ['D21', 'D22', 'D44', 'D45'])).toBeNull();
    expect(host.selection()).toEqual({ sheet: '年报', address: 'D21:D45' });
    expect(host.selectionAreas()).toEqual(['D21:D45']);
  });
});
