import { MemoryHost, createMemoryHost } from '../../../src/excel/memory';

function setup(): MemoryHost {
  const host = createMemoryHost();
  host.addSheet('Sheet1');
  return host;
}

async function failure(host: MemoryHost, batch: (ctx: Excel.RequestContext) => Promise<unknown>) {
  try {
    await host.run(batch);
  } catch (e) {
    return e as { code: string };
  }
  throw new Error('expected the batch to fail');
}

describe('page setup (ExcelApi 1.9 Worksheet.pageLayout)', () => {
  test('a new sheet has Normal margins, portrait, 100 %; properties are readable only after load and sync', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const page = ctx.workbook.worksheets.getItem('Sheet1').pageLayout;
      page.load('orientation,paperSize,zoom,leftMargin,rightMargin,topMargin,headerMargin');
      expect(() => page.orientation).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect([page.orientation, page.paperSize, page.leftMargin, page.rightMargin, page.topMargin, page.headerMargin]).toEqual([
        'Portrait',
        'Letter',
        50.4,
        50.4,
        54,
        21.6,
      ]);
      expect(page.zoom).toEqual({ scale: 100, horizontalFitToPages: null, verticalFitToPages: null });
      expect(() => page.bottomMargin).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  test('reads back what was set, in a later run: A4, landscape, margins in points, fit one page wide', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const page = ctx.workbook.worksheets.getItem('Sheet1').pageLayout;
      page.paperSize = 'A4';
      page.orientation = 'Landscape';
      page.leftMargin = 36;
      page.footerMargin = 10;
      page.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
    });
    const read = await host.run(async (ctx) => {
      const page = ctx.workbook.worksheets.getItem('Sheet1').pageLayout;
      page.load('paperSize,orientation,leftMargin,footerMargin,zoom');
      await ctx.sync();
      return [page.paperSize, page.orientation, page.leftMargin, page.footerMargin, page.zoom];
    });
    expect(read).toEqual(['A4', 'Landscape', 36, 10, { scale: null, horizontalFitToPages: 1, verticalFitToPages: 0 }]);
    expect(host.pageSetup('Sheet1')).toMatchObject({ paperSize: 'A4', leftMargin: 36, rightMargin: 50.4 });
  });

  test.each<[string, (page: Excel.PageLayout) => void]>([
    ['a paper size that is not an Excel.PaperType', (p) => (p.paperSize = 'a4' as Excel.PaperType)],
    ['an orientation that is not an Excel.PageOrientation', (p) => (p.orientation = 'portrait' as Excel.PageOrientation)],
    ['a negative margin', (p) => (p.leftMargin = -1)],
    ['a scale below 10', (p) => (p.zoom = { scale: 5 })],
    ['a scale with pages to fit', (p) => (p.zoom = { scale: 100, horizontalFitToPages: 1, verticalFitToPages: 0 })],
    ['pages to fit one way only (office-js#1860)', (p) => (p.zoom = { horizontalFitToPages: 1 })],
    ['no way bounded', (p) => (p.zoom = { horizontalFitToPages: 0, verticalFitToPages: 0 })],
    ['an empty zoom', (p) => (p.zoom = {})],
  ])('refuses %s with InvalidArgument, and keeps the earlier setup', async (_what, write) => {
    const host = setup();
    const before = host.pageSetup('Sheet1');
    const e = await failure(host, async (ctx) => {
      write(ctx.workbook.worksheets.getItem('Sheet1').pageLayout);
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidArgument');
    expect(host.pageSetup('Sheet1')).toEqual(before);
  });

  test('a protected sheet refuses a page setup change (AccessDenied)', async () => {
    const host = setup();
    host.protectSheet('Sheet1', true);
    const e = await failure(host, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').pageLayout.paperSize = 'A4';
      await ctx.sync();
    });
    expect(e.code).toBe('AccessDenied');
    expect(host.pageSetup('Sheet1').paperSize).toBe('Letter');
  });
});

describe('horizontal page breaks (ExcelApi 1.9 Worksheet.horizontalPageBreaks)', () => {
  test('a break goes before the top-left cell of a range or an address, and reads back in row order', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Sheet1');
      ws.horizontalPageBreaks.add('A30');
      ws.horizontalPageBreaks.add(ws.getRange('B12:C14'));
    });
    expect(host.pageSetup('Sheet1').horizontalBreaks).toEqual([11, 29]);
    const read = await host.run(async (ctx) => {
      const breaks = ctx.workbook.worksheets.getItem('Sheet1').horizontalPageBreaks;
      breaks.load('items/rowIndex,items/columnIndex');
      await ctx.sync();
      return breaks.items.map((b) => [b.rowIndex, b.columnIndex]);
    });
    expect(read).toEqual([
      [11, 1],
      [29, 0],
    ]);
  });

  test.each([
    ['before the first row', 'A1'],
    ['at another sheet’s cell', 'Sheet2!A5'],
    ['twice before one row', 'A9'],
  ])('refuses a break %s (InvalidArgument)', async (_what, address) => {
    const host = setup();
    host.addSheet('Sheet2');
    await host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').horizontalPageBreaks.add('C9');
    });
    const e = await failure(host, async (ctx) => {
      ctx.workbook.worksheets.getItem('Sheet1').horizontalPageBreaks.add(address);
      await ctx.sync();
    });
    expect(e.code).toBe('InvalidArgument');
    expect(host.pageSetup('Sheet1').horizontalBreaks).toEqual([8]);
  });

  test('a break moves with the rows the user inserts above it and goes with its deleted row', async () => {
    const host = setup();
    await host.run(async (ctx) => {
      const breaks = ctx.workbook.worksheets.getItem('Sheet1').horizontalPageBreaks;
      breaks.add('A10');
      breaks.add('A20');
    });
    host.userInsertRows('Sheet1', 2, 3);
    expect(host.pageSetup('Sheet1').horizontalBreaks).toEqual([12, 22]);
    host.userDeleteRows('Sheet1', 12, 1);
    expect(host.pageSetup('Sheet1').horizontalBreaks).toEqual([21]);
  });
});
