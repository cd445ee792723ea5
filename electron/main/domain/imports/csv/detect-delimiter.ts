import { CsvTokenizer, type RawRecord } from './csv-tokenizer';
import { CSV_DELIMITERS, type CsvDelimiter } from './csv-types';

const RECORDS_LOOKED_AT = 30;

interface Candidate {
  delimiter: CsvDelimiter;
  headerFields: number;
  /** Share of the records that have as many fields as the header. */
  consistency: number;
}

/**
 * Picks the delimiter that splits the first records, quotes respected, into the same number of fields
 * as the header, with more than one field. The header decides: a semicolon file with decimal commas
 * ("1,5") has no comma in its header, so the comma loses even though every data row splits on it.
 * Ties go to more fields, then to the order , ; tab. A file no candidate splits is one column (','),
 * unless one candidate turns its lines into empty rows (a sheet exported as nothing but `;;;`): then
 * that one, so the reader sees blank lines and calls the file empty.
 *
 * `complete`: the text is the whole file, so its last record counts even without a final line break.
 */
export function detectDelimiter(text: string, complete = false): CsvDelimiter {
  let best: Candidate | null = null;
  let blanking: { delimiter: CsvDelimiter; blankRecords: number } | null = null;
  for (const delimiter of CSV_DELIMITERS) {
    const candidate = measure(text, delimiter, complete);
    if (candidate.blankRecords > (blanking?.blankRecords ?? 0)) blanking = { delimiter, blankRecords: candidate.blankRecords };
    if (candidate.headerFields < 2) continue;
    if (
      !best ||
      candidate.consistency > best.consistency ||
      (candidate.consistency === best.consistency && candidate.headerFields > best.headerFields)
    )
      best = candidate;
  }
  return best?.delimiter ?? blanking?.delimiter ?? ',';
}

function measure(text: string, delimiter: CsvDelimiter, complete: boolean): Candidate & { blankRecords: number } {
  const tokenizer = new CsvTokenizer(delimiter, Number.MAX_SAFE_INTEGER);
  const records: RawRecord[] = [];
  tokenizer.push(text, records);
  if (complete) tokenizer.end(records);
  // A syntax failure only cuts the sample short: the records before it still tell.
  const filled = records.filter((r) => r.values.some((v) => v.trim() !== ''));
  const counts = filled.slice(0, RECORDS_LOOKED_AT).map((r) => r.values.length);
  const headerFields = counts[0] ?? 0;
  return {
    delimiter,
    headerFields,
    consistency: counts.length ? counts.filter((c) => c === headerFields).length / counts.length : 0,
    blankRecords: records.length - filled.length,
  };
}
