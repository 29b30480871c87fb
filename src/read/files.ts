import { closeSync, fstatSync, openSync, readSync, statSync } from 'fs';
import { inflateRawSync } from 'zlib';
import { errnoReason, extensionOf } from './kinds';
import { NotAReportError } from './exchange';
import { guardBytes, sizeRefusal } from './guard';
import { InflateFormatError, InflateLimitError, inflateWithPako, installRawInflate } from './inflate';
import { ExpandedInputs, realPathOf, SkippedInput, walkInputs } from './inputs';
import { READERS, readReportsFromBytes } from './readers';
import { readPdf } from './readPdf';
import type { ReadReport, Reader } from './types';

// The command's side of reading (Node only): a path on disk becomes the bytes the readers take.
// Only a regular file is read, its size is checked on the very handle that is read (a file swapped
// in between is not read whole), and no more than the limit is ever read.

/** Raw deflate by Node's zlib, with the same answers as pako's (test/read/inflate.test.ts). */
export function nodeRawInflate(data: Uint8Array, max: number): Uint8Array {
  try {
    // maxOutputLength stops zlib as soon as the output passes it; it must be at least 1.
    const bytes = inflateRawSync(data, { maxOutputLength: Math.max(1, max) });
    if (bytes.length > max) throw new InflateLimitError(`inflates past ${max} bytes`);
    return bytes;
  } catch (e) {
    if (e instanceof InflateLimitError) throw e;
    if ((e as NodeJS.ErrnoException)?.code === 'ERR_BUFFER_TOO_LARGE') throw new InflateLimitError(`inflates past ${max} bytes`);
    // Broken data: pako says which refusal it is (it may pass the bound before it meets the damage,
    // zlib meets the damage first), so that the command and the page give the same reason.
    inflateWithPako(data, max, false);
    throw new InflateFormatError('invalid deflate data');
  }
}
installRawInflate(nodeRawInflate);

/** The command reads every kind, PDF too. */
export const FILE_READERS: Readonly<Record<string, Reader>> = { ...READERS, '.pdf': readPdf };

/** The Chinese reason of a failed stat or open. */
export function fileErrorReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException)?.code;
  return errnoReason(code) ?? `无法打开（${code ?? (e as Error)?.message ?? String(e)}）`;
}

function specialFile(stat: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  const what = stat.isFIFO()
    ? '命名管道'
    : stat.isSocket()
      ? '套接字'
      : stat.isCharacterDevice() || stat.isBlockDevice()
        ? '设备文件'
        : '特殊文件';
  return `不是普通文件（这是${what}），已拒绝读取`;
}

/**
 * A file's bytes, or the Chinese reason it is not read. Follows symbolic links. A FIFO is refused
 * before it is opened (opening one would wait for a writer); everything else is checked on the
 * handle opened for reading.
 */
export async function readFileGuarded(file: string): Promise<Uint8Array> {
  // Synchronous calls: the command reads files only in its checking children, one file at a time, and
  // each await on fs.promises is a round trip through libuv's thread pool (five of them a file).
  let before;
  try {
    before = statSync(file);
  } catch (e) {
    throw new NotAReportError(fileErrorReason(e));
  }
  if (before.isDirectory()) throw new NotAReportError('这是一个文件夹');
  if (!before.isFile()) throw new NotAReportError(specialFile(before));
  let fd;
  try {
    fd = openSync(file, 'r');
  } catch (e) {
    throw new NotAReportError(fileErrorReason(e));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new NotAReportError(specialFile(stat));
    const tooLarge = sizeRefusal(file, stat.size);
    if (tooLarge) throw new NotAReportError(tooLarge);
    // Never more than the size checked on this handle (a file that grows meanwhile is read no further).
    const buf = new Uint8Array(stat.size);
    let done = 0;
    while (done < buf.length) {
      const bytesRead = readSync(fd, buf, done, buf.length - done, done);
      if (bytesRead === 0) break;
      done += bytesRead;
    }
    return done === buf.length ? buf : buf.subarray(0, done);
  } catch (e) {
    if (e instanceof NotAReportError) throw e;
    throw new NotAReportError(fileErrorReason(e));
  } finally {
    closeSync(fd);
  }
}

/** Every report a file on disk holds, in order: read past the file checks, then the readers' guard. */
export async function readReports(file: string): Promise<ReadReport[]> {
  // A kind no reader takes is refused before the file is opened (the readers give the reason).
  const bytes = FILE_READERS[extensionOf(file)] ? await readFileGuarded(file) : new Uint8Array();
  return readReportsFromBytes(file, bytes, FILE_READERS);
}

/**
 * Files named on the command line, folders expanded (recursively) to the files a reader supports;
 * `skipped` lists, with the Chinese reason, the files of other kinds people send (.xls, .csv,
 * .doc…) and the folders that could not be opened.
 */
export async function expandInputs(inputs: string[]): Promise<ExpandedInputs> {
  return walkInputs(inputs, (file) => FILE_READERS[extensionOf(file)] !== undefined);
}

export { realPathOf };
export type { ExpandedInputs, SkippedInput };

/** Why a file on disk must not be read (the file checks, then the readers' guard), in Chinese; null when it may. Never throws. */
export async function guardFile(file: string): Promise<string | null> {
  try {
    return guardBytes(file, await readFileGuarded(file));
  } catch (e) {
    return e instanceof NotAReportError ? e.message : fileErrorReason(e);
  }
}
