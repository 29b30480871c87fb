import { promises as fs } from 'fs';
import * as path from 'path';
import { otherKindHint } from './kinds';

// The files the command checks: those named on the command line, and those found by walking the
// folders named there. Nothing found is dropped silently: a file of a kind the command cannot read
// (.xls, .csv, .doc…) and a folder it cannot open are listed with a Chinese reason.

/** A path the walk passed over, with the Chinese reason (e.g. “请另存为 .xlsx”). */
export interface SkippedInput {
  path: string;
  reason: string;
}

/** What expandInputs found: the files to check, in order, and the paths it passed over. */
export interface ExpandedInputs {
  files: string[];
  skipped: SkippedInput[];
}

/** A path as the file system resolves it (links followed); absolute as given when it does not exist. */
export async function realPathOf(p: string): Promise<string> {
  try {
    return await fs.realpath(p);
  } catch {
    return path.resolve(p);
  }
}

function folderReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  const why =
    code === 'EACCES' || code === 'EPERM' ? '没有读取权限' : code === 'ENOENT' ? '文件夹不存在' : `无法读取（${code ?? String(e)}）`;
  return `无法打开文件夹（${why}），其中的文件没有校验`;
}

/**
 * Files named on the command line (kept as they are: a missing or unreadable one is reported by the
 * check), and folders walked recursively, in name order, to the files `supported` accepts. Symbolic
 * links to folders are followed once each.
 */
export async function walkInputs(inputs: string[], supported: (file: string) => boolean): Promise<ExpandedInputs> {
  const files: string[] = [];
  const skipped: SkippedInput[] = [];
  const visited = new Set<string>();
  // A file named twice (or reached twice, through a folder and by name, or a link) is checked once.
  const seenFiles = new Set<string>();
  const addFile = async (p: string) => {
    // A missing file: its path is its identity (reported once).
    const key = await realPathOf(p);
    if (seenFiles.has(key)) return;
    seenFiles.add(key);
    files.push(p);
  };
  const walk = async (dir: string): Promise<void> => {
    let real = dir;
    try {
      real = await fs.realpath(dir);
    } catch {
      // readdir reports it
    }
    if (visited.has(real)) return; // a link back to a folder already walked
    visited.add(real);
    let entries;
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch (e) {
      skipped.push({ path: dir, reason: folderReason(e) });
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      const p = path.join(dir, e.name);
      let isDir = e.isDirectory();
      if (e.isSymbolicLink()) {
        try {
          isDir = (await fs.stat(p)).isDirectory();
        } catch {
          if (supported(p) || otherKindHint(p)) skipped.push({ path: p, reason: '符号链接指向的文件不存在' });
          continue;
        }
      }
      if (isDir) {
        await walk(p);
      } else if (e.name.startsWith('~$')) {
        continue; // the lock file Office keeps beside an open document
      } else if (supported(p)) {
        await addFile(p);
      } else {
        const hint = otherKindHint(p);
        if (hint) skipped.push({ path: p, reason: hint });
      }
    }
  };
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      await addFile(input); // reported as unreadable (文件不存在…) by the check
      continue;
    }
    if (stat.isDirectory()) await walk(input);
    else await addFile(input);
  }
  return { files, skipped };
}
