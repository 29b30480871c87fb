import { readFileSync } from 'fs';
import { join } from 'path';
import { FORMAT_VERSIONS, FormatVersion } from '../../../src/report/standard/formats';
import { crossYearInstances, RelationInstance, relationInstances, RULES, Term } from '../../../src/report/standard/rules';

// The rule catalogue of src/report/standard/rules.ts against test/fixtures/rules.json: every relation instance
// written out by hand from the Rules table of the spec (formats.md) and the official tables (formats.json), so
// that the catalogue is checked against the official rules and not against itself. Only the relation, the
// terms, their signs and years count; the order of the terms within a side does not.

const fixtures = join(__dirname, '..', '..', 'fixtures');

interface Oracle {
  rules: Record<string, { versions: string[]; severity: string }>;
  'single-year': Record<string, Record<string, string>>;
  'cross-year': Record<string, Record<string, string>>;
}

const oracle: Oracle = JSON.parse(readFileSync(join(fixtures, 'rules.json'), 'utf8'));
const reference = JSON.parse(readFileSync(join(fixtures, 'formats.json'), 'utf8'));

/** One addend of an equation: "+T3.NEW.NP", "-T2.REG.REPEALED", "+last:T3.COUT.NP". */
type SignedTerm = string;

interface Equation {
  relation: RelationInstance['relation'];
  lhs: SignedTerm[];
  rhs: SignedTerm[];
}

const RELATIONS: Record<string, Equation['relation']> = { '=': 'eq', '>=': 'ge', '<=': 'le' };
const SYMBOLS: Record<Equation['relation'], string> = { eq: '=', ge: '>=', le: '<=' };

/** A side of an equation of rules.json: "T3.NEW.NP + T3.CIN.NP", "last:T2.REG.INFORCE + T2.REG.ISSUED - T2.REG.REPEALED" or "0". */
function parseSide(text: string, where: string): SignedTerm[] {
  if (text === '0') return [];
  const tokens = text.split(/\s+/);
  const terms: SignedTerm[] = [];
  for (let i = 0; i < tokens.length; i += 2) {
    const op = i === 0 ? '+' : tokens[i - 1];
    const cell = tokens[i];
    if ((op !== '+' && op !== '-') || !/^(last:)?T[234]\.[A-Z0-9]+\.[A-Z]+$/.test(cell ?? '')) {
      throw new Error(`rules.json ${where}: cannot read “${text}” (expected cell ids joined by + or -, or 0)`);
    }
    terms.push(`${op}${cell}`);
  }
  if (tokens.length % 2 === 0) throw new Error(`rules.json ${where}: “${text}” ends with an operator`);
  return terms;
}

function parseEquation(text: string, where: string): Equation {
  const m = /^(.+?)\s+(=|>=|<=)\s+(.+)$/.exec(text.trim());
  if (!m) throw new Error(`rules.json ${where}: “${text}” has no =, >= or <= between two sides`);
  return { relation: RELATIONS[m[2]], lhs: parseSide(m[1], where), rhs: parseSide(m[3], where) };
}

const signed = (t: Term): SignedTerm => `${t.sign < 0 ? '-' : '+'}${t.year === 'last' ? 'last:' : ''}${t.cell}`;

function fromCatalogue(inst: RelationInstance): Equation {
  return { relation: inst.relation, lhs: inst.lhs.map(signed), rhs: inst.rhs.map(signed) };
}

/** An equation written the way rules.json writes it, terms sorted within each side: what two equations are compared by. */
function canonical(e: Equation): string {
  const side = (terms: SignedTerm[]): string =>
    terms.length === 0
      ? '0'
      : [...terms]
          .sort()
          .map((t, i) => (i === 0 ? (t[0] === '-' ? `- ${t.slice(1)}` : t.slice(1)) : `${t[0]} ${t.slice(1)}`))
          .join(' ');
  return `${side(e.lhs)} ${SYMBOLS[e.relation]} ${side(e.rhs)}`;
}

const keyOf = (inst: RelationInstance): string => `${inst.rule}/${inst.instance}`;

/** The catalogue's instances by RULE/instance; a key given twice is an error of its own. */
function catalogueByKey(instances: readonly RelationInstance[]): { byKey: Map<string, Equation>; duplicates: string[] } {
  const byKey = new Map<string, Equation>();
  const duplicates: string[] = [];
  for (const inst of instances) {
    if (byKey.has(keyOf(inst))) duplicates.push(keyOf(inst));
    byKey.set(keyOf(inst), fromCatalogue(inst));
  }
  return { byKey, duplicates };
}

/** The data cells of a version per the reference formats.json (not src/). */
function referenceCells(v: string): Set<string> {
  const f = reference.versions[v];
  const ids: string[] = [];
  for (const b of f.T2.blocks) for (const r of b.rows) for (const c of b.columns) ids.push(`T2.${r.id}.${c.id}`);
  for (const r of f.T3.rows) for (const c of f.T3.columns) ids.push(`T3.${r.id}.${c.id}`);
  for (const g of f.T4.groups) for (const x of f.T4.fields) ids.push(`T4.${g.id}.${x.id}`);
  return new Set(ids);
}

/** The catalogue of one version (or pair of versions) and the oracle's equations for it. */
interface Scope {
  name: string;
  thisYear: FormatVersion;
  lastYear: FormatVersion | null;
  written: Record<string, string>;
  instances: readonly RelationInstance[];
}

const PAIR = /^(\d{4}) after (\d{4})$/;

