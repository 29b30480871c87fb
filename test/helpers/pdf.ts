/**
 * A PDF written by hand: one page a content stream (PDF operators), Helvetica as font F1. Enough for
 * pdf.js to find pages and ASCII text, or no text at all (a scanner's page).
 */
export function pdfWithPages(contents: string[]): Buffer {
  return pdfWithFonts(['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'], contents);
}

/**
 * A PDF whose pages are these content streams, the first of `fonts` as their font F1 (the others are
 * objects it refers to, numbered from 4 on), each page `mediaBox` large.
 */
export function pdfWithFonts(fonts: string[], contents: string[], mediaBox = '0 0 595 842'): Buffer {
  const first = 3 + fonts.length;
  const pageIds = contents.map((_, i) => first + 2 * i);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${contents.length} >>`,
    ...fonts,
  ];
  for (const [i, content] of contents.entries()) {
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [${mediaBox}] /Contents ${pageIds[i] + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`,
    );
    objects.push(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
  }
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out);
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** A page's content stream that writes ASCII text at a point. */
export const textAt = (text: string, x = 72, y = 700) => `BT /F1 12 Tf ${x} ${y} Td (${text}) Tj ET`;
