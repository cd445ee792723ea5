import { afterEach, beforeEach, expect, it } from 'vitest';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import { DEFER_INDEXES_AFTER } from '../../electron/main/domain/imports/engine/deferred-indexes';
import { importer } from '../support/import-run';
import { tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const contacts = importer(() => host, 'contacts');
const file = (rows: number) => Buffer.from(['First Name,Last Name,Email,Mailing Country', ...Array.from({ length: rows }, (_, i) => `Bo,Nguyen${i},bo${i}@example.com,${i % 2 ? 'DE' : 'FR'}`)].join('\n'));
const indexes = () => sqliteHandle(host.dataSource).prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'contacts' ORDER BY name`).all();

it('a big import builds the contacts indexes afresh: the same indexes after it, complete and in use', async () => {
  const before = indexes();
  expect(before.length).toBeGreaterThan(2);
  const dry = await contacts.run(file(DEFER_INDEXES_AFTER + 10), { dryRun: true });
  expect(dry.counts.created).toBe(DEFER_INDEXES_AFTER + 10);
  expect(indexes()).toEqual(before);
  const result = await contacts.run(file(DEFER_INDEXES_AFTER + 10));
  expect(result.status).toBe('applied');
  expect(indexes()).toEqual(before);
  const db = sqliteHandle(host.dataSource);
  expect(db.prepare(`PRAGMA integrity_check`).pluck().get()).toBe('ok');
  // Every row is in the rebuilt indexes: counted through each index, the same as the table.
  for (const { name } of before as { name: string }[]) {
    const partial = /WHERE/i.test((before as { name: string; sql: string }[]).find((i) => i.name === name)!.sql);
    const counted = db.prepare(`SELECT count(*) FROM contacts INDEXED BY "${name}" WHERE ${partial ? 'deleted_at IS NULL AND ' : ''}1`).pluck().get();
    expect(counted).toBe(DEFER_INDEXES_AFTER + 10);
  }
  const plan = db.prepare(`EXPLAIN QUERY PLAN SELECT id FROM contacts WHERE deleted_at IS NULL ORDER BY sort_name, id LIMIT 100`).all() as { detail: string }[];
  expect(plan.map((p) => p.detail).join(' ')).toMatch(/USING (COVERING )?INDEX/);
});
