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
  /**
   * When the survivor already has its own such row (it is a member of the same campaign), the merged record's row
   * stays where it is, with everything hanging off it (touches, calls), instead of being deleted.
   */
  keepOnConflict?: boolean;
}

/**
 * Rows that name a contact, lead or account by (entity, record id) and so have no foreign key to find them by. The
 * survivor's own row wins where it has one: a list it is on, a campaign it is enrolled in, a single-choice pick.
 */
function polymorphic(entity: string): Relation[] {
  const ofEntity = `entity = '${entity}'`;
  const fields = (multiple: 0 | 1) => `field_id IN (SELECT id FROM custom_fields WHERE entity = '${entity}' AND multiple = ${multiple})`;
  return [
    { table: 'record_keys', column: 'record_id', where: `${ofEntity} AND kind = 'external'`, others: ['entity', 'kind', 'key'], link: true },
    { table: 'record_tags', column: 'record_id', where: ofEntity, others: ['tag_id', 'entity'], link: true },
    // A multi-choice pick keeps every value of them all; a single-choice one the survivor's, else the merged record's.
    { table: 'custom_field_values', column: 'record_id', where: fields(1), others: ['field_id', 'value'], link: true },
    { table: 'custom_field_values', column: 'record_id', where: fields(0), others: ['field_id'], link: true },
    { table: 'target_list_members', column: 'record_id', where: `list_id IN (SELECT id FROM target_lists WHERE ${ofEntity})`, others: ['list_id'], link: true },
    { table: 'campaign_members', column: 'record_id', where: ofEntity, others: [], link: false, keepOnConflict: true },
    { table: 'campaign_responses', column: 'record_id', where: ofEntity, others: [], link: false },
  ];
}

/**
 * Every column that points at a record of `table`, found from the schema's
 * foreign keys (so a module added later is re-pointed too), the table's own
 * (an account's parent) included, plus the polymorphic rows: external-id keys,
 * tags, custom picks, list and campaign memberships, campaign responses.
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
  out.push(...polymorphic(entity));
  return out;
}
