export type CsvEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
export type CsvDelimiter = ',' | ';' | '\t';

export const CSV_DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t'];
export const DEFAULT_MAX_FIELD_CHARS = 1_000_000;

export interface CsvSniff {
  encoding: CsvEncoding;
  /** The file starts with a byte-order mark of `encoding` (it is never part of the first header). */
  bom: boolean;
  delimiter: CsvDelimiter;
  /**
   * The first non-blank record, each name trimmed. A column without a name stays '' (it is not an
   * error; several may exist): show it with `columnLabel()`, which says "Column 3".
   */
  headers: string[];
  /** Data rows in the sample, as read (no trimming); [] when the file has a header and no data rows. */
  sample: string[][];
  sizeBytes: number;
}

export interface CsvRecord {
  /** 1-based data row number (the header is row 0); blank lines are not rows. */
  row: number;
  /** 1-based physical line where the record starts (CRLF, LF and CR each end a line). */
  line: number;
  /** As many values as the record has, which may differ from the header's count: the caller reports that. */
  values: string[];
}

export interface ReadCsvOptions {
  encoding: CsvEncoding;
  delimiter: CsvDelimiter;
  /** Default 1,000,000. */
  maxFieldChars?: number;
  /** Called after every read with the bytes read so far (BOM included) and the file's size. */
  onBytes?: (bytesRead: number, totalBytes: number) => void;
  signal?: AbortSignal;
  /** Bytes per read, default 256 KiB. Tests use tiny values to split characters and line breaks across reads. */
  chunkBytes?: number;
}
