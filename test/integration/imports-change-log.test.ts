import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDataSource } from '../../electron/main/db/data-source';
import { migrations } from '../../electron/main/db/migrations';
import { Sql } from '../../electron/main/db/sql';
import { ChangeLog } from '../../electron/main/domain/imports/engine/change-log';
import { csv, upload } from '../support/import-upload';
import { tempDir, tempHost, type TestHost } from '../support/temp-host';

let host: TestHost;
beforeEach(async () => {
  host = await tempHost();
});
afterEach(async () => {
  await host.close();
});

const rows = (sql: string, params: unknown[] = []) => new Sql(host.dataSource).all<Record<string, unknown>>(sql, params);

async function run(bytes: Buffer, policy: 'skip_and_report' | 'all_or_nothing') {
  const fileId = await upload(host, bytes, 'people.csv');
  const info = await host.call('imports.inspect', { fileId, target: 'contacts' });
  return host.call('imports.run', { fileId, target: 'contacts', encoding: info.encoding, delimiter: info.delimiter, columns: info.columns, policy });
}

const changes = (importId: number) => rows(`SELECT entity, record_id, last_record_id, action FROM import_changes WHERE import_id = ? ORDER BY id`, [importId]);
const idOf = async (lastName: string) => (await rows(`SELECT id FROM contacts WHERE last_name = ?`, [lastName]))[0]!.id as number;

describe('the change log keeps created records as runs of ids', () => {
  it('a 300-row import logs one run, and undo bins exactly its records', async () => {
    const before = await host.call('contacts.create', { lastName: 'Kept' });
    const lines = ['Last Name,Email', ...Array.from({ length: 300 }, (_, i) => `P${i},p${i}@example.com`)];
    const result = await run(csv(lines), 'all_or_nothing');
    const first = await idOf('P0');
    expect(await changes(result.importId!)).toEqual([{ entity: 'contact', record_id: first, last_record_id: first + 299, action: 'create' }]);
    const after = await host.call('contacts.create', { lastName: 'Later' });
    expect(await host.call('imports.undo', { importId: result.importId! })).toMatchObject({ deleted: 300, restored: 0 });
    expect((await rows(`SELECT last_name FROM contacts WHERE deleted_at IS NULL ORDER BY id`)).map((r) => r.last_name)).toEqual(['Kept', 'Later']);
    expect([before.id, after.id]).toEqual([first - 1, first + 300]);
  });

  it('a row the database refuses mid-file splits the run; its id is in none, so a later record that takes it survives undo', async () => {
    // A refusal only the database makes, so the row fails when written, after its id was handed out.
    await host.dataSource.query(`CREATE TRIGGER refuse_boom BEFORE INSERT ON contacts WHEN NEW.last_name LIKE 'Boom%' BEGIN SELECT RAISE(ABORT, 'Boom is refused'); END`);
    const result = await run(csv(['Last Name', 'Able', 'Bo', 'Boom', 'Cole', 'Dee', 'Boom again']), 'skip_and_report');
    expect(result.counts).toMatchObject({ rows: 6, created: 4, failed: 2 });
    expect(result.errors.map((e) => [e.row, e.message])).toEqual([
      [3, 'Boom is refused'],
      [6, 'Boom is refused'],
    ]);
    const [able, cole] = [await idOf('Able'), await idOf('Cole')];
    expect(cole).toBe(able + 3);
    expect(await changes(result.importId!)).toEqual([
      { entity: 'contact', record_id: able, last_record_id: able + 1, action: 'create' },
      { entity: 'contact', record_id: cole, last_record_id: cole + 1, action: 'create' },
    ]);
    // The last row's id was handed out and rolled back: the next record created by hand gets it.
    const byHand = await host.call('contacts.create', { lastName: 'By hand' });
    expect(byHand.id).toBe(cole + 2);
    expect(await host.call('imports.undo', { importId: result.importId! })).toMatchObject({ deleted: 4, restored: 0 });
    expect((await rows(`SELECT last_name FROM contacts WHERE deleted_at IS NULL`)).map((r) => r.last_name)).toEqual(['By hand']);
  });

  it('an account created on the way is logged on its own, updates one row each; runs are written last', async () => {
    const db = new Database(join(tempDir(), 'log.sqlite'));
    db.exec(`CREATE TABLE import_changes (id integer PRIMARY KEY AUTOINCREMENT, import_id integer, entity text, record_id integer, last_record_id integer, action text, before text)`);
    const log = new ChangeLog(db, 7, 1);
    for (const id of [10, 11, 12]) log.createdInRun('contact', id);
    log.created('account', 3);
    log.updated('contact', 4, '{"title":null}');
    for (const id of [14, 15]) log.createdInRun('contact', id);
    log.createdInRun('lead', 20);
    // Written at once (a batch of one): the rows that are not runs.
    expect(db.prepare(`SELECT entity, record_id, last_record_id, action FROM import_changes`).all()).toHaveLength(2);
    log.flush();
    expect(db.prepare(`SELECT entity, record_id, last_record_id, action, before FROM import_changes ORDER BY id`).all()).toEqual([
      { entity: 'account', record_id: 3, last_record_id: 3, action: 'create', before: null },
      { entity: 'contact', record_id: 4, last_record_id: 4, action: 'update', before: '{"title":null}' },
      { entity: 'contact', record_id: 10, last_record_id: 12, action: 'create', before: null },
      { entity: 'contact', record_id: 14, last_record_id: 15, action: 'create', before: null },
      { entity: 'lead', record_id: 20, last_record_id: 20, action: 'create', before: null },
    ]);
    db.close();
  });
});

describe('the migration to runs', () => {
  it('makes every earlier row a run of one, and going back expands runs into a row per record', async () => {
    const file = join(tempDir(), 'crm.sqlite');
    const at = migrations.findIndex((m) => new m().name === 'ImportChangeRanges1795376000000');
    const ds = createDataSource({ database: file });
    ds.setOptions({ migrations: migrations.slice(0, at) });
    await ds.initialize();
    await ds.runMigrations({ transaction: 'all' });
    await ds.query(`INSERT INTO import_changes (import_id, entity, record_id, action, before) VALUES (1, 'contact', 5, 'create', NULL), (1, 'contact', 6, 'update', '{"title":"x"}')`);
    ds.setOptions({ migrations: migrations.slice(0, at + 1) });
    await ds.destroy();
    await ds.initialize();
    await ds.runMigrations({ transaction: 'all' });
    expect(await ds.query(`SELECT record_id, last_record_id, action FROM import_changes ORDER BY id`)).toEqual([
      { record_id: 5, last_record_id: 5, action: 'create' },
      { record_id: 6, last_record_id: 6, action: 'update' },
    ]);
    await ds.query(`INSERT INTO import_changes (import_id, entity, record_id, last_record_id, action) VALUES (2, 'lead', 8, 10, 'create')`);
    await ds.undoLastMigration({ transaction: 'all' });
    expect(await ds.query(`SELECT import_id, entity, record_id, action, before FROM import_changes ORDER BY id`)).toEqual([
      { import_id: 1, entity: 'contact', record_id: 5, action: 'create', before: null },
      { import_id: 1, entity: 'contact', record_id: 6, action: 'update', before: '{"title":"x"}' },
      { import_id: 2, entity: 'lead', record_id: 8, action: 'create', before: null },
      { import_id: 2, entity: 'lead', record_id: 9, action: 'create', before: null },
      { import_id: 2, entity: 'lead', record_id: 10, action: 'create', before: null },
    ]);
    await ds.destroy();
  });
});
