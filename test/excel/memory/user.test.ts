import { MemoryHost, createMemoryHost } from '../../../src/excel/memory';

function setup(): MemoryHost {
  const host = createMemoryHost();
  host.addSheet('Sheet1');
  return host;
}

describe('formulas in the workbook', () => {
  test('formulas are evaluated when read and recomputed after the user edits an input', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:A3').values = [[1], [2], ['=SUM(A1:A2)']];
    });
    expect(host.cell('Sheet1', 'A3')).toMatchObject({ value: 3, formula: '=SUM(A1:A2)', text: '3' });
    host.userEdit('Sheet1', 'A1', '10');
    expect(host.cell('Sheet1', 'A3').value).toBe(12);
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A3').load('values');
      await ctx.sync();
      expect(r.values).toEqual([[12]]);
    });
  });

  test('cross-sheet formulas and circular references (#REF! instead of hanging)', () => {
    const host = setup();
    host.addSheet('Data sheet');
    host.userEdit('Data sheet', 'B2', 5);
    host.userEdit('Sheet1', 'A1', "='Data sheet'!B2*2");
    expect(host.cell('Sheet1', 'A1').value).toBe(10);
    host.userEdit('Sheet1', 'B1', '=C1+1');
    host.userEdit('Sheet1', 'C1', '=B1+1');
    expect(host.cell('Sheet1', 'B1').value).toBe('#REF!');
  });

  test('user input: "12" is a number, other text stays text, "" clears, "=..." is a formula', () => {
    const host = setup();
    host.userEdit('Sheet1', 'A1', '12');
    host.userEdit('Sheet1', 'A2', '12abc');
    host.userEdit('Sheet1', 'A3', '=A1+1');
    expect(host.cell('Sheet1', 'A1').value).toBe(12);
    expect(host.cell('Sheet1', 'A2').value).toBe('12abc');
    expect(host.cell('Sheet1', 'A3').value).toBe(13);
    host.userEdit('Sheet1', 'A1', '');
    expect(host.cell('Sheet1', 'A1').value).toBeNull();
    expect(host.cell('Sheet1', 'A3').value).toBe(1);
  });

  test('defined names can be used in formulas', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('A1:A2').values = [[4], [5]];
      ctx.workbook.names.add('Inputs', s.getRange('A1:A2'));
      s.getRange('B1').formulas = [['=SUM(Inputs)']];
    });
    expect(host.cell('Sheet1', 'B1').value).toBe(9);
  });
});

describe('conditional formats', () => {
  /** D5:F6 holds numbers; a rule flags negative or non-numeric cells. */
  async function block(host: MemoryHost, formula: string) {
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('D5:F6').values = [
        [1, -2, 'x'],
        [null, 0, -0.5],
      ];
      const cf = s.getRange('D5:F6').conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      cf.custom.rule.formula = formula;
      cf.custom.format.fill.color = '#FFC7CE';
      cf.custom.format.font.color = '#9C0006';
    });
  }

  const flagged = (host: MemoryHost) => ['D5', 'E5', 'F5', 'D6', 'E6', 'F6'].filter((a) => host.cell('Sheet1', a).highlight !== null);

  test('a relative formula written for the top-left cell highlights exactly the matching cells', async () => {
    const host = setup();
    await block(host, '=D5<0');
    expect(flagged(host)).toEqual(['E5', 'F6']); // "x" < 0 is FALSE: text is greater than numbers
    expect(host.cell('Sheet1', 'E5').highlight).toEqual({ fill: '#FFC7CE', fontColor: '#9C0006' });
    expect(host.cell('Sheet1', 'E5').displayFill).toBe('#FFC7CE');
    expect(host.cell('Sheet1', 'D5').displayFill).toBeNull();
  });

  test('blanks count as 0 and text does not break N()', async () => {
    const host = setup();
    await block(host, '=N(D5)=0');
    expect(flagged(host)).toEqual(['F5', 'D6', 'E6']);
  });

  test('ISTEXT and mixed references ($D5) follow the cell', async () => {
    const host = setup();
    await block(host, '=OR(ISTEXT(D5),$D5<0)');
    expect(flagged(host)).toEqual(['F5']);
  });

  test('a rule evaluating to an error counts as FALSE, and SUM ignores text', async () => {
    const host = setup();
    await block(host, '=D5+1>0');
    expect(flagged(host)).toEqual(['D5', 'D6', 'E6', 'F6']); // "x"+1 is #VALUE! → not highlighted
    const host2 = setup();
    await block(host2, '=SUM($D5:$F5)<0');
    expect(flagged(host2)).toEqual(['D5', 'E5', 'F5', 'D6', 'E6', 'F6']);
  });

  test('the first rule by priority (the newest) decides the highlight; clearAll removes rules', async () => {
    const host = setup();
    await block(host, '=D5<0');
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('D5:F6');
      const cf = r.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      cf.custom.rule.formula = '=TRUE';
      cf.custom.format.fill.color = '#00FF00';
      const count = r.conditionalFormats.getCount();
      await ctx.sync();
      expect(count.value).toBe(2);
    });
    expect(host.cell('Sheet1', 'E5').highlight?.fill).toBe('#00FF00');
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('D5:F6').conditionalFormats.clearAll();
    });
    expect(flagged(host)).toEqual([]);
  });

  test('a rule follows its block when rows are inserted above it', async () => {
    const host = setup();
    await block(host, '=D5<0');
    host.userInsertRows('Sheet1', 0, 2);
    expect(['E7', 'F8'].map((a) => host.cell('Sheet1', a).highlight !== null)).toEqual([true, true]);
    expect(host.conditionalFormats('Sheet1')[0]).toMatchObject({ ranges: ['D7:F8'], formula: '=D7<0' });
    // deleting the first row of the block re-anchors the formula
    host.userDeleteRows('Sheet1', 6, 1);
    expect(host.conditionalFormats('Sheet1')[0]).toMatchObject({ ranges: ['D7:F7'], formula: '=D7<0' });
    expect(host.cell('Sheet1', 'F7').highlight).not.toBeNull();
  });
});

