import { createReadStream } from 'node:fs';
import { CrmError } from '../../../../shared/errors';
import { ChunkDecoder } from '../imports/csv/chunk-decoder';
import type { CsvEncoding } from '../imports/csv/csv-types';
import { parseProperty, type VcardProperty } from './vcard-property';

export interface Vcard {
  /** The line BEGIN:VCARD is on. */
  line: number;
  version: string | null;
  properties: VcardProperty[];
}

/**
 * Streams the cards of a .vcf file: lines unfolded (a line starting with a
 * space or tab continues the previous one), properties parsed. A card that
 * never ends, or text outside a card, is an error naming the line.
 */
export async function* readVcards(path: string, encoding: CsvEncoding, signal?: AbortSignal): AsyncGenerator<Vcard> {
  const decoder = new ChunkDecoder(encoding);
  let pending = '';
  let lineNo = 0;
  let logical: { text: string; line: number } | null = null;
  let card: Vcard | null = null;
  let first = true;

  function* take(physical: string): Generator<Vcard> {
    lineNo++;
    if (/^[ \t]/.test(physical) && logical) {
      logical.text += physical.slice(1);
      return;
    }
    if (logical) yield* finish(logical);
    logical = { text: physical, line: lineNo };
  }

  function* finish(l: { text: string; line: number }): Generator<Vcard> {
    const text = l.text.trim();
    if (text === '') return;
    const upper = text.toUpperCase();
    if (upper === 'BEGIN:VCARD') {
      if (card) throw new CrmError('validation', `Line ${l.line}: a new card begins before the card of line ${card.line} ended (END:VCARD missing).`);
      card = { line: l.line, version: null, properties: [] };
      return;
    }
    if (!card) throw new CrmError('validation', `Line ${l.line}: "${text.slice(0, 40)}" is outside any BEGIN:VCARD … END:VCARD: this is not a vCard file.`);
    if (upper === 'END:VCARD') {
      const done: Vcard = card;
      card = null;
      yield done;
      return;
    }
    const property = parseProperty(text);
    if (!property) throw new CrmError('validation', `Line ${l.line}: "${text.slice(0, 40)}" is not a vCard property (NAME:value).`);
    if (property.name === 'VERSION') card.version = property.value.trim();
    else card.properties.push(property);
  }

  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024, signal })) {
    let bytes = chunk as Buffer;
    if (first) {
      first = false;
      if (encoding === 'utf-8' && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
      if (encoding.startsWith('utf-16') && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) bytes = bytes.subarray(2);
    }
    const decoded = decoder.decode(bytes);
    if (decoded.invalid) throw new CrmError('validation', `Line ${lineNo + 1 + (pending + decoded.text).split(/\r\n|\r|\n/).length - 1} is not valid ${encoding} (${decoded.invalid}).`);
    pending += decoded.text;
    const lines = pending.split(/\r\n|\n|\r(?!$)/);
    pending = lines.pop() ?? '';
    for (const physical of lines) yield* take(physical);
  }
  const tail = decoder.end();
  if (tail.invalid) throw new CrmError('validation', `The last line is not valid ${encoding} (${tail.invalid}).`);
  pending += tail.text;
  for (const physical of pending.split(/\r\n|\n|\r/)) yield* take(physical);
  if (logical) yield* finish(logical);
  if (card) throw new CrmError('validation', `The card that begins on line ${(card as Vcard).line} never ends (END:VCARD missing).`);
}
