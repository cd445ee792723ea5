import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CrmError } from '../../shared/errors';
import { CsvFileError, readCsvRows, sniffCsv, type CsvRecord, type ReadCsvOptions } from '../../electron/main/domain/imports/csv';
import { tempDir } from '../support/temp-host';

const dir = tempDir('crm-csv-stream-');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let fileNo = 0;
function file(content: string | Buffer): string {
  const path = join(dir, `f${fileNo++}.csv`);
  writeFileSync(path, content);
  return path;
}

async function read(path: string, options: ReadCsvOptions) {
  const rows: CsvRecord[] = [];
  let error: unknown = null;
  try {
    for await (const r of readCsvRows(path, options)) rows.push(r);
  } catch (e) {
    error = e;
  }
  return { rows, error: error as (Error & { line?: number }) | null };
}

async function sniffError(path: string): Promise<CsvFileError> {
  const error = await sniffCsv(path).then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(CsvFileError);
  return error as CsvFileError;
}

const utf8 = { encoding: 'utf-8', delimiter: ',' } as const;
const openFiles = () => readdirSync('/proc/self/fd').length;

describe('limits that keep a bad file from taking the machine down', () => {
  it('refuses a 10 MB value, naming line, row and column, after the rows before it', async () => {
    const big = 'x'.repeat(10 * 1024 * 1024);
    const path = file(`First Name,Last Name,Email,Phone\nAnn,Lee,ann@example.com,1\nBob,Roe,bob@example.com,${big}\nCid,Poe,cid@example.com,3\n`);
    const { rows, error } = await read(path, utf8);
    expect(rows.map((r) => r.values[0])).toEqual(['Ann']);
    expect(error).toBeInstanceOf(CsvFileError);
    expect(error!.message).toBe('Line 3 (row 2), column 4 "Phone": a value of 10,485,760 characters; the most a field can hold is 1,000,000.');
    expect(error).toMatchObject({ line: 3, row: 2, column: 4 });
  });

  it('applies a smaller limit the caller sets, to quoted values spread over lines too', async () => {
    const path = file(`Name,Notes\r\n"Ann","${'ab\r\n'.repeat(10)}"\r\n`);
    const { error } = await read(path, { ...utf8, maxFieldChars: 39 });
    expect(error!.message).toBe('Line 2 (row 1), column 2 "Notes": a value of 40 characters; the most a field can hold is 39.');
    expect((await read(path, { ...utf8, maxFieldChars: 40 })).rows[0]!.values[1]).toBe('ab\r\n'.repeat(10));
  });
});

describe('200,000 rows', () => {
  const rowCount = 200_000;
  let path = '';
  let sizeBytes = 0;
  beforeAll(() => {
    const lines = ['First Name,Last Name,Email,Phone,Title,Account Name,Mailing City,Annual Revenue'];
    for (let i = 1; i <= rowCount; i++)
      lines.push(`Anna ${i},Müller-${i % 97},anna.${i}@example.de,+49 30 ${1_000_000 + i},"Head of ""Purchasing"", EMEA",Müller & Söhne ${i % 977},Berlin,"${i},50 €"`);
    const content = Buffer.from(lines.join('\r\n') + '\r\n', 'utf8');
    sizeBytes = content.length;
    path = file(content);
  });

  it('does not hold the file in memory', async () => {
    v8.setFlagsFromString('--expose-gc');
    const gc = vm.runInNewContext('gc') as () => void;
    gc();
    const baseline = process.memoryUsage().heapUsed;
    let peak = 0;
    let count = 0;
    for await (const _ of readCsvRows(path, utf8)) {
      if (++count % 25_000 === 0) {
        gc();
        peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      }
    }
    expect(count).toBe(rowCount);
    // The file is ~27 MB of UTF-8, ~54 MB as a JavaScript string; the reader keeps one 256 KiB read.
    expect(sizeBytes).toBeGreaterThan(25_000_000);
    expect(peak).toBeLessThan(8_000_000);
  });

  it('streams every row with the right count, last values and line, reporting progress to the last byte', async () => {
    let count = 0;
    let last: CsvRecord | null = null;
    const progress: number[] = [];
    for await (const r of readCsvRows(path, { ...utf8, onBytes: (read, total) => (expect(total).toBe(sizeBytes), progress.push(read)) })) {
      count++;
      last = r;
    }
    expect(count).toBe(rowCount);
    expect(last).toEqual({
      row: 200_000,
      line: 200_001,
      values: ['Anna 200000', 'Müller-83', 'anna.200000@example.de', '+49 30 1200000', 'Head of "Purchasing", EMEA', 'Müller & Söhne 692', 'Berlin', '200000,50 €'],
    });
    expect(progress.at(-1)).toBe(sizeBytes);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.length).toBeGreaterThan(10);
  });
});

