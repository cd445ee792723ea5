import type { Database, Statement } from 'better-sqlite3';
import type { ColumnValues } from '../../records/record-store';

/** Rows per INSERT: past ~50 the statement's setup is paid off and longer statements gain little. */
export const INSERT_BATCH = 50;

interface Pending {
  id: number;
  values: (string | number | null)[];
  /** The file's line, named when the row cannot be written. */
  line: number | null;
}

/**
 * New rows of one table, written up to 50 to an INSERT: one statement per row
 * costs more than the row itself (≈33 µs a contact with its change-log row,
 * ≈13 in batches). Ids are handed out when a row is added, so the rest of the
 * import can refer to it before it is written: the import holds the write lock
 * and nothing else inserts into the table meanwhile, so they are the ids
 * AUTOINCREMENT would have given (never one used before, even a deleted one).
 * A batch that fails ends the import (its transaction rolls back); the rows
 * are tried one by one first, to name the line at fault. Skip-and-report, which
 * keeps going past a row that cannot be written, uses batches of one.
 */
export class BatchedInserts {
  private nextId: number;
  private readonly pending = new Map<string, { columns: string[]; rows: Pending[] }>();
  private readonly statements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    private readonly table: string,
    private readonly batch: number = INSERT_BATCH,
  ) {
    const seq = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = ?`).pluck().get(table) as number | undefined;
    const max = db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number | null;
    this.nextId = Math.max(seq ?? 0, max ?? 0) + 1;
  }

  /** Queues a row and returns the id it will have. */
  add(values: ColumnValues, line: number | null = null): number {
    const columns = Object.keys(values);
    const signature = columns.join(',');
    let group = this.pending.get(signature);
    if (!group) this.pending.set(signature, (group = { columns, rows: [] }));
    const id = this.nextId++;
    group.rows.push({ id, values: columns.map((c) => values[c]!), line });
    if (group.rows.length >= this.batch) this.write(group.columns, group.rows.splice(0));
    return id;
  }

  /** Writes every queued row: before anything reads the table, and before the commit. */
  flush(): void {
    for (const group of this.pending.values()) if (group.rows.length) this.write(group.columns, group.rows.splice(0));
  }

  private write(columns: string[], rows: Pending[]): void {
    if (rows.length === 1) {
      this.run(columns, rows);
      return;
    }
    this.db.exec('SAVEPOINT import_batch');
    try {
      this.run(columns, rows);
      this.db.exec('RELEASE import_batch');
      return;
    } catch {
      this.db.exec('ROLLBACK TO import_batch');
    }
    for (const row of rows) {
      try {
        this.run(columns, [row]);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(row.line === null ? message : `Line ${row.line}: ${message}`);
      }
    }
    this.db.exec('RELEASE import_batch');
  }

  private run(columns: string[], rows: Pending[]): void {
    const key = `${rows.length}:${columns.join(',')}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const tuple = `(${['?', ...columns.map(() => '?')].join(', ')})`;
      statement = this.db.prepare(`INSERT INTO ${this.table} (id, ${columns.join(', ')}) VALUES ${Array.from({ length: rows.length }, () => tuple).join(', ')}`);
      this.statements.set(key, statement);
    }
    const args: (string | number | null)[] = [];
    for (const row of rows) args.push(row.id, ...row.values);
    statement.run(args);
  }
}
