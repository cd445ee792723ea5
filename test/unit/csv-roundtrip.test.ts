import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, expect, it } from 'vitest';
import { readCsvRows, type CsvDelimiter, type CsvEncoding } from '../../electron/main/domain/imports/csv';
import { rmSync } from 'node:fs';
import { tempDir } from '../support/temp-host';

const dir = tempDir('crm-csv-roundtrip-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const piece = fc.constantFrom('a', 'Z', ' ', ',', ';', '\t', '"', '""', '\r', '\n', '\r\n', 'é', '€', '😀', 'Müller', '1,5');
const value = fc.array(piece, { maxLength: 6 }).map((p) => p.join(''));
const lineBreaks = (s: string) => (s.match(/\r\n|\r|\n/g) ?? []).length;

function encode(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  if (encoding === 'utf-16be') return Buffer.from(text, 'utf16le').swap16();
  return Buffer.from(text, 'utf8');
}

it('reads back what a CSV writer (papaparse) wrote: any values, delimiter, line ending, encoding and read size', async () => {
  let file = 0;
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 5 }).chain((width) =>
        fc.record({
          rows: fc.array(fc.array(value, { minLength: width, maxLength: width }), { maxLength: 12 }),
          width: fc.constant(width),
        }),
      ),
      fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
      fc.constantFrom('\r\n', '\n', '\r'),
      fc.constantFrom<CsvEncoding>('utf-8', 'utf-16le', 'utf-16be'),
      fc.integer({ min: 1, max: 40 }),
      fc.boolean(),
      async ({ rows, width }, delimiter, newline, encoding, chunkBytes, quoteAll) => {
        const header = Array.from({ length: width }, (_, i) => `Column ${i}`);
        const lines = [header, ...rows].map((r) => Papa.unparse([r], { delimiter, newline, quotes: quoteAll }));
        const path = join(dir, `${file++}.csv`);
        writeFileSync(path, encode(lines.join(newline) + newline, encoding));

        const expected: { row: number; line: number; values: string[] }[] = [];
        let line = 1 + lineBreaks(lines[0]!) + 1;
        rows.forEach((values, i) => {
          // A record of one empty value is written as an empty line, and whitespace-only rows are blank lines: both skipped.
          if (values.some((v) => v.trim() !== '')) expected.push({ row: expected.length + 1, line, values });
          line += lineBreaks(lines[i + 1]!) + 1;
        });

        const actual = [];
        for await (const r of readCsvRows(path, { encoding, delimiter, chunkBytes })) actual.push(r);
        expect(actual).toEqual(expected);
      },
    ),
    { numRuns: 300 },
  );
});
