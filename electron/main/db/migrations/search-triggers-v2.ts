import type { QueryRunner } from 'typeorm';

/**
 * The search triggers, re-created after a migration rebuilt their tables
 * (SQLite drops a table's triggers with it). From this version on the update
 * triggers fire only when a column the index reads changes, so a bulk owner
 * change (territory realignment) does not re-index every row it touches.
 * Frozen with the migration that first used it: later changes get a v3.
 */
export const SOURCES = [
  {
    table: 'accounts',
    kind: 0,
    columns: ['name', 'website', 'phone', 'billing_city', 'billing_country', 'deleted_at'],
    title: `NEW.name`,
    detail: `concat_ws(' ', NEW.website, NEW.phone, NEW.billing_city, NEW.billing_country)`,
  },
  {
    table: 'contacts',
    kind: 1,
    columns: ['first_name', 'last_name', 'email', 'phone', 'title', 'address_city', 'account_id', 'deleted_at'],
    title: `concat_ws(' ', NEW.first_name, NEW.last_name)`,
    detail: `concat_ws(' ', NEW.email, NEW.phone, NEW.title, NEW.address_city, (SELECT a.name FROM accounts a WHERE a.id = NEW.account_id))`,
  },
  {
    table: 'leads',
    kind: 2,
    columns: ['first_name', 'last_name', 'company', 'email', 'phone', 'city', 'deleted_at'],
    title: `concat_ws(' ', NEW.first_name, NEW.last_name)`,
    detail: `concat_ws(' ', NEW.company, NEW.email, NEW.phone, NEW.city)`,
  },
  {
    table: 'opportunities',
    kind: 3,
    columns: ['name', 'account_id', 'deleted_at'],
    title: `NEW.name`,
    detail: `(SELECT a.name FROM accounts a WHERE a.id = NEW.account_id)`,
  },
] as const;

export function createSearchTriggers(q: QueryRunner, tables: readonly string[]): Promise<void> {
  return createSearchTriggersWhen(q, tables, null);
}

/** v2's triggers; `insertWhen` guards the insert triggers (v3 lets a bulk import pause them). */
export async function createSearchTriggersWhen(q: QueryRunner, tables: readonly string[], insertWhen: string | null): Promise<void> {
  for (const s of SOURCES.filter((x) => tables.includes(x.table))) {
    const insert = `INSERT INTO search_index (rowid, kind, record_id, title, detail) SELECT NEW.id * 4 + ${s.kind}, ${s.kind}, NEW.id, ${s.title}, ${s.detail} WHERE NEW.deleted_at IS NULL;`;
    await q.query(`DROP TRIGGER IF EXISTS search_${s.table}_insert`);
    await q.query(`DROP TRIGGER IF EXISTS search_${s.table}_update`);
    await q.query(`DROP TRIGGER IF EXISTS search_${s.table}_delete`);
    await q.query(`CREATE TRIGGER search_${s.table}_insert AFTER INSERT ON ${s.table}${insertWhen ? ` WHEN ${insertWhen}` : ''} BEGIN ${insert} END`);
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
