import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Sql } from '../../electron/main/db/sql';
import { csv, upload } from '../support/import-upload';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

describe('a big create-only import checks e-mails against the contacts it read into memory', () => {
  it('past 20,000 rows it still refuses an address on file (any case) and in the file, and ignores deleted contacts', async () => {
    await host.call('contacts.create', { lastName: 'On file', emails: [{ address: 'Taken@Example.com' }, { address: 'second@example.com' }] });
    const gone = await host.call('contacts.create', { lastName: 'Deleted', emails: [{ address: 'gone@example.com' }] });
    await host.call('contacts.delete', { id: gone.id });
    const lines = ['Last Name,Email', ...Array.from({ length: 20_100 }, (_, i) => `P${i},p${i}@example.com`)];
    lines.push('Late,taken@example.com', 'Later,SECOND@example.com', 'Back,gone@example.com', 'Twice,p20050@example.com');
    const fileId = await upload(host, csv(lines), 'big.csv');
    const info = await host.call('imports.inspect', { fileId, target: 'contacts' });
    const result = await host.call('imports.run', { fileId, target: 'contacts', encoding: info.encoding, delimiter: info.delimiter, columns: info.columns, policy: 'skip_and_report' });
    expect(result.counts).toMatchObject({ rows: 20_104, created: 20_101, failed: 3 });
    expect(result.errors.map((e) => [e.row, e.field, e.message])).toEqual([
      [20_101, 'email', 'A contact with this e-mail already exists: import with "update or create" to update it'],
      [20_102, 'email', 'A contact with this e-mail already exists: import with "update or create" to update it'],
      [20_104, 'email', 'A contact with this e-mail already exists: import with "update or create" to update it'],
    ]);
    const back = await new Sql(host.dataSource).all<{ last_name: string }>(`SELECT last_name FROM contacts WHERE email = 'gone@example.com' AND deleted_at IS NULL`);
    expect(back).toEqual([{ last_name: 'Back' }]);
  });
});
