import ExcelJS from 'exceljs';
import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { checkSheetInput } from '../../src/report/sheet/sheetCheck';
import { readXlsx } from '../../src/read/readXlsx';
import { templatePlacements, templateSheetName, templateWorkbook } from '../../src/cli/templateXlsx';
import { highlightRules } from '../../src/report/look/formulas';
import { CellId, dataCells, FormatVersion, TABLE_IDS } from '../../src/report/standard/formats';
import { consistentReport, seededRandom, zeroReport } from '../../src/report/standard/generate';
import { a1, parseA1 } from '../../src/report/standard/a1';
import { allLayouts, cellPosition } from '../../src/report/look/layout';
import { stackedTop } from '../helpers/stacked';
import { Report } from '../../src/report/standard/report';
import { RuleId } from '../../src/report/standard/rules';
import { Finding, validate } from '../../src/report/standard/validate';
import { convertAll, sofficePath } from '../helpers/libreoffice';
import { RollupRow, rollupWorkbook } from '../../src/cli/rollupXlsx';

// LibreOffice as the independent judge of the xlsx template: it evaluates the very conditional-format
// formula strings the template carries, and for every rule and every cell its verdict must agree with
// the TypeScript validator. LibreOffice cannot report which cells a conditional format colours, so each
// (highlight rule × cell) is restated as an ordinary formula on a hidden sheet, with its relative
// references shifted to that cell, exactly as a spreadsheet applies a conditional format.

jest.setTimeout(180_000);

const JUDGE = 'Judge';

