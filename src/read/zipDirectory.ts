import type { FileHandle } from 'fs/promises';

// A small reader of a zip file's central directory (PKWARE APPNOTE 4.3.12–4.3.16, with ZIP64), so
// that the sizes an .xlsx would inflate to are known before anything is inflated.

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else the .xlsx reader cannot open. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The file has no valid zip directory. */
export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await fh.read(buf, done, length - done, position + done);
    if (bytesRead === 0) throw new ZipFormatError('unexpected end of file');
    done += bytesRead;
  }
  return buf;
}

const u64 = (b: Buffer, at: number): number => Number(b.readBigUInt64LE(at));

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Size of the central directory in bytes. */
  directorySize: number;
}

/**
 * The entries of a zip file's central directory. Refuses (ZipFormatError) a file without one, and
 * (RangeError) a directory larger than maxDirectoryBytes or with more than maxEntries entries.
 */
export async function readZipDirectory(
  fh: FileHandle,
  fileSize: number,
  limits: { maxDirectoryBytes: number; maxEntries: number },
): Promise<ZipDirectory> {
  if (fileSize < 22) throw new ZipFormatError('too short for a zip file');
  const tailLength = Math.min(fileSize, 22 + 0xffff);
  const tailStart = fileSize - tailLength;
  const tail = await readAt(fh, tailStart, tailLength);
  let at = -1;
  for (let i = tail.length - 22; i >= 0; i--) {
    if (tail.readUInt32LE(i) === EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tail.length) {
      at = i;
      break;
    }
  }
  if (at < 0) throw new ZipFormatError('no end of central directory record');
  let count = tail.readUInt16LE(at + 10);
  let size = tail.readUInt32LE(at + 12);
  let offset = tail.readUInt32LE(at + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const loc = tailStart + at - 20;
    if (loc < 0) throw new ZipFormatError('no ZIP64 locator');
    const locator = await readAt(fh, loc, 20);
    if (locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw new ZipFormatError('no ZIP64 locator');
    const recordAt = u64(locator, 8);
    if (recordAt + 56 > fileSize) throw new ZipFormatError('ZIP64 record out of the file');
    const record = await readAt(fh, recordAt, 56);
    if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipFormatError('no ZIP64 end of central directory');
    count = u64(record, 32);
    size = u64(record, 40);
    offset = u64(record, 48);
  }
  if (offset + size > fileSize) throw new ZipFormatError('central directory out of the file');
  if (size > limits.maxDirectoryBytes) throw new RangeError(`central directory of ${size} bytes`);
  if (count > limits.maxEntries) throw new RangeError(`${count} entries`);
  const dir = await readAt(fh, offset, size);
  const entries: ZipEntry[] = [];
  let p = 0;
  while (p + 46 <= dir.length && dir.readUInt32LE(p) === CENTRAL) {
    const nameLength = dir.readUInt16LE(p + 28);
    const extraLength = dir.readUInt16LE(p + 30);
    const commentLength = dir.readUInt16LE(p + 32);
    if (p + 46 + nameLength + extraLength > dir.length) throw new ZipFormatError('truncated central directory');
    const entry: ZipEntry = {
      name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      flags: dir.readUInt16LE(p + 8),
      method: dir.readUInt16LE(p + 10),
      compressedSize: dir.readUInt32LE(p + 20),
      uncompressedSize: dir.readUInt32LE(p + 24),
      localHeaderOffset: dir.readUInt32LE(p + 42),
    };
    // ZIP64 extended information (header 0x0001): the 64-bit values of the fields set to 0xFFFFFFFF, in order.
    const extraEnd = p + 46 + nameLength + extraLength;
    for (let e = p + 46 + nameLength; e + 4 <= extraEnd;) {
      const id = dir.readUInt16LE(e);
      const len = dir.readUInt16LE(e + 2);
      if (id === 0x0001) {
        let f = e + 4;
        const take = (): number => {
          if (f + 8 > e + 4 + len) throw new ZipFormatError('short ZIP64 extra field');
          const v = u64(dir, f);
          f += 8;
          return v;
        };
        if (entry.uncompressedSize === 0xffffffff) entry.uncompressedSize = take();
        if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
        if (entry.localHeaderOffset === 0xffffffff) entry.localHeaderOffset = take();
      }
      e += 4 + len;
    }
    entries.push(entry);
    p = extraEnd + commentLength;
  }
  if (entries.length === 0) throw new ZipFormatError('empty central directory');
  return { entries, directorySize: size };
}

/** Offset of an entry's data (after its local header), checked against the file. */
export async function entryDataOffset(fh: FileHandle, fileSize: number, entry: ZipEntry): Promise<number> {
  if (entry.localHeaderOffset + 30 > fileSize) throw new ZipFormatError(`local header of ${entry.name} out of the file`);
  const header = await readAt(fh, entry.localHeaderOffset, 30);
  if (header.readUInt32LE(0) !== LOCAL) throw new ZipFormatError(`no local header for ${entry.name}`);
  const start = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  if (start + entry.compressedSize > fileSize) throw new ZipFormatError(`data of ${entry.name} out of the file`);
  return start;
}

export { readAt };
