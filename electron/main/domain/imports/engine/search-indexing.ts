import type { Database } from 'better-sqlite3';
import { indexRowsSql } from '../../../db/migrations/search-triggers-v3';

/**
 * Inside the import's transaction only (no other connection sees the row,
 * and a rollback or a crash removes it): the search insert triggers stand
 * aside, and the import indexes what it created in one statement per table
 * at the end, about twice as fast as row by row.
 */
export function pauseSearchIndexing(db: Database): void {
  db.prepare(`INSERT INTO search_paused (id) VALUES (1)`).run();
}

/** Indexes every record the import created and switches the triggers back on, before the commit. */
export function indexCreatedRecords(db: Database, importId: number): void {
  db.prepare(`DELETE FROM search_paused`).run();
  for (const [entity, table] of [
    ['account', 'accounts'],
    ['contact', 'contacts'],
  ] as const) {
    db.prepare(indexRowsSql(table, `NEW.id IN (SELECT record_id FROM import_changes WHERE import_id = ? AND entity = '${entity}' AND action = 'create')`)).run(importId);
  }
}
