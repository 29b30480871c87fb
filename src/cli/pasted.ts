import { promises as fs } from 'fs';
import { recognisedCells, recognitionNotes } from '../report/pasted';
import { parseTsv, recognise } from '../report/recognise';
import { NotAReportError } from './exchange';
import type { ReadReport } from './readers';
import { decodeTextDetailed, undecodableNote } from './decode';

// Text pasted from Word, a web page or Excel and saved as .txt/.tsv: decoded whatever the editor
// saved it as, split into rows and tab-separated cells, and recognised.

/** A readable file that holds no table: skipped when a folder walk found it, an error when named. */
export class NoTablesError extends NotAReportError {}

export { decodeText, decodeTextDetailed } from './decode';

/** Reads pasted text; positions are reported as 第 N 行 (rows of the file), not addresses. */
export function readPastedText(text: string): ReadReport {
  const r = recognise(parseTsv(text));
  if (r.tables.length === 0 || r.version === null) {
    throw new NoTablesError('文本中没有找到年报统计表格（表二、表三、表四）');
  }
  const tables = r.tables.map((t) => t.table);
  return { report: r.report, tables, checkTables: tables, present: recognisedCells(r), notes: recognitionNotes(r) };
}

export async function readPasted(file: string): Promise<ReadReport> {
  const decoded = decodeTextDetailed(await fs.readFile(file));
  const note = undecodableNote(decoded.undecodable);
  try {
    const read = readPastedText(decoded.text);
    if (note) read.notes.unshift(note);
    return read;
  } catch (e) {
    // The tables may be in the lines that could not be decoded: say so with the reason.
    if (e instanceof NoTablesError && note) throw new NoTablesError(`${e.message}；${note}`);
    throw e;
  }
}
