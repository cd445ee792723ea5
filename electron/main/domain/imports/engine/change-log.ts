import type { Database } from 'better-sqlite3';
import type { ImportEntity } from '../targets/target';
import { BatchedInserts } from './batched-inserts';

/** first … last, both included. */
export interface IdRun {
  first: number;
  last: number;
}

/**
 * An import's change log (import_changes), which undo reads. Records created
 * through the import's batched inserts get consecutive ids, so they are
 * logged as runs: a million-row import writes a handful of rows instead of a
 * million (≈3 µs a row saved, and undo and the search catch-up read ranges).
 * Runs are written at the end, outside any row's savepoint, so a row undone
 * on its own never takes an earlier row's log with it; and a run only grows
 * by a record whose row has been written in full.
 */
export class ChangeLog {
  private readonly rows: BatchedInserts;
  private readonly open = new Map<ImportEntity, IdRun>();
  private readonly closed: { entity: ImportEntity; run: IdRun }[] = [];

  constructor(
    db: Database,
    private readonly importId: number,
    batch: number,
  ) {
    this.rows = new BatchedInserts(db, 'import_changes', batch);
  }

  /** A record of the import's own sequence of new ids (they are never handed out twice). */
  createdInRun(entity: ImportEntity, id: number): void {
    const run = this.open.get(entity);
    if (run && id === run.last + 1) {
      run.last = id;
      return;
    }
    if (run) this.closed.push({ entity, run });
    this.open.set(entity, { first: id, last: id });
  }

  /** A record created outside that sequence (a contact's new account): logged at once, alone. */
  created(entity: ImportEntity, id: number): void {
    this.add(entity, id, id, 'create', null);
  }

  updated(entity: ImportEntity, id: number, before: string): void {
    this.add(entity, id, id, 'update', before);
  }

  /** Writes the runs and whatever is queued: before the import reads the log back, and before it commits. */
  flush(): void {
    for (const { entity, run } of this.closed) this.add(entity, run.first, run.last, 'create', null);
    for (const [entity, run] of this.open) this.add(entity, run.first, run.last, 'create', null);
    this.closed.length = 0;
    this.open.clear();
    this.rows.flush();
  }

  private add(entity: ImportEntity, first: number, last: number, action: 'create' | 'update', before: string | null): void {
    this.rows.add({ import_id: this.importId, entity, record_id: first, last_record_id: last, action, before });
  }
}

/** The runs of ids an import created of one kind of record, lowest first. */
export function createdRuns(db: Database, importId: number, entity: ImportEntity): IdRun[] {
  return db
    .prepare(`SELECT record_id AS first, last_record_id AS last FROM import_changes WHERE import_id = ? AND entity = ? AND action = 'create' ORDER BY record_id`)
    .all(importId, entity) as IdRun[];
}
