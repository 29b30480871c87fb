import fc from 'fast-check';
import { CellId, dataCells, FORMAT_VERSIONS, FormatVersion } from '../../../src/report/standard/formats';
import { consistentReport, seededRandom, zeroReport } from '../../../src/report/standard/generate';
import { Report } from '../../../src/report/standard/report';
import { crossYearInstances, RelationInstance, relationInstances, RULES } from '../../../src/report/standard/rules';
import { validate } from '../../../src/report/standard/validate';

const withCells = (r: Report, cells: Partial<Record<CellId, number | string | null>>): Report => ({
  format: r.format,
  cells: { ...r.cells, ...cells },
});
const keyOf = (f: { rule: string; instance: string }) => `${f.rule}/${f.instance}`;
const keysOf = (findings: { rule: string; instance: string }[]) => findings.map(keyOf).sort();

/** A change that breaks an instance: raise a left-hand count by one, or push an inequality past its bound. */
function breaking(inst: RelationInstance, base: Report, last: Report): { report: Report; last: Report } {
  const t = inst.lhs[0];
  const cur = Number((t.year === 'this' ? base : last).cells[t.cell] ?? 0);
  if (inst.relation === 'ge') return { report: withCells(base, { [inst.lhs[1].cell]: -cur - 1 }), last };
  if (inst.relation === 'le') {
    const bound = Number(base.cells[inst.rhs[0].cell] ?? 0);
    return { report: withCells(base, { [t.cell]: bound + 1 }), last };
  }
  return { report: withCells(base, { [t.cell]: cur + 1 }), last };
}

describe('validate: every rule instance passes and fails', () => {
  for (const v of FORMAT_VERSIONS) {
    const base = zeroReport(v);
    for (const inst of relationInstances(v)) {
      it(`${inst.rule} ${inst.instance} (${v}) passes on a consistent report and fails when broken`, () => {
        expect(validate(base).map(keyOf)).not.toContain(keyOf(inst));
        const broken = breaking(inst, base, base).report;
        expect(validate(broken).map(keyOf)).toContain(keyOf(inst));
      });
    }
    for (const lastV of FORMAT_VERSIONS) {
      for (const inst of crossYearInstances(v, lastV)) {
        it(`${inst.rule} ${inst.instance} (${v} after ${lastV}) passes when the years agree and fails when not`, () => {
          const last = zeroReport(lastV);
          expect(validate(base, { lastYear: last }).map(keyOf)).not.toContain(keyOf(inst));
          const broken = withCells(base, { [inst.lhs[0].cell]: 1 });
          expect(validate(broken, { lastYear: last }).map(keyOf)).toContain(keyOf(inst));
        });
      }
    }
  }

  it('has a catalogue in which every rule applies to some version', () => {
    for (const r of RULES) expect(r.versions.length).toBeGreaterThan(0);
  });

  it('XY-CARRY checks a 2021 report against a 2019 report across the switch', () => {
    const last = withCells(zeroReport('2019'), { 'T3.COUT.NP': 3 });
    const f = validate(zeroReport('2021'), { lastYear: last }).find((x) => x.rule === 'XY-CARRY' && x.instance === 'NP');
    expect(f).toMatchObject({ severity: 'warning', expected: 3, actual: 0, cells: ['T3.CIN.NP'] });
  });

  it('XY-INFORCE needs a 2021 report last year and XY-PREV a 2019 one', () => {
    expect(crossYearInstances('2021', '2019').some((i) => i.rule === 'XY-INFORCE')).toBe(false);
    expect(
      crossYearInstances('2021', '2021')
        .filter((i) => i.rule === 'XY-INFORCE')
        .map((i) => i.instance),
    ).toEqual(['REG', 'NORM']);
    expect(
      crossYearInstances('2019', '2019')
        .filter((i) => i.rule === 'XY-PREV')
        .map((i) => i.instance),
    ).toEqual(['LIC', 'SRV', 'PUN', 'ENF', 'FEE']);
  });
});

