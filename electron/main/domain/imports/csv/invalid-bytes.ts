/**
 * Byte-level checks the decoder cannot give us: TextDecoder only says "invalid", and an error message
 * must name the byte and, through its offset, the line.
 */

/** Length of a well-formed UTF-8 sequence at `i`, 0 if it is malformed, -1 if the bytes end inside it. */
function utf8SequenceAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x80) return 1;
  let need: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b >= 0xc2 && b <= 0xdf) need = 2;
  else if (b >= 0xe0 && b <= 0xef) {
    need = 3;
    if (b === 0xe0) lo = 0xa0; // overlong
    if (b === 0xed) hi = 0x9f; // surrogates
  } else if (b >= 0xf0 && b <= 0xf4) {
    need = 4;
    if (b === 0xf0) lo = 0x90; // overlong
    if (b === 0xf4) hi = 0x8f; // above U+10FFFF
  } else return 0;
  for (let k = 1; k < need; k++) {
    if (i + k >= bytes.length) return -1;
    const c = bytes[i + k]!;
    if (k === 1 ? c < lo || c > hi : c < 0x80 || c > 0xbf) return 0;
  }
  return need;
}

export interface Utf8Scan {
  /** Offset of the first malformed sequence, -1 if none. */
  firstInvalid: number;
  /** Well-formed sequences of two to four bytes (what tells UTF-8 text from Windows-1252 text). */
  multiByte: number;
}

/** `truncatedEndIsValid`: the bytes are a sample cut from a longer file, so a sequence cut at the end is fine. */
export function scanUtf8(bytes: Uint8Array, truncatedEndIsValid: boolean): Utf8Scan {
  let multiByte = 0;
  for (let i = 0; i < bytes.length; ) {
    if (bytes[i]! < 0x80) {
      i++;
      continue;
    }
    const n = utf8SequenceAt(bytes, i);
    if (n === -1 && truncatedEndIsValid) break;
    if (n <= 0) return { firstInvalid: i, multiByte };
    multiByte++;
    i += n;
  }
  return { firstInvalid: -1, multiByte };
}

/** How many bytes at the end start a UTF-8 sequence that the next read will complete. */
export function utf8IncompleteTail(bytes: Uint8Array): number {
  const n = bytes.length;
  for (let k = 1; k <= Math.min(4, n); k++) {
    const b = bytes[n - k]!;
    if ((b & 0xc0) === 0x80) continue;
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > k ? k : 0;
  }
  return 0;
}

const unitAt = (bytes: Uint8Array, i: number, littleEndian: boolean) =>
  littleEndian ? bytes[i]! | (bytes[i + 1]! << 8) : (bytes[i]! << 8) | bytes[i + 1]!;

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/** Bytes at the end that cannot be decoded yet: an odd byte, or a high surrogate waiting for its pair. */
export function utf16IncompleteTail(bytes: Uint8Array, littleEndian: boolean): number {
  const odd = bytes.length % 2;
  const even = bytes.length - odd;
  return even >= 2 && isHigh(unitAt(bytes, even - 2, littleEndian)) ? odd + 2 : odd;
}

/** Offset and code unit of the first unpaired surrogate, or null. A lone final byte is reported as unit -1. */
export function firstInvalidUtf16(bytes: Uint8Array, littleEndian: boolean): { offset: number; unit: number } | null {
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const u = unitAt(bytes, i, littleEndian);
    if (isLow(u)) return { offset: i, unit: u };
    if (isHigh(u)) {
      if (i + 3 >= bytes.length || !isLow(unitAt(bytes, i + 2, littleEndian))) return { offset: i, unit: u };
      i += 2;
    }
  }
  return bytes.length % 2 ? { offset: bytes.length - 1, unit: -1 } : null;
}
