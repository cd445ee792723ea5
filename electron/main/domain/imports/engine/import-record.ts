import type { Database } from 'better-sqlite3';
import type { ImportSpec, RowError } from '../../../../../shared/contract/imports';

export interface Counts {
  rows: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
}

export type KeptError = RowError & { values: readonly string[] };

interface ImportRecord {
  spec: ImportSpec;
  fileName: string;
  headers: readonly string[];
  status: 'applied' | 'failed' | 'cancelled';
  counts: Counts;
  userId: number;
  now: string;
}

/** Writes (or, given an id, completes) the history row of an import and its rejected rows. */
export function recordImport(db: Database, r: ImportRecord, errors: readonly KeptError[], id?: number): number {
  const { fileId: _fileId, ...settings } = r.spec;
  const c = r.counts;
  let importId = id;
  if (importId === undefined) {
    importId = Number(
      db
        .prepare(
          `INSERT INTO imports (target, mode, file_name, status, settings, headers, row_count, created_count, updated_count, unchanged_count, failed_count, created_at, created_by_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(r.spec.target, r.spec.mode, r.fileName, r.status, JSON.stringify(settings), JSON.stringify(r.headers), c.rows, c.created, c.updated, c.unchanged, c.failed, r.now, r.userId).lastInsertRowid,
    );
  } else {
    db.prepare(`UPDATE imports SET status = ?, row_count = ?, created_count = ?, updated_count = ?, unchanged_count = ?, failed_count = ? WHERE id = ?`).run(
      r.status,
      c.rows,
      c.created,
      c.updated,
      c.unchanged,
      c.failed,
      importId,
    );
  }
  const insert = db.prepare(`INSERT INTO import_errors (import_id, row, line, field, message, "values") VALUES (?, ?, ?, ?, ?, ?)`);
  for (const e of errors) insert.run(importId, e.row, e.line, e.field, e.message, JSON.stringify(e.values));
  return importId;
}
