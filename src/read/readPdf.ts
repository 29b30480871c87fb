import * as path from 'path';
import { readPdfWith, type PdfJs } from './pdfText';
import type { SheetRead } from './types';

// The command's side of reading a PDF: pdf.js loaded from node_modules, its CMaps and fonts read from
// its package's folders. What is read, and how, is pdfText.ts, the same for the web page.

let pdfjs: PdfJs | null = null;

/**
 * pdf.js is an ES module; Node 20.19+ loads it with require. Its worker code is loaded into this
 * thread (globalThis.pdfjsWorker), so that pdf.js parses in the thread that checks the file (the
 * command's worker thread, with its memory and time limits) and needs no dynamic import.
 */
function loadPdfJs(): PdfJs {
  if (pdfjs) return pdfjs;
  const g = globalThis as { pdfjsWorker?: unknown; DOMMatrix?: unknown };
  if (!g.DOMMatrix) {
    try {
      // pdf.js takes DOMMatrix (and its rendering classes) from its optional dependency @napi-rs/canvas.
      require('@napi-rs/canvas');
    } catch {
      // Without it (a platform it has no binary for) pdf.js still reads text, but its module makes one
      // DOMMatrix as it loads: an identity matrix stands in; nothing is rendered. Its warnings about
      // the missing package (console.warn, as it loads) are dropped: they are not the user's concern.
      g.DOMMatrix = class IdentityMatrix {
        a = 1;
        b = 0;
        c = 0;
        d = 1;
        e = 0;
        f = 0;
      };
    }
  }
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('Warning: Cannot')) return;
    warn(...args);
  };
  try {
    g.pdfjsWorker = require('pdfjs-dist/legacy/build/pdf.worker.mjs');
    pdfjs = require('pdfjs-dist/legacy/build/pdf.mjs') as PdfJs;
  } finally {
    console.warn = warn;
  }
  return pdfjs;
}

/** Where pdf.js finds the predefined CMaps (CJK fonts without a ToUnicode map) and the standard fonts: its package's folders. */
function dataDir(sub: string): string {
  return path.join(path.dirname(require.resolve('pdfjs-dist/package.json')), sub) + path.sep;
}

/** The report's tables and prose of a PDF's text layer. */
export function readPdf(data: Uint8Array): Promise<SheetRead> {
  return readPdfWith(loadPdfJs(), { cMapUrl: dataDir('cmaps'), standardFontDataUrl: dataDir('standard_fonts') }, data);
}
