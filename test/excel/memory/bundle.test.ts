import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { createMemoryHost } from '../../../src/excel/memory';

const srcDir = path.join(__dirname, '../../../src');
const dir = path.join(srcDir, 'excel/memory');

const transpiled = (file: string) =>
  ts.transpileModule(fs.readFileSync(file, 'utf8'), {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, removeComments: true },
  }).outputText;
const requiresOf = (js: string) => [...js.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);

/** Every module of the in-memory host, and every module of src/ that one of them requires. */
function hostModules(): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const r of requiresOf(transpiled(file))) if (r.startsWith('.')) visit(path.resolve(path.dirname(file), r) + '.ts');
  };
  for (const f of fs.readdirSync(dir, { recursive: true }) as string[]) if (f.endsWith('.ts')) visit(path.join(dir, f));
  return [...seen].map((f) => path.relative(srcDir, f)).sort();
}

describe('browser-safe module', () => {
  test.each(hostModules())('%s uses no node modules and no runtime Excel/OfficeExtension values', (file) => {
    const js = transpiled(path.join(srcDir, file));
    expect(requiresOf(js).filter((r) => !r.startsWith('.'))).toEqual([]);
    expect(js).not.toMatch(/\b(Excel|OfficeExtension|Office)\.[A-Za-z]/);
    expect(js).not.toMatch(/\b(process|Buffer|__dirname|window|document)\b/);
  });
});

describe('performance', () => {
  test('rendering a 40x12 report block with per-cell conditional formats stays fast', async () => {
    const host = createMemoryHost();
    host.addSheet('表');
    await host.run(async (ctx) => {
      const s = ctx.workbook.worksheets.getItem('表');
      const r = s.getRange('D5:O44');
      r.values = Array.from({ length: 40 }, (_, i) => Array.from({ length: 12 }, (_, j) => ((i * j) % 7 === 3 ? 'x' : i - j)));
      const cf = r.conditionalFormats.add('Custom' as Excel.ConditionalFormatType);
      cf.custom.rule.formula = '=OR(ISTEXT(D5),N(D5)<0,SUMPRODUCT(--ISTEXT($D5:$O5))>0)';
      cf.custom.format.fill.color = '#FFC7CE';
      s.getRange('C5:C44').formulas = Array.from({ length: 40 }, (_, i) => [`=SUM(D${i + 5}:O${i + 5})`]);
    });
    const t0 = Date.now();
    let flagged = 0;
    const { rowCount, columnCount } = host.usedRange('表');
    for (let r = 0; r < rowCount; r++)
      for (let c = 0; c < columnCount; c++) if (host.cell('表', `${String.fromCharCode(65 + c)}${r + 1}`).highlight) flagged++;
    expect(flagged).toBeGreaterThan(0);
    expect(Date.now() - t0).toBeLessThan(3000);
  });
});

describe('null objects', () => {
  test('isNullObject is not readable before sync', async () => {
    const host = createMemoryHost();
    host.addSheet('S');
    await host.run(async (ctx) => {
      const w = ctx.workbook.worksheets.getItemOrNullObject('S');
      expect(() => w.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await ctx.sync();
      expect(w.isNullObject).toBe(false);
    });
  });
});
