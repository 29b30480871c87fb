// Draws the add-in's icons as PNG at build time (no binary files in the repository): a blue table
// grid for 年报助手, the same grid with a check mark for 校验.
const zlib = require('zlib');

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x / size, y / size, size);
      raw.set([r, g, b, a], y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const BLUE = [0x1f, 0x5f, 0xa8, 255];
const WHITE = [255, 255, 255, 255];
const GREEN = [0x10, 0x7c, 0x10, 255];
const CLEAR = [0, 0, 0, 0];
function grid(x, y, size) {
  const line = Math.max(1 / size, 0.06);
  if (x < 0.08 || x > 0.92 || y < 0.08 || y > 0.92) return CLEAR;
  const onLine =
    [0.08, 0.36, 0.64, 0.92].some((v) => Math.abs(x - v) < line) || [0.08, 0.3, 0.5, 0.7, 0.92].some((v) => Math.abs(y - v) < line);
  if (y < 0.3) return BLUE;
  return onLine ? BLUE : WHITE;
}
function check(x, y, size) {
  const d1 = Math.abs(y - (0.62 + (x - 0.42))) < 0.09 && x > 0.22 && x < 0.45;
  const d2 = Math.abs(y - (0.85 - (x - 0.42) * 1.3)) < 0.09 && x >= 0.42 && x < 0.9;
  return d1 || d2 ? GREEN : grid(x, y, size);
}
function icons() {
  const out = {};
  for (const s of [16, 32, 64, 80]) {
    out[`assets/icon-${s}.png`] = png(s, grid);
    out[`assets/check-${s}.png`] = png(s, check);
  }
  return out;
}
module.exports = { icons, png };
