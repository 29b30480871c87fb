import { deflateRawSync } from 'zlib';
import { inflateBounded, InflateFormatError, InflateLimitError, installRawInflate } from '../../src/read/inflate';
import { nodeRawInflate } from '../../src/read/files';
import { seededRandom } from '../../src/report/standard/generate';

// The command inflates with Node's zlib, the pane and the web page with pako: a part must be read,
// refused as too big or refused as broken alike by both, or the page and the command disagree.

type Outcome = { kind: 'ok'; bytes: Buffer } | { kind: 'limit' } | { kind: 'format' };

function outcome(inflater: 'pako' | 'zlib', data: Uint8Array, max: number): Outcome {
  installRawInflate(inflater === 'zlib' ? nodeRawInflate : null);
  try {
    return { kind: 'ok', bytes: Buffer.from(inflateBounded(data, max, true).bytes!) };
  } catch (e) {
    if (e instanceof InflateLimitError) return { kind: 'limit' };
    if (e instanceof InflateFormatError) return { kind: 'format' };
    throw e;
  } finally {
    installRawInflate(nodeRawInflate);
  }
}

describe('raw inflate, zlib against pako', () => {
  const rand = seededRandom(7);
  const int = (n: number) => Math.floor(rand() * n);
  /** Compressible text with some binary, like an XML part. */
  const source = (length: number) => Buffer.from(Array.from({ length }, () => (rand() < 0.7 ? 65 + int(4) : int(256))));

  it('reads a whole stream the same and refuses it past the bound alike', () => {
    for (let t = 0; t < 100; t++) {
      const text = source(int(5000));
      const data = deflateRawSync(text, { level: int(10) });
      for (const max of [text.length, text.length + 1, Math.max(0, text.length - 1 - int(text.length))]) {
        const [p, z] = [outcome('pako', data, max), outcome('zlib', data, max)];
        expect(z).toEqual(p);
        expect(p.kind).toBe(max >= text.length ? 'ok' : 'limit');
        if (p.kind === 'ok') expect(p.bytes.equals(text)).toBe(true);
      }
    }
  });

  it('refuses a stream cut off before its last block, both ways (pako used to accept what came out)', () => {
    let refused = 0;
    for (let t = 0; t < 100; t++) {
      const text = source(200 + int(5000));
      const whole = deflateRawSync(text);
      const cut = whole.subarray(0, int(whole.length - 1));
      const [p, z] = [outcome('pako', cut, text.length), outcome('zlib', cut, text.length)];
      expect(z).toEqual(p);
      expect(p.kind).toBe('format');
      refused++;
    }
    expect(refused).toBe(100);
  });

  it('agrees on corrupted streams and on bytes after the stream', () => {
    const kinds = new Set<string>();
    for (let t = 0; t < 300; t++) {
      const text = source(int(3000));
      const data = Buffer.from(deflateRawSync(text, { level: int(10) }));
      if (t % 2) for (let k = 0; k <= int(3); k++) data[int(data.length)] ^= 1 << int(8);
      const input = t % 2 ? data : Buffer.concat([data, Buffer.from([1, 2, 3, 4, 5].slice(0, 1 + int(5)))]);
      const [p, z] = [outcome('pako', input, text.length), outcome('zlib', input, text.length)];
      expect(z).toEqual(p);
      kinds.add(p.kind);
    }
    // A read and both refusals were met, so that the agreement says something.
    expect([...kinds].sort()).toEqual(['format', 'limit', 'ok']);
  });
});
