import { TextDecoder } from 'node:util';
import type { CsvEncoding } from './csv-types';
import { firstInvalidUtf16, scanUtf8, utf16IncompleteTail, utf8IncompleteTail } from './invalid-bytes';
import { decodeWindows1252 } from './windows-1252';

export interface DecodedText {
  /** Everything decodable so far; when `invalid` is set, everything before the bad bytes. */
  text: string;
  /** What is wrong, for the user ("byte 0xE9"); decoding cannot go on. */
  invalid?: string;
}

export const ENCODING_NAMES: Record<CsvEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  'windows-1252': 'Windows-1252',
};

const hex = (n: number, digits: number) => `0x${n.toString(16).toUpperCase().padStart(digits, '0')}`;

/**
 * Decodes a file read by read, never splitting a character across reads and never producing U+FFFD.
 * We hold back an incomplete trailing sequence ourselves instead of using TextDecoder's
 * `{ stream: true }`: when bytes are invalid we must know exactly which ones, and the streaming
 * decoder keeps the held-back bytes (possibly from several tiny reads) out of our sight.
 */
export class ChunkDecoder {
  private carry: Uint8Array | null = null;
  // ignoreBOM: the reader strips the BOM once at the start; a U+FEFF that merely starts a later read is text.
  private readonly decoder: TextDecoder | null;

  constructor(private readonly encoding: CsvEncoding) {
    this.decoder = encoding === 'windows-1252' ? null : new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  }

  decode(chunk: Uint8Array): DecodedText {
    let bytes = chunk;
    if (this.carry) {
      bytes = new Uint8Array(this.carry.length + chunk.length);
      bytes.set(this.carry);
      bytes.set(chunk, this.carry.length);
      this.carry = null;
    }
    if (!this.decoder) return { text: decodeWindows1252(bytes) };
    const tail = this.encoding === 'utf-8' ? utf8IncompleteTail(bytes) : utf16IncompleteTail(bytes, this.encoding === 'utf-16le');
    const complete = bytes.subarray(0, bytes.length - tail);
    // A copy (Buffer#slice would share memory): the caller reuses its read buffer.
    if (tail) this.carry = new Uint8Array(bytes.subarray(bytes.length - tail));
    try {
      return { text: this.decoder.decode(complete) };
    } catch {
      return this.describeInvalid(complete);
    }
  }

  /** After the last read: bytes still held back are a character the file cuts off. */
  end(): DecodedText {
    const carry = this.carry;
    this.carry = null;
    if (!carry) return { text: '' };
    if (this.encoding === 'utf-8') return { text: '', invalid: `byte ${hex(carry[0]!, 2)}` };
    const bad = firstInvalidUtf16(carry, this.encoding === 'utf-16le');
    return { text: '', invalid: bad && bad.unit !== -1 ? `unpaired surrogate ${hex(bad.unit, 4)}` : 'an odd number of bytes' };
  }

  private describeInvalid(bytes: Uint8Array): DecodedText {
    const decoder = this.decoder!;
    if (this.encoding === 'utf-8') {
      const at = scanUtf8(bytes, false).firstInvalid;
      if (at >= 0) return { text: decoder.decode(bytes.subarray(0, at)), invalid: `byte ${hex(bytes[at]!, 2)}` };
    } else {
      const bad = firstInvalidUtf16(bytes, this.encoding === 'utf-16le');
      if (bad && bad.unit !== -1) return { text: decoder.decode(bytes.subarray(0, bad.offset)), invalid: `unpaired surrogate ${hex(bad.unit, 4)}` };
    }
    // Our checks and the decoder disagree: still refuse the text rather than guess.
    return { text: '', invalid: 'undecodable bytes' };
  }
}
