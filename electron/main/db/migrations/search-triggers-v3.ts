import type { QueryRunner } from 'typeorm';
import { SOURCES } from './search-triggers-v2';

/**
 * The search triggers, version 3: as v2 (update triggers fire only when a
 * column the index reads changes), and the insert triggers stand aside while
 * `triggers_paused` has a row. A bulk import writes that row inside its own
 * transaction (no other connection can see it, and a rollback or crash takes
 * it away), inserts its rows without indexing them one by one, then indexes
 * them in one statement (`indexRowsSql`) before it commits: about twice as
 * fast, and search is never behind a committed row.
 * Frozen with the migration that first used it: later changes get a v4.
 */
// The indexed text of each table is v2's; only the insert triggers' WHEN differs.


const PAUSED = `NOT EXISTS (SELECT 1 FROM triggers_paused)`;

/** Indexes the rows of `table` that `where` (on alias NEW) selects, in one statement: what the insert trigger does per row. */
export function indexRowsSql(table: 'accounts' | 'contacts', where: string): string {
  const s = SOURCES.find((x) => x.table === table)!;
  return `INSERT INTO search_index (rowid, kind, record_id, title, detail)
          SELECT NEW.id * 4 + ${s.kind}, ${s.kind}, NEW.id, ${s.title}, ${s.detail} FROM ${table} NEW WHERE NEW.deleted_at IS NULL AND (${where})`;
}

export async function createSearchTriggers(q: QueryRunner, tables: readonly string[]): Promise<void> {
  for (const s of SOURCES.filter((x) => tables.includes(x.table))) {
    const insert = `INSERT INTO search_index (rowid, kind, record_id, title, detail) SELECT NEW.id * 4 + ${s.kind}, ${s.kind}, NEW.id, ${s.title}, ${s.detail} WHERE NEW.deleted_at IS NULL;`;
    await q.query(`DROP TRIGGER IF EXISTS search_${s.table}_insert`);
    await q.query(`DROP TRIGGER IF EXISTS search_${s.table}_update`);
    await q.query(`DROP TRIGGER IF EXISTS search_${s.table}_delete`);
    await q.query(`CREATE TRIGGER search_${s.table}_insert AFTER INSERT ON ${s.table} WHEN ${PAUSED} BEGIN ${insert} END`);
    await q.query(
      `CREATE TRIGGER search_${s.table}_update AFTER UPDATE OF ${s.columns.join(', ')} ON ${s.table} BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 4 + ${s.kind}; ${insert} END`,
    );
    await q.query(`CREATE TRIGGER search_${s.table}_delete AFTER DELETE ON ${s.table} BEGIN DELETE FROM search_index WHERE rowid = OLD.id * 4 + ${s.kind}; END`);
  }
  if (tables.includes('accounts')) {
    await q.query(`DROP TRIGGER IF EXISTS search_accounts_rename`);
    await q.query(
      `CREATE TRIGGER search_accounts_rename AFTER UPDATE OF name ON accounts BEGIN UPDATE contacts SET account_id = account_id WHERE account_id = NEW.id; UPDATE opportunities SET account_id = account_id WHERE account_id = NEW.id; END`,
    );
  }
}

/** Dropped before tables are rebuilt: SQLite re-checks every trigger when a table is renamed, and these name the tables being swapped. */
export async function dropSearchTriggers(q: QueryRunner): Promise<void> {
  for (const table of ['accounts', 'contacts', 'leads', 'opportunities']) {
    for (const event of ['insert', 'update', 'delete']) await q.query(`DROP TRIGGER IF EXISTS search_${table}_${event}`);
  }
  await q.query(`DROP TRIGGER IF EXISTS search_accounts_rename`);
}
