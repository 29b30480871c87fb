import { promises as fs } from 'fs';
import * as path from 'path';
import { FormatVersion, TableId, TABLE_IDS } from '../report/formats';
import { Report } from '../report/report';
import { NotAReportError, parseExchange } from './exchange';

/** What a reader found in one file. */
export interface ReadReport {
  report: Report;
  tables: TableId[];
  notes: string[];
  /** Sheet and A1 address of each cell, where the file is a workbook. */
  addressOf?: (id: string) => { sheet: string; address: string } | undefined;
}

export type Reader = (file: string) => Promise<ReadReport>;

async function readJson(file: string): Promise<ReadReport> {
  const report = parseExchange(await fs.readFile(file, 'utf8'));
  const tables = TABLE_IDS.filter((t) => Object.keys(report.cells).some((id) => id.startsWith(`${t}.`)));
  return { report, tables: tables.length ? tables : [...TABLE_IDS], notes: [] };
}

const READERS: Record<string, Reader> = {
  '.json': readJson,
};

export function registerReader(ext: string, reader: Reader): void {
  READERS[ext] = reader;
}

export function supportedExtensions(): string[] {
  return Object.keys(READERS);
}

export async function readReport(file: string): Promise<ReadReport> {
  const reader = READERS[path.extname(file).toLowerCase()];
  if (!reader) throw new NotAReportError(`不支持的文件类型（支持 ${supportedExtensions().join('、')}）`);
  return reader(file);
}

/** Files named on the command line, folders expanded (recursively) to the files a reader supports. */
export async function expandInputs(inputs: string[]): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      files.push(input); // reported as unreadable by the caller
      continue;
    }
    if (!stat.isDirectory()) {
      files.push(input);
      continue;
    }
    const walk = async (dir: string): Promise<void> => {
      const entries = (await fs.readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) await walk(p);
        else if (READERS[path.extname(e.name).toLowerCase()] && !e.name.startsWith('~$')) files.push(p);
      }
    };
    await walk(input);
  }
  return files;
}

export type { FormatVersion };
