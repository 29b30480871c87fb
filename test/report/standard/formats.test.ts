import { readFileSync } from 'fs';
import { join } from 'path';
import { dataCellIds, dataCells, FORMATS, t3RowShortLabel } from '../../../src/report/standard/formats';

const reference = JSON.parse(readFileSync(join(__dirname, '..', '..', 'fixtures', 'formats.json'), 'utf8'));

describe('formats as data', () => {
  it.each(['2021', '2019'] as const)('the %s definition equals the reference formats.json string for string', (v) => {
    expect(JSON.parse(JSON.stringify(FORMATS[v]))).toEqual(reference.versions[v]);
  });

  it('defines exactly the versions of the reference', () => {
    expect(Object.keys(FORMATS).sort()).toEqual(Object.keys(reference.versions).sort());
  });

  it('gives every data cell a unique canonical id', () => {
    for (const v of ['2021', '2019'] as const) {
      const ids = dataCellIds(v);
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^T[234]\.[A-Z0-9]+\.[A-Z]+$/);
    }
  });

  it('has 7 × 23 T3 cells in 2019 and 7 × 25 in 2021, and 15 T4 cells in both', () => {
    const count = (v: '2019' | '2021', t: string) => dataCells(v).filter((c) => c.table === t).length;
    expect(count('2019', 'T3')).toBe(7 * 23);
    expect(count('2021', 'T3')).toBe(7 * 25);
    expect(count('2019', 'T4')).toBe(15);
    expect(count('2021', 'T4')).toBe(15);
  });

  it('marks 本年增/减 as signed and the amount columns as amounts', () => {
    expect(dataCells('2019').find((c) => c.id === 'T2.LIC.DELTA')?.kind).toBe('signed');
    expect(dataCells('2019').find((c) => c.id === 'T2.PROC.PROCAMT')?.kind).toBe('amount');
    expect(dataCells('2021').find((c) => c.id === 'T2.FEE.FEEAMT')?.kind).toBe('amount');
  });

  it('names T3 rows briefly for messages', () => {
    expect(t3RowShortLabel('2021', 'NEW')).toBe('第一项');
    expect(t3RowShortLabel('2021', 'COUT')).toBe('第四项');
    expect(t3RowShortLabel('2021', 'RT')).toBe('（七）总计');
    expect(t3RowShortLabel('2021', 'R2')).toBe('（二）部分公开');
    expect(t3RowShortLabel('2021', 'D1')).toBe('（三）1.属于国家秘密');
    expect(t3RowShortLabel('2019', 'O')).toBe('（六）其他处理');
  });
});