describe('validate: cell kinds', () => {
  const cases: [FormatVersion, CellId, number | string, string | null][] = [
    ['2021', 'T3.NEW.NP', 3, null],
    ['2021', 'T3.NEW.NP', -1, 'CELL-COUNT'],
    ['2021', 'T3.NEW.NP', 1.5, 'CELL-COUNT'],
    ['2021', 'T3.NEW.NP', '三', 'CELL-COUNT'],
    ['2019', 'T2.LIC.DELTA', -4, null],
    ['2019', 'T2.LIC.DELTA', 0.5, 'CELL-SIGNED'],
    ['2019', 'T2.LIC.DELTA', '减少', 'CELL-SIGNED'],
    ['2021', 'T2.FEE.FEEAMT', 160.5964, null],
    ['2021', 'T2.FEE.FEEAMT', -0.1, 'CELL-AMOUNT'],
    ['2019', 'T2.PROC.PROCAMT', '约 3 万', 'CELL-AMOUNT'],
  ];
  it.each(cases)('%s %s = %p gives %p', (v, id, value, rule) => {
    const kindRules = validate(withCells(zeroReport(v), { [id]: value }))
      .filter((f) => f.rule.startsWith('CELL-') && f.instance === id)
      .map((f) => f.rule);
    expect(kindRules).toEqual(rule ? [rule] : []);
  });

  it('CELL-BLANK reports a blank cell as info, counting it as 0', () => {
    const r = withCells(zeroReport('2021'), { 'T4.RV.PEN': null });
    const findings = validate(r);
    expect(findings.map(keyOf)).toEqual(['CELL-BLANK/T4.RV.PEN']);
    expect(findings[0]).toMatchObject({ severity: 'info', expected: 0, actual: null, cells: ['T4.RV.PEN'] });
  });

  it('CELL-BLANK passes when the cell holds 0', () => {
    expect(validate(zeroReport('2019')).filter((f) => f.rule === 'CELL-BLANK')).toEqual([]);
  });

  it('text in a count cell gives its CELL finding, and the sums it feeds say they cannot be computed', () => {
    const r = withCells(zeroReport('2021'), { 'T3.D6.BIZ': '两件' });
    const findings = validate(r);
    expect(keysOf(findings)).toEqual(['CELL-COUNT/T3.D6.BIZ', 'T3-OUTCOMES/BIZ', 'T3-ROWSUM/D6']);
    const outcomes = findings.find((f) => f.rule === 'T3-OUTCOMES')!;
    expect(outcomes.expected).toBeNull();
    expect(outcomes.severity).toBe('info');
    expect(outcomes.message).toBe('商业企业列：无法核对办理结果总计，因为 （三）6.属于四类过程性信息“两件” 不是数字');
  });
});

