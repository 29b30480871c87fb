import { dataCells, FORMATS, FormatVersion } from './formats';
import { Report } from './report';
import { t3OutcomeRows } from './rules';

/** A small seeded generator (mulberry32), so generated reports are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const int = (rand: () => number, max: number): number => Math.floor(rand() * (max + 1));

/**
 * A report that satisfies every single-year rule of its version, every cell filled: what a careful
 * office would publish. `scale` bounds the counts.
 */
export function consistentReport(version: FormatVersion, rand: () => number, scale = 20): Report {
  const cells: Report['cells'] = {};
  const f = FORMATS[version];
  for (const d of dataCells(version)) {
    if (d.table !== 'T2') continue;
    if (d.kind === 'amount') cells[d.id] = Math.round(rand() * scale * 100) / 100;
    else cells[d.id] = int(rand, scale);
  }
  for (const b of f.T2.blocks) {
    for (const r of b.rows) {
      const ids = b.columns.map((c) => c.id as string);
      if (ids.includes('DELTA')) {
        const prev = cells[`T2.${r.id}.PREV` as keyof Report['cells']] as number;
        cells[`T2.${r.id}.DELTA` as keyof Report['cells']] = int(rand, prev + scale) - prev;
      }
      if (ids.includes('PUBLISHED')) {
        const all = cells[`T2.${r.id}.ALLPUB` as keyof Report['cells']] as number;
        cells[`T2.${r.id}.PUBLISHED` as keyof Report['cells']] = int(rand, all);
      }
    }
  }
  const applicants = f.T3.columns.filter((c) => c.id !== 'TOT').map((c) => c.id);
  const set = (id: string, v: number): void => {
    cells[id as keyof Report['cells']] = v;
  };
  const totals: Record<string, number> = {};
  const addTotal = (row: string, v: number): void => {
    totals[row] = (totals[row] ?? 0) + v;
  };
  for (const col of applicants) {
    let rt = 0;
    for (const row of t3OutcomeRows(version)) {
      const v = rand() < 0.5 ? 0 : int(rand, scale / 4);
      set(`T3.${row}.${col}`, v);
      addTotal(row, v);
      rt += v;
    }
    const cout = int(rand, scale / 4);
    const cin = int(rand, rt + cout);
    const pairs: [string, number][] = [
      ['RT', rt],
      ['COUT', cout],
      ['CIN', cin],
      ['NEW', rt + cout - cin],
    ];
    for (const [row, v] of pairs) {
      set(`T3.${row}.${col}`, v);
      addTotal(row, v);
    }
  }
  for (const [row, v] of Object.entries(totals)) set(`T3.${row}.TOT`, v);
  for (const g of f.T4.groups) {
    let tot = 0;
    for (const fl of f.T4.fields) {
      if (fl.id === 'TOT') continue;
      const v = int(rand, scale / 4);
      set(`T4.${g.id}.${fl.id}`, v);
      tot += v;
    }
    set(`T4.${g.id}.TOT`, tot);
  }
  return { format: version, cells };
}

/** A report every cell of which is 0: consistent, and no cell blank. */
export function zeroReport(version: FormatVersion): Report {
  const cells: Report['cells'] = {};
  for (const d of dataCells(version)) cells[d.id] = 0;
  return { format: version, cells };
}
