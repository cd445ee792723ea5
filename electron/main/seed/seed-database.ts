import type { Database } from 'better-sqlite3';
import type { DataSource } from 'typeorm';
import { sqliteHandle } from '../db/sqlite-handle';
import { bulkInsert } from './bulk-insert';
import { deferIndexes } from './deferred-indexes';
import { ACCOUNT_COLUMNS, CONTACT_COLUMNS } from './sample-columns';
import { SampleData } from './sample-data';
import { ensureSalesReps } from './seed-users';

export interface SeedProgress {
  table: 'accounts' | 'contacts';
  done: number;
  total: number;
}

export interface SeedOptions {
  accounts: number;
  /** Most contacts belong to one of the accounts made in the same run; none when `accounts` is 0. */
  contacts: number;
  /** Same seed (and `now`, and users) → same rows. */
  seed?: number;
  now?: Date;
  batchSize?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export interface SeedResult {
  accounts: number;
  contacts: number;
  seconds: number;
  rowsPerSecond: number;
}

function isEmpty(db: Database, table: string): boolean {
  return db.prepare(`SELECT NOT EXISTS (SELECT 1 FROM ${table})`).pluck().get() === 1;
}

/** The next id AUTOINCREMENT would hand out, so rows can carry explicit ids and refer to each other. */
function nextId(db: Database, table: string): number {
  const max = db.prepare(`SELECT COALESCE(MAX(id), 0) FROM ${table}`).pluck().get() as number;
  const seq = (db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = ?`).pluck().get(table) as number | undefined) ?? 0;
  return Math.max(max, seq) + 1;
}

/**
 * Adds sample accounts and contacts straight through better-sqlite3: seeded
 * rows are nobody's edits, so they bypass the services and write no audit rows.
 */
export function seedDatabase(dataSource: DataSource, options: SeedOptions): SeedResult {
  const db = sqliteHandle(dataSource);
  const now = options.now ?? new Date();
  const started = performance.now();
  const userIds = ensureSalesReps(db, now.toISOString());
  const data = new SampleData({
    seed: options.seed ?? 1,
    now,
    userIds,
    firstAccountId: nextId(db, 'accounts'),
    firstContactId: nextId(db, 'contacts'),
  });
  const batchSize = options.batchSize ?? 25_000;
  // Rows are consistent by construction (ids drawn from the users and accounts just read or made),
  // so per-row foreign-key look-ups only cost time; the tests check the result with foreign_key_check.
  const previousForeignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  const previousCache = db.pragma('cache_size', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  // 256 MiB of page cache: the index rebuild at the end sorts a million keys without spilling to disk.
  db.pragma('cache_size = -262144');
  const fillingFromEmpty = (['accounts', 'contacts'] as const).filter((t) => isEmpty(db, t) && (t === 'accounts' ? options.accounts : options.contacts) > 0);
  const restoreIndexes = deferIndexes(db, fillingFromEmpty);
  try {
    bulkInsert(db, 'accounts', ACCOUNT_COLUMNS, options.accounts, () => data.account(), {
      batchSize,
      onBatch: (done) => options.onProgress?.({ table: 'accounts', done, total: options.accounts }),
    });
    bulkInsert(db, 'contacts', CONTACT_COLUMNS, options.contacts, () => data.contact(), {
      batchSize,
      onBatch: (done) => options.onProgress?.({ table: 'contacts', done, total: options.contacts }),
    });
  } finally {
    restoreIndexes();
    db.pragma(`cache_size = ${previousCache}`);
    db.pragma(`foreign_keys = ${previousForeignKeys ? 'ON' : 'OFF'}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const rows = options.accounts + options.contacts;
  return { accounts: options.accounts, contacts: options.contacts, seconds, rowsPerSecond: seconds > 0 ? rows / seconds : rows };
}
