import { FormatVersion, TABLE_IDS, TableId } from '../report/standard/formats';
import { TableLayout, tableLayout } from '../report/look/layout';
import { CellValue, Report } from '../report/standard/report';
import { cellStyles, columnWidths, tablePaint } from '../report/look/paintPlan';
import { FONT, NUMBER_FORMATS } from '../report/look/style';

// The tables as clean HTML, to paste into Word or a web page: one <table> per section, the section
// title as its heading, rowspan/colspan from the layout's merges, borders inline so that they survive
// pasting (Word ignores <style> blocks of pasted fragments).

const escape = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const CELL = 'border:1px solid #000;padding:2px 4px;vertical-align:middle;';

function valueText(v: CellValue | undefined, kind: keyof typeof NUMBER_FORMATS): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' && kind === 'amount') return v.toFixed(Math.max(2, Math.min(4, (String(v).split('.')[1] ?? '').length)));
  return String(v);
}

/** One table (without its section title, which becomes the heading) as an HTML <table>. */
export function tableHtml(layout: TableLayout, report?: Report): string {
  const covered = new Set<string>();
  const spanAt = new Map<string, { rowSpan: number; colSpan: number }>();
  for (const m of layout.merges) {
    spanAt.set(`${m.row},${m.col}`, m);
    for (let r = m.row; r < m.row + m.rowSpan; r++) {
      for (let c = m.col; c < m.col + m.colSpan; c++) if (r !== m.row || c !== m.col) covered.add(`${r},${c}`);
    }
  }
  const labels = new Map(layout.labels.map((l) => [`${l.row},${l.col}`, l]));
  const data = new Map(layout.data.map((d) => [`${d.row},${d.col}`, d]));
  const styles = cellStyles(tablePaint({ version: layout.version, table: layout.table, row: 0, col: 0 }, false));
  const widths = columnWidths().slice(0, layout.colCount);
  const total = widths.reduce((a, b) => a + b, 0);
  const font = styles[1][0].font ?? FONT;
  const lines: string[] = [];
  lines.push(
    `<table style="border-collapse:collapse;width:${total}pt;font-family:${font.name};font-size:${font.size}pt;" data-table="${layout.table}" data-format="${layout.version}">`,
  );
  lines.push(`<colgroup>${widths.map((w) => `<col style="width:${w}pt">`).join('')}</colgroup>`);
  // Row 0 is the section title: the heading above the table.
  for (let r = 1; r < layout.rowCount; r++) {
    const cells: string[] = [];
    for (let c = 0; c < layout.colCount; c++) {
      const key = `${r},${c}`;
      if (covered.has(key)) continue;
      const span = spanAt.get(key);
      const attrs = `${span && span.rowSpan > 1 ? ` rowspan="${span.rowSpan}"` : ''}${span && span.colSpan > 1 ? ` colspan="${span.colSpan}"` : ''}`;
      const label = labels.get(key);
      const d = data.get(key);
      const style = styles[r][c];
      const align = `text-align:${style.horizontal ?? 'center'};`;
      if (label) {
        const bold = style.font?.bold ? 'font-weight:bold;' : 'font-weight:normal;';
        const tag = label.role === 'rowLabel' ? 'td' : 'th';
        cells.push(
          `<${tag}${attrs} style="${CELL}${align}${bold}${style.fill ? `background:${style.fill};` : ''}">${escape(label.text)}</${tag}>`,
        );
      } else if (d) {
        cells.push(`<td${attrs} style="${CELL}${align}" data-cell="${d.id}">${escape(valueText(report?.cells[d.id], d.kind))}</td>`);
      } else {
        cells.push(`<td${attrs} style="${CELL}"></td>`);
      }
    }
    lines.push(`<tr>${cells.join('')}</tr>`);
  }
  lines.push('</table>');
  return lines.join('\n');
}

/** The tables of a version as an HTML document: a heading and a table per section. */
export function templateHtml(version: FormatVersion, report?: Report, tables: readonly TableId[] = TABLE_IDS): string {
  const parts = tables.map((t) => {
    const layout = tableLayout(version, t);
    const title = layout.labels.find((l) => l.role === 'section')!.text;
    return `<h2 style="font-family:${FONT.name};font-size:${FONT.size + 4}pt;">${escape(title)}</h2>\n${tableHtml(layout, report)}`;
  });
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>政府信息公开工作年度报告统计表格（${version}版）</title>
</head>
<body>
${parts.join('\n\n')}
</body>
</html>
`;
}
