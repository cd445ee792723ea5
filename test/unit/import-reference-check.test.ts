import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ColumnList } from '../../electron/main/domain/imports/engine/batched-inserts';
import { assertRowsReferToExisting, ReferenceCheck } from '../../electron/main/domain/imports/engine/reference-check';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec(`
    CREATE TABLE users (id INTEGER PRIMARY KEY);
    CREATE TABLE accounts (id INTEGER PRIMARY KEY);
    CREATE TABLE contacts (id INTEGER PRIMARY KEY, owner_id INTEGER NOT NULL REFERENCES users (id), account_id INTEGER REFERENCES accounts, note TEXT);
    INSERT INTO users (id) VALUES (1), (2);
    INSERT INTO accounts (id) VALUES (10);
  `);
});
afterEach(() => db.close());

const NAMES = ['owner_id', 'account_id', 'note'];

describe('references of a batched import, checked once per value', () => {
  it('passes rows whose every reference exists, held as column lists or objects, with empty references left alone', () => {
    const check = new ReferenceCheck(db, 'contacts');
    check.note(new ColumnList(NAMES, [1, 10, 'x']));
    check.note(new ColumnList(NAMES, [2, null, null]));
    check.note({ owner_id: 1, account_id: 10 });
    check.note({ version: 1 });
    expect(() => check.assertAllExist()).not.toThrow();
  });

  it('names the first missing parent, whichever way the row came', () => {
    const listed = new ReferenceCheck(db, 'contacts');
    listed.note(new ColumnList(NAMES, [1, 10, null]));
    listed.note(new ColumnList(NAMES, [1, 11, null]));
    expect(() => listed.assertAllExist()).toThrow('Nothing was imported: a record refers to accounts #11 (contacts.account_id), which does not exist.');
    const plain = new ReferenceCheck(db, 'contacts');
    plain.note({ owner_id: 3 });
    expect(() => plain.assertAllExist()).toThrow(/users #3 \(contacts\.owner_id\)/);
  });

  it('checks rows already written by their ids, in SQL', () => {
    db.exec(`PRAGMA foreign_keys = OFF; INSERT INTO contacts (id, owner_id, account_id) VALUES (100, 1, 10), (101, 2, NULL), (102, 9, 10)`);
    expect(() => assertRowsReferToExisting(db, 'contacts', [100, 101])).not.toThrow();
    expect(() => assertRowsReferToExisting(db, 'contacts', [])).not.toThrow();
    expect(() => assertRowsReferToExisting(db, 'contacts', [100, 102])).toThrow(/users #9 \(contacts\.owner_id\)/);
  });
});
