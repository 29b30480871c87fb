import { FORMATS } from '../src/report/formats';
import { recognise } from '../src/report/recognise';
import { layoutGrid } from './helpers/layoutGrids';

// Tables in the shapes that copies from PDF, Word and web pages give (src/report/reshape.ts), and
// the section-title repeats of such copies.

describe('a section title given twice (a heading, then the table caption)', () => {
  test.each(['2021', '2019'] as const)('%s: the repeated 三、 title before 表三 does not start another report', (v) => {
    const { grid, values } = layoutGrid(v);
    const title = FORMATS[v].T3.title;
    const at = grid.findIndex((r) => r[0] === title);
    grid.splice(at, 0, [title], []);
    const r = recognise(grid);
    expect(r.unplaced).toEqual([]);
    expect(r.tables.map((t) => t.table)).toEqual(['T2', 'T3', 'T4']);
    for (const t of r.tables) expect(t.missing).toEqual([]);
    expect(r.report.cells).toEqual(values);
  });

  test('every title repeated: still one report, all three tables', () => {
    const { grid, values } = layoutGrid('2021');
    const titles = new Set<string>([FORMATS['2021'].T2.title, FORMATS['2021'].T3.title, FORMATS['2021'].T4.title]);
    const doubled = grid.flatMap((r) => (titles.has(r[0]) ? [[r[0]], r] : [r]));
    const r = recognise(doubled);
    expect(r.unplaced).toEqual([]);
    expect(r.report.cells).toEqual(values);
  });

  test('the title of a table already read with its data rows still starts another report', () => {
    const { grid, values } = layoutGrid('2021', ['T3']);
    const r = recognise([...grid, [FORMATS['2021'].T3.title], ...layoutGrid('2019', ['T3']).grid.slice(1)]);
    expect(r.report.cells).toEqual(values);
    expect(r.unplaced).toEqual([expect.objectContaining({ row: grid.length })]);
    expect(r.unplaced[0].reason).toContain('只识别了第一份');
  });
});
