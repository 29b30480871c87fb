import { Inflate } from 'pako/lib/inflate';

// Raw deflate (zip method 8) inflated with a bound on its output. In the browser by pako (the
// inflater JSZip itself uses), counting the output chunk by chunk while inflating, so that a part that
// declares 1 KB and inflates to 1 GB stops after the bound, not after the gigabyte. The command
// installs Node's own zlib instead (installRawInflate): the same answers (test/read/inflate.test.ts), native, and
// no JavaScript inflater to warm up in every checking child.

/** The data inflates past the bound given. */
export class InflateLimitError extends Error {}

/** The data is not valid raw deflate: corrupt, or cut off before its last block. */
export class InflateFormatError extends Error {}

/** Inflates raw deflate, throwing InflateLimitError past `max` bytes and InflateFormatError for bad data. */
export type RawInflate = (data: Uint8Array, max: number) => Uint8Array;

let installed: RawInflate | null = null;

/** Reads raw deflate with this inflater from now on (the command: Node's zlib); null for pako again. */
export function installRawInflate(inflate: RawInflate | null): void {
  installed = inflate;
}

/** Inflates with pako (the browser's way; the command asks it only which refusal broken data gets). */
export function inflateWithPako(data: Uint8Array, max: number, keep: boolean): { length: number; bytes: Uint8Array | null } {
  // One output chunk for a part up to 64 KB (most of an .xlsx), so that a small part costs one small buffer.
  const inflater = new Inflate({ raw: true, chunkSize: Math.min(64 * 1024, Math.max(1024, max + 1)) });
  const chunks: Uint8Array[] = [];
  let length = 0;
  inflater.onData = (chunk: Uint8Array) => {
    length += chunk.length;
    if (length > max) throw new InflateLimitError(`inflates past ${max} bytes`);
    if (keep) chunks.push(chunk);
  };
  let status = 0;
  inflater.onEnd = (s: number) => {
    status = s;
  };
  // Pushed without finishing: pako then ends (`ended`) only on the stream's last block, so data cut off
  // before it is refused, as zlib refuses it; finishing would accept whatever came out so far.
  // false, or a status other than Z_OK (0): corrupt data.
  if (!inflater.push(data, false) || !inflater.ended || status !== 0) throw new InflateFormatError('invalid deflate data');
  if (!keep) return { length, bytes: null };
  if (chunks.length === 1) return { length, bytes: chunks[0] };
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return { length, bytes };
}

/**
 * The inflated bytes of `data` (or only their count, when `keep` is false), refusing more than `max`.
 */
export function inflateBounded(data: Uint8Array, max: number, keep: boolean): { length: number; bytes: Uint8Array | null } {
  if (!installed) return inflateWithPako(data, max, keep);
  const bytes = installed(data, max);
  return { length: bytes.length, bytes: keep ? bytes : null };
}
