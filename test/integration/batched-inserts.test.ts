import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { BatchedInserts, INSERT_BATCH } from '../../electron/main/domain/imports/engine/batched-inserts';
import { tempDir } from '../support/temp-host';

let db: Database.Database;
beforeEach(() => {
  db = new Database(join(tempDir(), 'batched.sqlite'));
  db.exec(`CREATE TABLE people (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, city TEXT)`);
});
afterEach(() => db.close());

it('hands out the ids AUTOINCREMENT would, also after the newest row was deleted', () => {
  db.prepare(`INSERT INTO people (name) VALUES ('a'), ('b'), ('c')`).run();
  db.prepare(`DELETE FROM people WHERE id = 3`).run();
  const batch = new BatchedInserts(db, 'people');
  const ids = Array.from({ length: INSERT_BATCH * 2 + 7 }, (_, i) => batch.add(i % 3 ? { name: `p${i}`, city: 'Bonn' } : { name: `p${i}` }));
  expect(ids[0]).toBe(4);
  expect(ids).toEqual(ids.map((_, i) => 4 + i));
  batch.flush();
  const rows = db.prepare(`SELECT id, name, city FROM people WHERE id >= 4 ORDER BY id`).all() as { id: number; name: string; city: string | null }[];
  expect(rows).toEqual(ids.map((id, i) => ({ id, name: `p${i}`, city: i % 3 ? 'Bonn' : null })));
  // What AUTOINCREMENT hands out next follows on.
  expect(Number(db.prepare(`INSERT INTO people (name) VALUES ('next')`).run().lastInsertRowid)).toBe(4 + ids.length);
});

it('names the line of a row that cannot be written (the import then rolls back)', () => {
  const batch = new BatchedInserts(db, 'people');
  db.exec('BEGIN');
  for (let i = 0; i < INSERT_BATCH - 1; i++) batch.add({ name: `p${i}` }, i + 2);
  expect(() => batch.add({ name: null }, 99)).toThrow(/^Line 99: NOT NULL constraint failed: people.name/);
  db.exec('ROLLBACK');
  expect(db.prepare(`SELECT count(*) FROM people`).pluck().get()).toBe(0);
});

it('writes rows in the order they were added, so a row may name one added before it', () => {
  db.pragma('foreign_keys = ON');
  db.exec(`CREATE TABLE orgs (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL, parent_id INTEGER REFERENCES orgs (id))`);
  const batch = new BatchedInserts(db, 'orgs');
  let parent = 0;
  let children = 0;
  for (let i = 0; i < INSERT_BATCH * 3; i++) {
    if (i % 4 === 0) parent = batch.add({ name: `parent ${i}` });
    else children += batch.add({ name: `child ${i}`, parent_id: parent }) ? 1 : 0;
  }
  batch.flush();
  expect(db.prepare(`SELECT count(*) FROM orgs o JOIN orgs p ON p.id = o.parent_id WHERE p.name LIKE 'parent %'`).pluck().get()).toBe(children);
});
