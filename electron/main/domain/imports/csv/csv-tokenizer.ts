import type { CsvDelimiter } from './csv-types';

const QUOTE = 34;
const CR = 13;
const LF = 10;
const SPACE = 32;

const RECORD_START = 0;
const FIELD_START = 1;
const UNQUOTED = 2;
const QUOTED = 3;
/** A quote inside a quoted field: an escaped quote, the closing quote, or a stray one. */
const QUOTE_SEEN = 4;
/** Spaces after that quote: `"abc"  ,` still closes the field. */
const QUOTE_SPACES = 5;

export interface RawRecord {
  line: number;
  values: string[];
}

export type CsvSyntaxFailure =
  | { kind: 'unclosed-quote'; line: number }
  | { kind: 'quote-runs-on'; line: number; untilLine: number }
  | { kind: 'field-too-long'; line: number; column: number; length: number };

/**
 * Splits text, given in pieces of any size, into records. Fields are RFC 4180 with the leniencies
 * real exports need: a quote inside an unquoted field is text (`ab"c`); CRLF, LF and CR all end a
 * line; a stray quote inside a quoted field on its first line is text (`"He said "hi" to me"`).
 *
 * A stray quote after the quoted field has crossed a line break is a failure instead: that is what a
 * missing closing quote looks like further down (the field swallowed the line breaks and the next
 * quote it meets is some other field's opening quote), and going on would silently merge records.
 *
 * Failures are kept in `failure` rather than thrown, so records completed before the failing spot
 * are delivered first whatever the read size.
 */
export class CsvTokenizer {
  /** Physical line of the next character. */
  line = 1;
  failure: CsvSyntaxFailure | null = null;

  private readonly delimiter: number;
  private state = RECORD_START;
  private row: string[] = [];
  private recordLine = 1;
  private fieldLine = 1;
  private field = '';
  /** Counts on past maxFieldChars (without storing) so the error can say how long the value is. */
  private fieldLength = 0;
  private quotedCrossedLine = false;
  private quoteSpaces = 0;
  private previousPieceEndedWithCR = false;

  constructor(
    delimiter: CsvDelimiter,
    private readonly maxFieldChars: number,
  ) {
    this.delimiter = delimiter.charCodeAt(0);
  }

  push(text: string, out: RawRecord[]): void {
    const n = text.length;
    const d = this.delimiter;
    // Character loops rather than indexOf. indexOf was faster in isolation, but on Node 20, once the
    // delimiter guess had run this code on other delimiters, its indexOf calls on quoted fields
    // slowed down 25-fold (1M rows: 50 s instead of 2 s); the loops keep their speed whatever ran before.
    let i = 0;
    while (i < n && !this.failure) {
      const state = this.state;
      if (state === UNQUOTED) {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === d || c === CR || c === LF) break;
          j++;
        }
        if (j === n) {
          this.append(text.slice(i, j));
          break;
        }
        if (this.fieldLength === 0 && j - i <= this.maxFieldChars) this.row.push(text.slice(i, j)); // the usual case, kept lean
        else {
          if (j > i) this.append(text.slice(i, j));
          if (!this.endField()) break;
        }
        if (text.charCodeAt(j) === d) {
          this.state = FIELD_START;
          i = j + 1;
        } else {
          this.endRecord(out);
          i = j; // RECORD_START counts the line break
        }
      } else if (state === FIELD_START) {
        this.fieldLine = this.line;
        if (text.charCodeAt(i) === QUOTE) {
          this.state = QUOTED;
          this.quotedCrossedLine = false;
          i++;
        } else this.state = UNQUOTED;
      } else if (state === RECORD_START) {
        const c = text.charCodeAt(i);
        if (c === CR || c === LF) {
          // Blank lines are not records.
          if (c === CR || !this.crBefore(text, i)) this.line++;
          i++;
        } else {
          this.recordLine = this.line;
          this.state = FIELD_START;
        }
      } else if (state === QUOTED) {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === QUOTE) break;
          if (c === CR || (c === LF && !this.crBefore(text, j))) {
            this.line++;
            this.quotedCrossedLine = true;
          }
          j++;
        }
        if (j > i) this.append(text.slice(i, j));
        if (j === n) break;
        this.state = QUOTE_SEEN;
        i = j + 1;
      } else {
        const c = text.charCodeAt(i);
        if (c === QUOTE && state === QUOTE_SEEN) {
          this.append('"');
          this.state = QUOTED;
          i++;
        } else if (c === SPACE) {
          this.quoteSpaces = state === QUOTE_SEEN ? 1 : this.quoteSpaces + 1;
          this.state = QUOTE_SPACES;
          i++;
        } else if (c === d || c === CR || c === LF) {
          if (!this.endField()) break;
          if (c === d) {
            this.state = FIELD_START;
            i++;
          } else this.endRecord(out);
        } else this.strayQuote(); // the same character is read again as part of the quoted field
      }
    }
    if (n > 0) this.previousPieceEndedWithCR = text.charCodeAt(n - 1) === CR;
  }

  /** The text has ended. */
  end(out: RawRecord[]): void {
    if (this.failure) return;
    if (this.state === RECORD_START) return;
    if (this.state === QUOTED) {
      this.failure = { kind: 'unclosed-quote', line: this.fieldLine };
      return;
    }
    if (this.endField()) this.endRecord(out);
  }

  private crBefore(text: string, i: number): boolean {
    return i > 0 ? text.charCodeAt(i - 1) === CR : this.previousPieceEndedWithCR;
  }

  private append(piece: string): void {
    const length = this.fieldLength + piece.length;
    this.fieldLength = length;
    if (length > this.maxFieldChars) this.field = '';
    else this.field = this.field.length === 0 ? piece : this.field + piece;
  }

  private endField(): boolean {
    if (this.fieldLength > this.maxFieldChars) {
      this.failure = { kind: 'field-too-long', line: this.fieldLine, column: this.row.length + 1, length: this.fieldLength };
      return false;
    }
    this.row.push(this.field);
    this.field = '';
    this.fieldLength = 0;
    return true;
  }

  private endRecord(out: RawRecord[]): void {
    out.push({ line: this.recordLine, values: this.row });
    this.row = [];
    this.state = RECORD_START;
  }

  private strayQuote(): void {
    if (this.quotedCrossedLine) {
      this.failure = { kind: 'quote-runs-on', line: this.fieldLine, untilLine: this.line };
      return;
    }
    this.append(this.state === QUOTE_SPACES ? '"' + ' '.repeat(this.quoteSpaces) : '"');
    this.state = QUOTED;
  }
}
