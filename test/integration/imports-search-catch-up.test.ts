import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openHost } from '../../electron/main/host/host';
import { SEARCH_INLINE_LIMIT } from '../../electron/main/domain/imports/engine/search-indexing';
import { catchUpSearch } from '../../electron/main/domain/imports/engine/search-catch-up';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import { importer, rowsOf } from '../support/import-run';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const contacts = importer(() => host, 'contacts');
const file = (rows: number) => Buffer.from(['First Name,Last Name,Email', ...Array.from({ length: rows }, (_, i) => `Ann,Zephyr${i},ann${i}@example.com`)].join('\n'));
const found = async (text: string) => (await host.call('search.global', { text })).groups.flatMap((g) => g.hits).length;
const indexedContacts = () => sqliteHandle(host.dataSource).prepare(`SELECT count(*) FROM search_index WHERE kind = 1`).pluck().get() as number;

describe('a big import is searchable a moment after it commits', () => {
  it('a small import indexes its records before it commits', async () => {
    const result = await contacts.run(file(50));
    expect(result.searchPending).toBe(false);
    expect(await found('Zephyr49')).toBe(1);
  });

  it('past the limit the records are indexed right after the commit, in the background', async () => {
    const rows = SEARCH_INLINE_LIMIT + 1;
    const result = await contacts.run(file(rows));
    expect(result.status).toBe('applied');
    expect(result.searchPending).toBe(true);
    expect(result.message).toMatch(/Search finds the new records in a moment/);
    await host.services.imports.searchBacklog.request();
    expect(await found(`Zephyr${rows - 1}`)).toBe(1);
    expect(indexedContacts()).toBe(rows);
    expect(await rowsOf(host, `SELECT search_pending FROM imports`)).toEqual([{ search_pending: 0 }]);
  });

  it('an import whose indexing was cut short is finished at the next start, without indexing anything twice', async () => {
    await contacts.run(file(SEARCH_INLINE_LIMIT + 1));
    await host.services.imports.searchBacklog.request();
    // As if the app had quit after the commit, part-way through indexing.
    const db = sqliteHandle(host.dataSource);
    db.prepare(`UPDATE imports SET search_pending = 1`).run();
    db.prepare(`DELETE FROM search_index WHERE kind = 1 AND record_id % 3 = 0`).run();
    const path = host.file;
    await host.close();
    const reopened = await openHost({ database: path, now: host.clock.now, log: () => undefined });
    try {
      await reopened.services.imports.searchBacklog.request();
      const again = sqliteHandle(reopened.dataSource);
      expect(again.prepare(`SELECT count(*) FROM search_index WHERE kind = 1`).pluck().get()).toBe(SEARCH_INLINE_LIMIT + 1);
      expect(again.prepare(`SELECT count(DISTINCT record_id) FROM search_index WHERE kind = 1`).pluck().get()).toBe(SEARCH_INLINE_LIMIT + 1);
      expect(again.prepare(`SELECT search_pending FROM imports`).pluck().all()).toEqual([0]);
      // Running it again finds nothing to do.
      expect(catchUpSearch(again)).toBe(0);
    } finally {
      await reopened.close();
      host = await tempHost();
    }
  });

  it('records deleted or edited before the catch-up are indexed as they are now', async () => {
    await contacts.run(file(SEARCH_INLINE_LIMIT + 1));
    await host.services.imports.searchBacklog.stop();
    const db = sqliteHandle(host.dataSource);
    db.prepare(`UPDATE imports SET search_pending = 1`).run();
    const [first, second] = db.prepare(`SELECT id FROM contacts ORDER BY id LIMIT 2`).pluck().all() as number[];
    await host.call('contacts.delete', { id: first! });
    const { version } = await host.call('contacts.get', { id: second! });
    await host.call('contacts.update', { id: second!, version, patch: { lastName: 'Quillfeather' } });
    expect(catchUpSearch(db)).toBe(SEARCH_INLINE_LIMIT + 1);
    expect(await found('Zephyr0')).toBe(0);
    expect(await found('Quillfeather')).toBe(1);
    expect(indexedContacts()).toBe(SEARCH_INLINE_LIMIT);
  });
});