/** Shifts the relative parts of the A1 references of a formula by (dr, dc) and qualifies them with a sheet. */
export function shiftFormula(formula: string, dr: number, dc: number, sheet: string): string {
  const q = `'${sheet.replace(/'/g, "''")}'!`;
  const one = (ref: string) => {
    const m = /^(\$?)([A-Z]+)(\$?)(\d+)$/.exec(ref)!;
    const { row, col } = parseA1(`${m[2]}${m[4]}`);
    return a1(m[3] ? row : row + dr, m[1] ? col : col + dc, !!m[3], !!m[1]);
  };
  return formula.replace(
    /(?<![A-Za-z0-9_$'!])(\$?[A-Z]{1,3}\$?\d+)(?::(\$?[A-Z]{1,3}\$?\d+))?(?![A-Za-z0-9_(])/g,
    (_all, from: string, to?: string) => `${q}${one(from)}${to ? `:${one(to)}` : ''}`,
  );
}

interface Probe {
  rule: RuleId;
  cell: string;
}

interface Case {
  name: string;
  version: FormatVersion;
  report: Report;
  /** What was changed, for the failure message. */
  mutation: string;
  /** Totals as SUM formulas, computed by LibreOffice. */
  totalsAsFormulas?: boolean;
}

/** Writes a template filled with the report plus the hidden judge sheet; returns the probes in row order. */
async function writeCase(dir: string, c: Case): Promise<{ file: string; probes: Probe[] }> {
  const wb = templateWorkbook(c.version, { report: c.report, totalsAsFormulas: c.totalsAsFormulas });
  const ws = wb.getWorksheet(templateSheetName(c.version))!;
  const judge = wb.addWorksheet(JUDGE, { state: 'hidden' });
  const probes: Probe[] = [];
  // The rule of each conditional format, from the formulas module: the file holds only formula and style.
  const rules = templatePlacements(c.version).flatMap((p) => highlightRules(p));
  const ruleOf = new Map(rules.map((h) => [`${h.area}|${h.formula.slice(1)}`, h.rule]));
  const cfs = (ws as unknown as { conditionalFormattings: { ref: string; rules: { formulae: string[] }[] }[] }).conditionalFormattings;
  expect(cfs.length).toBe(rules.length);
  for (const cf of cfs) {
    const formula = cf.rules[0].formulae[0];
    const rule = ruleOf.get(`${cf.ref}|${formula}`);
    if (!rule) throw new Error(`conditional format ${cf.ref} ${formula} is not one of highlightRules()`);
    const [from, to] = cf.ref.split(':');
    const tl = parseA1(from);
    const br = to ? parseA1(to) : tl;
    for (let r = tl.row; r <= br.row; r++) {
      for (let col = tl.col; col <= br.col; col++) {
        probes.push({ rule, cell: a1(r, col) });
        // 1/0 rather than TRUE/FALSE: ExcelJS reads LibreOffice's cached numbers reliably (a cached FALSE is lost).
        judge.getCell(probes.length, 1).value = {
          formula: `IF(${shiftFormula(formula, r - tl.row, col - tl.col, ws.name)},1,0)`,
        } as ExcelJS.CellFormulaValue;
      }
    }
  }
  const file = join(dir, `${c.name}.xlsx`);
  await wb.xlsx.writeFile(file);
  return { file, probes };
}

const notComputable = (f: Finding) => f.expected === null && f.actual === null && !f.rule.startsWith('CELL-');

/** (rule|address) pairs the validator says must be highlighted. */
function expectedHighlights(version: FormatVersion, findings: Finding[]): Set<string> {
  const out = new Set<string>();
  for (const f of findings) {
    if (f.severity === 'info' || notComputable(f)) continue;
    for (const id of f.cells) {
      const p = cellPosition(version, id);
      const origin = stackedTop(version, p.table);
      out.add(`${f.rule}|${a1(origin + p.row, p.col)}`);
    }
  }
  return out;
}

function mutate(report: Report, id: CellId, how: string, rand: () => number): Report {
  const cells = { ...report.cells };
  const v = typeof cells[id] === 'number' ? (cells[id] as number) : 0;
  if (how === 'raise') cells[id] = v + 1 + Math.floor(rand() * 3);
  if (how === 'text') cells[id] = rand() < 0.5 ? '十二' : `${v}件`;
  if (how === 'negative') cells[id] = -(v + 1);
  if (how === 'fraction') cells[id] = v + 0.5;
  if (how === 'blank') cells[id] = null;
  return { ...report, cells };
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const version of ['2021', '2019'] as FormatVersion[]) {
    const rand = seededRandom(version === '2021' ? 11 : 19);
    out.push({ name: `${version}-blank`, version, report: { format: version, cells: {} }, mutation: 'none (blank template)' });
    out.push({ name: `${version}-zero`, version, report: zeroReport(version), mutation: 'none (all 0)' });
    for (let i = 0; i < 2; i++) {
      out.push({ name: `${version}-ok-${i}`, version, report: consistentReport(version, rand), mutation: 'none' });
    }
    const ids = dataCells(version).map((d) => d.id);
    for (const how of ['raise', 'text', 'negative', 'fraction', 'blank']) {
      for (let i = 0; i < 3; i++) {
        const base = consistentReport(version, rand);
        const id = ids[Math.floor(rand() * ids.length)];
        out.push({ name: `${version}-${how}-${i}`, version, report: mutate(base, id, how, rand), mutation: `${how} ${id}` });
      }
    }
    // Two cells at once in one column of 表三, and a signed/amount cell where the version has one.
    const two = consistentReport(version, rand);
    out.push({
      name: `${version}-two`,
      version,
      report: mutate(mutate(two, 'T3.R1.NP' as CellId, 'raise', rand), 'T3.NEW.BIZ' as CellId, 'negative', rand),
      mutation: 'raise T3.R1.NP, negative T3.NEW.BIZ',
    });
    const amount = dataCells(version).find((d) => d.kind === 'amount')!.id;
    out.push({
      name: `${version}-amount-frac`,
      version,
      report: mutate(consistentReport(version, rand), amount, 'fraction', rand),
      mutation: `fraction ${amount} (allowed)`,
    });
    out.push({
      name: `${version}-amount-neg`,
      version,
      report: mutate(consistentReport(version, rand), amount, 'negative', rand),
      mutation: `negative ${amount}`,
    });
    // Totals as formulas: LibreOffice computes them; an input raised breaks only the balance.
    out.push({
      name: `${version}-formulas-ok`,
      version,
      report: consistentReport(version, rand),
      mutation: 'none, totals as formulas',
      totalsAsFormulas: true,
    });
    out.push({
      name: `${version}-formulas-raise`,
      version,
      report: mutate(consistentReport(version, rand), 'T3.D3.SCI' as CellId, 'raise', rand),
      mutation: 'raise T3.D3.SCI, totals as formulas',
      totalsAsFormulas: true,
    });
    const signed = dataCells(version).find((d) => d.kind === 'signed');
    if (signed) {
      out.push({
        name: `${version}-signed-neg`,
        version,
        report: mutate(consistentReport(version, rand), signed.id, 'negative', rand),
        mutation: `negative ${signed.id} (allowed)`,
      });
      out.push({
        name: `${version}-signed-frac`,
        version,
        report: mutate(consistentReport(version, rand), signed.id, 'fraction', rand),
        mutation: `fraction ${signed.id}`,
      });
      // T2-PREV-DELTA: PREV + DELTA < 0
      const prev = signed.id.replace('.DELTA', '.PREV') as CellId;
      const r = consistentReport(version, rand);
      r.cells[signed.id] = -((r.cells[prev] as number) + 2);
      out.push({ name: `${version}-prev-delta`, version, report: r, mutation: `${signed.id} below −PREV` });
    }
  }
  return out;
}

describe('LibreOffice evaluates the template highlights as the validator judges', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xxgk-lo-'));
  const all = cases();
  let written: { c: Case; file: string; probes: Probe[] }[] = [];
  let converted: string[] = [];

  beforeAll(async () => {
    sofficePath(); // fails with a clear message when LibreOffice is missing
    written = [];
    for (const c of all) {
      const w = await writeCase(dir, c);
      written.push({ c, file: w.file, probes: w.probes });
    }
    converted = convertAll(
      written.map((w) => w.file),
      'xlsx',
      join(dir, 'lo'),
    );
  });

  test('soffice is installed', () => {
    expect(sofficePath()).toBeTruthy();
  });

  test(`every (rule × cell) highlight agrees with the validator in ${cases().length} workbooks`, async () => {
    let probesChecked = 0;
    let highlighted = 0;
    for (const [i, w] of written.entries()) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(converted[i]);
      const judge = wb.getWorksheet(JUDGE)!;
      // The validator judges the values as LibreOffice holds them (its totals, where they are formulas).
      const read = (await readXlsx(readFileSync(converted[i]))).map((input) => checkSheetInput(input)).find((r) => r.tables.length === 3)!;
      const findings = validate(read.report!);
      if (w.c.totalsAsFormulas) {
        const sums = findings.filter((f) => ['T3-ROWSUM', 'T3-OUTCOMES', 'T4-SUM'].includes(f.rule));
        expect([w.c.name, sums]).toEqual([w.c.name, []]);
        if (w.c.mutation.startsWith('raise')) expect(findings.map((f) => f.rule)).toContain('T3-BALANCE');
      }
      const expected = expectedHighlights(w.c.version, findings);
      const got = new Set<string>();
      w.probes.forEach((p, k) => {
        const v = judge.getCell(k + 1, 1).value;
        const result = judge.getCell(k + 1, 1).result;
        if (result !== 0 && result !== 1) {
          throw new Error(`${w.c.name}: LibreOffice gave ${JSON.stringify(result)} for ${p.rule} at ${p.cell} (${JSON.stringify(v)})`);
        }
        if (result === 1) got.add(`${p.rule}|${p.cell}`);
      });
      probesChecked += w.probes.length;
      highlighted += got.size;
      const missing = [...expected].filter((x) => !got.has(x));
      const extra = [...got].filter((x) => !expected.has(x));
      if (missing.length || extra.length) {
        throw new Error(
          `${w.c.name} (${w.c.mutation}): LibreOffice and the validator disagree.\n` +
            `  validator only: ${missing.join(' ')}\n  LibreOffice only: ${extra.join(' ')}\n` +
            `  findings: ${findings
              .filter((f) => f.severity !== 'info')
              .map((f) => `${f.rule}/${f.instance}`)
              .join(' ')}`,
        );
      }
      // Cell-level statement of the brief: highlighted iff an error/warning finding names the cell.
      const cellsLit = new Set([...got].map((x) => x.split('|')[1]));
      const cellsNamed = new Set([...expected].map((x) => x.split('|')[1]));
      expect([...cellsLit].sort()).toEqual([...cellsNamed].sort());
    }
    expect(probesChecked).toBeGreaterThan(5000);
    expect(highlighted).toBeGreaterThan(20); // the mutations do light cells up
  });

  test('the workbook LibreOffice saved is still found by its names and reads the same values', async () => {
    for (const [i, w] of written.entries()) {
      if (w.c.totalsAsFormulas) continue; // its totals are LibreOffice's, checked above
      const reads = (await readXlsx(readFileSync(converted[i]))).map((input) => checkSheetInput(input));
      const named = reads.filter((r) => r.tables.length === 3);
      expect(named).toHaveLength(1);
      const read = named[0];
      expect(read.report!.format).toBe(w.c.version);
      for (const d of dataCells(w.c.version)) {
        const want = w.c.report.cells[d.id];
        expect([d.id, read.report!.cells[d.id]]).toEqual([d.id, want === undefined ? null : want]);
      }
    }
  });
});

