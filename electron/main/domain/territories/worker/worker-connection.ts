import type { Database } from 'better-sqlite3';

/** The assignment worker's connection settings, and why they differ from the main connection's. */
export function openWorkerConnection(db: Database): Database {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  // A 100k realignment dirties ~80 MB of pages: with room for them, none is written to the WAL and read back mid-transaction.
  db.pragma('cache_size = -131072');
  // The moves table lives in memory, not in a temp file.
  db.pragma('temp_store = MEMORY');
  // Checkpoints are run by the worker after it has answered (assignment-worker.ts).
  db.pragma('wal_autocheckpoint = 0');
  return db;
}
