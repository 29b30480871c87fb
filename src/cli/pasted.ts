import { promises as fs } from 'fs';
import { parseTsv } from '../report/recognise';
import { NotAReportError } from './exchange';
import type { SheetRead } from './readers';
import { decodeTextDetailed, undecodableNote } from './decode';

// Text pasted from Word, a web page or Excel and saved as .txt/.tsv: decoded whatever the editor
// saved it as, split into rows and tab-separated cells, and recognised.

/** A readable file that holds no table: skipped when a folder walk found it, an error when named. */
export class NoTablesError extends NotAReportError {}

export { decodeText, decodeTextDetailed } from './decode';

/** Pasted text as a sheet for the shared check: its lines are rows, its tab-separated cells columns. */
export function readPastedText(text: string): SheetRead {
  const grid = parseTsv(text);
  // The whole text is also the prose checked against the tables (a table row has no 件 after its numbers).
  return { kind: 'sheet', input: { sheet: '', sheetId: '', named: [], unnamed: { row: 0, col: 0, values: grid, asText: true } }, notes: [], prose: text };
}

export async function readPasted(file: string): Promise<SheetRead> {
  const decoded = decodeTextDetailed(await fs.readFile(file));
  const note = undecodableNote(decoded.undecodable);
  const read = readPastedText(decoded.text);
  // The tables may be in the lines that could not be decoded: the note says so whatever was found.
  if (note) read.notes.unshift(note);
  return read;
}
