import { MemoryHost, createMemoryHost } from '../../../src/excel/memory';

function setup(): MemoryHost {
  const host = createMemoryHost();
  host.addSheet('Sheet1');
  return host;
}

/** Runs a batch and returns the office-js-like error it rejects with. */
async function failure(host: MemoryHost, batch: (ctx: Excel.RequestContext) => Promise<unknown>) {
  try {
    await host.run(batch);
  } catch (e) {
    return e as { name: string; code: string; message: string; debugInfo: { code: string } };
  }
  throw new Error('expected the batch to fail');
}

describe('office-js batching semantics', () => {
  test('run is assignable to the simplest Excel.run overload', async () => {
    const host = setup();
    const run: (batch: (context: Excel.RequestContext) => Promise<number>) => Promise<number> = host.run;
    await expect(run(async () => 42)).resolves.toBe(42);
  });

  test('a loaded property is not readable before sync (PropertyNotLoaded), and is after', async () => {
    const host = setup();
    host.userEdit('Sheet1', 'A1', '5');
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.load('values');
      expect(() => r.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(r.values).toEqual([[5]]);
      expect(() => r.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('load accepts a string list, an array, "items/name" and the object form', async () => {
    const host = setup();
    host.addSheet('Two');
    await host.run(async (ctx) => {
      const sheets = ctx.workbook.worksheets.load('items/name');
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2:C3');
      r.load('address, rowCount');
      r.load(['columnCount']);
      r.load({ format: { fill: { color: true } }, rowIndex: true } as never);
      await ctx.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Sheet1', 'Two']);
      expect([r.address, r.rowCount, r.columnCount, r.rowIndex]).toEqual(['Sheet1!B2:C3', 2, 2, 1]);
      expect(r.format.fill.color).toBe('#FFFFFF');
    });
  });

  test('getItem of a missing sheet rejects the sync with ItemNotFound', async () => {
    const host = setup();
    const e = await failure(host, async (ctx) => {
      ctx.workbook.worksheets.getItem('Nope');
      await ctx.sync();
    });
    expect(e.code).toBe('ItemNotFound');
    expect(e.name).toBe('RichApi.Error');
    expect(e.debugInfo.code).toBe('ItemNotFound');
  });

  test('OrNullObject variants report isNullObject after sync', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const missing = ctx.workbook.worksheets.getItemOrNullObject('Nope');
      const present = ctx.workbook.worksheets.getItemOrNullObject('Sheet1');
      const name = ctx.workbook.names.getItemOrNullObject('NoSuchName');
      const used = ctx.workbook.worksheets.getItem('Sheet1').getUsedRangeOrNullObject();
      await ctx.sync();
      expect(missing.isNullObject).toBe(true);
      expect(present.isNullObject).toBe(false);
      expect(name.isNullObject).toBe(true);
      expect(used.isNullObject).toBe(true);
    });
  });

  test('values of the wrong shape reject with InvalidArgument; earlier operations of the batch stay applied', async () => {
    const host = setup();
    const e = await failure(host, async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1').values = [[1]];
      s.getRange('A2:B2').values = [[1, 2, 3]];
      s.getRange('A3').values = [[3]];
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidArgument');
    expect(host.cell('Sheet1', 'A1').value).toBe(1);
    expect(host.cell('Sheet1', 'A3').value).toBeNull();
  });

  test('writing a property the host does not simulate throws NotImplemented at once; a read-only one throws a TypeError', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      expect(() => {
        r.format.font.italic = true;
      }).toThrow(expect.objectContaining({ code: 'NotImplemented' }));
      expect(() => {
        (r as { address: string }).address = 'B2';
      }).toThrow(TypeError);
      r.format.font.bold = true;
    });
    expect(host.cell('Sheet1', 'A1').bold).toBe(true);
  });

  test('a bad address rejects with InvalidArgument', async () => {
    const host = setup();
    const e = await failure(host, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('ZZZZ1');
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidArgument');
  });

  test('stats count syncs and the operations each one sent (run syncs leftovers)', async () => {
    const host = setup();
    host.resetStats();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1'); // 2 operations
      r.values = [[1, 2]]; // 1
      r.format.font.bold = true; // 1
      r.load('values'); // 1
      await ctx.sync();
      r.format.fill.color = '#FFFF00'; // left for run's final sync
    });
    expect(host.stats.syncs).toBe(2);
    expect(host.stats.batchSizes).toEqual([5, 1]);
    expect(host.cell('Sheet1', 'A1').fill).toBe('#FFFF00');
  });

  test('reading values gives computed formulas and "" for empty cells; formulas gives the formula text', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:C1').values = [[2, 3, '=A1*B1']];
      const r = s.getRange('A1:D1').load('values, formulas, valueTypes');
      await ctx.sync();
      expect(r.values).toEqual([[2, 3, 6, '']]);
      expect(r.formulas).toEqual([[2, 3, '=A1*B1', '']]);
      expect(r.valueTypes).toEqual([['Double', 'Double', 'Double', 'Empty']]);
    });
  });

  test('setting values parses numeric text like Excel, keeps text under "@", and null leaves a cell unchanged', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('B1').numberFormat = [['@']];
      s.getRange('A1:C1').values = [['12', '12', 'x']];
      await ctx.sync();
      s.getRange('A1:C1').values = [[null, null, 'y']];
    });
    expect(host.cell('Sheet1', 'A1').value).toBe(12);
    expect(host.cell('Sheet1', 'B1').value).toBe('12');
    expect(host.cell('Sheet1', 'C1').value).toBe('y');
  });

  test('numberFormat formats text and must match the range shape', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.values = [[1.5, 2]];
      r.numberFormat = [['0.00', '0']];
    });
    expect([host.cell('Sheet1', 'A1').text, host.cell('Sheet1', 'B1').text]).toEqual(['1.50', '2']);
    const e = await failure(host, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1').numberFormat = [['0']];
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidArgument');
  });

  test('sheet-qualified addresses quote names like Excel does', async () => {
    const host = setup();
    host.addSheet('My Sheet');
    host.addSheet('表一');
    await host.run(async (ctx) => {
      const a = ctx.workbook.worksheets.getItem('My Sheet').getRange('D5:J30').load('address');
      const b = ctx.workbook.worksheets.getItem('表一').getRange('3:5').load('address');
      const c = ctx.workbook.worksheets.getItem('Sheet1').getRangeByIndexes(4, 3, 1, 1).load('address');
      await ctx.sync();
      expect([a.address, b.address, c.address]).toEqual(["'My Sheet'!D5:J30", '表一!3:5', 'Sheet1!D5']);
    });
  });

  test('range navigation: getCell, getOffsetRange, getResizedRange', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      const base = s.getRange('B2:D4');
      const cell = base.getCell(1, 1).load('address');
      const off = base.getOffsetRange(1, 0).load('address');
      const big = base.getResizedRange(1, -1).load('address');
      await ctx.sync();
      expect([cell.address, off.address, big.address]).toEqual(['Sheet1!C3', 'Sheet1!B3:D5', 'Sheet1!B2:C5']);
    });
  });

  test('merge, merge across and unmerge', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:B1').values = [['title', 'gone']];
      s.getRange('A1:C1').merge();
      s.getRange('A3:B4').merge(true);
    });
    expect(host.merges('Sheet1')).toEqual(['A1:C1', 'A3:B3', 'A4:B4']);
    expect(host.cell('Sheet1', 'B1').merge).toEqual({ address: 'A1:C1', isTopLeft: false });
    expect(host.cell('Sheet1', 'A1').merge).toEqual({ address: 'A1:C1', isTopLeft: true });
    expect(host.cell('Sheet1', 'B1').value).toBeNull();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A3:B4').unmerge();
    });
    expect(host.merges('Sheet1')).toEqual(['A1:C1']);
  });

  test('formats: fill, font, alignment, wrap, widths and borders (including inside edges)', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2');
      r.format.fill.color = 'yellow';
      r.format.font.bold = true;
      r.format.horizontalAlignment = 'Center';
      r.format.verticalAlignment = 'Center';
      r.format.wrapText = true;
      r.format.columnWidth = 120;
      r.format.rowHeight = 30;
      for (const e of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'] as const) {
        r.format.borders.getItem(e).style = 'Continuous';
      }
      const b = r.format.borders.getItem('InsideHorizontal').load('style');
      const f = r.format.load('columnWidth, horizontalAlignment');
      await ctx.sync();
      expect(b.style).toBe('Continuous');
      expect(f.columnWidth).toBe(120);
      expect(f.horizontalAlignment).toBe('Center');
    });
    const a1 = host.cell('Sheet1', 'A1');
    expect(a1).toMatchObject({ fill: '#FFFF00', bold: true, wrap: true, horizontalAlignment: 'Center' });
    expect(a1.borders.EdgeBottom.style).toBe('Continuous'); // from InsideHorizontal
    expect(a1.borders.EdgeRight.style).toBe('Continuous'); // from InsideVertical
    expect(host.cell('Sheet1', 'C1').borders.EdgeLeft.style).toBe('Continuous'); // shared edge
    expect(host.columnWidth('Sheet1', 1)).toBe(120);
    expect(host.rowHeight('Sheet1', 1)).toBe(30);
  });

  test('reading a format of a mixed range gives null', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1').format.font.bold = true;
      const f = s.getRange('A1:A2').format.font.load('bold');
      await ctx.sync();
      expect(f.bold).toBeNull();
    });
  });

  test('select() and activate() move the selection', async () => {
    const host = setup();
    host.addSheet('Two');
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Two').getRange('C3:D4').select();
    });
    expect(host.selection()).toEqual({ sheet: 'Two', address: 'C3:D4' });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').activate();
      const sel = ctx.workbook.getSelectedRange().load('address');
      await ctx.sync();
      expect(sel.address).toBe('Sheet1!A1');
    });
    expect(host.activeSheetName()).toBe('Sheet1');
  });

  test('worksheets.add and duplicate names', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.add('表1').load('name');
      await ctx.sync();
      expect(s.name).toBe('表1');
    });
    const e = await failure(host, async (ctx) => {
      ctx.workbook.worksheets.add('表1');
      await ctx.sync();
    });
    expect(e.code).toBe('ItemAlreadyExists');
    expect(host.sheetNames()).toEqual(['Sheet1', '表1']);
  });

  test('getUsedRangeOrNullObject covers formatted and valued cells; valuesOnly only values', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('B2').values = [[1]];
      s.getRange('D6').format.fill.color = '#00FF00';
      const u = s.getUsedRangeOrNullObject().load('address');
      const v = s.getUsedRangeOrNullObject(true).load('address');
      await ctx.sync();
      expect(u.address).toBe('Sheet1!B2:D6');
      expect(v.address).toBe('Sheet1!B2');
    });
    expect(host.usedRange('Sheet1')).toEqual({ rowCount: 6, columnCount: 4 });
  });

  test('clear("Contents") keeps formats; clear() removes both', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.values = [[1]];
      r.format.font.bold = true;
      r.clear('Contents');
    });
    expect(host.cell('Sheet1', 'A1')).toMatchObject({ value: null, bold: true });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').clear();
    });
    expect(host.cell('Sheet1', 'A1').bold).toBe(false);
  });
});

