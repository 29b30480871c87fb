/** @jest-environment jsdom */
import { templateHtml } from '../../src/cli/html';
import { FormatVersion } from '../../src/report/standard/formats';
import { consistentReport, seededRandom } from '../../src/report/standard/generate';
import { allLayouts } from '../../src/report/look/layout';

// The HTML template: one heading and one table per section; placing its cells by rowspan/colspan
// must give back the layout grid (labels where they sit, merges as spans, data cells in place).

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/** The table's cells placed on a grid as a browser places them. */
function place(table: HTMLTableElement): { row: number; col: number; rowSpan: number; colSpan: number; cell: HTMLTableCellElement }[] {
  const taken = new Set<string>();
  const out: { row: number; col: number; rowSpan: number; colSpan: number; cell: HTMLTableCellElement }[] = [];
  Array.from(table.rows).forEach((tr, r) => {
    let c = 0;
    for (const cell of Array.from(tr.cells)) {
      while (taken.has(`${r},${c}`)) c++;
      const rowSpan = Number(cell.getAttribute('rowspan') ?? 1);
      const colSpan = Number(cell.getAttribute('colspan') ?? 1);
      for (let i = 0; i < rowSpan; i++) for (let j = 0; j < colSpan; j++) taken.add(`${r + i},${c + j}`);
      out.push({ row: r, col: c, rowSpan, colSpan, cell });
      c += colSpan;
    }
  });
  return out;
}

describe.each(['2021', '2019'] as FormatVersion[])('HTML template, %s', (version) => {
  const doc = parse(templateHtml(version));
  const layouts = allLayouts(version);

  test('a heading per section, then its table', () => {
    const headings = Array.from(doc.querySelectorAll('h2')).map((h) => h.textContent);
    expect(headings).toEqual(layouts.map((l) => l.labels.find((x) => x.role === 'section')!.text));
    const tables = Array.from(doc.querySelectorAll('table'));
    expect(tables.map((t) => t.getAttribute('data-table'))).toEqual(['T2', 'T3', 'T4']);
    tables.forEach((t) => expect(t.previousElementSibling?.tagName).toBe('H2'));
  });

  test('cells placed by rowspan/colspan give back the layout: every label, every merge, every data cell', () => {
    const tables = Array.from(doc.querySelectorAll('table'));
    layouts.forEach((layout, i) => {
      const placed = place(tables[i]);
      // Grid row r of the layout is table row r − 1 (row 0, the section title, is the heading).
      const at = new Map(placed.map((p) => [`${p.row + 1},${p.col}`, p]));
      for (const l of layout.labels.filter((x) => x.role !== 'section')) {
        const p = at.get(`${l.row},${l.col}`);
        expect([l.text, p?.cell.textContent]).toEqual([l.text, l.text]);
        const m = layout.merges.find((x) => x.row === l.row && x.col === l.col);
        expect([l.text, p!.rowSpan, p!.colSpan]).toEqual([l.text, m?.rowSpan ?? 1, m?.colSpan ?? 1]);
      }
      for (const d of layout.data) {
        const p = at.get(`${d.row},${d.col}`);
        expect(p?.cell.getAttribute('data-cell')).toBe(d.id);
        const m = layout.merges.find((x) => x.row === d.row && x.col === d.col);
        expect([d.id, p!.colSpan]).toEqual([d.id, m?.colSpan ?? 1]);
      }
      // Nothing else: each placed cell is a label or a data cell, and the grid is full.
      expect(placed).toHaveLength(layout.labels.length - 1 + layout.data.length);
      const area = placed.reduce((n, p) => n + p.rowSpan * p.colSpan, 0);
      expect(area).toBe((layout.rowCount - 1) * layout.colCount);
    });
  });

  test('borders are inline on every cell (they survive pasting into Word)', () => {
    for (const cell of Array.from(doc.querySelectorAll('td, th'))) {
      expect(cell.getAttribute('style')).toContain('border:1px solid #000');
    }
  });

  test('labels are escaped text and the values of a report can be filled in', () => {
    const report = consistentReport(version, seededRandom(2));
    const filled = parse(templateHtml(version, report));
    for (const [id, v] of Object.entries(report.cells)) {
      const cell = filled.querySelector(`[data-cell="${id}"]`)!;
      expect(Number(cell.textContent)).toBeCloseTo(v as number, 6);
    }
  });
});
