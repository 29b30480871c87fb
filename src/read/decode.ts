// Decoding text files (pasted tables saved as .txt/.tsv, and .json reports) whatever encoding the
// editor saved them in: UTF-8 with or without BOM, UTF-16 LE/BE with or without BOM (Excel's
// “Unicode 文本”, Notepad's “Unicode”), and GB18030/GBK, which older Chinese Windows editors save.
// Files collected from many departments are sometimes stitched together from several sources, so
// the choice between UTF-8 and GB18030 is made line by line, and a line that is neither is decoded
// as well as possible and reported, instead of losing the whole file.

export interface DecodedText {
  text: string;
  /** The encoding most of the file was read as. */
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030' | 'mixed';
  /** 1-based numbers of the lines that hold bytes of no known encoding (decoded with U+FFFD). */
  undecodable: number[];
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true });
const utf8Lossy = new TextDecoder('utf-8');
const gbFatal = new TextDecoder('gb18030', { fatal: true });
const gbLossy = new TextDecoder('gb18030');

function tryDecode(decoder: TextDecoder, data: Uint8Array): string | null {
  try {
    return decoder.decode(data);
  } catch {
    return null;
  }
}

/** Lines (1-based) of a decoded text that hold U+FFFD. */
function linesWithReplacement(text: string): number[] {
  if (!text.includes('\uFFFD')) return [];
  const out: number[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.includes('\uFFFD')) out.push(i + 1);
  });
  return out;
}

/**
 * UTF-16 without a BOM, told by its NUL bytes: ASCII characters (digits, tabs, line ends, which
 * every table has) are one NUL and one byte, the NUL after in LE and before in BE. UTF-8 and
 * GB18030 text has no NUL at all.
 */
function utf16WithoutBom(data: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(data.length, 64 * 1024) & ~1;
  if (n < 2) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i++) {
    if (data[i] === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  }
  // Chinese characters whose low byte is 0 (一 is U+4E00) put a few NULs on the other side.
  const enough = Math.max(2, n / 2 / 100);
  if (odd >= enough && odd >= even * 2) return 'utf-16le';
  if (even >= enough && even >= odd * 2) return 'utf-16be';
  return null;
}

/**
 * Of a line that is not valid UTF-8: whether it is UTF-8 with a few broken bytes (most of its
 * non-ASCII bytes form valid UTF-8 sequences) rather than text in another encoding.
 */