describe('merged areas (ExcelApi 1.13 getMergedAreasOrNullObject)', () => {
  test('areas items give every merged area, with its position and size', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      for (let i = 0; i < 40; i++) s.getRange(`A${2 * i + 1}:B${2 * i + 1}`).merge();
      const merged = s.getRange('A1:C80').getMergedAreasOrNullObject();
      merged.load('areas/items/rowIndex,areas/items/columnIndex,areas/items/rowCount,areas/items/columnCount');
      await ctx.sync();
      expect(merged.areas.items).toHaveLength(40);
      expect(merged.areas.items[39]).toMatchObject({ rowIndex: 78, columnIndex: 0, rowCount: 1, columnCount: 2 });
    });
  });

  test('only merged areas whose top-left cell is in the range are returned, as in Excel', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:B2').merge();
      s.getRange('C3:D3').merge();
      const merged = s.getRange('B2:D4').getMergedAreasOrNullObject();
      merged.load('areas/items/address');
      await ctx.sync();
      expect(merged.areas.items.map((r) => r.address)).toEqual(['Sheet1!C3:D3']);
    });
  });

  test('a range without merges gives a null object whose areas are not read', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const merged = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:C3').getMergedAreasOrNullObject();
      merged.load('areas/items/rowIndex');
      await ctx.sync();
      expect(merged.isNullObject).toBe(true);
    });
  });
});

