import { decodeSample } from './decode-sample';
import { assertUniqueHeaders, headerNames } from './csv-headers';
import { DEFAULT_MAX_FIELD_CHARS, type CsvDelimiter, type CsvEncoding, type CsvRecord, type CsvSniff, type ReadCsvOptions } from './csv-types';
import { csvErrors } from './csv-file-error';
import { detectDelimiter } from './detect-delimiter';
import { bomLength, detectEncoding, SNIFF_BYTES } from './detect-encoding';
import { openCsvFile } from './open-csv-file';
import { readRecords } from './read-records';

export const DEFAULT_SAMPLE_ROWS = 20;

export interface SniffCsvOptions {
  encoding?: CsvEncoding;
  delimiter?: CsvDelimiter;
  /** Default 20. */
  sampleRows?: number;
}

/**
 * Reads the head of the file: detects (unless given) encoding and delimiter, returns the header row
 * and up to `sampleRows` data rows.
 *
 * Throws CsvFileError for an empty file (no bytes, or nothing but blank lines and a BOM), duplicate
 * column names, and any fatal problem within the sample (see `readCsvRows`). A file with a header and
 * no data rows is not an error here: `sample` is [] and the caller says "no data rows".
 */
export async function sniffCsv(path: string, options: SniffCsvOptions = {}): Promise<CsvSniff> {
  const sampleRows = options.sampleRows ?? DEFAULT_SAMPLE_ROWS;
  const handle = await openCsvFile(path);
  let head: Uint8Array;
  let sizeBytes: number;
  try {
    sizeBytes = (await handle.stat()).size;
    const buffer = Buffer.alloc(Math.min(SNIFF_BYTES, sizeBytes));
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    head = buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
  if (head.length === 0) throw csvErrors.empty();

  const wholeFile = head.length >= sizeBytes;
  const encoding = options.encoding ?? detectEncoding(head, wholeFile).encoding;
  const bom = bomLength(head, encoding);
  const delimiter = options.delimiter ?? detectDelimiter(decodeSample(head.subarray(bom), encoding, wholeFile), wholeFile);

  let headers: string[] = [];
  const sample: string[][] = [];
  const rows = readRecords(path, {
    encoding,
    delimiter,
    maxFieldChars: DEFAULT_MAX_FIELD_CHARS,
    onHeader: (values, line) => {
      headers = headerNames(values);
      assertUniqueHeaders(headers, line);
    },
  });
  if (sampleRows > 0) {
    for await (const record of rows) {
      sample.push(record.values);
      if (sample.length >= sampleRows) break;
    }
  } else await rows.next().finally(() => rows.return());
  return { encoding, bom: bom > 0, delimiter, headers, sample, sizeBytes };
}

/**
 * Streams the data rows (header skipped) without holding the file in memory.
 *
 * Rows come as they are: a row with more or fewer values than the header is not an error here (the
 * caller makes it a row error); blank lines are skipped and not counted as rows. A header-only file
 * yields nothing. Fatal problems (empty file, duplicate column names, a quote that never closes, a
 * value longer than `maxFieldChars`, bytes that are not valid in `encoding`) throw a CsvFileError that
 * names the line, after every row before that line has been yielded: commit nothing when it comes.
 * A file that sniffed as UTF-8 but holds invalid bytes further down (mixed encodings) is not
 * re-guessed: the error names the line and the byte, and the user saves as UTF-8 or picks
 * Windows-1252.
 */
export function readCsvRows(path: string, options: ReadCsvOptions): AsyncIterable<CsvRecord> {
  return readRecords(path, {
    ...options,
    onHeader: (values, line) => assertUniqueHeaders(headerNames(values), line),
  });
}