describe('characters and line breaks cut by a read', () => {
  const text = 'Name;City;Note\r\nMüller;Zürich;"a\r\nb"\r\nØster;København;1.234,50 €\r\nZoë;東京;😀 ok\r\n';
  const expected = [
    { row: 1, line: 2, values: ['Müller', 'Zürich', 'a\r\nb'] },
    { row: 2, line: 4, values: ['Øster', 'København', '1.234,50 €'] },
    { row: 3, line: 5, values: ['Zoë', '東京', '😀 ok'] },
  ];

  it.each([
    ['utf-8', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])],
    ['utf-16le', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['utf-16be', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()])],
  ] as const)('%s: every read size from 1 to 9 bytes gives the same rows', async (encoding, bytes) => {
    const path = file(bytes);
    expect(await sniffCsv(path)).toMatchObject({ encoding, bom: true, delimiter: ';' });
    for (let chunkBytes = 1; chunkBytes <= 9; chunkBytes++) {
      const { rows, error } = await read(path, { encoding, delimiter: ';', chunkBytes });
      expect(error).toBeNull();
      expect(rows).toEqual(expected);
    }
  });

  it('windows-1252: the euro sign and umlauts at every read boundary', async () => {
    const path = file(Buffer.from('Name;Umsatz\r\nM\xfcller;1.234,50 \x80\r\n\x8cuvre;\x93x\x94\r\n', 'latin1'));
    for (let chunkBytes = 1; chunkBytes <= 5; chunkBytes++) {
      const { rows } = await read(path, { encoding: 'windows-1252', delimiter: ';', chunkBytes });
      expect(rows.map((r) => r.values)).toEqual([['Müller', '1.234,50 €'], ['Œuvre', '“x”']]);
    }
  });
});

describe('line endings', () => {
  it('reads old Mac files (CR only), line numbers included, with CRs inside quotes', async () => {
    const path = file('First Name,Last Name,Notes\rAnn,Lee,"one\rtwo"\r\rBob,Roe,plain\rCid,Poe,"x"\r');
    expect(await sniffCsv(path)).toMatchObject({ delimiter: ',', headers: ['First Name', 'Last Name', 'Notes'] });
    for (const chunkBytes of [1, 2, 1024]) {
      const { rows } = await read(path, { ...utf8, chunkBytes });
      expect(rows).toEqual([
        { row: 1, line: 2, values: ['Ann', 'Lee', 'one\rtwo'] },
        { row: 2, line: 5, values: ['Bob', 'Roe', 'plain'] },
        { row: 3, line: 6, values: ['Cid', 'Poe', 'x'] },
      ]);
    }
  });
});

