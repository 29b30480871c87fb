import { TABLE_NUMBERS } from '../report/standard/formats';
import { ruleDef, SEVERITY_LABELS } from '../report/standard/rules';
import { verdictHeadline, verdictLabel } from '../report/standard/verdictText';
import { countsOf, where } from '../cli/render';
import type { FileResult } from '../read/result';

// The results as a table to export (.xlsx, .csv): one row a finding, a note or a remark, worded as
// the command words them, so that nothing the page shows is missing from the export.

export const EXPORT_HEADER = ['文件', '结论', '类别', '表格·规则', '位置', '内容'];

/** Column widths of the exported sheet, in characters. */
export const EXPORT_WIDTHS = [36, 22, 10, 30, 30, 80];

export function exportRows(results: readonly FileResult[], skipped: readonly { path: string; reason: string }[]): string[][] {
  const rows: string[][] = [EXPORT_HEADER];
  for (const r of results) {
    const c = countsOf(r);
    const label = verdictLabel(r.verdict, c);
    if (r.verdict === 'unreadable') {
      rows.push([r.file, label, '无法读取', '', '', r.reason ?? '']);
      continue;
    }
    for (const n of r.notes) rows.push([r.file, label, '未校验', '', '', n]);
    for (const n of r.remarks) rows.push([r.file, label, '说明', '', '', n]);
    for (const f of r.findings) {
      rows.push([r.file, label, SEVERITY_LABELS[f.severity], `${TABLE_NUMBERS[f.table]}·${ruleDef(f.rule).name}`, where(f), f.message]);
    }
    rows.push([r.file, label, '结论', '', '', verdictHeadline(r.verdict, c)]);
  }
  for (const s of skipped) rows.push([s.path, '已跳过', '', '', '', s.reason]);
  return rows;
}

/** The rows as CSV (RFC 4180), with a BOM so that Excel and WPS read it as UTF-8. */
export function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
