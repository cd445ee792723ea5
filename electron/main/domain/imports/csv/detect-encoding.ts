import type { CsvEncoding } from './csv-types';
import { scanUtf8 } from './invalid-bytes';

/** How much of the file's head the guesses look at. */
export const SNIFF_BYTES = 64 * 1024;

export interface DetectedEncoding {
  encoding: CsvEncoding;
  bom: boolean;
}

const BOMS: { encoding: CsvEncoding; bytes: number[] }[] = [
  { encoding: 'utf-8', bytes: [0xef, 0xbb, 0xbf] },
  { encoding: 'utf-16le', bytes: [0xff, 0xfe] },
  { encoding: 'utf-16be', bytes: [0xfe, 0xff] },
];

/** Length of the byte-order mark of `encoding` at the start of `head`, 0 if there is none. */
export function bomLength(head: Uint8Array, encoding: CsvEncoding): number {
  const bom = BOMS.find((b) => b.encoding === encoding);
  return bom && bom.bytes.every((byte, i) => head[i] === byte) ? bom.bytes.length : 0;
}

/**
 * Guesses the encoding from the file's first bytes. `wholeFile`: the sample is the entire file, so a
 * character cut off at its end is an error rather than the sample's edge.
 *
 * A sample holding both well-formed UTF-8 sequences and invalid bytes is called UTF-8: the file is
 * mixed, and reading it then stops at the first invalid line with an error that names it, rather than
 * decoding the UTF-8 part as Windows-1252 ("MÃ¼ller") without a word.
 */
export function detectEncoding(sample: Uint8Array, wholeFile = false): DetectedEncoding {
  for (const bom of BOMS) if (bomLength(sample, bom.encoding)) return { encoding: bom.encoding, bom: true };

  const utf16 = utf16ByNulBytes(sample);
  if (utf16) return { encoding: utf16, bom: false };

  const utf8 = scanUtf8(sample, !wholeFile);
  if (utf8.firstInvalid === -1 || utf8.multiByte > 0) return { encoding: 'utf-8', bom: false };
  return { encoding: 'windows-1252', bom: false };
}

/** UTF-16 text in Latin script has a zero in (almost) every high byte; no 8-bit text has that pattern. */
function utf16ByNulBytes(sample: Uint8Array): CsvEncoding | null {
  const pairs = Math.floor(sample.length / 2);
  if (pairs === 0) return null;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i + 1 < sample.length; i += 2) {
    if (sample[i] === 0) zeroEven++;
    if (sample[i + 1] === 0) zeroOdd++;
  }
  if (zeroOdd / pairs > 0.3 && zeroEven / pairs < 0.05) return 'utf-16le';
  if (zeroEven / pairs > 0.3 && zeroOdd / pairs < 0.05) return 'utf-16be';
  return null;
}
