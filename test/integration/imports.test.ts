import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sql } from '../../electron/main/db/sql';
import type { Input } from '../../shared/contract';
import { csv, upload } from '../support/import-upload';
import { snapshot, tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

type RunInput = Input<'imports.run'>;

async function inspect(bytes: Buffer, target: 'contacts' | 'accounts' = 'contacts', name = 'people.csv') {
  const fileId = await upload(host, bytes, name);
  const info = await host.call('imports.inspect', { fileId, target });
  return { fileId, info };
}

async function run(bytes: Buffer, extra: Partial<RunInput> = {}, target: 'contacts' | 'accounts' = 'contacts') {
  const { fileId, info } = await inspect(bytes, target);
  return host.call('imports.run', { fileId, target, encoding: info.encoding, delimiter: info.delimiter, columns: info.columns, ...extra });
}

const rows = (sql: string, params: unknown[] = []) => new Sql(host.dataSource).all<Record<string, unknown>>(sql, params);

async function user(name: string, email: string | null = null): Promise<number> {
  const now = '2026-01-01T00:00:00.000Z';
  const { lastId } = await new Sql(host.dataSource).run(`INSERT INTO users (name, email, role, active, capacity, created_at, updated_at) VALUES (?, ?, 'sales_rep', 1, 100, ?, ?)`, [
    name,
    email,
    now,
    now,
  ]);
  return lastId;
}

describe('CSV import of contacts', () => {
  it('creates contacts, finds their accounts by name (any case) and gives them the account owner', async () => {
    const rep = await user('Rita Rep');
    const acme = await host.call('accounts.create', { name: 'Acme GmbH', ownerId: rep });
    const result = await run(
      csv([
        'First Name,Last Name,Email,Phone,Account Name,Mailing City,Mailing Country,Email Opt Out',
        'Hans,Müller,Hans.Mueller@Example.com,+49 89 1234567,ACME gmbh,München,Germany,yes',
        'Zoë,"O\'Brien, Jr.",zoe@example.com,,,Dublin,IE,no',
      ]),
    );
    expect(result).toMatchObject({ status: 'applied', dryRun: false, counts: { rows: 2, created: 2, updated: 0, failed: 0 } });
    const stored = await rows(`SELECT first_name, last_name, email, phone, account_id, owner_id, address_city, address_country, email_opt_out FROM contacts ORDER BY id`);
    expect(stored).toEqual([
      { first_name: 'Hans', last_name: 'Müller', email: 'Hans.Mueller@Example.com', phone: '+49 89 1234567', account_id: acme.id, owner_id: rep, address_city: 'München', address_country: 'DE', email_opt_out: 1 },
      { first_name: 'Zoë', last_name: "O'Brien, Jr.", email: 'zoe@example.com', phone: null, account_id: null, owner_id: host.session.userId, address_city: 'Dublin', address_country: 'IE', email_opt_out: 0 },
    ]);
    // The e-mail keys the triggers keep: what an upsert and the duplicate checks look up.
    expect(await rows(`SELECT key FROM record_keys WHERE entity = 'contact' AND kind = 'email' ORDER BY key`)).toEqual([{ key: 'hans.mueller@example.com' }, { key: 'zoe@example.com' }]);
    const [batch] = await host.call('imports.history', {});
    expect(batch).toMatchObject({ id: result.importId, target: 'contacts', mode: 'create', fileName: 'people.csv', status: 'applied', counts: { created: 2 } });
  });

  it('all or nothing: one bad row keeps everything out, and the error file names the row and the reason', async () => {
    const before = await snapshot(host);
    const result = await run(
      csv([
        'First Name,Last Name,Email,Birthdate',
        'Ann,Able,ann@example.com,1980-02-29',
        'Bob,,bob@example.com,',
        'Cy,Cole,not-an-email,1981-02-29',
      ]),
    );
    expect(result.status).toBe('failed');
    expect(result.counts).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 0, failed: 2 });
    expect(result.errors).toEqual([
      { row: 2, line: 3, field: 'lastName', message: 'Last name is required' },
      { row: 3, line: 4, field: 'birthday', message: '"1981-02-29" is not a day of the calendar (read as 12/31/2024)' },
      { row: 3, line: 4, field: 'email', message: 'Not an e-mail address' },
    ]);
    expect(result.message).toMatch(/Nothing was imported: 2 of 3 rows have errors/);
    const after = await snapshot(host);
    // Only the history of the failed attempt was added.
    expect({ ...after, imports: [], import_errors: [] }).toEqual({ ...before, imports: [], import_errors: [] });
    expect(after.contacts).toEqual([]);
    const file = await host.call('imports.errors', { importId: result.importId! });
    expect(file.fileName).toBe('people-errors.csv');
    expect(file.csv.replace('\uFEFF', '').split('\r\n')).toEqual(['First Name,Last Name,Email,Birthdate,Row,Errors', 'Bob,,bob@example.com,,2,Last name: Last name is required', 'Cy,Cole,not-an-email,1981-02-29,3,"Birthday: ""1981-02-29"" is not a day of the calendar (read as 12/31/2024); E-mail: Not an e-mail address"',
    ]);
  });

  it('skip and report: good rows go in, bad rows are reported with the reason', async () => {
    const result = await run(csv(['Last Name,Email', 'Able,ann@example.com', 'Bo,not-an-email', 'Cole,', 'Short']), { policy: 'skip_and_report' });
    expect(result).toMatchObject({ status: 'applied', counts: { rows: 4, created: 2, failed: 2 } });
    expect(result.errors).toEqual([
      { row: 2, line: 3, field: 'email', message: 'Not an e-mail address' },
      // A short row has lost or shifted cells: refused rather than guessed.
      { row: 4, line: 5, field: null, message: 'The row has 1 values but the header has 2 columns' },
    ]);
    expect((await rows(`SELECT last_name FROM contacts ORDER BY id`)).map((r) => r.last_name)).toEqual(['Able', 'Cole']);
  });

  it('refuses duplicates: an e-mail already on file or twice in the file', async () => {
    await host.call('contacts.create', { lastName: 'Existing', emails: [{ address: 'SAME@example.com' }] });
    const result = await run(csv(['Last Name,Email', 'One,same@example.com', 'Two,new@example.com', 'Three,NEW@example.com ']), { policy: 'skip_and_report' });
    expect(result.counts).toMatchObject({ created: 1, failed: 2 });
    expect(result.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [1, 'email', 'A contact with this e-mail already exists: import with "update or create" to update it'],
      [3, 'email', 'A contact with this e-mail already exists: import with "update or create" to update it'],
    ]);
  });

  it('names an ambiguous or unknown account instead of guessing, and can create missing accounts', async () => {
    await host.call('accounts.create', { name: 'Twin AG' });
    await host.call('accounts.create', { name: 'twin ag' });
    const refused = await run(csv(['Last Name,Company', 'A,Twin AG', 'B,Nowhere Ltd']), { policy: 'skip_and_report' });
    expect(refused.errors.map((e) => e.message)).toEqual([
      '2 accounts are called "Twin AG": use the account\'s external id',
      'No account called "Nowhere Ltd": import the accounts first, or let the import create missing accounts',
    ]);
    const created = await run(csv(['Last Name,Company', 'C,Newco', 'D,NEWCO']), { createAccounts: true });
    expect(created.counts).toMatchObject({ created: 2 });
    const newco = await rows(`SELECT id FROM accounts WHERE name = 'Newco'`);
    expect(newco).toHaveLength(1);
    expect(await rows(`SELECT last_name, account_id FROM contacts WHERE last_name IN ('C', 'D') ORDER BY last_name`)).toEqual([
      { last_name: 'C', account_id: newco[0]!.id },
      { last_name: 'D', account_id: newco[0]!.id },
    ]);
  });

  it('upserts by e-mail, touching only the columns in the file, and undo restores every value exactly', async () => {
    const kept = await host.call('contacts.create', {
      firstName: 'Old',
      lastName: 'Name',
      title: 'Keeps this title',
      emails: [{ address: 'old@example.com' }, { label: 'home', address: 'home@example.com' }],
      address: { street: 'Main St 1', city: 'Berlin', country: 'DE' },
    });
    const before = await snapshot(host);
    const result = await run(csv(['Email,First Name,Last Name,City', 'OLD@example.com,New,Name,Hamburg', 'fresh@example.com,Fresh,Person,']), { mode: 'upsert', key: 'email' });
    expect(result.counts).toMatchObject({ rows: 2, created: 1, updated: 1 });
    const updated = await host.call('contacts.get', { id: kept.id });
    expect(updated).toMatchObject({ firstName: 'New', title: 'Keeps this title', address: { street: 'Main St 1', city: 'Hamburg', country: 'DE' } });
    expect(updated.emails.map((e) => e.address)).toEqual(['OLD@example.com', 'home@example.com']);

    const undo = await host.call('imports.undo', { importId: result.importId! });
    expect(undo).toMatchObject({ deleted: 1, restored: 1, batch: { status: 'undone' } });
    const after = await snapshot(host);
    const fields = (r: Record<string, unknown>) => {
      const { version: _v, updated_at: _u, updated_by_id: _b, deleted_at: _d, deleted_by_id: _db, ...rest } = r;
      return rest;
    };
    const live = (after.contacts as Record<string, unknown>[]).filter((c) => c.deleted_at === null);
    expect(live.map(fields)).toEqual((before.contacts as Record<string, unknown>[]).map(fields));
    expect((after.contacts as Record<string, unknown>[]).filter((c) => c.deleted_at !== null).map((c) => c.last_name)).toEqual(['Person']);
    expect(await host.fail('imports.undo', { importId: result.importId! })).toMatchObject({ code: 'validation', message: '"people.csv" was already undone.' });
  });

  it('update by external id, and undo removes the external id it added', async () => {
    const first = await run(csv(['Contact ID,Last Name,Email', '003A,Alpha,a@example.com']));
    expect(first.counts.created).toBe(1);
    const second = await run(csv(['Contact ID,Title', '003A,CEO', '003B,CTO']), { mode: 'update', policy: 'skip_and_report' });
    expect(second.counts).toMatchObject({ updated: 1, failed: 1 });
    expect(second.errors[0]).toMatchObject({ row: 2, field: 'externalId', message: 'No contact has this external id: nothing to update' });
    expect(await rows(`SELECT title FROM contacts`)).toEqual([{ title: 'CEO' }]);
    expect(await host.fail('imports.undo', { importId: first.importId! })).toMatchObject({ message: expect.stringMatching(/^Undo "people.csv" first/) });
  });

  it('a dry run reports what would happen and keeps nothing', async () => {
    const before = await snapshot(host);
    const result = await run(csv(['Last Name,Email', 'Able,a@example.com', 'Bad,bad']), { dryRun: true });
    expect(result).toMatchObject({ importId: null, dryRun: true, status: 'failed', counts: { rows: 2, created: 1, failed: 1 } });
    expect(await snapshot(host)).toEqual(before);
  });

  it('refuses a mapping that cannot work, with the reason', async () => {
    const { fileId, info } = await inspect(csv(['Surname,Mail,Mail 2', 'A,a@x.io,b@x.io']));
    const base = { fileId, target: 'contacts' as const, encoding: info.encoding, delimiter: info.delimiter };
    expect(await host.fail('imports.run', { ...base, columns: [null, 'email', null] })).toMatchObject({ code: 'validation', message: 'Map a column to Last name: it is required' });
    expect(await host.fail('imports.run', { ...base, columns: ['lastName', 'email', 'email'] })).toMatchObject({
      message: 'Columns "Mail" and "Mail 2" both fill E-mail: choose one',
    });
    expect(await host.fail('imports.run', { ...base, columns: ['lastName', 'email', 'bogus'] })).toMatchObject({ message: '"bogus" is not a field of contacts' });
    expect(await host.fail('imports.run', { ...base, columns: ['lastName', null, null], mode: 'update', key: 'email' })).toMatchObject({
      message: 'Matching by E-mail needs a column mapped to it',
    });
    expect(await host.fail('imports.run', { ...base, columns: ['lastName'] })).toMatchObject({ message: expect.stringMatching(/The mapping has 1 columns but the file has 3/) });
  });

  it('previews the first rows with their errors and what each would do', async () => {
    await host.call('contacts.create', { lastName: 'There', emails: [{ address: 'there@example.com' }] });
    const { fileId, info } = await inspect(csv(['Last Name,Email', 'New,new@example.com', 'There,there@example.com', ',x@example.com', 'Renamed,THERE@example.com']));
    const { rows: preview } = await host.call('imports.preview', { fileId, target: 'contacts', encoding: info.encoding, delimiter: info.delimiter, columns: info.columns, mode: 'upsert', key: 'email' });
    expect(preview.map((r) => [r.row, r.action, r.errors.map((e) => e.message)])).toEqual([
      [1, 'create', []],
      [2, 'unchanged', []],
      [3, 'error', ['Last name is required']],
      [4, 'update', []],
    ]);
    expect(preview[0]!.values).toEqual({ lastName: 'New', email: 'new@example.com' });
  });
});

