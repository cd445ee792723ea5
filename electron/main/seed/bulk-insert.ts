import type { Database, Statement } from 'better-sqlite3';
import type { Row, SqlValue } from './sample-columns';

/** Rows per INSERT statement: fewer calls across the N-API boundary, far below SQLite's 32766-variable limit. */
const ROWS_PER_STATEMENT = 50;

export interface BulkInsertOptions {
  /** Rows per transaction: large enough to amortise the commit, small enough to keep the WAL modest. */
  batchSize: number;
  onBatch?: (inserted: number) => void;
}

function insertStatement(db: Database, table: string, columns: readonly string[], rows: number): Statement {
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  return db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES ${Array.from({ length: rows }, () => tuple).join(', ')}`);
}

/** Inserts `count` rows made by `next`, with raw prepared statements in batched transactions. */
export function bulkInsert(
  db: Database,
  table: string,
  columns: readonly string[],
  count: number,
  next: () => Row,
  options: BulkInsertOptions,
): void {
  const many = insertStatement(db, table, columns, ROWS_PER_STATEMENT);
  const one = insertStatement(db, table, columns, 1);
  const values: SqlValue[] = new Array(columns.length * ROWS_PER_STATEMENT);
  const insertBatch = db.transaction((rows: number) => {
    let left = rows;
    while (left >= ROWS_PER_STATEMENT) {
      let k = 0;
      for (let r = 0; r < ROWS_PER_STATEMENT; r++) for (const v of next()) values[k++] = v;
      many.run(values);
      left -= ROWS_PER_STATEMENT;
    }
    for (; left > 0; left--) one.run(next());
  });
  let done = 0;
  while (done < count) {
    const rows = Math.min(options.batchSize, count - done);
    insertBatch(rows);
    done += rows;
    options.onBatch?.(done);
  }
}
