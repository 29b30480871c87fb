import { liveNoticeText, problemText } from '../../src/taskpane/problemText';
import { checkWorkbook } from '../../src/excel/check';
import { insertTables } from '../../src/excel/insert';
import { createMemoryHost } from '../../src/excel/memory';
import { a1 } from '../../src/report/standard/a1';
import { tableLayout } from '../../src/report/look/layout';
import { uncheckedOf } from '../../src/report/sheet/sheetCheck';

// What the pane says about an edited table names the cell on the sheet, not its place in the table.

async function t3At(top: string) {
  const host = createMemoryHost();
  host.addSheet('Sheet1');
  host.setActiveSheet('Sheet1');
  host.userSelect('Sheet1', top);
  const run = host.run.bind(host);
  const r = await insertTables(run, { version: '2021', tables: ['T3'], target: 'selection', totalsAsFormulas: false });
  if (r.kind !== 'done') throw new Error(r.kind);
  return { host, run };
}

describe('messages about an edited template', () => {
  it('give the sheet address of an overwritten row label (表三 inserted at C17)', async () => {
    const { host, run } = await t3At('C17');
    const label = tableLayout('2021', 'T3').labels.find((l) => l.text === '（一）予以公开')!;
    const at = a1(16 + label.row, 2 + label.col);
    host.userEdit('Sheet1', at, '甲乙丙');
    const sheet = (await checkWorkbook(run)).sheets[0];
    const text = uncheckedOf(sheet).join('\n');
    expect(text).toContain(`的 ${at} 应为“（一）予以公开”，现为“甲乙丙”`);
    expect(text).not.toContain(`的 ${a1(label.row, label.col)} 应为`);
    expect(sheet.verdict).toBe('incomplete');
  });

  it('give the sheet address of an edited column header', async () => {
    const { host, run } = await t3At('C17');
    const np = tableLayout('2021', 'T3').labels.find((l) => l.text === '自然人')!;
    const at = a1(16 + np.row, 2 + np.col);
    host.userEdit('Sheet1', at, '个人');
    const sheet = (await checkWorkbook(run)).sheets[0];
    const said = [...sheet.remarks, ...uncheckedOf(sheet)].join('\n');
    expect(said).toContain(`的 ${at} 应为“自然人”，现为“个人”`);
  });
});

describe('messages never send the user to Ctrl+Z (the add-in’s own writes are on the undo stack too)', () => {
  it('not for a drawing left half done, nor for a total typed over', () => {
    const half = problemText({
      code: 'drawFailed',
      cause: { code: 'excel', excelCode: 'GeneralException', detail: 'x' },
      undone: false,
      onNewSheet: true,
    });
    const total = liveNoticeText({
      code: 'formulaTotalsLost',
      sheet: 'S',
      lost: [{ table: 'T3', cells: [{ address: 'O5', formula: '=SUM(I5:N5)' }] }],
    }).text;
    for (const text of [half, total]) expect(text).not.toMatch(/Ctrl\+Z|撤销刚才/);
  });
});
