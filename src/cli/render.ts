import { FormatVersion, TABLE_NUMBERS, TableId } from '../report/formats';
import { SEVERITY_LABELS } from '../report/rules';
import { countBySeverity, Finding } from '../report/validate';

/** One checked file as the command reports it. */
export interface FileResult {
  file: string;
  format: FormatVersion | null;
  tables: TableId[];
  findings: (Finding & { sheet?: string; address?: string[] })[];
  /** Chinese notes on what the reader could not place. */
  notes: string[];
}

export function summaryLine(r: FileResult): string {
  const c = countBySeverity(r.findings);
  const tables = r.tables.map((t) => TABLE_NUMBERS[t]).join('、') || '无';
  return `${r.file}：${r.format ? `${r.format}版` : '未识别版本'}，表格 ${tables}；错误 ${c.error}，警告 ${c.warning}，提示 ${c.info}`;
}

/** The human-readable report: a summary line per file, then its findings. */
export function renderText(results: FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    lines.push(summaryLine(r));
    for (const n of r.notes) lines.push(`  ! ${n}`);
    const where = (f: FileResult['findings'][number]) =>
      f.address?.length ? `${f.sheet ? `${f.sheet}!` : ''}${f.address.join(',')}` : f.cells.join(', ');
    for (const f of r.findings) {
      if (f.rule === 'CELL-BLANK') continue;
      lines.push(`  [${SEVERITY_LABELS[f.severity]}] ${f.rule}  ${where(f)}`);
      lines.push(`         ${f.message}`);
    }
    // Blank cells are folded into one line per table (every one of them is in --json).
    for (const t of r.tables) {
      const blanks = r.findings.filter((f) => f.rule === 'CELL-BLANK' && f.table === t);
      if (blanks.length === 0) continue;
      const sheet = blanks[0].sheet;
      const shown = blanks.every((b) => b.sheet === sheet && b.address?.length)
        ? `${sheet ? `${sheet}!` : ''}${blanks.slice(0, 10).map((b) => b.address!.join(',')).join('，')}`
        : blanks.slice(0, 10).map(where).join('，');
      lines.push(`  [${SEVERITY_LABELS.info}] CELL-BLANK  ${TABLE_NUMBERS[t]}有 ${blanks.length} 个空白单元格，按 0 计算；公开的表格应填写 0`);
      lines.push(`         ${shown}${blanks.length > 10 ? ' 等' : ''}`);
    }
    if (r.findings.length === 0) lines.push('  全部通过，未发现问题。');
    lines.push('');
  }
  return lines.join('\n');
}

export function renderJson(results: FileResult[]): string {
  return (
    JSON.stringify(
      {
        files: results.map((r) => ({
          file: r.file,
          format: r.format,
          tables: r.tables,
          notes: r.notes,
          findings: r.findings.map((f) => ({
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
