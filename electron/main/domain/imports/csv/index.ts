export { columnLabel, headerKey } from './csv-headers';
export { CsvFileError } from './csv-file-error';
export type { CsvDelimiter, CsvEncoding, CsvRecord, CsvSniff, ReadCsvOptions } from './csv-types';
export { DEFAULT_MAX_FIELD_CHARS } from './csv-types';
export { detectDelimiter } from './detect-delimiter';
export { detectEncoding, SNIFF_BYTES } from './detect-encoding';
export { readCsvRows, sniffCsv, DEFAULT_SAMPLE_ROWS, type SniffCsvOptions } from './read-csv';
