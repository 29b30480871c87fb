import { worded } from '../helpers/worded';
import { selectCells } from '../../src/excel/check';
import { insertTables } from '../../src/excel/insert';
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

describe('inserting at a selection of several areas', () => {
  it('is refused with what to do (the in-memory workbook refuses getSelectedRange there, as Excel does)', async () => {
    const host = setup();
    const run = host.run.bind(host);
    await selectCells(run, '年报', ['D21', 'D44'], { multiArea: true });
    const r = await insertTables(run, { version: '2021', tables: ['T4'], target: 'selection', totalsAsFormulas: false });
    expect(worded(r)).toMatchObject({ kind: 'failed', message: expect.stringContaining('请先单击一个单元格') });
  });
});
