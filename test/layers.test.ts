import { readFileSync } from 'fs';
import { join } from 'path';
import { cycles, importEdges, ROOT } from './helpers/imports';

// The house's plan (README 代码结构): imports point one way, from the front ends down to the
// domain, and inside the domain from the sheet check down to the standard. A change that imports
// against the plan fails here, naming the import.

/** Each folder, and the folders it may import from (besides itself). */
const MAY_IMPORT: Record<string, string[]> = {
  'src/report/standard': [],
  'src/report/look': ['src/report/standard'],
  'src/report/recognise': ['src/report/standard', 'src/report/look'],
  'src/report/sheet': ['src/report/standard', 'src/report/look', 'src/report/recognise'],
  'src/report/prose': ['src/report/standard'],
  'src/read': ['src/report'],
  'src/excel': ['src/report', 'src/read'],
  'src/cli': ['src/report', 'src/read'],
  // The web page reuses the command's browser-safe writers and wording (render, html, templateXlsx, rollup).
  'src/web': ['src/report', 'src/read', 'src/cli'],
};

const folderOf = (file: string): string | undefined =>
  Object.keys(MAY_IMPORT)
    .filter((f) => file.startsWith(`${f}/`))
    .sort((a, b) => b.length - a.length)[0];

describe('the import plan', () => {
  const edges = importEdges('src');

  it('has the folders it names', () => {
    for (const folder of Object.keys(MAY_IMPORT)) expect(edges.some((e) => e.from.startsWith(`${folder}/`))).toBe(true);
  });

  for (const [folder, allowed] of Object.entries(MAY_IMPORT)) {
    it(`${folder} imports only ${allowed.length ? allowed.join(', ') : 'itself'}`, () => {
      const against = edges
        .filter((e) => folderOf(e.from) === folder)
        .filter((e) => !e.to.startsWith(`${folder}/`) && !allowed.some((a) => e.to.startsWith(`${a}/`)))
        .map((e) => `${e.from} → ${e.to}`);
      expect(against).toEqual([]);
    });
  }

  it('src/report and src/read never reach the host (office.js) or the file system', () => {
    // They run in the browser (the pane, the web page) as in Node; files.ts and inputs.ts are the command's side of reading.
    const nodeOnly = new Set(['src/read/files.ts', 'src/read/inputs.ts', 'src/read/readPdf.ts']);
    const files = [...new Set(edges.map((e) => e.from))].filter((f) => /^src\/(report|read)\//.test(f) && !nodeOnly.has(f));
    const offending = files.filter((f) =>
      /from '(fs|path|os|child_process|worker_threads)'|\bExcel\.run\b|Office\./.test(readFileSync(join(ROOT, f), 'utf8')),
    );
    expect(offending).toEqual([]);
  });

  it('has no runtime import cycle anywhere in src', () => {
    expect(cycles(edges.filter((e) => !e.typeOnly))).toEqual([]);
  });

  it('has no import cycle, even of types, in the domain and the readers', () => {
    expect(cycles(edges.filter((e) => /^src\/(report|read|cli)\//.test(e.from) && /^src\/(report|read|cli)\//.test(e.to)))).toEqual([]);
  });
});
