import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upload } from '../support/import-upload';
import { tempDir, tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const CONTACT_COLUMNS = [
  { colId: 'firstName', header: 'First name' },
  { colId: 'lastName', header: 'Last name' },
  { colId: 'title', header: 'Title' },
  { colId: 'email', header: 'E-mail' },
  { colId: 'phone', header: 'Phone' },
  { colId: 'accountName', header: 'Account' },
  { colId: 'city', header: 'City' },
  { colId: 'country', header: 'Country' },
  { colId: 'ownerName', header: 'Owner' },
];

async function seed() {
  const acme = await host.call('accounts.create', { name: 'Acme GmbH', annualRevenue: { amountMinor: 123456789, currency: 'EUR' } });
  await host.call('contacts.create', { firstName: 'Hans', lastName: 'Müller', title: '=HYPERLINK("http://evil")', emails: [{ address: 'hans@example.com' }], phones: [{ number: '+49 89 1234567' }], accountId: acme.id, address: { city: 'München', country: 'DE' } });
  await host.call('contacts.create', { firstName: 'Zoë', lastName: 'Adams', title: '-5 sales, "quoted"\nsecond line', emails: [{ address: 'zoe@example.com' }], address: { city: 'Leeds', country: 'GB' } });
  await host.call('contacts.create', { firstName: 'Out', lastName: 'Filtered', emails: [{ address: 'out@example.com' }], address: { city: 'Paris', country: 'FR' } });
  return acme;
}

const view = { grid: 'contacts' as const, sort: [{ colId: 'lastName', sort: 'asc' }], filter: { country: { filterType: 'text', type: 'notEqual', filter: 'FR' } }, columns: CONTACT_COLUMNS };

describe('exporting a grid view', () => {
  it('CSV: the view\'s rows, order and columns; formulas escaped; quotes and newlines kept', async () => {
    await seed();
    const result = await host.call('exports.grid', { ...view, format: 'csv' });
    expect(result).toMatchObject({ rows: 2, savedTo: null, fileName: expect.stringMatching(/^contacts-\d{4}-\d{2}-\d{2}\.csv$/) });
    const text = Buffer.from(result.contentBase64!, 'base64').toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1)).toBe(
      [
        'First name,Last name,Title,E-mail,Phone,Account,City,Country,Owner',
        'Zoë,Adams,"\'-5 sales, ""quoted""\nsecond line",zoe@example.com,,,Leeds,GB,Test Admin',
        'Hans,Müller,"\'=HYPERLINK(""http://evil"")",hans@example.com,\'+49 89 1234567,Acme GmbH,München,DE,Test Admin',
        '',
      ].join('\r\n'),
    );
  });

  it('XLSX: a real workbook with the same cells, money in major units with its currency, read back with exceljs', async () => {
    await seed();
    const result = await host.call('exports.grid', {
      grid: 'accounts',
      columns: [
        { colId: 'name', header: 'Name' },
        { colId: 'annualRevenueMinor', header: 'Annual revenue' },
      ],
      format: 'xlsx',
    });
    const path = join(tempDir(), result.fileName);
    writeFileSync(path, Buffer.from(result.contentBase64!, 'base64'));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet('accounts')!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Name', 'Annual revenue', 'Currency']);
    expect(sheet.getRow(2).values).toEqual([undefined, 'Acme GmbH', 1234567.89, 'EUR']);
    expect(sheet.rowCount).toBe(2);
    // An Office Open XML file is a zip: it starts with the local file header.
    expect(Buffer.from(result.contentBase64!, 'base64').subarray(0, 4)).toEqual(Buffer.from([0x50, 0x4b, 0x03, 0x04]));
  });

  it('refuses columns and filters the grid does not have', async () => {
    expect(await host.fail('exports.grid', { grid: 'contacts', columns: [{ colId: 'passwordHash', header: 'x' }], format: 'csv' })).toMatchObject({ code: 'validation', message: 'The contacts grid has no column "passwordHash".' });
    expect(await host.fail('exports.grid', { grid: 'contacts', filter: { secret: { filterType: 'text', type: 'equals', filter: 'x' } }, columns: CONTACT_COLUMNS, format: 'csv' })).toMatchObject({ code: 'validation' });
  });

  it('round trip: export a view, import the file into a fresh office, and get the same records', async () => {
    await seed();
    const exported = await host.call('exports.grid', { ...view, filter: {}, format: 'csv' });
    const listed = async (h: TestHost) =>
      (await h.call('contacts.list', { startRow: 0, endRow: 100, sort: [{ colId: 'lastName', sort: 'asc' }] })).rows.map(({ id: _id, version: _v, updatedAt: _u, accountId: _a, ...r }) => r);
    const before = await listed(host);
    await host.close();

    host = await tempHost();
    await host.call('accounts.create', { name: 'Acme GmbH' });
    const fileId = await upload(host, Buffer.from(exported.contentBase64!, 'base64'), exported.fileName);
    const inspected = await host.call('imports.inspect', { fileId, target: 'contacts' });
    expect(inspected.columns).toEqual(['firstName', 'lastName', 'title', 'email', 'phone', 'accountName', 'city', 'country', 'owner']);
    const result = await host.call('imports.run', { fileId, target: 'contacts', encoding: inspected.encoding, delimiter: inspected.delimiter, columns: inspected.columns });
    expect(result.counts).toMatchObject({ created: 3, failed: 0 });
    expect(await listed(host)).toEqual(before);
  });
});