describe('protection and cell edit mode', () => {
  test('writing to a protected sheet rejects with AccessDenied (every cell is locked); the user cannot type there either', async () => {
    const host = setup();
    host.protectSheet('Sheet1', true);
    const e = await failure(host, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(e.code).toBe('AccessDenied');
    expect(host.cell('Sheet1', 'A1').value).toBeNull();
    expect(() => host.userEdit('Sheet1', 'A1', '1')).toThrow(/protected/);
  });

  test('protection.protected reads whether the sheet is protected', async () => {
    const host = setup();
    const read = () =>
      host.run(async (ctx) => {
        const p = ctx.workbook.worksheets.getItem('Sheet1').protection.load('protected');
        await ctx.sync();
        return p.protected;
      });
    expect(await read()).toBe(false);
    host.protectSheet('Sheet1', true);
    expect(await read()).toBe(true);
  });

  test('while the user is editing a cell a run with delayForCellEdit waits until editing ends, then sees the typed value', async () => {
    const host = setup();
    host.setCellEditMode(true);
    let synced = false;
    const run = host.run({ delayForCellEdit: true }, async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B1');
      r.load('values');
      ctx.workbook.worksheets.getItem('Sheet1').getRange('C1').values = [[3]];
      await ctx.sync();
      synced = true;
      return r.values;
    });
    await new Promise((r) => setTimeout(r, 30));
    expect(synced).toBe(false);
    expect(host.cell('Sheet1', 'C1').value).toBeNull();
    host.setCellEditMode(false);
    host.userEdit('Sheet1', 'A1', '7');
    expect(await run).toEqual([[7, '']]);
    expect(host.cell('Sheet1', 'C1').value).toBe(3);
    // A host without the DelayForCellEdit requirement set ignores the option.
    host.delayForCellEditSupported = false;
    host.setCellEditMode(true);
    const e = (await host.run({ delayForCellEdit: true }, (ctx) => ctx.sync()).catch((x: unknown) => x)) as { code: string };
    expect(e.code).toBe('InvalidOperationInCellEditMode');
  });

  test('while the user is editing a cell every sync without delayForCellEdit rejects with InvalidOperationInCellEditMode', async () => {
    const host = setup();
    host.setCellEditMode(true);
    const e = await failure(host, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidOperationInCellEditMode');
    expect(host.cell('Sheet1', 'A1').value).toBeNull();
    host.setCellEditMode(false);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').values = [[1]];
    });
    expect(host.cell('Sheet1', 'A1').value).toBe(1);
  });
});

