// The order matters: the worker's module sets globalThis.pdfjsWorker, so that pdf.js parses in this
// thread (as the command does) instead of starting a worker of its own from a URL.
import 'pdfjs-dist/legacy/build/pdf.worker.min.mjs';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.min.mjs';
import adobeGb1Ucs2 from 'pdfjs-dist/cmaps/Adobe-GB1-UCS2.bcmap';
import gbEucH from 'pdfjs-dist/cmaps/GB-EUC-H.bcmap';
import gbEucV from 'pdfjs-dist/cmaps/GB-EUC-V.bcmap';
import gbkEucH from 'pdfjs-dist/cmaps/GBK-EUC-H.bcmap';
import gbkEucV from 'pdfjs-dist/cmaps/GBK-EUC-V.bcmap';
import uniGbUcs2H from 'pdfjs-dist/cmaps/UniGB-UCS2-H.bcmap';
import uniGbUcs2V from 'pdfjs-dist/cmaps/UniGB-UCS2-V.bcmap';
import uniGbUtf16H from 'pdfjs-dist/cmaps/UniGB-UTF16-H.bcmap';
import uniGbUtf16V from 'pdfjs-dist/cmaps/UniGB-UTF16-V.bcmap';
import type { PdfWeb } from './pdfReader';

/* global atob */

// The web page's PDF script (inlined in the page as text, run only when a PDF is met: in the workers
// that read PDF, or in the page when the browser refuses workers). pdf.js fetches nothing here: the
// CMaps of simplified Chinese fonts without a ToUnicode map (Adobe-GB1) are in this script; the
// standard fonts are not (pdf.js goes on without them, as they only draw glyphs).

const CMAPS: Record<string, string> = {
  'Adobe-GB1-UCS2': adobeGb1Ucs2,
  'GB-EUC-H': gbEucH,
  'GB-EUC-V': gbEucV,
  'GBK-EUC-H': gbkEucH,
  'GBK-EUC-V': gbkEucV,
  'UniGB-UCS2-H': uniGbUcs2H,
  'UniGB-UCS2-V': uniGbUcs2V,
  'UniGB-UTF16-H': uniGbUtf16H,
  'UniGB-UTF16-V': uniGbUtf16V,
};

const bytesOf = (dataUrl: string): Uint8Array => {
  const text = atob(dataUrl.slice(dataUrl.indexOf(',') + 1));
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
};

/** pdf.js's BinaryDataFactory: the inlined CMaps, and a refusal (no request) for everything else. */
class InlineData {
  async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
    const name = filename.replace(/\.bcmap$/, '');
    if (kind === 'cMapUrl' && Object.prototype.hasOwnProperty.call(CMAPS, name)) return bytesOf(CMAPS[name]);
    throw new Error(`${filename} is not in the page`);
  }
}

(globalThis as { xxgkPdf?: PdfWeb }).xxgkPdf = { lib: pdfjs as PdfWeb['lib'], sources: { BinaryDataFactory: InlineData } };