describe('validate: findings carry the numbers', () => {
  it('T3-BALANCE fails for 自然人 when 第一项 12 + 第二项 0 ≠ （七）总计 11 + 第四项 0', () => {
    const r = withCells(zeroReport('2021'), {
      'T3.NEW.NP': 12,
      'T3.NEW.TOT': 12,
      'T3.R1.NP': 11,
      'T3.R1.TOT': 11,
      'T3.RT.NP': 11,
      'T3.RT.TOT': 11,
    });
    const findings = validate(r);
    const np = findings.find((f) => f.rule === 'T3-BALANCE' && f.instance === 'NP')!;
    expect(np).toMatchObject({
      severity: 'error',
      table: 'T3',
      expected: 11,
      actual: 12,
      cells: ['T3.NEW.NP', 'T3.CIN.NP', 'T3.RT.NP', 'T3.COUT.NP'],
    });
    expect(np.message).toBe(
      '自然人列：第一项 12 + 第二项 0 = 12，应等于（七）总计 11 + 第四项 0 = 11，相差 1（本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和）',
    );
    expect(keysOf(findings)).toEqual(['T3-BALANCE/NP', 'T3-BALANCE/TOT']);
  });

  it('T3-OUTCOMES lists the non-zero outcome rows it added', () => {
    const r = withCells(zeroReport('2021'), { 'T3.R1.OTH': 2, 'T3.O3.OTH': 1, 'T3.RT.OTH': 4 });
    const f = validate(r).find((x) => x.rule === 'T3-OUTCOMES' && x.instance === 'OTH')!;
    expect(f).toMatchObject({ expected: 3, actual: 4 });
    expect(f.cells).toHaveLength(1 + 21);
    expect(f.message).toBe(
      '其他列：（七）总计 4，应等于（一）至（六）各项之和（（一）予以公开 2 + （六）3.其他 1（其余为 0）= 3），相差 1（（七）总计等于（一）至（六）各项之和，部分公开只计这一情形）',
    );
  });

  it('produces the recorded messages for a report with one error of each kind', () => {
    const r19 = withCells(consistentReport('2019', seededRandom(7)), {
      'T2.LIC.PREV': 2,
      'T2.LIC.DELTA': -5,
      'T2.REG.PUBLISHED': 9,
      'T2.REG.ALLPUB': 3,
      'T3.R2.SCI': 100,
      'T4.LR.TOT': 99,
      'T3.X2.NGO': -1,
      'T2.FEE.DELTA': 1.5,
      'T2.PROC.PROCAMT': -2,
      'T3.COUT.OTH': null,
    });
    const last19 = consistentReport('2019', seededRandom(8));
    const r21 = withCells(consistentReport('2021', seededRandom(9)), { 'T2.REG.INFORCE': 1000 });
    const last21 = consistentReport('2021', seededRandom(10));
    expect(validate(r19, { lastYear: last19 }).map((f) => `${keyOf(f)} ${f.message}`)).toMatchSnapshot('2019');
    expect(validate(r21, { lastYear: last21 }).map((f) => `${keyOf(f)} ${f.message}`)).toMatchSnapshot('2021');
  });
});

describe('validate: what the source lacks, and numbers at the edge', () => {
  it('leaves out the rules that need a cell a pasted table lacks, and does not call that cell blank', () => {
    const report = zeroReport('2021');
    report.cells['T3.RT.NP'] = 3;
    report.cells['T3.R1.NP'] = 3;
    report.cells['T3.NEW.NP'] = 3;
    delete report.cells['T3.R1.TOT'];
    const present = new Set(
      dataCells('2021')
        .map((d) => d.id)
        .filter((id) => id !== 'T3.R1.TOT'),
    );
    const keys = validate(report, { present }).map(keyOf);
    expect(keys).not.toContain('CELL-BLANK/T3.R1.TOT');
    expect(keys).not.toContain('T3-ROWSUM/R1');
    expect(keys).not.toContain('T3-OUTCOMES/TOT');
    expect(keys).toContain('T3-ROWSUM/NEW');
  });

  it('prints a tiny wrong value as it is, not as 0', () => {
    const r = withCells(zeroReport('2019'), { 'T2.LIC.DELTA': -4e-7 });
    const f = validate(r).find((x) => x.rule === 'CELL-SIGNED')!;
    expect(f.message).toContain('填写的是 -4e-7');
  });

  it('compares sums as the highlight formulas do: rounded to six decimals', () => {
    expect(validate(withCells(zeroReport('2019'), { 'T2.LIC.DELTA': -4e-7 })).map(keyOf)).not.toContain('T2-PREV-DELTA/LIC');
    expect(validate(withCells(zeroReport('2021'), { 'T4.LD.TOT': 1e-5 })).map(keyOf)).toContain('T4-SUM/LD');
  });

  it('skips a cross-year rule when last year’s report does not hold the cells it needs', () => {
    const lastWithoutT3: Report = { format: '2021', cells: { 'T2.REG.INFORCE': 0 } };
    const keys = validate(withCells(zeroReport('2021'), { 'T3.CIN.NP': 5, 'T3.NEW.NP': -5 }), { lastYear: lastWithoutT3 }).map(keyOf);
    expect(keys.filter((k) => k.startsWith('XY-CARRY'))).toEqual([]);
  });
});

