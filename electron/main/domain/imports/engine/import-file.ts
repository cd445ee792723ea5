import { open } from 'node:fs/promises';
import type { ImportSpec } from '../../../../../shared/contract/imports';
import { readVcardRows, VCARD_HEADERS } from '../../vcard/vcard-rows';
import { bomLength, detectEncoding, SNIFF_BYTES } from '../csv/detect-encoding';
import { decodeSample } from '../csv/decode-sample';
import type { CsvDelimiter, CsvEncoding, CsvRecord } from '../csv/csv-types';
import { readCsvRows, sniffCsv } from '../csv/read-csv';

export type ImportFormat = ImportSpec['format'];

export interface SniffedFile {
  format: ImportFormat;
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  headers: string[];
  sample: string[][];
}

/** A file that starts with BEGIN:VCARD is a vCard file; anything else is read as CSV. */
async function looksLikeVcard(path: string, encoding: CsvEncoding | undefined): Promise<{ vcard: boolean; encoding: CsvEncoding }> {
  const handle = await open(path, 'r');
  try {
    const size = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, size));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const head = buffer.subarray(0, bytesRead);
    const detected = encoding ?? detectEncoding(head, bytesRead >= size).encoding;
    const text = decodeSample(head.subarray(bomLength(head, detected)), detected, bytesRead >= size);
    return { vcard: /^\s*BEGIN:VCARD\s*$/im.test(text.split(/\r\n|\n|\r/).find((l) => l.trim() !== '') ?? ''), encoding: detected };
  } finally {
    await handle.close();
  }
}

export async function sniffImportFile(path: string, options: { encoding?: CsvEncoding | undefined; delimiter?: CsvDelimiter | undefined; sampleRows: number }): Promise<SniffedFile> {
  const probe = await looksLikeVcard(path, options.encoding);
  if (probe.vcard) {
    const sample: string[][] = [];
    for await (const r of readVcardRows(path, { encoding: probe.encoding })) {
      if (sample.length >= options.sampleRows) break;
      sample.push(r.values);
    }
    return { format: 'vcard', encoding: probe.encoding, delimiter: ',', headers: [...VCARD_HEADERS], sample };
  }
  const csv = await sniffCsv(path, { encoding: options.encoding, delimiter: options.delimiter, sampleRows: options.sampleRows });
  return { format: 'csv', encoding: csv.encoding, delimiter: csv.delimiter, headers: csv.headers, sample: csv.sample };
}

/** The header the import maps columns against: the file's own, or the fixed vCard columns. */
export async function importHeaders(path: string, spec: ImportSpec): Promise<string[]> {
  if (spec.format === 'vcard') return [...VCARD_HEADERS];
  return (await sniffCsv(path, { encoding: spec.encoding, delimiter: spec.delimiter, sampleRows: 0 })).headers;
}

export function readImportRows(
  path: string,
  spec: ImportSpec,
  options: { signal?: AbortSignal | undefined; onBytes?: ((done: number, total: number) => void) | undefined },
): AsyncIterable<CsvRecord> {
  if (spec.format === 'vcard') return readVcardRows(path, { encoding: spec.encoding, signal: options.signal });
  return readCsvRows(path, { encoding: spec.encoding, delimiter: spec.delimiter, ...(options.signal ? { signal: options.signal } : {}), ...(options.onBytes ? { onBytes: options.onBytes } : {}) });
}