const scopes: Scope[] = [
  ...FORMAT_VERSIONS.map((v) => ({
    name: v,
    thisYear: v,
    lastYear: null,
    written: oracle['single-year'][v] ?? {},
    instances: relationInstances(v),
  })),
  ...FORMAT_VERSIONS.flatMap((v) =>
    FORMAT_VERSIONS.map((last) => ({
      name: `${v} after ${last}`,
      thisYear: v,
      lastYear: last,
      written: oracle['cross-year'][`${v} after ${last}`] ?? {},
      instances: crossYearInstances(v, last),
    })),
  ),
];

describe('rules.json: the oracle itself', () => {
  it('covers exactly the format versions and the version pairs of the project', () => {
    expect(Object.keys(oracle['single-year']).sort()).toEqual([...FORMAT_VERSIONS].sort());
    expect(Object.keys(oracle['cross-year']).sort()).toEqual(
      scopes
        .filter((s) => s.lastYear)
        .map((s) => s.name)
        .sort(),
    );
    for (const pair of Object.keys(oracle['cross-year'])) expect(pair).toMatch(PAIR);
  });

  it.each(scopes.map((s) => [s.name, s] as const))('%s: every equation reads, and names only data cells of formats.json', (_, scope) => {
    const thisCells = referenceCells(scope.thisYear);
    const lastCells = scope.lastYear ? referenceCells(scope.lastYear) : new Set<string>();
    const unknown: string[] = [];
    for (const [key, text] of Object.entries(scope.written)) {
      expect(key).toMatch(/^[A-Z0-9]+(-[A-Z0-9]+)+\/[A-Z0-9]+$/);
      const e = parseEquation(text, `${scope.name} ${key}`);
      for (const t of [...e.lhs, ...e.rhs]) {
        const last = t.startsWith('+last:') || t.startsWith('-last:');
        const cell = t.slice(last ? 6 : 1);
        if (!(last ? lastCells : thisCells).has(cell)) unknown.push(`${key}: ${t.slice(1)}`);
      }
      // Cross-year equations need a last-year term, single-year ones must not have one.
      expect({ key, lastYearTerm: /last:/.test(text) }).toEqual({ key, lastYearTerm: scope.lastYear !== null });
    }
    expect(unknown).toEqual([]);
  });

  it('the parser refuses what it cannot read, naming the instance', () => {
    expect(() => parseEquation('T3.NEW.NP + T3.CIN.NP', 'x T3-BALANCE/NP')).toThrow('x T3-BALANCE/NP');
    expect(() => parseEquation('T3.NEW.NP * 2 = T3.RT.NP', 'y')).toThrow('cannot read');
    expect(() => parseEquation('T3.NEW.NP + = T3.RT.NP', 'z')).toThrow('rules.json z');
    expect(parseEquation('T2.FEE.PREV + T2.FEE.DELTA >= 0', 'w')).toEqual({
      relation: 'ge',
      lhs: ['+T2.FEE.PREV', '+T2.FEE.DELTA'],
      rhs: [],
    });
    expect(canonical(parseEquation('T2.REG.INFORCE = last:T2.REG.INFORCE + T2.REG.ISSUED - T2.REG.REPEALED', 'v'))).toBe(
      'T2.REG.INFORCE = T2.REG.ISSUED + last:T2.REG.INFORCE - T2.REG.REPEALED',
    );
  });
});

describe('the rule catalogue (src/report/standard/rules.ts) equals rules.json', () => {
  it('gives every rule of the spec the versions and severity of its Rules table', () => {
    // TEXT-TABLE (numbers of the prose against the tables) is the project's own rule, not one of the spec's table.
    const catalogue = Object.fromEntries(
      RULES.filter((r) => r.id !== 'TEXT-TABLE').map((r) => [r.id, { versions: [...r.versions].sort(), severity: r.severity }]),
    );
    const written = Object.fromEntries(
      Object.entries(oracle.rules).map(([id, r]) => [id, { versions: [...r.versions].sort(), severity: r.severity }]),
    );
    expect(catalogue).toEqual(written);
  });

  for (const scope of scopes) {
    const fn = scope.lastYear ? `crossYearInstances('${scope.thisYear}', '${scope.lastYear}')` : `relationInstances('${scope.thisYear}')`;

    it(`${fn} has exactly the instances of rules.json “${scope.name}”, each once`, () => {
      const { byKey, duplicates } = catalogueByKey(scope.instances);
      const written = Object.keys(scope.written);
      expect({
        duplicatedInCatalogue: duplicates,
        missingFromCatalogue: written.filter((k) => !byKey.has(k)),
        notInRulesJson: [...byKey.keys()].filter((k) => !(k in scope.written)),
      }).toEqual({ duplicatedInCatalogue: [], missingFromCatalogue: [], notInRulesJson: [] });
    });

    const { byKey } = catalogueByKey(scope.instances);
    // A scope with no instance (2019 after 2021) is checked by the test above alone.
    if (Object.keys(scope.written).length === 0) continue;
    it.each(Object.entries(scope.written))(`${scope.name} %s: %s`, (key, text) => {
      const want = canonical(parseEquation(text, `${scope.name} ${key}`));
      const got = byKey.get(key);
      expect(`${key}: ${got ? canonical(got) : `(not in ${fn})`}`).toBe(`${key}: ${want}`);
    });
  }
});

describe('what a clerk reads of each rule', () => {
  it('names no file of the program in any rule’s name or basis', () => {
    for (const r of RULES) expect(`${r.name} ${r.basis}`).not.toMatch(/src\/|\.ts\b/);
  });

  it('says why a rule whose message says 应等于 or 等于 is only a warning or a note', () => {
    for (const r of RULES.filter((x) => x.severity !== 'error' && /等于/.test(x.basis))) {
      expect([r.id, r.basis]).toEqual([r.id, expect.stringMatching(/只作为警告|一般等于|如有其他变动可说明/)]);
    }
  });
});
