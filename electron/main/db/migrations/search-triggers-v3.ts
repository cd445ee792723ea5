import type { QueryRunner } from 'typeorm';
import { createSearchTriggersWhen, SOURCES } from './search-triggers-v2';

/**
 * The search triggers, version 3: as v2 (update triggers fire only when a
 * column the index reads changes), and the insert triggers stand aside while
 * `triggers_paused` has a row. A bulk import writes that row inside its own
 * transaction (no other connection can see it, and a rollback or crash takes
 * it away), inserts its rows without indexing them one by one, then indexes
 * them in one statement (`indexRowsSql`) before it commits: about twice as
 * fast, and search is never behind a committed row.
 * The indexed text and the trigger bodies are v2's; only the insert triggers' WHEN differs.
 * Frozen with the migration that first used it: later changes get a v4.
 */
const PAUSED = `NOT EXISTS (SELECT 1 FROM triggers_paused)`;

/** Indexes the rows of `table` that `where` (on alias NEW) selects, in one statement: what the insert trigger does per row. */
export function indexRowsSql(table: (typeof SOURCES)[number]['table'], where: string): string {
  const s = SOURCES.find((x) => x.table === table)!;
  return `INSERT INTO search_index (rowid, kind, record_id, title, detail)
          SELECT NEW.id * 4 + ${s.kind}, ${s.kind}, NEW.id, ${s.title}, ${s.detail} FROM ${table} NEW WHERE NEW.deleted_at IS NULL AND (${where})`;
}

export function createSearchTriggers(q: QueryRunner, tables: readonly string[]): Promise<void> {
  return createSearchTriggersWhen(q, tables, PAUSED);
}
