import { Inflate } from 'pako/lib/inflate';

// Raw deflate (zip method 8) inflated with a bound on its output, in Node and the browser alike
// (pako, the inflater JSZip itself uses). The output is counted chunk by chunk while inflating, so a
// part that declares 1 KB and inflates to 1 GB stops after the bound, not after the gigabyte.

/** The data inflates past the bound given. */
export class InflateLimitError extends Error {}

/** The data is not valid raw deflate. */
export class InflateFormatError extends Error {}

/**
 * The inflated bytes of `data` (or only their count, when `keep` is false), refusing more than `max`.
 */
export function inflateBounded(data: Uint8Array, max: number, keep: boolean): { length: number; bytes: Uint8Array | null } {
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
  // false, or a status other than Z_OK (0): corrupt or truncated data.
  if (!inflater.push(data, true) || status !== 0) throw new InflateFormatError('invalid deflate data');
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