describe('cancelling', () => {
  let path = '';
  let sizeBytes = 0;
  beforeAll(() => {
    const lines = ['Name,Email'];
    for (let i = 0; i < 100_000; i++) lines.push(`Person ${i},p${i}@example.com`);
    const content = lines.join('\n');
    sizeBytes = Buffer.byteLength(content);
    path = file(content);
  });

  it('stops reading soon after the signal and closes the file', async () => {
    const files = openFiles();
    const controller = new AbortController();
    let bytesRead = 0;
    let count = 0;
    const { error } = await (async () => {
      try {
        for await (const _ of readCsvRows(path, { ...utf8, chunkBytes: 16 * 1024, signal: controller.signal, onBytes: (n) => (bytesRead = n) })) {
          if (++count === 1000) controller.abort();
        }
        return { error: null };
      } catch (e) {
        return { error: e as Error };
      }
    })();
    expect(error?.name).toBe('AbortError');
    expect(count).toBe(1000);
    expect(bytesRead).toBeLessThan(sizeBytes / 10);
    expect(openFiles()).toBe(files);
  });

  it('throws the reason the caller gave when cancelled before the first row', async () => {
    const reason = new Error('closed by the user');
    const { rows, error } = await read(path, { ...utf8, signal: AbortSignal.abort(reason) });
    expect(error).toBe(reason);
    expect(rows).toEqual([]);
  });

  it('closes the file when the caller stops iterating', async () => {
    const files = openFiles();
    for await (const r of readCsvRows(path, utf8)) if (r.row === 10) break;
    expect(openFiles()).toBe(files);
  });
});

