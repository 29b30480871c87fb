import JSZip from 'jszip';
import { TABLE_IDS, TableId } from '../../src/report/standard/formats';
import { officialLayout, TableLayout } from '../../src/report/look/layout';
import { CellValue, Report } from '../../src/report/standard/report';

// Annual reports in the shapes government sites publish them, built from a known report so that a
// test can compare every value read back: a saved web page (GBK, a layout table around the report,
// Word's HTML export of table cells, 表三 split over two <table>s) and a Word .docx (vertical merges).

/** What a table cell shows: amounts with two decimals, as reports print them. */
function shown(v: CellValue | undefined, kind: string): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' && kind === 'amount') return v.toFixed(2);
  return String(v);
}

interface Spanned {
  text: string;
  rowSpan: number;
  colSpan: number;
  covered: boolean;
  /** Covered by a vertical merge whose start is in a row above (docx w:vMerge continue). */
  below: boolean;
  /** The start of the merge that covers it. */
  origin?: { row: number; col: number };
  /** The column span of that merge. */
  originSpan?: number;
}

/**
 * The table's rows 1… (row 0 is the section title) as cells with their spans. Split before layout
 * row `splitAt` as Word splits a table: a vertical merge across the split becomes two, the lower one
 * empty.
 */
function spannedRows(layout: TableLayout, report: Report, splitAt?: number): Spanned[][] {
  const rows: Spanned[][] = Array.from({ length: layout.rowCount }, () =>
    Array.from({ length: layout.colCount }, () => ({ text: '', rowSpan: 1, colSpan: 1, covered: false, below: false })),
  );
  const merges = layout.merges.flatMap((m) =>
    splitAt !== undefined && m.row < splitAt && m.row + m.rowSpan > splitAt
      ? [
          { ...m, rowSpan: splitAt - m.row },
          { ...m, row: splitAt, rowSpan: m.row + m.rowSpan - splitAt },
        ]
      : [m],
  );
  for (const m of merges) {
    rows[m.row][m.col].rowSpan = m.rowSpan;
    rows[m.row][m.col].colSpan = m.colSpan;
    for (let r = m.row; r < m.row + m.rowSpan; r++) {
      for (let c = m.col; c < m.col + m.colSpan; c++) {
        if (r === m.row && c === m.col) continue;
        rows[r][c].covered = true;
        rows[r][c].below = r > m.row;
        rows[r][c].origin = { row: m.row, col: m.col };
        rows[r][c].originSpan = m.colSpan;
      }
    }
  }
  for (const l of layout.labels) rows[l.row][l.col].text = l.text;
  for (const d of layout.data) rows[d.row][d.col].text = shown(report.cells[d.id], d.kind);
  return rows.slice(1);
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function sectionTitle(layout: TableLayout): string {
  return layout.labels.find((l) => l.role === 'section')!.text;
}

/** One <table> as Word's “save as web page” writes it: MsoNormalTable, <p class=MsoNormal><span> in each cell. */
function htmlTable(rows: Spanned[][], widths?: readonly number[]): string {
  const trs = rows.map((row) => {
    const tds = row
      .filter((c) => !c.covered)
      .map((c) => {
        const span = `${c.rowSpan > 1 ? ` rowspan=${c.rowSpan}` : ''}${c.colSpan > 1 ? ` colspan=${c.colSpan}` : ''}`;
        const text = c.text === '' ? '&nbsp;' : esc(c.text);
        return `<td${span} valign=middle style='border:solid windowtext 1.0pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;font-family:宋体'>${text}</span></p></td>`;
      });
    // A narrow table's rows grow with their labels; none is cut by a page break (a row across pages is another matter).
    return `<tr style='height:20.0pt${widths ? ';page-break-inside:avoid' : ''}'>\n${tds.join('\n')}\n</tr>`;
  });
  const cols = widths ? `<colgroup>${widths.map((w) => `<col width=${Math.round((w * 4) / 3)}>`).join('')}</colgroup>\n` : '';
  const fixed = widths ? `;width:${widths.reduce((a, b) => a + b, 0)}pt` : '';
  return `<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0 style='border-collapse:collapse;border:none${fixed}'>\n${cols}<tbody>\n${trs.join('\n')}\n</tbody>\n</table>`;
}

/** A table printed in two parts: its rows from layout row `at` (row 0 is the section title) go into a second table. */
export interface TableSplit {
  at: number;
  /** The second part starts again with the table's first rows (Word's 重复标题行, a print with page breaks). */
  repeatRows?: number;
  /** What stands between the parts (a page break's empty paragraph by default). */
  between?: string;
  /**
   * Cut from one table as it stands, instead of split as Word splits it: a merge across the cut keeps
   * its rowspan in the first part, and the second part's rows leave out the cells it covers (web
   * pages) or continue it with w:vMerge without a restart (Word).
   */
  keepSpans?: boolean;
}

/** The parts of a table's rows, split as asked. */
function splitRows<T>(rows: T[], split: TableSplit | undefined): T[][] {
  if (!split) return [rows];
  return [rows.slice(0, split.at - 1), [...rows.slice(0, split.repeatRows ?? 0), ...rows.slice(split.at - 1)]];
}

export interface PageOptions {
  /** 表三's rows from this layout row (row 0 is the section title) go into a second <table>. */
  splitT3At?: number;
  /** Tables printed in parts. */
  splits?: Partial<Record<TableId, TableSplit>>;
  /** More HTML after the report's tables (an unrelated table). */
  after?: string;
  /** Each table's column widths in points (its own columns, officialLayout), so that long labels wrap in narrow cells. */
  columnWidths?: Partial<Record<TableId, readonly number[]>>;
  /** The declared charset: `<meta charset>` or the http-equiv form. */
  meta?: 'charset' | 'http-equiv';
}

/** Prose as a report has it: 一、总体情况 with figures that agree with the tables. */
export function reportProse(report: Report): string[] {
  return [
    '一、总体情况',
    `2023年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年共新收政府信息公开申请${report.cells['T3.NEW.TOT']}件。`,
    '（一）主动公开情况。及时更新政府信息公开指南和目录。',
  ];
}

/** The report's three tables as HTML, each after its section title (as Word's “save as web page” writes them). */
export function reportTablesHtml(report: Report, options: PageOptions = {}): string {
  const parts: string[] = [];
  for (const t of TABLE_IDS) {
    const layout = officialLayout(report.format, t);
    const split = options.splits?.[t] ?? (t === 'T3' && options.splitT3At ? { at: options.splitT3At } : undefined);
    const rows = spannedRows(layout, report, split?.keepSpans ? undefined : split?.at);
    parts.push(
      `<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-family:黑体'>${esc(sectionTitle(layout))}</span></b></p>`,
    );
    parts.push(
      splitRows(rows, split)
        .map((part) => htmlTable(part, options.columnWidths?.[t]))
        .join(split?.between ?? `<p class=MsoNormal><span lang=EN-US>&nbsp;</span></p>`),
    );
  }
  return parts.join('\n');
}

/** A saved web page of an annual report, as an HTML string (encode it with gbkEncode for a GBK page). */
export function governmentPage(report: Report, options: PageOptions = {}): string {
  const prose = reportProse(report).map(
    (p) =>
      `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${esc(p)}</span></p>`,
  );
  const meta =
    options.meta === 'http-equiv' ? `<meta http-equiv="Content-Type" content="text/html; charset=gb2312">` : `<meta charset="gb2312">`;
  return `<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html xmlns="http://www.w3.org/1999/xhtml">
<head>
${meta}
<title>某某局2023年政府信息公开工作年度报告_政府信息公开年报</title>
<link href="/css/style.css" rel="stylesheet" type="text/css" />
<script type="text/javascript">var siteId = "1"; document.write('<span>统计</span>');</script>
<style>td { font-size: 12px; }</style>
</head>
<body>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" class="top"><tr><td><img src="/images/logo.png" alt="某某市人民政府" /></td><td class="nav"><a href="/">首页</a> | <a href="/zwgk/">政务公开</a></td></tr></table>
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0">
  <tr>
    <td class="position">当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政府信息公开年报</a></td>
  </tr>
  <tr>
    <td class="bt" align="center"><h1>某某局2023年政府信息公开工作年度报告</h1></td>
  </tr>
  <tr>
    <td class="content" id="zoom">
<div class=WordSection1>
${prose.join('\n')}
${reportTablesHtml(report, options)}
${options.after ?? ''}
<p class=MsoNormal style='text-indent:32.0pt'><b><span style='font-family:黑体'>五、存在的主要问题及改进情况</span></b></p>
<p class=MsoNormal style='text-indent:32.0pt'><span style='font-family:仿宋_GB2312'>政务公开工作还存在一些不足。</span></p>
</div>
    </td>
  </tr>
</table>
<table width="1000" border="0" align="center"><tr><td class="foot">主办：某某市人民政府办公室 &nbsp; 网站标识码：1234000001</td></tr></table>
</body>
</html>
`;
}

let gbkTable: Map<string, number[]> | null = null;

/** GBK bytes of a text (the inverse of TextDecoder('gbk') over the two-byte codes; ASCII as is). */
export function gbkEncode(text: string): Buffer {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !gbkTable.has(ch)) gbkTable.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) out.push(c);
    else {
      const b = gbkTable.get(ch);
      if (!b) throw new Error(`no GBK code for ${ch}`);
      out.push(...b);
    }
  }
  return Buffer.from(out);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