describe('validate: property', () => {
  const referencing = (v: FormatVersion, id: CellId): string[] =>
    relationInstances(v)
      .filter((i) => [...i.lhs, ...i.rhs].some((t) => t.cell === id && t.year === 'this'))
      .map(keyOf)
      .sort();

  for (const v of FORMAT_VERSIONS) {
    const ids = dataCells(v);
    it(`${v}: a random consistent report has no findings, and changing one cell fails exactly the instances that reference it`, () => {
      fc.assert(
        fc.property(fc.integer(), fc.nat(ids.length - 1), fc.integer({ min: 1, max: 50 }), (seed, idx, delta) => {
          const report = consistentReport(v, seededRandom(seed));
          expect(validate(report)).toEqual([]);
          const cell = ids[idx];
          const before = report.cells[cell.id] as number;
          const after = cell.kind === 'amount' ? before + delta / 100 : before + delta;
          const failing = validate(withCells(report, { [cell.id]: after }))
            .map(keyOf)
            .sort();
          // Raising a value can never break PREV + DELTA >= 0 or PUBLISHED <= ALLPUB via ALLPUB; those
          // inequalities may hold either way, every equation must fail.
          const equations = relationInstances(v)
            .filter((i) => i.relation === 'eq' && [...i.lhs, ...i.rhs].some((t) => t.cell === cell.id))
            .map(keyOf);
          for (const k of equations) expect(failing).toContain(k);
          for (const k of failing) expect(referencing(v, cell.id)).toContain(k);
        }),
        { numRuns: 300 },
      );
    });
  }
});

describe('validate: what a message shows of a hostile or noisy value', () => {
  it('prints a difference at the precision it is compared at: 相差 5, not float noise', () => {
    const report = withCells(zeroReport('2021'), { 'T3.NEW.NP': 10.1, 'T3.RT.NP': 5.1000001 });
    const balance = validate(report).find((f) => f.rule === 'T3-BALANCE' && f.instance === 'NP')!;
    expect(Math.abs(10.1 - 5.1000001)).not.toBe(5); // the float difference has noise
    expect(balance.message).toContain('相差 5（');
  });

  it('shortens a long text in a count cell in the message and in the finding', () => {
    const long = '这一段很长的文字'.repeat(100_000);
    const findings = validate(withCells(zeroReport('2021'), { 'T3.NEW.NP': long }));
    const text = JSON.stringify(findings);
    expect(text.length).toBeLessThan(20_000);
    const cell = findings.find((f) => f.rule === 'CELL-COUNT')!;
    expect(cell.message).toContain('…（共 800000 个字符）');
  });

  it('refuses an integer beyond 2^53 as a number that cannot be read exactly, and does not sum it', () => {
    const findings = validate(withCells(zeroReport('2021'), { 'T3.NEW.NP': Number.MAX_SAFE_INTEGER + 2 }));
    const cell = findings.find((f) => f.rule === 'CELL-COUNT')!;
    expect(cell.severity).toBe('error');
    expect(cell.message).toContain('数字过大，无法准确读取');
    expect(findings.filter((f) => f.rule === 'T3-BALANCE').map((f) => f.severity)).toEqual(['info']);
  });

  it('accepts the largest exact integer', () => {
    const findings = validate(
      withCells(zeroReport('2021'), { 'T3.NEW.NP': Number.MAX_SAFE_INTEGER, 'T3.NEW.TOT': Number.MAX_SAFE_INTEGER }),
    );
    expect(findings.filter((f) => f.rule === 'CELL-COUNT')).toEqual([]);
  });
});
