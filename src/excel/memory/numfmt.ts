/**
 * Renders a cell value with an Excel number format (the common subset: General, @, 0, 0.00,
 * #,##0, 0%, literal text, up to four ;-separated sections).
 */
import { FormulaError, Scalar, formatGeneral } from './formula/values';

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let q = false;
  for (let i = 0; i < fmt.length; i++) {
    const ch = fmt[i];
    if (ch === '"') q = !q;
    if (ch === '\\' && !q) {
      cur += ch + (fmt[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === ';' && !q) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

interface Piece {
  lit: boolean;
  text: string;
}

function pieces(sec: string): Piece[] {
  const out: Piece[] = [];
  for (let i = 0; i < sec.length; i++) {
    const ch = sec[i];
    if (ch === '"') {
      const j = sec.indexOf('"', i + 1);
      const end = j < 0 ? sec.length : j;
      out.push({ lit: true, text: sec.slice(i + 1, end) });
      i = end;
    } else if (ch === '\\') {
      out.push({ lit: true, text: sec[i + 1] ?? '' });
      i++;
    } else if (ch === '_') {
      out.push({ lit: true, text: ' ' });
      i++;
    } else if (ch === '*') {
      i++;
    } else if (ch === '[') {
      const j = sec.indexOf(']', i);
      i = j < 0 ? sec.length : j;
    } else if ('0#?.,'.includes(ch)) {
      out.push({ lit: false, text: ch });
    } else {
      out.push({ lit: true, text: ch });
    }
  }
  return out;
}

function roundHalfAway(x: number, d: number): number {
  const f = Math.pow(10, d);
  return (Math.sign(x) * Math.round(Number((Math.abs(x) * f).toPrecision(15)))) / f;
}

function formatNumberSection(n: number, sec: string): string {
  if (/^\s*general\s*$/i.test(sec.replace(/\[[^\]]*\]/g, ''))) return formatGeneral(n);
  const ps = pieces(sec);
  const percents = ps.filter((p) => p.lit && p.text === '%').length;
  n = n * Math.pow(100, percents);
  const phIdx = ps.map((p, i) => (!p.lit ? i : -1)).filter((i) => i >= 0);
  if (phIdx.length === 0) return ps.map((p) => p.text).join('');
  const first = phIdx[0];
  const last = phIdx[phIdx.length - 1];
  const pattern = ps
    .slice(first, last + 1)
    .filter((p) => !p.lit)
    .map((p) => p.text)
    .join('');
  const dot = pattern.indexOf('.');
  const intPat = dot >= 0 ? pattern.slice(0, dot) : pattern;
  const decPat = dot >= 0 ? pattern.slice(dot + 1).replace(/,/g, '') : '';
  const decimals = decPat.length;
  const minDecimals = (decPat.match(/0/g) ?? []).length;
  const grouping = /[0#?],[0#?]/.test(intPat);
  const minInt = (intPat.match(/0/g) ?? []).length;
  const neg = n < 0;
  const r = roundHalfAway(Math.abs(n), decimals);
  let [ip, dp = ''] = r.toFixed(decimals).split('.');
  while (dp.length > minDecimals && dp.endsWith('0')) dp = dp.slice(0, -1);
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = ip + (dot >= 0 && (dp.length > 0 || pattern.endsWith('.')) ? '.' + dp : '');
  const prefix = ps
    .slice(0, first)
    .map((p) => p.text)
    .join('');
  const suffix = ps
    .slice(last + 1)
    .map((p) => p.text)
    .join('');
  return (neg ? '-' : '') + prefix + body + suffix;
}

export function formatValue(v: Scalar, fmt: string): string {
  if (v === null) return '';
  if (v instanceof FormulaError) return v.code;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  const f = fmt || 'General';
  const sections = splitSections(f);
  if (typeof v === 'string') {
    const textSec = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes('@'));
    if (!textSec) return v;
    return pieces(textSec)
      .map((p) => (p.lit && p.text === '@' ? v : p.lit ? p.text : ''))
      .join('');
  }
  if (/^general$/i.test(f) || f === '@') return formatGeneral(v);
  if (v < 0 && sections.length >= 2) return formatNumberSection(-v, sections[1]);
  if (v === 0 && sections.length >= 3) return formatNumberSection(0, sections[2]);
  return formatNumberSection(v, sections[0]);
}