describe('CSV import of accounts', () => {
  it('reads numbers and money in the file locale and assigns owners by the territory rules in the same transaction', async () => {
    const dach = await user('Dora DACH', 'dora@example.com');
    const rest = await user('Rolf Rest');
    await host.call('territories.save', { name: 'DACH', rules: [{ field: 'country', values: ['DE', 'AT', 'CH'] }], memberIds: [dach] });
    await host.call('assignment.saveSettings', { queueOwnerId: rest, assignOnCreate: true });
    const bytes = Buffer.from(['Account Name;Billing Country;Employees;Annual Revenue;Account Owner', 'Bäckerei Süß;Deutschland;1.200;1.234.567,89 €;', 'Fromagerie;France;12;99,5;', 'Own Way;AT;3;0;Rolf Rest'].join('\n'), 'utf8');
    const result = await run(bytes, { locale: 'de-DE', currency: 'EUR' }, 'accounts');
    expect(result.counts).toMatchObject({ created: 3, failed: 0 });
    expect(await rows(`SELECT name, billing_country, employees, annual_revenue_minor, annual_revenue_currency, owner_id FROM accounts ORDER BY id`)).toEqual([
      { name: 'Bäckerei Süß', billing_country: 'DE', employees: 1200, annual_revenue_minor: 123456789, annual_revenue_currency: 'EUR', owner_id: dach },
      { name: 'Fromagerie', billing_country: 'FR', employees: 12, annual_revenue_minor: 9950, annual_revenue_currency: 'EUR', owner_id: rest },
      { name: 'Own Way', billing_country: 'AT', employees: 3, annual_revenue_minor: 0, annual_revenue_currency: 'EUR', owner_id: rest },
    ]);
    // Assigned by the rules (and recorded), except the one whose owner the file named.
    expect(await rows(`SELECT a.name, s.reason FROM assignments s JOIN accounts a ON a.id = s.record_id WHERE s.entity = 'account' ORDER BY a.id`)).toEqual([
      { name: 'Bäckerei Süß', reason: expect.any(String) },
      { name: 'Fromagerie', reason: 'fallback' },
    ]);
  });

  it('says which value is not a number in the locale', async () => {
    const result = await run(Buffer.from('Name,Employees,Annual Revenue\nA,"1,5",10\nB,12,"1,234.5"\n'), { locale: 'en-US', policy: 'skip_and_report' }, 'accounts');
    expect(result.errors.map((e) => [e.row, e.field, e.message])).toEqual([[1, 'employees', '"1,5" is not a number as written in en-US (decimal ".", thousands ",")']]);
    expect(await rows(`SELECT name, annual_revenue_minor FROM accounts`)).toEqual([{ name: 'B', annual_revenue_minor: 123450 }]);
  });
});