describe('LibreOffice prints the template on A4', () => {
  test('each table fits the width of an A4 portrait page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-lo-pdf-'));
    const files: string[] = [];
    for (const version of ['2021', '2019'] as FormatVersion[]) {
      const file = join(dir, `template-${version}.xlsx`);
      await templateWorkbook(version).xlsx.writeFile(file);
      files.push(file);
    }
    const pdfs = convertAll(files, 'pdf', join(dir, 'pdf'));
    for (const [i, pdf] of pdfs.entries()) {
      const version = (['2021', '2019'] as const)[i];
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' });
      if (info.error) throw new Error('pdfinfo (poppler-utils) is needed to check the PDF: apt-get install -y poppler-utils');
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info.stdout)!;
      expect(Math.round(Number(size[1]))).toBe(595); // A4 portrait
      expect(Math.round(Number(size[2]))).toBe(842);
      const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)![1]);
      const bbox = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
      // Words with their page and right edge.
      const words: { page: number; text: string; xMax: number }[] = [];
      let page = 0;
      for (const line of bbox.split('\n')) {
        if (line.includes('<page ')) page++;
        const m = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/.exec(line);
        if (m) words.push({ page, text: m[3], xMax: Number(m[2]) });
      }
      expect(page).toBe(pages);
      for (const layout of allLayouts(version)) {
        const title = layout.labels.find((l) => l.role === 'section')!.text;
        const titlePage = words.find((w) => title.startsWith(w.text) && w.text.length >= 2)?.page;
        expect([layout.table, titlePage]).toEqual([layout.table, expect.any(Number)]);
        // The label in the table's last column sits on the title's page: the table was not cut into
        // a second page to the right.
        const lastCol = layout.labels.filter(
          (l) =>
            l.col + (layout.merges.find((m) => m.row === l.row && m.col === l.col)?.colSpan ?? 1) === layout.colCount &&
            l.role === 'header',
        );
        expect(lastCol.length).toBeGreaterThan(0);
        const onPage = words.filter((w) => w.page === titlePage);
        for (const l of lastCol)
          expect([layout.table, l.text, onPage.some((w) => l.text.startsWith(w.text))]).toEqual([layout.table, l.text, true]);
        expect(Math.max(...onPage.map((w) => w.xMax))).toBeLessThanOrEqual(595 - 30);
      }
      // Each table on a page of its own, one page wide: one page per table, the tables in order.
      expect(pages).toBe(allLayouts(version).length);
      const titlePages = allLayouts(version).map((layout) => {
        const title = layout.labels.find((l) => l.role === 'section')!.text;
        return words.find((w) => title.startsWith(w.text) && w.text.length >= 2)?.page;
      });
      expect(titlePages).toEqual(allLayouts(version).map((_, i) => i + 1));
    }
  });

  test('each table alone prints on one A4 portrait page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-lo-pdf-'));
    const cases = (['2021', '2019'] as FormatVersion[]).flatMap((version) => TABLE_IDS.map((table) => ({ version, table })));
    const files: string[] = [];
    for (const c of cases) {
      const file = join(dir, `${c.version}-${c.table}.xlsx`);
      await templateWorkbook(c.version, { tables: [c.table] }).xlsx.writeFile(file);
      files.push(file);
    }
    const pdfs = convertAll(files, 'pdf', join(dir, 'pdf'));
    const pages = pdfs.map((pdf, i) => {
      const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
      const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info)!;
      return `${cases[i].version} ${cases[i].table}: ${Math.round(Number(size[1]))}×${Math.round(Number(size[2]))} pt, ${/Pages:\s+(\d+)/.exec(info)![1]} page(s)`;
    });
    expect(pages).toEqual(cases.map((c) => `${c.version} ${c.table}: 595×842 pt, 1 page(s)`));
  });
});

