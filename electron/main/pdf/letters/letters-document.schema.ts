/**
 * What a mail-merge letters PDF is made from, checked before any page is
 * written. The fields arrive merged by the campaign; the schema also cleans
 * them (control characters, stray spaces, empty address lines), so its
 * limits apply to what would be printed: six address lines of which one is
 * blank are five, and fit the window.
 */
import { z } from 'zod';
import { CrmError, type ErrorIssue } from '../../../../shared/errors';
import { cleanLine, cleanParagraphs } from '../pdf-text';
import { LETTER_LAYOUT_NAMES } from './letter-layout';

/** A window shows five lines of 10-point type with room to spare; more would need smaller type than a sorter reads. */
export const MAX_RECIPIENT_LINES = 5;
/** Bounds one render's time and memory (10,000 one-page letters take seconds); larger mailings are split by the caller. */
export const MAX_LETTERS = 50_000;
export const MAX_BODY_CHARS = 20_000;
const MAX_LINE_CHARS = 1_000;
const MAX_LOGO_BYTES = 20 * 1024 * 1024;

const RawLine = z.string().max(MAX_LINE_CHARS, `At most ${MAX_LINE_CHARS} characters`);
const PrintedLine = RawLine.transform(cleanLine);

/** Cleans each line and drops the ones left empty, then counts. */
const lineList = (maxRaw: number) =>
  z
    .array(RawLine)
    .max(maxRaw, `At most ${maxRaw} lines`)
    .transform((lines) => lines.map(cleanLine).filter((line) => line !== ''));

const RecipientLines = lineList(50).pipe(
  z
    .array(z.string())
    .min(1, 'The letter has no address')
    .refine((lines) => lines.length <= MAX_RECIPIENT_LINES, {
      error: (issue) => `At most ${MAX_RECIPIENT_LINES} address lines fit the window; this address has ${(issue.input as string[]).length}`,
    }),
);

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const isPngOrJpeg = (bytes: Uint8Array) =>
  PNG_SIGNATURE.every((b, i) => bytes[i] === b) || (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff);

/**
 * Logo bytes as readLogo() (../quote-logo.ts) returns them: that function
 * checks the whole image, which matters because pdfkit decodes some PNGs in
 * a callback whose errors no caller can catch. Here only the kind is checked.
 */
const Logo = z
  .custom<Uint8Array>((value) => value instanceof Uint8Array, 'The logo must be the bytes of a PNG or JPEG image')
  .refine((bytes) => bytes.length <= MAX_LOGO_BYTES, 'The logo is larger than 20 MB')
  .refine(isPngOrJpeg, 'The logo must be a PNG or JPEG image');

export const LetterSchema = z.object({
  /** Name, company, street, postal code and city, country — see addressLines(). */
  recipientLines: RecipientLines,
  /** Plain text, already merged; paragraphs are separated by blank lines, single line breaks are kept. */
  body: z
    .string()
    .max(MAX_BODY_CHARS, `At most ${MAX_BODY_CHARS} characters`)
    .transform(cleanParagraphs)
    .pipe(z.string().min(1, 'The letter has no text')),
});

export const LettersDocumentSchema = z.object({
  sender: z.object({
    name: PrintedLine.pipe(z.string().min(1, 'The sender needs a name (the company profile has none)')),
    /** Street, postal code and city, country: printed in the letterhead and, joined, as the return address. */
    addressLines: lineList(6),
    logo: Logo.nullable().optional(),
  }),
  layout: z.enum(LETTER_LAYOUT_NAMES, { error: `The layout must be one of ${LETTER_LAYOUT_NAMES.join(', ')}` }),
  /** Printed as given, e.g. "22 November 2026" or "22.11.2026". */
  date: PrintedLine.pipe(z.string().min(1, 'The letter needs a date')),
  subject: PrintedLine.nullable().optional(),
  letters: z
    .array(LetterSchema)
    .min(1, 'There are no letters to print')
    .max(MAX_LETTERS, `At most ${MAX_LETTERS} letters in one file`),
});

/** What the caller builds. */
export type LettersDocument = z.input<typeof LettersDocumentSchema>;
/** The same, cleaned and checked: what the layout prints. */
export type PrintableLetters = z.output<typeof LettersDocumentSchema>;
export type PrintableLetter = PrintableLetters['letters'][number];

/**
 * The cleaned document, or a CrmError('validation') naming up to five
 * offending fields, e.g. "letters[3].recipientLines: At most 5 address
 * lines fit the window; this address has 6".
 */
export function parseLettersDocument(input: unknown): PrintableLetters {
  const result = LettersDocumentSchema.safeParse(input);
  if (result.success) return result.data;
  const issues: ErrorIssue[] = result.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
  const shown = issues.slice(0, 5).map((issue) => `${issue.path}: ${issue.message}`);
  const more = issues.length > shown.length ? ` (and ${issues.length - shown.length} more)` : '';
  throw new CrmError('validation', `Cannot print these letters: ${shown.join('; ')}${more}`, issues.slice(0, 100));
}

function formatPath(path: readonly PropertyKey[]): string {
  if (!path.length) return 'document';
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}