function wParagraph(text: string, bold = false): string {
  if (text === '') return '<w:p/>';
  return `<w:p><w:pPr><w:jc w:val="center"/></w:pPr><w:r>${bold ? '<w:rPr><w:b/></w:rPr>' : ''}<w:t xml:space="preserve">${esc(text)}</w:t></w:r></w:p>`;
}

/** A table as Word writes it: w:gridSpan for merged columns, w:vMerge restart/continue for merged rows. */
function wTable(rows: Spanned[][], colCount: number): string {
  const trs = rows.map((row) => {
    const tcs: string[] = [];
    for (let c = 0; c < row.length;) {
      const cell = row[c];
      if (cell.below && cell.origin!.col === c) {
        // The continuation of a vertical merge, as wide as its start.
        const span = cell.originSpan ?? 1;
        tcs.push(`<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}<w:vMerge/></w:tcPr><w:p/></w:tc>`);
        c += span;
        continue;
      }
      const vMerge = cell.rowSpan > 1 ? '<w:vMerge w:val="restart"/>' : '';
      const span = cell.colSpan;
      tcs.push(
        `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${vMerge}</w:tcPr>${wParagraph(cell.text)}</w:tc>`,
      );
      c += span;
    }
    return `<w:tr>${tcs.join('')}</w:tr>`;
  });
  const grid = Array.from({ length: colCount }, () => '<w:gridCol w:w="900"/>').join('');
  return `<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid>${grid}</w:tblGrid>${trs.join('')}</w:tbl>`;
}

/** A Word document of the report: prose paragraphs, each section title, its table; a .docx buffer. */
export async function wordDocument(
  report: Report,
  tables: readonly TableId[] = TABLE_IDS,
  splits: Partial<Record<TableId, TableSplit>> = {},
): Promise<Buffer> {
  const body: string[] = reportProse(report).map((p) => wParagraph(p));
  for (const t of tables) {
    const layout = officialLayout(report.format, t);
    body.push(wParagraph(sectionTitle(layout), true));
    const split = splits[t];
    // A page break between the parts, as Word prints a table that runs over a page.
    const between = split?.between ?? '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
    body.push(
      splitRows(spannedRows(layout, report, split?.keepSpans ? undefined : split?.at), split)
        .map((rows) => wTable(rows, layout.colCount))
        .join(between),
    );
    body.push('<w:p/>');
  }
  body.push(wParagraph('五、存在的主要问题及改进情况', true));
  const xml = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body.join('')}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>`;
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
  );
  zip.file(
    '_rels/.rels',
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
  );
  zip.file('word/document.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
