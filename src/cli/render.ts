import { dataCells, FORMAT_VERSIONS, TABLE_NUMBERS } from '../report/standard/formats';
import { withoutBasis } from '../report/standard/basis';
import { BLANK_MEANING, ruleDef, SEVERITY_LABELS } from '../report/standard/rules';
import { verdictCounts, verdictHeadline, verdictLabel } from '../report/standard/verdictText';
import type { FileResult } from '../read/result';

export { unreadableResult } from '../read/result';
export type { FileResult };

/** A result's counts: findings per severity, and its notes (what was not read or not checked). */
export const countsOf = (r: FileResult) => verdictCounts(r.findings, r.notes.length, r.unfilled);

export function summaryLine(r: FileResult): string {
  const c = countsOf(r);
  if (r.verdict === 'unreadable') return `${r.file}：${verdictLabel(r.verdict, c)}——${r.reason ?? ''}`;
  const tables = r.tables.map((t) => TABLE_NUMBERS[t]).join('、') || '无';
  const detail = `${r.format ? `${r.format}版` : '未识别版本'}，表格 ${tables}；错误 ${c.errors}，警告 ${c.warnings}，提示 ${c.infos}`;
  return `${r.file}：${verdictLabel(r.verdict, c, detail)}`;
}

/** Where a finding is, as a person finds it: sheet and cells, lines of a text file, or the cells' Chinese names. */
export function where(f: FileResult['findings'][number]): string {
  if (f.address?.length) return `${f.sheet ? `${f.sheet}!` : ''}${f.address.join(',')}`;
  if (f.positions?.length) return f.positions.map((p) => `第 ${p.line} 行第 ${p.column} 列`).join('、');
  if (f.lines?.length) return `第 ${f.lines.join('、')} 行`;
  const labels = f.cells.map((id) => CELL_LABELS.get(id) ?? id);
  return labels.slice(0, 3).join('、') + (labels.length > 3 ? ` 等 ${labels.length} 个单元格` : '');
}

const CELL_LABELS = new Map(FORMAT_VERSIONS.flatMap((v) => dataCells(v).map((d) => [d.id as string, d.label] as const)));

/** The human-readable report: a summary line per file, then its findings (rule names in Chinese; --json keeps the ids). */
export function renderText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(summaryLine(r));
    if (r.verdict === 'unreadable') {
      lines.push('');
      continue;
    }
    for (const n of r.notes) lines.push(`  ! ${n}`);
    for (const n of r.remarks) lines.push(`  * ${n}`);
    // Findings by rule: the rule's name and basis once, then each finding without repeating the basis.
    let previous = '';
    for (const f of r.findings) {
      if (f.rule === 'CELL-BLANK') continue;
      const def = ruleDef(f.rule);
      const heading = `${TABLE_NUMBERS[f.table]}·${def.name}`;
      if (heading !== previous) lines.push(`  ${heading}（${def.basis}）`);
      previous = heading;
      lines.push(`    [${SEVERITY_LABELS[f.severity]}] ${where(f)}`);
      lines.push(`      ${withoutBasis(f.message, def.basis)}`);
    }
    // Blank cells are folded into one line per table (every one of them is in --json).
    for (const t of r.tables) {
      const blanks = r.findings.filter((f) => f.rule === 'CELL-BLANK' && f.table === t);
      if (blanks.length === 0) continue;
      const sheet = blanks[0].sheet;
      const shown = blanks.every((b) => b.sheet === sheet && b.address?.length)
        ? `${sheet ? `${sheet}!` : ''}${blanks
            .slice(0, 10)
            .map((b) => b.address!.join(','))
            .join('，')}`
        : blanks
            .slice(0, 10)
            .map((b) => where(b))
            .join('，');
      lines.push(
        `  [${SEVERITY_LABELS.info}] ${TABLE_NUMBERS[t]}·${ruleDef('CELL-BLANK').name}  ${TABLE_NUMBERS[t]}有 ${blanks.length} 个空白单元格，${BLANK_MEANING}`,
      );
      lines.push(`         ${shown}${blanks.length > 10 ? ' 等' : ''}`);
    }
    // The closing line: what the verdict means, never 通过 for what was not all checked.
    lines.push(`  ${verdictHeadline(r.verdict, countsOf(r))}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function renderJson(results: FileResult[], skipped: readonly { path: string; reason: string }[] = []): string {
  return (
    JSON.stringify(
      {
        skipped,
        files: results.map((r) => ({
          file: r.file,
          verdict: r.verdict,
          // incomplete because not one number was entered: said 尚未填写.
          ...(r.unfilled ? { unfilled: true } : {}),
          errors: countsOf(r).errors,
          warnings: countsOf(r).warnings,
          ...(r.reason !== undefined ? { reason: r.reason } : {}),
          format: r.format,
          tables: r.tables,
          notes: r.notes,
          remarks: r.remarks,
          findings: r.findings.map((f) => ({
            ...(f.lines !== undefined ? { lines: f.lines } : {}),
            rule: f.rule,
            instance: f.instance,
            severity: f.severity,
            cells: f.cells,
            expected: f.expected,
            actual: f.actual,
            message: f.message,
            ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
            ...(f.address !== undefined ? { address: f.address } : {}),
          })),
        })),
      },
      null,
      2,
    ) + '\n'
  );
}
