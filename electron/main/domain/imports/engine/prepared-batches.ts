import type { ImportSpec } from '../../../../../shared/contract/imports';
import type { CsvRecord } from '../csv/csv-types';
import { contactRowPreparer, PREPARED_COLUMNS, type PreparedContact } from '../targets/contact-prepare';
import { ColumnList } from './batched-inserts';
import { widthError } from './row-values';

/** What a prepared contact is written with: its own columns, then the owner the writer works out. */
const WRITTEN_COLUMNS: readonly string[] = [...PREPARED_COLUMNS, 'owner_id'];

/** A row from the reader thread: its cells, and what it prepared, if it could. */
export interface PreparedRecord {
  record: CsvRecord;
  prepared: PreparedContact | null;
}

type Cell = string | number | null;

/** Joins a record's cells in a batch: it cannot be in a cell of a text file read as CSV, except a rare NUL, which goes one by one. */
const SEP = '\u0000';
const PREPARED = 1;
const CELLS_ONE_BY_ONE = 2;

/**
 * A record whose cells stay one string until something asks for them: the
 * writer only does for a row it has to plan in full or report.
 */
class JoinedRecord implements CsvRecord {
  private cells: string[] | null = null;
  constructor(
    readonly row: number,
    readonly line: number,
    private readonly joined: string,
  ) {}
  get values(): string[] {
    return (this.cells ??= this.joined.split(SEP));
  }
}

/** Where the parts of a prepared row are: its columns, then the five look-up texts, the e-mail count and addresses. */
const COLUMN_COUNT = PREPARED_COLUMNS.length;
const TEXTS_AT = COLUMN_COUNT;
const FLAG_COLUMNS = [PREPARED_COLUMNS.indexOf('email_opt_out'), PREPARED_COLUMNS.indexOf('do_not_call')];

/**
 * Rows cross between threads as one flat array a batch, and a row's texts as
 * few strings: structured clone pays per value, ≈11 µs a row for row objects,
 * ≈1.1 to post the same values laid flat and ≈0.6 with the texts joined
 * (500-row batches of contacts), and the writer pays as much again to take
 * them. Each record is: flags, row, line, the cells joined (or their count
 * and each cell); then, when prepared, one string of the prepared values
 * joined (PREPARED_COLUMNS and the five look-up texts), where an empty text
 * stands for null (no prepared text is empty: the property test checks it),
 * the e-mail count and addresses. A row with a NUL in a cell is not prepared.
 */
export function recordEncoder(spec: ImportSpec, headerCount: number, today: string): (record: CsvRecord, out: Cell[]) => void {
  const prepare = contactRowPreparer(spec, today);
  const scratch: Cell[] = [];
  return (record, out) => {
    const { values } = record;
    const oneByOne = values.some((v) => v.includes(SEP));
    const flagsAt = out.length;
    out.push(0, record.row, record.line);
    if (oneByOne) {
      out.push(values.length);
      for (const value of values) out.push(value);
    } else out.push(values.join(SEP));
    scratch.length = 0;
    const prepared = !oneByOne && !widthError(values, headerCount, record.row, record.line) && prepare(values, scratch);
    if (prepared) {
      // The e-mail addresses travel apart: the writer keeps them (its duplicate check), and a part of a joined string keeps all of it alive.
      const emailCount = scratch[TEXTS_AT + 5] as number;
      const joinedAt = out.length;
      out.push('', emailCount);
      for (let i = TEXTS_AT + 6; i < TEXTS_AT + 6 + emailCount; i++) out.push(scratch[i]!);
      scratch.length = TEXTS_AT + 5;
      out[joinedAt] = scratch.join(SEP);
    }
    out[flagsAt] = (prepared ? PREPARED : 0) | (oneByOne ? CELLS_ONE_BY_ONE : 0);
  };
}

export function decodeBatch(items: readonly Cell[]): PreparedRecord[] {
  const records: PreparedRecord[] = [];
  let at = 0;
  const next = () => items[at++]!;
  while (at < items.length) {
    const flags = next() as number;
    const row = next() as number;
    const line = next() as number;
    let record: CsvRecord;
    if (flags & CELLS_ONE_BY_ONE) {
      const count = next() as number;
      record = { row, line, values: items.slice(at, at + count) as string[] };
      at += count;
    } else record = new JoinedRecord(row, line, next() as string);
    let prepared: PreparedContact | null = null;
    if (flags & PREPARED) {
      const parts = (next() as string).split(SEP);
      // The prepared columns, then the owner the writer fills in.
      const values = new Array<Cell>(COLUMN_COUNT + 1);
      for (let i = 0; i < COLUMN_COUNT; i++) values[i] = parts[i] || null;
      for (const i of FLAG_COLUMNS) values[i] = Number(parts[i]);
      values[COLUMN_COUNT] = null;
      const text = (i: number) => parts[TEXTS_AT + i] || null;
      const emailCount = next() as number;
      const emails = items.slice(at, at + emailCount) as string[];
      at += emailCount;
      prepared = { columns: new ColumnList(WRITTEN_COLUMNS, values), emails, email: text(0), externalId: text(1), accountName: text(2), accountExternalId: text(3), owner: text(4) };
    }
    records.push({ record, prepared });
  }
  return records;
}
