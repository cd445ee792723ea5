import { CrmError, type ErrorIssue } from '../../../../../shared/errors';

export interface CsvErrorPlace {
  line?: number;
  /** Data row (0 = the header). */
  row?: number;
  column?: number;
}

/** A file that cannot be read as CSV. Always code 'validation'; the message names the line for the user. */
export class CsvFileError extends CrmError {
  readonly line?: number;
  readonly row?: number;
  readonly column?: number;

  constructor(message: string, place: CsvErrorPlace = {}, issues?: ErrorIssue[]) {
    super('validation', message, issues);
    this.name = 'CsvFileError';
    if (place.line !== undefined) this.line = place.line;
    if (place.row !== undefined) this.row = place.row;
    if (place.column !== undefined) this.column = place.column;
  }
}

const count = (n: number) => n.toLocaleString('en-US');

/** Every message the CSV reader can show, in one place so their wording stays consistent. */
export const csvErrors = {
  empty: () => new CsvFileError('The file is empty.'),

  unclosedQuote: (line: number) =>
    new CsvFileError(`Line ${line}: a quoted field starts here and never ends — check for a missing closing quote.`, { line }),

  quoteRunsOn: (line: number, untilLine: number) =>
    new CsvFileError(
      `Line ${line}: a quoted field starts here and runs on to line ${untilLine} without a proper closing quote — check for a missing closing quote.`,
      { line },
    ),

  fieldTooLong: (place: { line: number; row: number; column: number; columnName?: string }, length: number, max: number) => {
    const row = place.row === 0 ? 'the header' : `row ${place.row}`;
    const name = place.columnName ? ` "${place.columnName}"` : '';
    return new CsvFileError(
      `Line ${place.line} (${row}), column ${place.column}${name}: a value of ${count(length)} characters; the most a field can hold is ${count(max)}.`,
      place,
    );
  },

  /** Names the first pair; with more, every pair is also an issue (path `headers.<index>`). */
  duplicateHeaders: (line: number, pairs: readonly { first: number; second: number; name: string }[]) => {
    const say = (p: { first: number; second: number; name: string }) =>
      `Line ${line}: columns ${p.first} and ${p.second} are both called "${p.name}": rename one.`;
    const issues = pairs.length > 1 ? pairs.map((p) => ({ path: `headers.${p.second - 1}`, message: say(p) })) : undefined;
    return new CsvFileError(say(pairs[0]!), { line, row: 0, column: pairs[0]!.second }, issues);
  },

  invalidText: (line: number, encodingName: string, what: string) => {
    const advice = encodingName === 'UTF-8' ? 'save the file as UTF-8 or choose Windows-1252' : 'save the file as UTF-8 or choose another encoding';
    return new CsvFileError(`Line ${line} is not valid ${encodingName} (${what}): ${advice}.`, { line });
  },

  notFound: (name: string) => new CrmError('not_found', `The file "${name}" was not found.`),
  unreadable: (name: string, reason: string) => new CrmError('validation', `The file "${name}" cannot be read (${reason}).`),
};
