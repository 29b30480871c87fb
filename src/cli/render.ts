import { dataCells, FORMAT_VERSIONS, TABLE_NUMBERS } from '../report/standard/formats';
import { withoutBasis } from '../report/standard/basis';
import { ruleDef, SEVERITY_LABELS } from '../report/standard/rules';
import { countBySeverity } from '../report/standard/validate';
import { VERDICT_LABELS } from '../report/standard/verdict';
import type { FileResult } from '../read/result';

export { unreadableResult } from '../read/result';
export type { FileResult };

export function summaryLine(r: FileResult): string {
  if (r.verdict === 'unreadable') return `${r.file}：${VERDICT_LABELS.unreadable}——${r.reason ?? ''}`;
  const c = countBySeverity(r.findings);
  const tables = r.tables.map((t) => TABLE_NUMBERS[t]).join('、') || '无';
  return `${r.file}：${VERDICT_LABELS[r.verdict]}（${r.format ? `${r.format}版` : '未识别版本'}，表格 ${tables}；错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}）`;
}

/** The closing line of a report's text output: what the verdict means, never 通过 for what was not all checked. */
function verdictLine(r: FileResult): string | null {
  if (r.verdict === 'passed')
    return r.findings.length === 0 ? '  通过：全部表格已读取并校验，未发现问题。' : '  通过：全部表格已读取并校验，没有错误。';
  if (r.verdict === 'incomplete') return `  部分未校验：有 ${r.notes.length} 处内容未读取或未校验（见上），其余部分未发现错误。`;
  return null;
}

/** Where a finding is, as a person finds it: sheet and cells, lines of a text file, or the cells' Chinese names. */
function where(f: FileResult['findings'][number]): string {
  if (f.address?.length) return `${f.sheet ? `${f.sheet}!` : ''}${f.address.join(',')}`;
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
        `  [${SEVERITY_LABELS.info}] ${TABLE_NUMBERS[t]}·${ruleDef('CELL-BLANK').name}  ${TABLE_NUMBERS[t]}有 ${blanks.length} 个空白单元格，按 0 计算；公开的表格应填写 0`,
      );
      lines.push(`         ${shown}${blanks.length > 10 ? ' 等' : ''}`);
    }
    const closing = verdictLine(r);
    if (closing) lines.push(closing);
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
