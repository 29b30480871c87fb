import { NotAReportError } from '../read/exchange';
import { readPdfWith, type PdfDataSources, type PdfJs } from '../read/pdfText';
import type { Reader } from '../read/types';

// PDF in the web page: the command's reader (src/read/pdfText.ts) with the pdf.js that the page's
// PDF script (pdfEntry.ts) put in this thread. The page runs that script before it hands a PDF to a
// worker (pool.ts) or, without workers, to the page's own core.

/** What the PDF script leaves in its thread. */
export interface PdfWeb {
  lib: PdfJs;
  sources: PdfDataSources;
}

/** Why a PDF is not read when the PDF script could not run in this browser. */
export const PDF_NOT_LOADED =
  '此浏览器无法运行网页版的 PDF 读取组件，未能读取 PDF；请用命令行工具 xxgk-report 校验，或使用年报的 Word（.docx）或网页（.html）版本';

export const readPdfHere: Reader = (bytes) => {
  const pdf = (globalThis as { xxgkPdf?: PdfWeb }).xxgkPdf;
  if (!pdf) throw new NotAReportError(PDF_NOT_LOADED);
  return readPdfWith(pdf.lib, pdf.sources, bytes);
};