describe('LibreOffice prints the roll-up', () => {
  test('the tables on A4 portrait under their title, and 各单位明细 on one landscape page wide with every column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xxgk-lo-rollup-'));
    const units: RollupRow[] = Array.from({ length: 20 }, (_, i) => ({
      name: `第${i + 1}单位人力资源和社会保障局`,
      file: `/某个很长的文件夹/各单位年报/第${i + 1}单位人力资源和社会保障局.xlsx`,
      verdict: i === 3 ? '有错误' : '通过',
      errors: i === 3 ? 2 : 0,
      report: consistentReport('2021', seededRandom(i + 1)),
    }));
    const file = join(dir, 'rollup.xlsx');
    await rollupWorkbook('2021', consistentReport('2021', seededRandom(99)), units).xlsx.writeFile(file);
    const [pdf] = convertAll([file], 'pdf', join(dir, 'pdf'));
    const info = spawnSync('pdfinfo', ['-f', '1', '-l', '99', pdf], { encoding: 'utf8' }).stdout;
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [
      Math.round(Number(m[1])),
      Math.round(Number(m[2])),
    ]);
    // The three tables, one portrait page each, then the unit list: one landscape page for 20 units.
    expect(sizes).toEqual([
      [595, 842],
      [595, 842],
      [595, 842],
      [842, 595],
    ]);
    const pageText = (n: number) =>
      spawnSync('pdftotext', ['-f', String(n), '-l', String(n), '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(pageText(1)).toContain('汇总（20 个单位，2021版）');
    expect(pageText(1)).toContain('汇总单位：第1单位人力资源和社会保障局、');
    const last = pageText(4).replace(/\s+/g, '');
    for (const header of ['单位', '文件', '结论', '错误数', '是否计入汇总', '诉讼案件'])
      expect([header, last.includes(header)]).toEqual([header, true]);
    for (const u of units) expect([u.name, last.includes(u.name)]).toEqual([u.name, true]);
  });
});
