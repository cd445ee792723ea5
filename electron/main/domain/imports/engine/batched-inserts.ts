import type { Database, Statement } from 'better-sqlite3';
import type { ColumnValues } from '../../records/record-store';

type Cell = string | number | null;

/**
 * A new row as column names many rows share and its values in their order: a
 * million-row import builds no object, and no list of keys, a row.
 */
export class ColumnList {
  constructor(
    readonly names: readonly string[],
    readonly values: Cell[],
  ) {}

  set(name: string, value: Cell): void {
    const at = this.names.indexOf(name);
    if (at < 0) throw new Error(`No column ${name} in this row`);
    this.values[at] = value;
  }
}

/** Sets one column of a new row, however the row is held. */
export function setColumn(row: ColumnValues | ColumnList, name: string, value: Cell): void {
  if (row instanceof ColumnList) row.set(name, value);
  else row[name] = value;
}

/** Rows per INSERT: past ~50 the statement's setup is paid off and longer statements gain little. */
export const INSERT_BATCH = 50;

interface Pending {
  id: number;
  signature: string;
  columns: string[];
  values: Cell[];
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
 * Rows are written in the order they were added (a parent account before the
 * accounts that name it). A batch that fails ends the import (its transaction
 * rolls back); its rows are tried one by one first, to name the line at fault.
 * With a batch of one every row is written at once, as skip-and-report needs.
 */
export class BatchedInserts {
  private nextId: number;
  private pending: Pending[] = [];
  private readonly statements = new Map<string, Statement>();
  /** A row's own columns (by their names joined) → every column it is written with: one array per shape, not per row. */
  private readonly shapes = new Map<string, { columns: string[]; signature: string }>();
  /** The same for rows given as a ColumnList, by its names array. */
  private readonly listShapes = new Map<readonly string[], { columns: string[]; signature: string }>();

  private readonly constantColumns: string[];
  /** Written into the statement as SQL literals: a million rows do not bind the same five values each. */
  private readonly constantLiterals: string[];

  /** `constant`: columns every row gets (who created it when), appended without copying each row's object. */
  constructor(
    private readonly db: Database,
    private readonly table: string,
    private readonly batch: number = INSERT_BATCH,
    constant: ColumnValues = {},
  ) {
    this.constantColumns = Object.keys(constant);
    this.constantLiterals = Object.values(constant).map(sqlLiteral);
    const seq = db.prepare(`SELECT seq FROM sqlite_sequence WHERE name = ?`).pluck().get(table) as number | undefined;
    const max = db.prepare(`SELECT max(id) FROM ${table}`).pluck().get() as number | null;
    this.nextId = Math.max(seq ?? 0, max ?? 0) + 1;
  }

  /** Queues a row and returns the id it will have. */
  add(values: ColumnValues | ColumnList, line: number | null = null): number {
    let shape: { columns: string[]; signature: string } | undefined;
    let row: Cell[];
    if (values instanceof ColumnList) {
      shape = this.listShapes.get(values.names);
      if (!shape) this.listShapes.set(values.names, (shape = this.shapeOf(values.names)));
      row = values.values;
    } else {
      const own = Object.keys(values);
      const key = own.join(',');
      shape = this.shapes.get(key);
      if (!shape) this.shapes.set(key, (shape = this.shapeOf(own)));
      row = own.map((c) => values[c] ?? null);
    }
    const id = this.nextId++;
    this.pending.push({ id, signature: shape.signature, columns: shape.columns, values: row, line });
    if (this.pending.length >= this.batch) this.flush();
    return id;
  }

  private shapeOf(own: readonly string[]): { columns: string[]; signature: string } {
    const columns = [...own, ...this.constantColumns];
    return { columns, signature: columns.join(',') };
  }

  /** Writes every queued row: before anything reads the table, and before the commit. */
  flush(): void {
    const rows = this.pending;
    this.pending = [];
    // Runs of rows with the same columns share a statement.
    for (let start = 0; start < rows.length; ) {
      let end = start + 1;
      while (end < rows.length && rows[end]!.signature === rows[start]!.signature) end++;
      this.write(rows.slice(start, end));
      start = end;
    }
  }

  private write(rows: Pending[]): void {
    if (rows.length === 1) {
      this.run(rows);
      return;
    }
    // A statement that fails leaves nothing behind (SQLite undoes the statement), so no savepoint is needed to retry.
    try {
      this.run(rows);
      return;
    } catch {
      // Found below, row by row.
    }
    for (const row of rows) {
      try {
        this.run([row]);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(row.line === null ? message : `Line ${row.line}: ${message}`);
      }
    }
  }

  private run(rows: Pending[]): void {
    const { columns, signature } = rows[0]!;
    const key = `${rows.length}:${signature}`;
    let statement = this.statements.get(key);
    if (!statement) {
      const own = columns.length - this.constantColumns.length;
      const tuple = `(${['?', ...Array.from({ length: own }, () => '?'), ...this.constantLiterals].join(', ')})`;
      statement = this.db.prepare(`INSERT INTO ${this.table} (id, ${signature}) VALUES ${Array.from({ length: rows.length }, () => tuple).join(', ')}`);
      this.statements.set(key, statement);
    }
    const width = rows[0]!.values.length + 1;
    const args = new Array<Cell>(rows.length * width);
    for (let r = 0, at = 0; r < rows.length; r++) {
      const { id, values } = rows[r]!;
      args[at++] = id;
      for (let v = 0; v < values.length; v++) args[at++] = values[v]!;
    }
    statement.run(args);
  }
}

/** A constant as SQL text; only the plain values a record's stamp holds. */
function sqlLiteral(value: ColumnValues[string]): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && !value.includes('\0')) return `'${value.replaceAll("'", "''")}'`;
  throw new Error(`Not a constant column value: ${String(value)}`);
}