describe('data validation', () => {
  async function wholeNumberRule(host: MemoryHost) {
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2:C3');
      r.dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
      r.dataValidation.errorAlert = { showAlert: true, style: 'Stop', title: '输入错误', message: '请输入非负整数' };
    });
  }

  test('a Stop alert refuses "abc" and -1 for a whole number >= 0 rule, with its message', async () => {
    const host = setup();
    await wholeNumberRule(host);
    expect(host.userEdit('Sheet1', 'B2', 'abc')).toEqual({ accepted: false, message: '请输入非负整数' });
    expect(host.userEdit('Sheet1', 'C3', '-1')).toEqual({ accepted: false, message: '请输入非负整数' });
    expect(host.userEdit('Sheet1', 'B3', '1.5').accepted).toBe(false);
    expect(host.cell('Sheet1', 'B2').value).toBeNull();
    expect(host.userEdit('Sheet1', 'B2', '7')).toEqual({ accepted: true });
    expect(host.userEdit('Sheet1', 'B2', '')).toEqual({ accepted: true }); // clearing is always allowed
    expect(host.cell('Sheet1', 'C2').dataValidation).toMatchObject({ type: 'wholeNumber', errorMessage: '请输入非负整数' });
  });

  test('paste bypasses validation; the rule and alert read back as written', async () => {
    const host = setup();
    await wholeNumberRule(host);
    host.userPaste('Sheet1', 'B2', [['abc', -1]]);
    expect(host.cell('Sheet1', 'B2').value).toBe('abc');
    expect(host.cell('Sheet1', 'C2').value).toBe(-1);
    await host.run(async (ctx) => {
      const dv = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2:C3').dataValidation.load('type, rule, errorAlert');
      await ctx.sync();
      expect(dv.type).toBe('WholeNumber');
      expect(dv.rule).toEqual({ wholeNumber: { formula1: '=0', operator: 'GreaterThanOrEqualTo' } });
      expect(dv.errorAlert.message).toBe('请输入非负整数');
    });
  });

  test('Warning alerts accept the value but report the message; custom rules are relative to the top-left', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A3');
      r.dataValidation.rule = { custom: { formula: '=ISNUMBER(A1)' } };
      r.dataValidation.errorAlert = { showAlert: true, style: 'Warning', title: '', message: 'numbers only' };
    });
    expect(host.userEdit('Sheet1', 'A3', 'x')).toEqual({ accepted: true, message: 'numbers only' });
    expect(host.cell('Sheet1', 'A3').dataValidation?.rule).toEqual({ formula: '=ISNUMBER(A3)' });
  });
});