describe('several areas (ExcelApi 1.9 Worksheet.getRanges, RangeAreas.select)', () => {
  test('selects exactly the areas given; getSelectedRange then refuses, as Excel does with a multi-area selection', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRanges('D21, D25; D44:D45').select();
    });
    expect(host.selection()).toEqual({ sheet: 'Sheet1', address: 'D21' });
    expect(host.selectionAreas()).toEqual(['D21', 'D25', 'D44:D45']);
    const e = await failure(host, async (ctx) => {
      ctx.workbook.getSelectedRange().load('address');
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidSelection');
    host.userSelect('Sheet1', 'B2');
    expect(host.selectionAreas()).toEqual(['B2']);
  });

  test('refuses an empty part or another sheet’s address', async () => {
    const host = setup();
    host.addSheet('Sheet2');
    for (const bad of ['D21,,D25', 'Sheet2!A1, A2', '']) {
      const e = await failure(host, async (ctx) => {
        ctx.workbook.worksheets.getItem('Sheet1').getRanges(bad);
        await ctx.sync();
      });
      expect(e.code).toBe('InvalidArgument');
    }
  });
});

describe('DataValidation.type over mixed cells (Excel.DataValidationType)', () => {
  async function typeOf(host: MemoryHost, address: string): Promise<string> {
    return host.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange(address).dataValidation;
      dv.load('type');
      await ctx.sync();
      return dv.type;
    });
  }
  async function rule(host: MemoryHost, address: string, min: number) {
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange(address).dataValidation.rule = {
        wholeNumber: { formula1: min, operator: 'GreaterThanOrEqualTo' },
      };
      await ctx.sync();
    });
  }

  test('reads MixedCriteria where some cells have validation and others none', async () => {
    const host = setup();
    await rule(host, 'A1', 0);
    expect(await typeOf(host, 'A1:A2')).toBe('MixedCriteria');
  });

  test('reads Inconsistent where every cell has validation but the rules differ', async () => {
    const host = setup();
    await rule(host, 'A1', 0);
    await rule(host, 'A2', 5);
    expect(await typeOf(host, 'A1:A2')).toBe('Inconsistent');
  });

  test('refuses a rule over cells whose validation differs (InvalidArgument, office-js#2594) until it is cleared', async () => {
    const host = setup();
    await rule(host, 'A1', 0);
    const e = await failure(host, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').dataValidation.rule = {
        wholeNumber: { formula1: 1, operator: 'GreaterThanOrEqualTo' },
      };
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidArgument');
    await host.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').dataValidation;
      dv.clear();
      dv.rule = { wholeNumber: { formula1: 1, operator: 'GreaterThanOrEqualTo' } };
      await ctx.sync();
    });
    expect(await typeOf(host, 'A1:A2')).toBe('WholeNumber');
  });

  test('reads the type where every cell has the same rule, None where none has any', async () => {
    const host = setup();
    await rule(host, 'A1:A2', 0);
    expect(await typeOf(host, 'A1:A2')).toBe('WholeNumber');
    expect(await typeOf(host, 'B1:B2')).toBe('None');
  });
});

