import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { columnLabel, CsvFileError, readCsvRows, sniffCsv, type CsvRecord, type ReadCsvOptions } from '../../electron/main/domain/imports/csv';

const fixture = (name: string) => join(__dirname, '../fixtures/imports', name);

async function rowsOf(path: string, options: ReadCsvOptions): Promise<CsvRecord[]> {
  const rows: CsvRecord[] = [];
  for await (const r of readCsvRows(path, options)) rows.push(r);
  return rows;
}

/** Sniffs, then reads with what the sniff found, the way the import wizard does. */
async function importFixture(name: string) {
  const sniff = await sniffCsv(fixture(name));
  return { sniff, rows: await rowsOf(fixture(name), sniff) };
}

async function failure(promise: Promise<unknown>): Promise<CsvFileError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(CsvFileError);
  expect((error as CsvFileError).code).toBe('validation');
  return error as CsvFileError;
}

describe('CSV files users export from their old tools', () => {
  it('reads a plain UTF-8 comma file, quoted commas and doubled quotes included', async () => {
    const { sniff, rows } = await importFixture('contacts-utf8.csv');
    expect(sniff).toMatchObject({ encoding: 'utf-8', bom: false, delimiter: ',', sizeBytes: 640 });
    expect(sniff.headers).toEqual(['First Name', 'Last Name', 'Email', 'Phone', 'Title', 'Account Name', 'Mailing City', 'Mailing Country']);
    expect(sniff.sample).toHaveLength(6);
    expect(sniff.sample[0]).toEqual(['Anna', 'Müller', 'anna.mueller@example.de', '+49 30 1234567', 'Head of Purchasing', 'Müller & Söhne GmbH', 'Berlin', 'Germany']);
    expect(rows.map((r) => [r.row, r.line])).toEqual([[1, 2], [2, 3], [3, 4], [4, 5], [5, 6], [6, 7]]);
    expect(rows[1]!.values[5]).toBe('Dupont, Fils et Cie');
    expect(rows[3]!.values).toEqual(['José', 'O"Brien', 'jose.obrien@example.ie', '', 'Buyer', 'The "Green" Shop', 'Dublin', 'Ireland']);
    expect(rows[4]!.values.slice(0, 2)).toEqual(['Yuki', '田中']);
    // A quote inside an unquoted field is text; a four-byte character survives.
    expect(rows[5]!.values.slice(4, 6)).toEqual(['12" monitor buyer', 'Acme 😀 Ltd']);
  });

  it('reads an Excel UTF-8 export with a BOM, semicolons, CRLF and decimal commas', async () => {
    const { sniff, rows } = await importFixture('contacts-utf8-bom-semicolon.csv');
    expect(sniff).toMatchObject({ encoding: 'utf-8', bom: true, delimiter: ';' });
    // The BOM is not part of the first column's name.
    expect(sniff.headers[0]).toBe('First Name');
    expect(sniff.headers.at(-1)).toBe('Annual Revenue');
    expect(rows.map((r) => r.values.at(-1))).toEqual(['1,5', '1.234,50', '12.000,00']);
    expect(rows[1]!.values.slice(0, 5)).toEqual(['Anna', 'Müller', 'anna@example.de', '', 'Müller; Söhne']);
    expect(rows[2]!.values[4]).toBe('Zola, Frères & Co');
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('reads an Excel "Unicode text" export: UTF-16LE with a BOM, tabs, CRLF, Greek and a surrogate pair', async () => {
    const { sniff, rows } = await importFixture('contacts-utf16le.csv');
    expect(sniff).toMatchObject({ encoding: 'utf-16le', bom: true, delimiter: '\t' });
    expect(sniff.headers).toEqual(['First Name', 'Last Name', 'Email', 'Phone', 'Account Name', 'Mailing City', 'Mailing Country']);
    expect(rows.map((r) => r.values[1])).toEqual(['Müller', 'Καλός', 'Smith']);
    expect(rows[2]!.values[4]).toBe('Acme 😀 Ltd');
    expect(rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });

  it('reads a Windows-1252 file: umlauts, ø, the euro sign and curly quotes, a nameless last column, Excel’s empty ;;; rows skipped', async () => {
    const { sniff, rows } = await importFixture('contacts-windows1252-semicolon.csv');
    expect(sniff).toMatchObject({ encoding: 'windows-1252', bom: false, delimiter: ';' });
    expect(sniff.headers).toEqual(['Vorname', 'Nachname', 'E-Mail', 'Telefon', 'Firma', 'Ort', 'Land', 'Umsatz', '']);
    expect(columnLabel(sniff.headers, 8)).toBe('Column 9');
    expect(columnLabel(sniff.headers, 7)).toBe('Umsatz');
    expect(rows).toHaveLength(4);
    expect(rows[0]!.values).toEqual(['Jürgen', 'Müller', 'j.mueller@example.de', '+49 89 123456', 'Müller & Söhne GmbH', 'München', 'Deutschland', '1.234,50 €', '']);
    expect(rows[1]!.values.slice(0, 2)).toEqual(['Françoise', 'Lefèvre']);
    expect(rows[1]!.values[4]).toBe('Lefèvre; Associés');
    expect(rows[1]!.values[7]).toBe('€ 99,90');
    expect(rows[2]!.values.slice(0, 2)).toEqual(['Søren', 'Øster']);
    // 0x92, 0x93, 0x94 are the bytes Node's own windows-1252 decoder gets wrong.
    expect(rows[3]!.values[1]).toBe('O’Neil');
    expect(rows[3]!.values[4]).toBe('“Quotes” Ltd');
  });

  it('reads a tab-separated Outlook export whose values hold commas, semicolons and a quoted tab', async () => {
    const { sniff, rows } = await importFixture('contacts-tab.tsv');
    expect(sniff).toMatchObject({ encoding: 'utf-8', delimiter: '\t' });
    expect(sniff.headers[2]).toBe('E-mail Address');
    expect(rows.map((r) => r.values)).toEqual([
      ['Ann', 'Lee', 'ann.lee@example.com', '+1 415 555 0100', 'VP, Sales', 'Acme, Inc.', 'San Francisco', 'United States'],
      ['Bob', "O'Hara", 'bob@example.com', '', 'Buyer; Europe', 'Tabs\tInside', 'Dublin', 'Ireland'],
    ]);
  });

  it('keeps CRLF and LF inside quoted values, and later rows keep their true line numbers', async () => {
    const { rows } = await importFixture('embedded-newlines.csv');
    expect(rows).toEqual([
      { row: 1, line: 2, values: ['Anna', 'Müller', 'anna@example.de', 'Hauptstraße 1\r\nHinterhaus', 'Met at the fair'] },
      { row: 2, line: 4, values: ['Bob', 'Smith', 'bob@example.com', '1 Main St\nSuite 200\nFloor 3', 'Said "call me"\r\nnext week'] },
      { row: 3, line: 9, values: ['Carla', 'Rossi', 'carla@example.it', 'Via Roma 1', ''] },
    ]);
  });

  it('names the line where a quoted field opens and never closes, after reading every row before it', async () => {
    const path = fixture('unbalanced-quotes.csv');
    const message = 'Line 5: a quoted field starts here and never ends — check for a missing closing quote.';
    expect((await failure(sniffCsv(path))).message).toBe(message);
    const seen: CsvRecord[] = [];
    const error = await failure(
      (async () => {
        for await (const r of readCsvRows(path, { encoding: 'utf-8', delimiter: ',' })) seen.push(r);
      })(),
    );
    expect(error.message).toBe(message);
    expect(error.line).toBe(5);
    // Line 3's stray quote (27" monitor) is text, not the start of a quoted field.
    expect(seen.map((r) => r.values[3])).toEqual(['VP Sales', '27" monitor fan', 'CTO']);
  });

  it('refuses a mixed-encoding file at the line of the first foreign byte', async () => {
    const path = fixture('mixed-encodings.csv');
    const message = 'Line 5 is not valid UTF-8 (byte 0xE9): save the file as UTF-8 or choose Windows-1252.';
    // The sample has real UTF-8 (Müller) and a Windows-1252 "é": that is UTF-8 with a broken line, not Windows-1252.
    expect((await failure(sniffCsv(path))).message).toBe(message);
    const seen: string[] = [];
    const error = await failure(
      (async () => {
        for await (const r of readCsvRows(path, { encoding: 'utf-8', delimiter: ',' })) seen.push(r.values[1]!);
      })(),
    );
    expect(error).toMatchObject({ message, line: 5 });
    expect(seen).toEqual(['Müller', 'Øster', 'Smith']);
  });

  it('reads the mixed file the user chose to read as Windows-1252 without an error', async () => {
    const sniff = await sniffCsv(fixture('mixed-encodings.csv'), { encoding: 'windows-1252' });
    expect(sniff.encoding).toBe('windows-1252');
    expect(sniff.sample.map((r) => r[3])).toEqual(['MÃ¼ller GmbH', 'Ã˜ster ApS', 'Acme', 'Société Générale', 'Jones Ltd']);
  });

  it('says the file is empty', async () => {
    const error = await failure(sniffCsv(fixture('empty.csv')));
    expect(error.message).toBe('The file is empty.');
    expect((await failure(rowsOf(fixture('empty.csv'), { encoding: 'utf-8', delimiter: ',' }))).message).toBe('The file is empty.');
  });

  it('sniffs a header-only file with an empty sample, and reading it yields no rows', async () => {
    const { sniff, rows } = await importFixture('header-only.csv');
    expect(sniff.headers).toEqual(['First Name', 'Last Name', 'Email', 'Phone', 'Account Name']);
    expect(sniff.sample).toEqual([]);
    expect(rows).toEqual([]);
  });

  it('refuses two columns with the same name, ignoring case and spaces', async () => {
    const message = 'Line 1: columns 2 and 5 are both called "Email": rename one.';
    const error = await failure(sniffCsv(fixture('duplicate-headers.csv')));
    expect(error).toMatchObject({ message, line: 1, column: 5 });
    expect((await failure(rowsOf(fixture('duplicate-headers.csv'), { encoding: 'utf-8', delimiter: ',' }))).message).toBe(message);
  });
});