describe('change events', () => {
  test('onChanged fires asynchronously for a user edit, with source "Local"', async () => {
    const host = setup();
    const seen: Excel.WorksheetChangedEventArgs[] = [];
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => {
        seen.push(e);
      });
      await ctx.sync();
    });
    host.userEdit('Sheet1', 'C4', '1');
    expect(seen).toHaveLength(0); // not synchronous
    await host.flushEvents();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ type: 'WorksheetChanged', address: 'C4', changeType: 'RangeEdited', source: 'Local' });
  });

  test("the add-in's own writes fire onChanged too, after the sync; removed handlers stop firing", async () => {
    const host = setup();
    const seen: string[] = [];
    const reg = await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => {
        seen.push(e.address);
      });
      await ctx.sync();
      return r;
    });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').values = [
        [1, 2],
        [3, 4],
      ];
      await ctx.sync();
      expect(seen).toEqual([]);
    });
    await host.flushEvents();
    expect(seen).toEqual(['A1:B2']);
    await host.run(reg.context, async (ctx) => {
      reg.remove();
      await ctx.sync();
    });
    host.userEdit('Sheet1', 'A1', '9');
    await host.flushEvents();
    expect(seen).toEqual(['A1:B2']);
  });

  test('a handler is removed only through the EventHandlers that added it, in its context: elsewhere nothing happens', async () => {
    const host = setup();
    const seen: string[] = [];
    const handler = async (e: Excel.WorksheetChangedEventArgs) => {
      seen.push(e.address);
    };
    const reg = await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(handler);
      await ctx.sync();
      return r;
    });
    // Another context, or another proxy of the same sheet: silently nothing.
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').onChanged.remove(handler);
      await ctx.sync();
    });
    await host.run(reg.context, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').onChanged.remove(handler);
      await ctx.sync();
    });
    host.userEdit('Sheet1', 'A1', '1');
    await host.flushEvents();
    expect(seen).toEqual(['A1']);
    // The result's remove() queues on its own context; a finished run's context cannot sync by itself.
    reg.remove();
    await expect(reg.context.sync()).rejects.toMatchObject({ code: 'InvalidRequestContext' });
    host.userEdit('Sheet1', 'A2', '2');
    await host.flushEvents();
    expect(seen).toEqual(['A1', 'A2']);
    // As the documentation does it: Excel.run(reg.context, …).
    await host.run(reg.context, async (ctx) => {
      reg.remove();
      await ctx.sync();
    });
    host.userEdit('Sheet1', 'A3', '3');
    await host.flushEvents();
    expect(seen).toEqual(['A1', 'A2']);
  });

  test('paste fires one event for the whole range; row insertion fires RowInserted', async () => {
    const host = setup();
    const seen: string[] = [];
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => {
        seen.push(`${e.changeType} ${e.address}`);
      });
    });
    host.userPaste('Sheet1', 'B2', [
      [1, 2, 3],
      [4, 5, 6],
    ]);
    host.userInsertRows('Sheet1', 4, 2);
    host.userDeleteRows('Sheet1', 0, 1);
    await host.flushEvents();
    expect(seen).toEqual(['RangeEdited B2:D3', 'RowInserted 5:6', 'RowDeleted 1:1']);
  });

  test('onAnyChange fires after syncs and user actions', async () => {
    const host = setup();
    let n = 0;
    const off = host.onAnyChange(() => n++);
    host.userEdit('Sheet1', 'A1', 1);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A2').values = [[2]];
    });
    expect(n).toBe(2);
    off();
    host.userEdit('Sheet1', 'A1', 3);
    expect(n).toBe(2);
  });
});

