// A small reader of a zip file's central directory (PKWARE APPNOTE 4.3.12–4.3.16, with ZIP64), so
// that the sizes an .xlsx or .docx would inflate to are known before anything is inflated. Works on
// the file's bytes, in Node and in the browser alike.
//
// Strict where JSZip is lenient: JSZip finds the end record, then, when the directory it states does
// not end exactly where the end record begins, treats the difference as "extra bytes" prepended to
// the archive and shifts every offset by it (jszip/lib/zipEntries.js, readEndOfCentral). A file
// can then show this reader a small decoy directory at the stated offset while JSZip reads the real
// one just before the end record. So a directory is accepted only where it ends exactly at the end
// record (or its ZIP64 record), holds exactly the entries the end record counts, and nothing follows
// the end record but its comment: then JSZip's extra bytes are 0 and both read the same entries.

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else the readers cannot open. */
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The file has no valid zip directory, or one that JSZip would read differently. */
export class ZipFormatError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export interface ZipDirectory {
  entries: ZipEntry[];
  /** Size of the central directory in bytes. */
  directorySize: number;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

const u64 = (v: DataView, at: number): number => Number(v.getBigUint64(at, true));

/**
 * The entries of a zip file's central directory. Refuses (ZipFormatError) a file without one or with
 * one that does not account for the archive exactly, and (RangeError) a directory larger than
 * maxDirectoryBytes or with more than maxEntries entries.
 */
export function readZipDirectory(bytes: Uint8Array, limits: { maxDirectoryBytes: number; maxEntries: number }): ZipDirectory {
  const size = bytes.length;
  if (size < 22) throw new ZipFormatError('too short for a zip file');
  const v = view(bytes);
  // The end record is the last signature in the file, as JSZip looks for it, and the last thing in
  // the file: 22 bytes and its comment, nothing after.
  let at = -1;
  for (let i = size - 22; i >= Math.max(0, size - 22 - 0xffff); i--) {
    if (v.getUint32(i, true) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0 || at + 22 + v.getUint16(at + 20, true) !== size)
    throw new ZipFormatError('no end of central directory record at the end of the file');
  if (v.getUint16(at + 4, true) !== 0 || v.getUint16(at + 6, true) !== 0) throw new ZipFormatError('multi-disk archive');
  let count = v.getUint16(at + 10, true);
  let dirSize = v.getUint32(at + 12, true);
  let offset = v.getUint32(at + 16, true);
  // Where the directory must end: the end record, or the ZIP64 end record before its locator.
  let dirEnd = at;
  if (count === 0xffff || dirSize === 0xffffffff || offset === 0xffffffff) {
    const loc = at - 20;
    if (loc < 0 || v.getUint32(loc, true) !== ZIP64_LOCATOR) throw new ZipFormatError('no ZIP64 locator');
    const recordAt = u64(v, loc + 8);
    if (recordAt + 56 > loc) throw new ZipFormatError('ZIP64 record out of place');
    if (v.getUint32(recordAt, true) !== ZIP64_EOCD) throw new ZipFormatError('no ZIP64 end of central directory');
    if (recordAt + 12 + u64(v, recordAt + 4) !== loc) throw new ZipFormatError('ZIP64 record does not end at its locator');
    count = u64(v, recordAt + 32);
    dirSize = u64(v, recordAt + 40);
    offset = u64(v, recordAt + 48);
    dirEnd = recordAt;
  }
  if (dirSize > limits.maxDirectoryBytes) throw new RangeError(`central directory of ${dirSize} bytes`);
  if (count > limits.maxEntries) throw new RangeError(`${count} entries`);
  if (offset + dirSize !== dirEnd) throw new ZipFormatError('central directory does not end at the end record');
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = offset;
  while (p < dirEnd) {
    if (p + 46 > dirEnd || v.getUint32(p, true) !== CENTRAL) throw new ZipFormatError('malformed central directory');
    const nameLength = v.getUint16(p + 28, true);
    const extraLength = v.getUint16(p + 30, true);
    const commentLength = v.getUint16(p + 32, true);
    const extraEnd = p + 46 + nameLength + extraLength;
    if (extraEnd + commentLength > dirEnd) throw new ZipFormatError('truncated central directory');
    const entry: ZipEntry = {
      name: decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength)),
      flags: v.getUint16(p + 8, true),
      method: v.getUint16(p + 10, true),
      compressedSize: v.getUint32(p + 20, true),
      uncompressedSize: v.getUint32(p + 24, true),
      localHeaderOffset: v.getUint32(p + 42, true),
    };
    // ZIP64 extended information (header 0x0001): the 64-bit values of the fields set to 0xFFFFFFFF, in order.
    for (let e = p + 46 + nameLength; e + 4 <= extraEnd;) {
      const id = v.getUint16(e, true);
      const len = v.getUint16(e + 2, true);
      if (id === 0x0001) {
        let f = e + 4;
        const take = (): number => {
          if (f + 8 > e + 4 + len) throw new ZipFormatError('short ZIP64 extra field');
          const value = u64(v, f);
          f += 8;
          return value;
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
  if (entries.length !== count) throw new ZipFormatError('the end record counts other entries than the directory holds');
  return { entries, directorySize: dirSize };
}

/** An entry's stored bytes (after its local header), checked against the file. */
export function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const v = view(bytes);
  if (entry.localHeaderOffset + 30 > bytes.length) throw new ZipFormatError(`local header of ${entry.name} out of the file`);
  if (v.getUint32(entry.localHeaderOffset, true) !== LOCAL) throw new ZipFormatError(`no local header for ${entry.name}`);
  const start =
    entry.localHeaderOffset + 30 + v.getUint16(entry.localHeaderOffset + 26, true) + v.getUint16(entry.localHeaderOffset + 28, true);
  if (start + entry.compressedSize > bytes.length) throw new ZipFormatError(`data of ${entry.name} out of the file`);
  return bytes.subarray(start, start + entry.compressedSize);
}
