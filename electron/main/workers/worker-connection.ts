import type { Database } from 'better-sqlite3';

export interface WorkerConnectionOptions {
  /**
   * Page cache for the worker's one big transaction: with room for the pages
   * it dirties, none is written to the WAL and read back mid-transaction (a
   * 100k realignment dirties ~80 MB; an import ~40 MB per 100k rows).
   */
  cacheMiB: number;
  /** Off when the worker checkpoints itself after answering (the assignment worker). */
  autoCheckpoint: boolean;
}

/** A data worker's connection settings, and why they differ from the main connection's. */
export function openWorkerConnection(db: Database, options: WorkerConnectionOptions = { cacheMiB: 128, autoCheckpoint: false }): Database {
  db.pragma('busy_timeout = 5000');
  db.pragma('foreign_keys = ON');
  db.pragma('synchronous = NORMAL');
  db.pragma(`cache_size = ${-options.cacheMiB * 1024}`);
  // Temporary b-trees (sorts, the assignment's moves) stay in memory, not in temp files.
  db.pragma('temp_store = MEMORY');
  if (!options.autoCheckpoint) db.pragma('wal_autocheckpoint = 0');
  return db;
}