describe('structural edits', () => {
  test('inserting rows shifts cells, formulas, merges and names', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      s.getRange('D5:D6').values = [[1], [2]];
      s.getRange('D7').formulas = [['=SUM(D5:D6)']];
      s.getRange('A5:C5').merge();
      ctx.workbook.names.add('Block', s.getRange('D5:J30'), '表一');
    });
    host.userInsertRows('Sheet1', 0, 3);
    expect(host.cell('Sheet1', 'D8').value).toBe(1);
    expect(host.cell('Sheet1', 'D10')).toMatchObject({ formula: '=SUM(D8:D9)', value: 3 });
    expect(host.merges('Sheet1')).toEqual(['A8:C8']);
    expect(host.names()).toEqual([{ name: 'Block', scope: 'workbook', reference: '=Sheet1!$D$8:$J$33', comment: '表一' }]);
    await host.run(async (ctx) => {
      const r = ctx.workbook.names.getItem('Block').getRange().load('address');
      await ctx.sync();
      expect(r.address).toBe('Sheet1!D8:J33');
    });
  });

  test('inserting a row inside a summed range expands the formula', () => {
    const host = setup();
    host.userPaste('Sheet1', 'A1', [[1], [2], ['=SUM(A1:A2)']]);
    host.userInsertRows('Sheet1', 1, 1);
    host.userEdit('Sheet1', 'A2', '5');
    expect(host.cell('Sheet1', 'A4')).toMatchObject({ formula: '=SUM(A1:A3)', value: 8 });
  });

  test('a name whose rows are all deleted becomes =#REF!; formulas into deleted cells become #REF!', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('Sheet1');
      ctx.workbook.names.add('Gone', s.getRange('A3:B4'));
      s.getRange('D1').formulas = [['=A3+1']];
    });
    host.userDeleteRows('Sheet1', 2, 2);
    expect(host.names()[0].reference).toBe('=#REF!');
    expect(host.cell('Sheet1', 'D1')).toMatchObject({ formula: '=#REF!+1', value: '#REF!' });
    await host.run(async (ctx) => {
      const n = ctx.workbook.names.getItem('Gone').load('type, value');
      const r = ctx.workbook.names.getItem('Gone').getRangeOrNullObject();
      await ctx.sync();
      expect(n.type).toBe('Error');
      expect(n.value).toBe('#REF!');
      expect(r.isNullObject).toBe(true);
    });
  });

  test('deleting part of a named range shrinks it', () => {
    const host = setup();
    host.workbook.addName('Part', '=Sheet1!$B$2:$D$5', '', null);
    host.userDeleteRows('Sheet1', 1, 2);
    expect(host.names()[0].reference).toBe('=Sheet1!$B$2:$D$3');
  });

  test('data validation moves with its cells', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('B2');
      r.dataValidation.rule = { wholeNumber: { formula1: 0, operator: 'GreaterThanOrEqualTo' } };
    });
    host.userInsertRows('Sheet1', 0, 1);
    expect(host.cell('Sheet1', 'B2').dataValidation).toBeNull();
    expect(host.userEdit('Sheet1', 'B3', '-1').accepted).toBe(false);
  });

  test('userUnmerge removes the merge', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:B2').merge();
    });
    host.userUnmerge('Sheet1', 'A1');
    expect(host.merges('Sheet1')).toEqual([]);
  });
});

