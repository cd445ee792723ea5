import type { Database, Statement } from 'better-sqlite3';
import { CrmError } from '../../../../../shared/errors';
import type { ColumnValues } from '../../records/record-store';
import { ColumnList } from './batched-inserts';

/*
 * A batched import writes a million contacts whose four references (owner,
 * account, created and updated by) take a few thousand distinct values: with
 * foreign keys on, SQLite looks every one up again for every row (≈1.2 µs a
 * row, an eighth of the insert). Such an import runs with the connection's
 * checks off (run-import.ts) and checks each distinct value once here, inside
 * its write transaction and before it commits, so a reference to a missing row
 * still fails the whole import — as the territory move does (reference-checks.ts).
 */

interface ForeignKey {
  column: string;
  parent: string;
  exists: Statement;
  values: Set<string | number>;
}

function foreignKeys(db: Database, table: string): { column: string; parent: string; key: string | null }[] {
  return db.prepare(`SELECT "from" AS column, "table" AS parent, "to" AS key FROM pragma_foreign_key_list(?) ORDER BY id, seq`).all(table) as { column: string; parent: string; key: string | null }[];
}

const refused = (table: string, column: string, parent: string, value: unknown) =>
  new CrmError('conflict', `Nothing was imported: a record refers to ${parent} #${String(value)} (${table}.${column}), which does not exist.`);

/** The distinct values a table's new rows give its foreign-key columns, noted as the rows are written. */
export class ReferenceCheck {
  private readonly keys: ForeignKey[];
  /** Where each key's column is in the last ColumnList's names (rows of one import share one names array). */
  private positionsFor: readonly string[] | null = null;
  private positions: number[] = [];

  constructor(
    db: Database,
    private readonly table: string,
  ) {
    this.keys = foreignKeys(db, table).map((k) => ({
      column: k.column,
      parent: k.parent,
      exists: db.prepare(`SELECT 1 FROM "${k.parent}" WHERE ${k.key ? `"${k.key}"` : 'rowid'} = ?`).pluck(),
      values: new Set(),
    }));
  }

  note(row: ColumnValues | ColumnList): void {
    if (row instanceof ColumnList) {
      if (row.names !== this.positionsFor) {
        this.positionsFor = row.names;
        this.positions = this.keys.map((k) => row.names.indexOf(k.column));
      }
      for (let i = 0; i < this.keys.length; i++) {
        const at = this.positions[i]!;
        const value = at < 0 ? null : row.values[at];
        if (value !== null && value !== undefined) this.keys[i]!.values.add(value);
      }
      return;
    }
    for (const k of this.keys) {
      const value = row[k.column];
      if (typeof value === 'number' || typeof value === 'string') k.values.add(value);
    }
  }

  /** Throws, naming the first value no parent row has. */
  assertAllExist(): void {
    for (const k of this.keys) {
      for (const value of k.values) if (k.exists.get(value) === undefined) throw refused(this.table, k.column, k.parent, value);
    }
  }
}

/** Every foreign key of the given rows of a table, checked in SQL: for the few rows an import writes besides its batches. */
export function assertRowsReferToExisting(db: Database, table: string, ids: readonly number[]): void {
  if (ids.length === 0) return;
  for (const k of foreignKeys(db, table)) {
    const missing = db
      .prepare(
        `SELECT r."${k.column}" FROM "${table}" r, json_each(?) ids
          WHERE r.id = ids.value AND r."${k.column}" IS NOT NULL
            AND NOT EXISTS (SELECT 1 FROM "${k.parent}" p WHERE p.${k.key ? `"${k.key}"` : 'rowid'} = r."${k.column}") LIMIT 1`,
      )
      .pluck()
      .get(JSON.stringify(ids));
    if (missing !== undefined) throw refused(table, k.column, k.parent, missing);
  }
}
