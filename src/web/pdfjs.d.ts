// The prebuilt (minified) legacy build of pdf.js that the web page inlines (src/web/pdfEntry.ts),
// and the CMaps it serves from the page's own data (webpack inlines a .bcmap as a data: URL).
declare module 'pdfjs-dist/legacy/build/pdf.min.mjs' {
  export function getDocument(params: Record<string, unknown>): { promise: Promise<unknown> };
}
declare module 'pdfjs-dist/legacy/build/pdf.worker.min.mjs' {
  export const WorkerMessageHandler: unknown;
}
declare module '*.bcmap' {
  const dataUrl: string;
  export default dataUrl;
}