describe('names', () => {
  test('sheet-scoped names: two sheets can each have "X", alongside a workbook "X"', async () => {
    const host = setup();
    host.addSheet('Sheet2');
    await host.run(async (ctx) => {
      const s1 = ctx.workbook.worksheets.getItem('Sheet1');
      const s2 = ctx.workbook.worksheets.getItem('Sheet2');
      s1.names.add('X', s1.getRange('A1'));
      s2.names.add('X', s2.getRange('B2'));
      ctx.workbook.names.add('X', '=Sheet1!$C$3', 'global');
      await ctx.sync();
      const a = s1.names.getItem('X').getRange().load('address');
      const b = s2.names.getItem('X').getRange().load('address');
      const g = ctx.workbook.names.getItem('X').load('value, type, comment');
      const wbItems = ctx.workbook.names.load('items/name');
      await ctx.sync();
      expect([a.address, b.address]).toEqual(['Sheet1!A1', 'Sheet2!B2']);
      expect([g.value, g.type, g.comment]).toEqual(['Sheet1!$C$3', 'Range', 'global']);
      expect(wbItems.items.map((i) => i.name)).toEqual(['X']);
    });
    expect(host.names().map((n) => `${n.scope}:${n.name}`)).toEqual(['Sheet1:X', 'Sheet2:X', 'workbook:X']);
  });

  test('a duplicate name in the same scope rejects with ItemAlreadyExists; delete() removes a name', async () => {
    const host = setup();
    await expect(
      host.run(async (ctx) => {
        const s = ctx.workbook.worksheets.getItem('Sheet1');
        s.names.add('Y', s.getRange('A1'));
        s.names.add('y', s.getRange('A2'));
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').names.getItem('Y').delete();
    });
    expect(host.names()).toEqual([]);
  });
});

describe('sheets', () => {
  test('renaming a sheet rewrites formulas and names that refer to it; deleting it turns them into #REF!', async () => {
    const host = setup();
    host.addSheet('Data');
    host.userEdit('Data', 'A1', 4);
    host.userEdit('Sheet1', 'A1', '=Data!A1*2');
    host.workbook.addName('Src', '=Data!$A$1', '', null);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Data').name = 'My Data';
    });
    expect(host.cell('Sheet1', 'A1')).toMatchObject({ formula: "='My Data'!A1*2", value: 8 });
    expect(host.names()[0].reference).toBe("='My Data'!$A$1");
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('My Data').delete();
    });
    expect(host.cell('Sheet1', 'A1')).toMatchObject({ formula: '=#REF!*2', value: '#REF!' });
    expect(host.sheetNames()).toEqual(['Sheet1']);
  });

  test('a Text-formatted cell keeps typed input as text, even "=..."', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1:A2').numberFormat = [['@'], ['@']];
    });
    host.userEdit('Sheet1', 'A1', '=1+1');
    host.userEdit('Sheet1', 'A2', '007');
    expect(host.cell('Sheet1', 'A1')).toMatchObject({ value: '=1+1', formula: null });
    expect(host.cell('Sheet1', 'A2').value).toBe('007');
  });
});

describe('undo (Ctrl+Z) of the user’s own edits', () => {
  test('puts back what the last typing or paste replaced, fires a change, and has nothing to undo after that', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    host.userEdit('Sheet1', 'A1', 5);
    host.userEdit('Sheet1', 'A1', '=1+1');
    host.userPaste('Sheet1', 'B2', [
      [1, 2],
      [3, null],
    ]);
    const changes: string[] = [];
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').onChanged.add(async (e) => {
        changes.push(e.address);
      });
      await ctx.sync();
    });
    expect(host.userUndo()).toBe(true);
    expect([host.cell('Sheet1', 'B2').value, host.cell('Sheet1', 'C3').value]).toEqual([null, null]);
    expect(host.userUndo()).toBe(true);
    expect(host.cell('Sheet1', 'A1')).toMatchObject({ value: 5, formula: null });
    expect(host.userUndo()).toBe(true);
    expect(host.cell('Sheet1', 'A1').value).toBeNull();
    expect(host.userUndo()).toBe(false);
    await host.flushEvents();
    expect(changes).toEqual(['B2:C3', 'A1', 'A1']);
  });

  test('after a run of the add-in that changed the workbook, the first Ctrl+Z is the add-in’s, not the paste’s (excel-add-ins-undo-capabilities)', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    host.userPaste('Sheet1', 'A1', [[7]]);
    // A read changes nothing and stays off the stack.
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').load('values');
      await ctx.sync();
    });
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').getRange('A1').numberFormat = [['0']];
      await ctx.sync();
    });
    expect(host.userUndo()).toBe('api');
    expect(host.cell('Sheet1', 'A1').value).toBe(7);
    expect(host.userUndo()).toBe(true);
    expect(host.cell('Sheet1', 'A1').value).toBeNull();
  });

  test('a read of the add-in that spans the user’s typing leaves that typing the first thing to undo', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    await host.run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('Sheet1').getRange('A1');
      r.load('values');
      await ctx.sync();
      host.userEdit('Sheet1', 'B1', 4);
      r.load('values');
      await ctx.sync();
    });
    expect(host.userUndo()).toBe(true);
    expect(host.cell('Sheet1', 'B1').value).toBeNull();
  });

  test('a sheet hidden or deleted through the API clears the undo stack', async () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    host.addSheet('Other');
    host.userEdit('Sheet1', 'A1', 5);
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Other').visibility = 'Hidden';
      await ctx.sync();
    });
    expect(host.userUndo()).toBe(false);
    expect(host.cell('Sheet1', 'A1').value).toBe(5);
  });

  test('a refused entry leaves nothing to undo', () => {
    const host = createMemoryHost();
    host.addSheet('Sheet1');
    expect(host.userUndo()).toBe(false);
  });
});
