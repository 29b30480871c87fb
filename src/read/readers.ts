import { TABLE_IDS } from '../report/standard/formats';
import { decodeTextDetailed, undecodableNote } from './decode';
import { NotAReportError, parseExchange } from './exchange';
import { guardBytes } from './guard';
import { extensionOf, otherKindHint } from './kinds';
import { NoTablesError, readPasted } from './pasted';
import { workbookInputs } from './workbookInputs';
import { readXlsxContent } from './xlsxReader';
import { ROLLUP_KEYWORDS } from './rollupMark';
import type { ExchangeRead, ReadReport, Reader, SheetRead } from './types';

// Every reader of the file kinds a report comes in, by extension, behind the one guard. The same
// for the command (files.ts reads the file, then this), the task pane and the web page: a file's
// bytes in, the reports it holds out, or a NotAReportError with the Chinese reason.

function readJson(data: Uint8Array): ExchangeRead {
  // Same decoder as pasted text: a BOM, UTF-16 or GB18030 does not make the JSON invalid.
  const decoded = decodeTextDetailed(data);
  const { report, rollup } = parseExchange(decoded.text);
  const tables = TABLE_IDS.filter((t) => Object.keys(report.cells).some((id) => id.startsWith(`${t}.`)));
  const note = undecodableNote(decoded.undecodable);
  return {
    kind: 'exchange',
    report,
    tables: tables.length ? tables : [...TABLE_IDS],
    notes: note ? [note] : [],
    ...(rollup ? { rollup: true as const } : {}),
  };
}

function readWorkbook(data: Uint8Array): SheetRead[] {
  const content = readXlsxContent(data);
  const rollup = content.keywords === ROLLUP_KEYWORDS ? { rollup: true as const } : {};
  return workbookInputs(content).map((input) => ({ kind: 'sheet', input, notes: [], ...rollup }));
}

// The readers of web pages and Word documents are loaded when the first such file is read: their
// parsers (parse5, JSZip and an XML parser) took most of the start of each checking process, and a
// folder of workbooks never needs them.
const readHtml: Reader = (bytes) => (require('./readHtml') as typeof import('./readHtml')).readHtml(bytes);
const readDocx: Reader = (bytes) => (require('./readDocx') as typeof import('./readDocx')).readDocx(bytes);

/**
 * The readers by extension that run anywhere. PDF (pdf.js, Node's file paths for its fonts) is
 * added where it runs: the command (files.ts).
 */
export const READERS: Readonly<Record<string, Reader>> = {
  '.json': readJson,
  '.xlsx': readWorkbook,
  '.xlsm': readWorkbook,
  '.tsv': readPasted,
  '.txt': readPasted,
  '.html': readHtml,
  '.htm': readHtml,
  '.docx': readDocx,
};

/** The extensions read, each with its dot. */
export function supportedExtensions(readers: Readonly<Record<string, Reader>>): string[] {
  return Object.keys(readers);
}

/**
 * Every report a file's bytes hold, in order. The guard comes first: a file too large, a zip bomb
 * or a workbook whose merges would exhaust memory is refused with the reason, on every path.
 * `readers` says which kinds are taken (the command adds PDF).
 */
export async function readReportsFromBytes(
  name: string,
  bytes: Uint8Array,
  readers: Readonly<Record<string, Reader>> = READERS,
): Promise<ReadReport[]> {
  const reader = readers[extensionOf(name)];
  if (!reader) throw new NotAReportError(otherKindHint(name) ?? `不支持的文件类型（支持 ${supportedExtensions(readers).join('、')}）`);
  const refused = guardBytes(name, bytes);
  if (refused) throw new NotAReportError(refused);
  const read = await reader(bytes);
  return Array.isArray(read) ? read : [read];
}

export { NoTablesError, NotAReportError };
export type { ExchangeRead, ReadReport, Reader, SheetRead };
