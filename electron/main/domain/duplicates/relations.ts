import type { Database } from 'better-sqlite3';

export interface Relation {
  table: string;
  column: string;
  /** Extra condition for polymorphic links (record_keys holds keys of several kinds of record). */
  where?: string;
  /** Every other column of the table: a link table's row that, re-pointed, would repeat another row, goes instead. */
  others: string[];
  /** A pure link table (every column but the key is a reference): a repeated row says nothing new. */
  link: boolean;
}

/**
 * Every column that points at a record of `table`, found from the schema's
 * foreign keys (so a module added later is re-pointed too), the table's own
 * (an account's parent) included, plus the polymorphic external-id keys.
 * History tables (audit, assignments, imports) keep naming the merged record:
 * they are its past.
 */
export function relationsTo(db: Database, table: string, entity: string): Relation[] {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).pluck().all() as string[];
  const out: Relation[] = [];
  const columnsOf = (t: string) => (db.prepare(`SELECT name, pk FROM pragma_table_info(?)`).all(t) as { name: string; pk: number }[]).filter((c) => c.pk === 0).map((c) => c.name);
  for (const t of tables) {
    const fks = db.prepare(`SELECT "from", "table" FROM pragma_foreign_key_list(?)`).all(t) as { from: string; table: string }[];
    const columns = columnsOf(t);
    const link = columns.every((c) => fks.some((fk) => fk.from === c));
    for (const fk of fks) if (fk.table === table) out.push({ table: t, column: fk.from, others: columns.filter((c) => c !== fk.from), link });
  }
  out.push({ table: 'record_keys', column: 'record_id', where: `entity = '${entity}' AND kind = 'external'`, others: ['entity', 'kind', 'key'], link: true });
  return out;
}
