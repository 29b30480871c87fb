import { htmlDepth, MAX_HTML_DEPTH, MAX_HTML_MARKUP, readHtml, readHtmlText } from '../../src/read/readHtml';
import { NotAReportError } from '../../src/read/exchange';
import { checkSheetInput } from '../../src/report/sheet/sheetCheck';
import { layoutGrid } from '../helpers/layoutGrids';
import { checkReads } from '../../src/read/checkReads';
import { consistentReport, seededRandom } from '../../src/report/standard/generate';
import { governmentPage } from '../helpers/documents';

// What a browser does not show is not read: a hidden copy of the tables, a hidden row, a hidden
// digit, a footnote marker. And a page nested deeper than browsers nest is refused before parsing.

const built = layoutGrid('2021');
const row = (cells: string[], extra = '') => `<tr${extra}>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
const table = (rows: string[], extra = '') => `<table${extra}>${rows.join('')}</table>`;
const page = (body: string) => `<html><head><meta charset="utf-8"></head><body>${body}</body></html>`;
const visible = table(built.grid.map((r) => row(r)));
const valuesOf = (html: string) => {
  const read = readHtmlText(html);
  return checkSheetInput(read.input).report!.cells;
};
const pos = built.positions['T3.NEW.NP'];

describe('a web page as a browser shows it', () => {
  it('reads the visible tables, not a hidden copy with other numbers (display:none, hidden)', () => {
    const other = layoutGrid('2021').grid.map((r) => r.map((c) => (/^\d+$/.test(c) ? String(Number(c) + 1000) : c)));
    for (const hide of [' style="display: none"', ' hidden', ' style="color:red;visibility:hidden;"']) {
      const cells = valuesOf(page(`<div${hide}>${table(other.map((r) => row(r)))}</div>${visible}`));
      expect(cells['T3.NEW.NP']).toBe(built.values['T3.NEW.NP']);
    }
  });

  it('leaves out a hidden duplicate row, so the visible one is read', () => {
    const rows = built.grid.map((r) => row(r));
    const duplicate = [...built.grid[pos.row]];
    duplicate[pos.col] = '999';
    rows.splice(pos.row, 0, row(duplicate, ' style="display:none"'));
    expect(valuesOf(page(table(rows)))['T3.NEW.NP']).toBe(built.values['T3.NEW.NP']);
  });

  it('reads 5<span style="display:none">9</span> as 5 and 2<sup>1</sup> (a footnote marker) as 2', () => {
    const grid = built.grid.map((r) => [...r]);
    grid[pos.row][pos.col] = '5<span style="display:none">9</span>';
    const other = built.positions['T3.NEW.BIZ'];
    grid[other.row][other.col] = '2<sup>1</sup>';
    const cells = valuesOf(page(table(grid.map((r) => row(r)))));
    expect(cells['T3.NEW.NP']).toBe(5);
    expect(cells['T3.NEW.BIZ']).toBe(2);
  });
});

describe('what the page’s own style sheet hides', () => {
  const styled = (css: string, body: string) => `<html><head><meta charset="utf-8"><style>${css}</style></head><body>${body}</body></html>`;
  const other = layoutGrid('2021').grid.map((r) => r.map((c) => (/^\d+$/.test(c) ? String(Number(c) + 1000) : c)));
  const hiddenCopy = (extra: string) => `<div${extra}>${table(other.map((r) => row(r)))}</div>`;

  it.each([
    ['a class', '.x { display: none }', ' class="a x"'],
    ['an id', '#copy{visibility:hidden!important}', ' id="copy"'],
    ['a tag with a class, among other selectors', 'p, div.old ,span.y{color:red;display:none;}', ' class="old"'],
    ['a descendant of a class', '.wrap .inner {display:none}', ' class="inner"'],
  ])('leaves out a copy of the tables hidden through %s', (_what, css, extra) => {
    const body = extra.includes('inner') ? `<div class="wrap">${hiddenCopy(extra)}</div>${visible}` : `${hiddenCopy(extra)}${visible}`;
    expect(valuesOf(styled(css, body))['T3.NEW.NP']).toBe(built.values['T3.NEW.NP']);
  });

  it('reads 5<span class="fn">9</span> as 5 and leaves out a duplicate row hidden by its class', () => {
    const grid = built.grid.map((r) => [...r]);
    grid[pos.row][pos.col] = '5<span class="fn">9</span>';
    const rows = grid.map((r) => row(r));
    const duplicate = [...built.grid[pos.row]];
    duplicate[pos.col] = '999';
    rows.splice(pos.row, 0, row(duplicate, ' class="gone"'));
    const cells = valuesOf(
      styled('/* print */ @media print { .fn { display: inline } } .fn{display:none} tr.gone{display:none}', table(rows)),
    );
    expect(cells['T3.NEW.NP']).toBe(5);
  });

  it('reads what only print styles, other selectors or the element’s own style show', () => {
    const grid = built.grid.map((r) => [...r]);
    grid[pos.row][pos.col] = '5<span class="p">9</span>';
    const css = '@media print { .p { display: none } } .q > .p { display: none } .p[title] { display:none }';
    expect(valuesOf(styled(css, table(grid.map((r) => row(r)))))['T3.NEW.NP']).toBe(59);
    grid[pos.row][pos.col] = '5<span class="p" style="display:inline">9</span>';
    expect(valuesOf(styled('.p{display:none}', table(grid.map((r) => row(r)))))['T3.NEW.NP']).toBe(59);
  });

  it('reads a page with a huge style sheet at once, without a crash', () => {
    const css = Array.from({ length: 50_000 }, (_, i) => `.c${i} .d${i} .e${i} { display: none }`).join('\n') + '{'.repeat(10_000);
    expect(valuesOf(styled(css, visible))['T3.NEW.NP']).toBe(built.values['T3.NEW.NP']);
  });
});

describe('pages nested deeper than browsers nest', () => {
  it('counts nesting from the tags, not from the implied end tags of p, td or li', () => {
    expect(htmlDepth('<div><p>a<p>b<p>c<table><tr><td>1<td>2</table></div>')).toBe(2);
    expect(htmlDepth('<script>if (a<b) { x = "<div><div>"; }</script><div></div>')).toBe(1);
  });

  it.each([
    ['100 000 unclosed <div>', '<div>'.repeat(100_000)],
    ['10 000 nested tables', '<table><tr><td>'.repeat(10_000)],
    ['30 000 nested spans', '<span>'.repeat(30_000) + '1' + '</span>'.repeat(30_000)],
  ])('refuses %s at once, with the reason, instead of hanging or overflowing the stack', (_what, body) => {
    expect(() => readHtmlText(page(body))).toThrow(NotAReportError);
    expect(() => readHtmlText(page(body))).toThrow(`网页的标签嵌套过深（超过 ${MAX_HTML_DEPTH} 层）`);
  });
});

describe('a page that declares the wrong charset', () => {
  it('is read in the encoding its bytes have when the declared one finds no tables, and says so', () => {
    const html = `<html><head><meta charset="gb2312"></head><body>${visible}</body></html>`;
    const read = readHtml(new TextEncoder().encode(html)); // UTF-8 bytes under a gb2312 declaration
    expect(checkSheetInput(read.input).report!.cells['T3.NEW.NP']).toBe(built.values['T3.NEW.NP']);
    expect(read.remarks).toContain('网页声明的字符编码（GBK）与内容不符，已按内容识别编码');
  });
});

describe('pages within the size limit that would still exhaust memory', () => {
  it('refuses a page whose colspans would lay out a huge grid, in a document’s words', () => {
    // The report's own rows (so the table is the report's), then rows that each span 1000 columns.
    const rows = [...built.grid.map((r) => row(r)), ...Array.from({ length: 400 }, () => '<tr><td colspan="1000">x</td></tr>')];
    expect(() => readHtmlText(page(table(rows)))).toThrow('文档中的表格按合并单元格展开后超过');
  });

  it('refuses a page with more markup than any report has, but sets inline images aside first', () => {
    expect(() => readHtmlText(page(`<p>${'字'.repeat(MAX_HTML_MARKUP)}</p>`))).toThrow('网页内容过多');
    const image = `<img src="data:image/png;base64,${'A'.repeat(MAX_HTML_MARKUP)}">`;
    expect(valuesOf(page(image + visible))['T3.NEW.NP']).toBe(built.values['T3.NEW.NP']);
  });
});

/**
 * 表四 as LibreOffice saves a Word table whose borders do not quite line up: a sliver column after
 * 总计's, which 总计 and its number span (colspan 2) and 行政诉讼 starts on (colspan 11).
 */
function withSliver(html: string, spacers = false): string {
  return html.replace(/<table[^>]*>(?:(?!<\/table>)[\s\S])*<\/table>/g, (tbl) => {
    if (!tbl.includes('行政诉讼')) return tbl;
    let tr = 0;
    const edited = tbl.replace(/<tr[\s\S]*?<\/tr>/g, (row) => {
      const k = tr++;
      if (k === 0) return row.replace('colspan=10', 'colspan=11');
      if (k === 2) return row;
      let td = 0;
      return row.replace(/<td/g, (m) => (++td === 5 ? '<td colspan=2' : m));
    });
    // Word's row of empty spacer cells, one per grid column, under a table whose columns do not line up.
    const spacer = `<![if !supportMisalignedColumns]><tr height=0>${'<td width=60 style="border:none"></td>'.repeat(16)}</tr><![endif]>`;
    return spacers ? edited.replace('</tbody>', `${spacer}</tbody>`) : edited;
  });
}

describe('a table whose columns do not quite line up', () => {
  it.each([
    ['2021', ''],
    ['2019', ''],
    ['2021', ', under Word’s row of empty spacer cells'],
  ] as const)('reads the %s 表四 with a sliver column beside 总计%s at its columns, every value, and passes', (version, spacers) => {
    const report = consistentReport(version, seededRandom(33));
    const html = withSliver(governmentPage(report), spacers !== '');
    expect(html).toContain('colspan=11');
    if (spacers) expect(html).toContain('<tr height=0>');
    const [result] = checkReads('年报', [readHtmlText(html)]);
    expect(result.notes).toEqual([]);
    expect(result.verdict).toBe('passed');
    expect(result.report!.cells).toEqual(expect.objectContaining(report.cells));
  });
});
