import { parseTsv } from '../report/recognise/recognise';
import { NotAReportError } from './exchange';
import type { SheetRead } from './types';
import { decodeTextDetailed, undecodableNote } from './decode';
import { ROLLUP_TSV_PREFIX } from './rollupMark';

// Text pasted from Word, a web page or Excel and saved as .txt/.tsv: decoded whatever the editor
// saved it as, split into rows and tab-separated cells, and recognised.

/** A readable file that holds no table: skipped when a folder walk found it, an error when named. */
export class NoTablesError extends NotAReportError {}

export { decodeText, decodeTextDetailed } from './decode';

/** More cells than any pasted report has (the three tables hold about 250 values): refused before reading. */
export const MAX_TEXT_CELLS = 200_000;

/** Pasted text as a sheet for the shared check: its lines are rows, its tab-separated cells columns. */
export function readPastedText(text: string): SheetRead {
  let cells = 1;
  for (let i = 0; i < text.length && cells <= MAX_TEXT_CELLS; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10) cells++;
  }
  if (cells > MAX_TEXT_CELLS)
    throw new NotAReportError(`文本中的单元格过多（超过 ${MAX_TEXT_CELLS} 个，年报的三张表只有数百个），不像年报表格，已拒绝读取`);
  const grid = parseTsv(text);
  // The whole text is also the prose checked against the tables (a table row has no 件 after its numbers).
  return {
    kind: 'sheet',
    input: { sheet: '', sheetId: '', named: [], unnamed: { row: 0, col: 0, values: grid, asText: true } },
    notes: [],
    prose: text,
  };
}

/** A .txt/.tsv file's bytes: decoded, split into rows and cells. */
export function readPasted(data: Uint8Array): SheetRead {
  // A workbook or Word file renamed to .txt: say what it is rather than decode its bytes as text.
  if (data.length >= 4 && data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04) {
    throw new NotAReportError('这不是文本文件，而是一个压缩格式的文件（很可能是改了扩展名的 .xlsx 或 .docx），请改回原来的扩展名');
  }
  const decoded = decodeTextDetailed(data);
  const note = undecodableNote(decoded.undecodable);
  const read = readPastedText(decoded.text);
  if (decoded.text.replace(/^\uFEFF/, '').startsWith(ROLLUP_TSV_PREFIX)) read.rollup = true;
  // The tables may be in the lines that could not be decoded: the note says so whatever was found.
  if (note) read.notes.unshift(note);
  return read;
}
