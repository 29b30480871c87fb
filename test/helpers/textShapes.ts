import { FORMATS, FORMAT_VERSIONS, FormatVersion, TABLE_IDS } from '../../src/report/standard/formats';
import { layoutTextGrid, officialLayout } from '../../src/report/look/layout';
import { parseTsv } from '../../src/report/recognise/recognise';

// The text shapes the recogniser accepts (src/report/recognise/reshape.ts), as writers of a report.

export interface Written {
  rows: string[][];
  values: Record<string, number>;
}

/** The three tables of a version from the official layouts, every data cell a value of `values`. */
export function write(v: FormatVersion, values: number[]): Written {
  const rows: string[][] = [];
  const out: Record<string, number> = {};
  let k = 0;
  for (const t of TABLE_IDS) {
    const layout = officialLayout(v, t);
    const g = layoutTextGrid(layout);
    for (const d of layout.data) {
      const x = values[k++ % values.length];
      g[d.row][d.col] = String(x);
      out[d.id] = x;
    }
    rows.push(...g, []);
  }
  return { rows, values: out };
}

const filled = (r: string[]): string[] => r.filter((c) => c.trim() !== '');
const isValue = (c: string): boolean => /^-?\d+$/.test(c);

export const SHAPES: Record<string, (rows: string[][]) => string[][]> = {
  /** Excel or Word cells copied as tab-separated text. */
  tabs: (rows) => parseTsv(rows.map((r) => r.join('\t')).join('\n')),
  /** A PDF copy: each row's cells separated by spaces, one line each. */
  spaces: (rows) => parseTsv(rows.map((r) => filled(r).join(' ')).join('\n')),
  /** Each row's labels on a line, then one value per line. */
  onePerLine: (rows) =>
    rows.flatMap((r) => {
      const labels = filled(r).filter((c) => !isValue(c));
      const vals = filled(r).filter(isValue);
      return [...(labels.length ? [[labels.join(' ')]] : vals.length ? [] : [['']]), ...vals.map((x) => [x])];
    }),
  /** A web page copy: each row's cells run together (single-digit values only). */
  runTogether: (rows) => rows.map((r) => [filled(r).join('')]),
  /** The whole report on one line (single-digit values only). */
  oneLine: (rows) => [[rows.map((r) => filled(r).join('')).join('')]],
};
export const DIGITS_ONLY = new Set(['runTogether', 'oneLine']);

/** Every label of both versions, taken from formats.ts. */
export const LABELS: string[] = (() => {
  const out = new Set<string>();
  for (const v of FORMAT_VERSIONS) {
    for (const t of TABLE_IDS) for (const l of officialLayout(v, t).labels) out.add(l.text);
    for (const s of FORMATS[v].sections) out.add(s);
  }
  return [...out];
})();
