import { CrmError } from '../../../../../shared/errors';
import { ChunkDecoder, ENCODING_NAMES } from './chunk-decoder';
import { csvErrors } from './csv-file-error';
import { CsvTokenizer, type CsvSyntaxFailure, type RawRecord } from './csv-tokenizer';
import { CSV_DELIMITERS, DEFAULT_MAX_FIELD_CHARS, type CsvRecord, type ReadCsvOptions } from './csv-types';
import { bomLength } from './detect-encoding';
import { openCsvFile } from './open-csv-file';

export const DEFAULT_CHUNK_BYTES = 256 * 1024;

export interface RecordStreamOptions extends ReadCsvOptions {
  /** Gets the header record (the first non-blank one) before any data row; may throw to refuse it. */
  onHeader: (values: string[], line: number) => void;
}

/** Whitespace-only records (`;;;` rows Excel leaves under a table included) are blank lines too. */
function isBlank(values: readonly string[]): boolean {
  for (const v of values) {
    if (v.length === 0) continue;
    const c = v.charCodeAt(0);
    if ((c > 32 && c < 127) || v.trim() !== '') return false;
  }
  return true;
}

/**
 * Streams the data records of a CSV file: one read buffer, one decoder, one tokenizer; nothing of
 * the file is kept once its records are yielded. Fatal problems are thrown as CsvFileError after
 * every record before the problem has been yielded. Cancellation throws `signal.reason` (an
 * AbortError unless the caller gave another) at the next read or record; the file is closed
 * whenever the iteration ends, by error, by `break` or by cancellation.
 */
export async function* readRecords(path: string, options: RecordStreamOptions): AsyncGenerator<CsvRecord, void, undefined> {
  const { encoding, delimiter, signal, onBytes, onHeader } = options;
  const maxFieldChars = options.maxFieldChars ?? DEFAULT_MAX_FIELD_CHARS;
  // The contract validates these too; this keeps a bad call from reading the file with a wrong decoder.
  if (!CSV_DELIMITERS.includes(delimiter)) throw new CrmError('validation', `Unknown delimiter ${JSON.stringify(delimiter)}.`);
  if (!(encoding in ENCODING_NAMES)) throw new CrmError('validation', `Unknown encoding ${JSON.stringify(encoding)}.`);
  signal?.throwIfAborted();
  const handle = await openCsvFile(path);
  try {
    const totalBytes = (await handle.stat()).size;
    const head = Buffer.alloc(4);
    const { bytesRead: headBytes } = await handle.read(head, 0, 4, 0);
    let position = bomLength(head.subarray(0, headBytes), encoding);
    const buffer = Buffer.allocUnsafe(Math.max(1, options.chunkBytes ?? DEFAULT_CHUNK_BYTES));

    const decoder = new ChunkDecoder(encoding);
    const tokenizer = new CsvTokenizer(delimiter, maxFieldChars);
    const records: RawRecord[] = [];
    let row = 0;
    let headers: string[] | null = null;

    const syntaxError = (failure: CsvSyntaxFailure) => {
      if (failure.kind === 'unclosed-quote') return csvErrors.unclosedQuote(failure.line);
      if (failure.kind === 'quote-runs-on') return csvErrors.quoteRunsOn(failure.line, failure.untilLine);
      const columnName = headers?.[failure.column - 1]?.trim();
      return csvErrors.fieldTooLong({ line: failure.line, row, column: failure.column, ...(columnName ? { columnName } : {}) }, failure.length, maxFieldChars);
    };

    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      position += bytesRead;
      const atEnd = bytesRead === 0;
      if (!atEnd) onBytes?.(position, totalBytes);
      const decoded = atEnd ? decoder.end() : decoder.decode(buffer.subarray(0, bytesRead));
      tokenizer.push(decoded.text, records);
      if (atEnd && !decoded.invalid) tokenizer.end(records);

      for (const record of records) {
        if (isBlank(record.values)) continue;
        if (headers === null) {
          headers = record.values;
          onHeader(record.values, record.line);
          row = 1;
          continue;
        }
        signal?.throwIfAborted();
        yield { row: row++, line: record.line, values: record.values };
      }
      records.length = 0;

      if (tokenizer.failure) throw syntaxError(tokenizer.failure);
      if (decoded.invalid) throw csvErrors.invalidText(tokenizer.line, ENCODING_NAMES[encoding], decoded.invalid);
      if (atEnd) break;
    }
    if (headers === null) throw csvErrors.empty();
  } finally {
    await handle.close();
  }
}