describe('encodings that do not hold', () => {
  it('refuses invalid UTF-8 far beyond the sniff window, at its line, after every row before it', async () => {
    const lines = ['First Name,Last Name,Account Name'];
    for (let i = 2; i < 50_000; i++) lines.push(`Ann${i},Lee,Acme ${i}`);
    const head = Buffer.from(lines.join('\n') + '\n');
    const path = file(Buffer.concat([head, Buffer.from('Claire,Martin,Soci\xe9t\xe9 G\xe9n\xe9rale\nTom,Jones,Jones Ltd\n', 'latin1')]));
    const sniff = await sniffCsv(path);
    expect(sniff.encoding).toBe('utf-8');
    for (const chunkBytes of [undefined, 4099]) {
      const { rows, error } = await read(path, { ...sniff, ...(chunkBytes ? { chunkBytes } : {}) });
      expect(rows).toHaveLength(49_998);
      expect(rows.at(-1)).toEqual({ row: 49_998, line: 49_999, values: ['Ann49999', 'Lee', 'Acme 49999'] });
      expect(error).toBeInstanceOf(CsvFileError);
      expect(error!.message).toBe('Line 50000 is not valid UTF-8 (byte 0xE9): save the file as UTF-8 or choose Windows-1252.');
      expect(error!.line).toBe(50_000);
    }
  });

  it('names the same line and byte wherever the reads cut, a line break just before the byte included', async () => {
    const path = file(Buffer.concat([Buffer.from('a,b\r\nMüller,x\r\n'), Buffer.from([0x93]), Buffer.from('Quoted,y\r\n')]));
    for (let chunkBytes = 1; chunkBytes <= 8; chunkBytes++) {
      const { rows, error } = await read(path, { ...utf8, chunkBytes });
      expect(rows.map((r) => r.values[0])).toEqual(['Müller']);
      expect(error!.message).toBe('Line 3 is not valid UTF-8 (byte 0x93): save the file as UTF-8 or choose Windows-1252.');
    }
  });

  it('refuses a file that ends in the middle of a character', async () => {
    const path = file(Buffer.concat([Buffer.from('a,b\nx,caf'), Buffer.from([0xc3])]));
    const { rows, error } = await read(path, utf8);
    expect(error!.message).toBe('Line 2 is not valid UTF-8 (byte 0xC3): save the file as UTF-8 or choose Windows-1252.');
    expect(rows).toEqual([]);
  });

  it('refuses UTF-8 that encodes a surrogate, which decoders reject but a naive byte check accepts', async () => {
    const path = file(Buffer.concat([Buffer.from('a,b\nx,'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\n')]));
    expect((await read(path, utf8)).error!.message).toBe('Line 2 is not valid UTF-8 (byte 0xED): save the file as UTF-8 or choose Windows-1252.');
  });

  it('refuses an unpaired surrogate in UTF-16', async () => {
    const units = Buffer.from('a,b\nx,y\n\uFFFF,z\n', 'utf16le');
    units.writeUInt16LE(0xd83d, 16); // the U+FFFF placeholder on line 3
    const path = file(Buffer.concat([Buffer.from([0xff, 0xfe]), units]));
    const { rows, error } = await read(path, { encoding: 'utf-16le', delimiter: ',', chunkBytes: 3 });
    expect(rows.map((r) => r.values)).toEqual([['x', 'y']]);
    expect(error!.message).toBe('Line 3 is not valid UTF-16LE (unpaired surrogate 0xD83D): save the file as UTF-8 or choose another encoding.');
  });
});

describe('odd shapes', () => {
  it.each([
    ['only a BOM', Buffer.from([0xef, 0xbb, 0xbf]), ','],
    ['only blank lines and spaces', Buffer.from('\r\n  \r\n\t\n\n'), ','],
    ['only the empty rows Excel leaves', Buffer.from(';;;\r\n;;;\r\n'), ';'],
  ] as const)('calls a file with %s empty', async (_, bytes, delimiter) => {
    const path = file(bytes);
    await expect(sniffCsv(path)).rejects.toThrow(new CsvFileError('The file is empty.'));
    expect((await read(path, { encoding: 'utf-8', delimiter })).error!.message).toBe('The file is empty.');
  });

  it('yields rows with more or fewer values than the header as they are', async () => {
    const { rows, error } = await read(file('a,b,c\n1,2\n1,2,3,4\n\n1,2,3\n'), utf8);
    expect(error).toBeNull();
    expect(rows).toEqual([
      { row: 1, line: 2, values: ['1', '2'] },
      { row: 2, line: 3, values: ['1', '2', '3', '4'] },
      { row: 3, line: 5, values: ['1', '2', '3'] },
    ]);
  });

  it('names the line where a quoted field went wrong when a later quote would otherwise close it', async () => {
    const path = file('Name,Company,City\nAnn,"Acme, Inc,Boston\nBob,Roe,"Salem"\nCid,Poe,Lynn\n');
    const { rows, error } = await read(path, utf8);
    expect(rows).toEqual([]);
    expect(error!.message).toBe(
      'Line 2: a quoted field starts here and runs on to line 3 without a proper closing quote — check for a missing closing quote.',
    );
  });

  it('lists every duplicate column, and allows any number of columns without a name', async () => {
    const sniff = await sniffCsv(file('Email,,Phone, ,Title\nx,,y,,z\n'));
    expect(sniff.headers).toEqual(['Email', '', 'Phone', '', 'Title']);
    const error = await sniffError(file('Email,,Phone,,email,PHONE\nx,,y,,z,w\n'));
    expect(error.message).toBe('Line 1: columns 1 and 5 are both called "Email": rename one.');
    expect(error.issues).toEqual([
      { path: 'headers.4', message: 'Line 1: columns 1 and 5 are both called "Email": rename one.' },
      { path: 'headers.5', message: 'Line 1: columns 3 and 6 are both called "Phone": rename one.' },
    ]);
    const spaced = await sniffError(file('\n\nFirst Name,first  name\n'));
    expect(spaced.message).toBe('Line 3: columns 1 and 2 are both called "First Name": rename one.');
  });

  it('says which file is missing', async () => {
    const error = await sniffCsv(join(dir, 'contacts-2024.csv')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CrmError);
    expect((error as CrmError).toShape()).toEqual({ code: 'not_found', message: 'The file "contacts-2024.csv" was not found.' });
  });

  it('takes a sample of the size asked for', async () => {
    const lines = ['A,B', ...Array.from({ length: 50 }, (_, i) => `${i},x`)];
    const path = file(lines.join('\n'));
    expect((await sniffCsv(path)).sample).toHaveLength(20);
    expect((await sniffCsv(path, { sampleRows: 3 })).sample).toEqual([['0', 'x'], ['1', 'x'], ['2', 'x']]);
    expect(await sniffCsv(path, { sampleRows: 0 })).toMatchObject({ headers: ['A', 'B'], sample: [] });
  });
});
