import type { Database } from 'better-sqlite3';

/** Checked once, when an import has created this many records. */
export const DEFER_INDEXES_AFTER = 50_000;

/**
 * A big import into a table's secondary indexes (the grid's sort, account and
 * owner indexes of contacts) pays for every row landing somewhere in the middle
 * of them: at a million contacts that is more than half of each row's cost
 * (≈27 µs a row with the account index against ≈11 without). Once an import has
 * created 50,000 records and at least a quarter as many as the table held, the
 * indexes are dropped inside its transaction and built again, sorted, before it
 * commits (seconds for a million rows). Only for tables whose indexes the
 * import itself never reads; a rollback or a crash puts them back as they were.
 */
export class DeferredIndexes {
  private dropped: { name: string; sql: string }[] = [];
  private readonly existing: number;

  constructor(
    private readonly db: Database,
    private readonly table: string,
  ) {
    this.existing = db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
  }

  /** Called after each created record; drops the indexes the moment it pays. */
  created(count: number): void {
    if (count !== DEFER_INDEXES_AFTER || count * 4 < this.existing) return;
    this.dropped = this.db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%' ORDER BY name`)
      .all(this.table) as { name: string; sql: string }[];
    for (const index of this.dropped) this.db.exec(`DROP INDEX "${index.name}"`);
  }

  /** Builds the dropped indexes again; before anything reads the table by them, and before the commit. */
  restore(): void {
    for (const index of this.dropped) this.db.exec(index.sql);
    this.dropped = [];
  }
}