function mostlyUtf8(line: Uint8Array): boolean {
  let nonAscii = 0;
  let inSequences = 0;
  for (let i = 0; i < line.length;) {
    const b = line[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let ok = len > 0 && i + len <= line.length;
    for (let k = 1; ok && k < len; k++) ok = (line[i + k] & 0xc0) === 0x80;
    if (ok) {
      nonAscii += len;
      inSequences += len;
      i += len;
    } else {
      nonAscii++;
      i++;
    }
  }
  // GB18030 text forms a valid UTF-8 sequence now and then by chance, rarely most of a line.
  return nonAscii > 0 && inSequences >= nonAscii * 0.8;
}

function decodeUtf16(data: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): DecodedText {
  const text = new TextDecoder(encoding).decode(data);
  return { text, encoding, undecodable: linesWithReplacement(text) };
}

/** Decodes a text file, line by line where the whole is not one encoding. Never throws. */
export function decodeTextDetailed(data: Uint8Array): DecodedText {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe) return decodeUtf16(data.subarray(2), 'utf-16le');
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff) return decodeUtf16(data.subarray(2), 'utf-16be');
  let body = data;
  let bom = false;
  if (data.length >= 3 && data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) {
    body = data.subarray(3);
    bom = true;
  } else {
    const utf16 = utf16WithoutBom(data);
    if (utf16) return decodeUtf16(data, utf16);
  }

  const whole = tryDecode(utf8Fatal, body);
  if (whole !== null) return { text: whole, encoding: 'utf-8', undecodable: [] };
  if (!bom) {
    const gb = tryDecode(gbFatal, body);
    // A whole file that is valid GB18030 and has no line that looks like UTF-8 is GB18030.
    if (gb !== null && !splitLines(body).some((l) => !isAscii(l) && mostlyUtf8(l))) {
      return { text: gb, encoding: 'gb18030', undecodable: [] };
    }
  }

  // Line by line: a line ends at 0x0A, which is never part of a multi-byte UTF-8 or GB18030
  // character. A line valid in only one of the two is that one; a short line can be valid in both
  // (GB18030 “息” is CF A2, also UTF-8 “Ϣ”): it takes the encoding of the nearest line before it
  // (else after it) that is certain.
  type Kind = 'ascii' | 'utf-8' | 'gb18030' | 'both' | 'broken-utf-8' | 'broken';
  const lines = splitLines(body);
  const kinds: Kind[] = lines.map((line) => {
    if (isAscii(line)) return 'ascii';
    const u = tryDecode(utf8Fatal, line) !== null;
    if (u && bom) return 'utf-8';
    if (!u && (bom || mostlyUtf8(line))) return 'broken-utf-8';
    const g = tryDecode(gbFatal, line) !== null;
    return u && g ? 'both' : u ? 'utf-8' : g ? 'gb18030' : 'broken';
  });
  const certain = (k: Kind) => (k === 'utf-8' || k === 'broken-utf-8' ? 'utf-8' : k === 'gb18030' ? 'gb18030' : null);
  const resolved: ('utf-8' | 'gb18030' | null)[] = kinds.map(certain);
  let last: 'utf-8' | 'gb18030' | null = null;
  const pending: number[] = [];
  kinds.forEach((k, i) => {
    if (k === 'both') {
      if (last) resolved[i] = last;
      else pending.push(i);
    } else if (resolved[i]) {
      last = resolved[i];
      for (const j of pending.splice(0)) resolved[j] = last;
    }
  });
  for (const j of pending) resolved[j] = 'utf-8';

  const texts: string[] = [];
  const undecodable: number[] = [];
  let utf8Lines = 0;
  let gbLines = 0;
  lines.forEach((line, i) => {
    const k = kinds[i];
    if (k === 'ascii') {
      texts.push(utf8Lossy.decode(line));
      return;
    }
    if (k === 'broken' || k === 'broken-utf-8') undecodable.push(i + 1);
    if (resolved[i] === 'gb18030' || k === 'broken') {
      if (k !== 'broken') gbLines++;
      texts.push(gbLossy.decode(line));
    } else {
      utf8Lines++;
      texts.push(utf8Lossy.decode(line));
    }
  });
  const encoding = utf8Lines && gbLines ? 'mixed' : gbLines ? 'gb18030' : 'utf-8';
  return { text: texts.join('\n'), encoding, undecodable };
}

/** Decodes a text file to a string (see decodeTextDetailed for the lines it could not decode). */
export function decodeText(data: Uint8Array): string {
  return decodeTextDetailed(data).text;
}

function isAscii(line: Uint8Array): boolean {
  for (let i = 0; i < line.length; i++) if (line[i] >= 0x80) return false;
  return true;
}

function splitLines(data: Uint8Array): Uint8Array[] {
  const lines: Uint8Array[] = [];
  let start = 0;
  for (;;) {
    const end = data.indexOf(0x0a, start);
    if (end < 0) break;
    lines.push(data.subarray(start, end));
    start = end + 1;
  }
  lines.push(data.subarray(start));
  return lines;
}

/** Chinese note on the lines that could not be decoded, e.g. “第 3、7 行含有无法识别的字符编码…”; null when none. */
export function undecodableNote(lines: readonly number[]): string | null {
  if (lines.length === 0) return null;
  const shown = lines.slice(0, 10).join('、') + (lines.length > 10 ? ` 等 ${lines.length} 行` : ' 行');
  return `第 ${shown}含有无法识别的字符编码，这些字符显示为“�”，其中的数字和标签可能没有读到；请检查文件是否由不同编码的文本拼接而成，或另存为 UTF-8 后再校验`;
}