describe('another workbook in view (office-js#6365)', () => {
  test("loading a worksheet's names rejects with InvalidSelection, the workbook's names still read", async () => {
    const host = setup();
    host.setOtherWorkbookViewed(true);
    const e = await failure(host, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').names.load('items/name');
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidSelection');
    await host.run(async (ctx) => {
      ctx.workbook.names.load('items/name');
      await ctx.sync();
    });
    host.setOtherWorkbookViewed(false);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').names.load('items/name');
      await ctx.sync();
    });
  });
});

describe('names and sheets', () => {
  test("a name's comment longer than 255 characters is refused with InvalidArgument (Name.Comment)", async () => {
    const host = setup();
    const e = await failure(host, async (ctx) => {
      ctx.workbook.names.add('Long', ctx.workbook.worksheets.getItem('Sheet1').getRange('A1'), 'x'.repeat(256));
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidArgument');
    await host.run(async (ctx) => {
      ctx.workbook.names.add('Fits', ctx.workbook.worksheets.getItem('Sheet1').getRange('A1'), 'x'.repeat(255));
      await ctx.sync();
    });
  });

  test('worksheets.onDeleted (ExcelApi 1.7) fires with the deleted sheet’s id, and references to it become #REF!', async () => {
    const host = setup();
    host.addSheet('Unit');
    host.userEdit('Sheet1', 'A1', "=SUM('Unit'!A1)");
    const ids: string[] = [];
    const unitId = await host.run(async (ctx) => {
      ctx.workbook.worksheets.onDeleted.add(async (e) => {
        ids.push(e.worksheetId);
      });
      const ws = ctx.workbook.worksheets.getItem('Unit');
      ws.load('id');
      await ctx.sync();
      return ws.id;
    });
    host.userDeleteSheet('Unit');
    await host.flushEvents();
    expect(ids).toEqual([unitId]);
    expect(host.cell('Sheet1', 'A1')).toMatchObject({ value: '#REF!' });
  });
});
