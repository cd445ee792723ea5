import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upload } from '../support/import-upload';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const FIXTURE = resolve(__dirname, '../fixtures/imports/contacts-v3-v4.vcf');

async function importVcf(bytes: Buffer, extra: Record<string, unknown> = {}) {
  const fileId = await upload(host, bytes, 'contacts.vcf');
  const info = await host.call('imports.inspect', { fileId, target: 'contacts' });
  const result = await host.call('imports.run', { fileId, target: 'contacts', format: info.format, encoding: info.encoding, delimiter: info.delimiter, columns: info.columns, ...extra });
  return { info, result };
}

const listed = async () => (await host.call('contacts.list', { startRow: 0, endRow: 100, sort: [{ colId: 'lastName', sort: 'asc' }] })).rows;

describe('vCard import and export', () => {
  it('reads vCard 3.0 and 4.0: names, preferred e-mail first, work phone and mobile, address, birthday, company, UID', async () => {
    const { info, result } = await importVcf(readFileSync(FIXTURE), { createAccounts: true });
    expect(info).toMatchObject({ format: 'vcard', encoding: 'utf-8' });
    expect(info.columns).toEqual(['firstName', 'lastName', 'title', 'email', 'email2', 'phone', 'mobile', 'accountName', 'street', 'city', 'region', 'postcode', 'country', 'birthday', 'externalId']);
    expect(info.sample[0]!.slice(0, 8)).toEqual(['Hans', 'Müller', 'Leiter Einkauf, Region Süd', 'hans@example.de', 'hans.work@example.de', '+49 89 1234567', '+49 170 7654321', 'Acme GmbH']);
    expect(result.counts).toMatchObject({ rows: 3, created: 3, failed: 0 });
    const [adams, mueller, person] = await Promise.all((await listed()).map((r) => host.call('contacts.get', { id: r.id })));
    expect(mueller).toMatchObject({
      firstName: 'Hans',
      lastName: 'Müller',
      title: 'Leiter Einkauf, Region Süd',
      emails: [
        { label: 'work', address: 'hans@example.de' },
        { label: 'other', address: 'hans.work@example.de' },
      ],
      phones: [
        { label: 'work', number: '+49 89 1234567' },
        { label: 'mobile', number: '+49 170 7654321' },
      ],
      account: { name: 'Acme GmbH' },
      address: { street: 'Marienplatz 1', city: 'München', region: 'Bayern', postcode: '80331', country: 'DE' },
      birthday: '1975-04-23',
    });
    expect(adams).toMatchObject({ firstName: 'Zoë', phones: [{ number: '+44-113-496-0000' }], address: { city: 'Leeds', postcode: 'LS1 5AB', country: 'GB' }, birthday: '1990-01-02' });
    // No N: the formatted name is split; a birthday without a year is left out.
    expect(person).toMatchObject({ firstName: 'Nameless', lastName: 'Person', birthday: null });
  });

  it('names the line of a card that never ends or of text outside any card', async () => {
    const fileId = await upload(host, Buffer.from('BEGIN:VCARD\r\nVERSION:3.0\r\nN:A;B;;;\r\nBEGIN:VCARD\r\nN:C;D;;;\r\nEND:VCARD\r\n'), 'bad.vcf');
    const info = await host.call('imports.inspect', { fileId, target: 'contacts' }).catch((e: Error) => e);
    expect(String(info)).toContain('Line 4: a new card begins before the card of line 1 ended (END:VCARD missing).');
    const open = await upload(host, Buffer.from('BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Open Card\r\n'), 'open.vcf');
    const inspected = await host.call('imports.inspect', { fileId: open, target: 'contacts' }).catch((e: Error) => e);
    expect(String(inspected)).toContain('The card that begins on line 1 never ends (END:VCARD missing).');
  });

  for (const version of ['3.0', '4.0'] as const) {
    it(`round trip through vCard ${version}: export the contacts, import them into a fresh office, same contacts`, async () => {
      await importVcf(readFileSync(FIXTURE), { createAccounts: true });
      const exported = await host.call('exports.grid', { grid: 'contacts', format: 'vcf', vcardVersion: version, columns: [{ colId: 'lastName', header: 'Last name' }], sort: [{ colId: 'lastName', sort: 'asc' }] });
      const text = Buffer.from(exported.contentBase64!, 'base64').toString('utf8');
      expect(text.match(/BEGIN:VCARD\r\nVERSION:(\d\.\d)/g)).toEqual(Array(3).fill(`BEGIN:VCARD\r\nVERSION:${version}`));
      expect(text.split('\r\n').every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
      const full = async () => Promise.all((await listed()).map(async (r) => {
        const { id: _i, version: _v, createdAt: _c, updatedAt: _u, createdBy: _cb, updatedBy: _ub, owner: _o, account, ...rest } = await host.call('contacts.get', { id: r.id });
        return { ...rest, account: account?.name ?? null };
      }));
      const before = await full();
      await host.close();
      host = await tempHost();
      const { result } = await importVcf(Buffer.from(exported.contentBase64!, 'base64'), { createAccounts: true });
      expect(result.counts).toMatchObject({ created: 3, failed: 0 });
      expect(await full()).toEqual(before);
    });
  }
});
