import { TextDecoder } from 'node:util';
import type { CsvEncoding } from './csv-types';
import { decodeWindows1252 } from './windows-1252';

/**
 * Text good enough to guess the delimiter from: never fails (a bad byte becomes U+FFFD, which no
 * delimiter is), and a character cut at the sample's end is dropped unless the sample is the file.
 */
export function decodeSample(bytes: Uint8Array, encoding: CsvEncoding, wholeFile: boolean): string {
  if (encoding === 'windows-1252') return decodeWindows1252(bytes);
  return new TextDecoder(encoding, { ignoreBOM: true }).decode(bytes, { stream: !wholeFile });
}
