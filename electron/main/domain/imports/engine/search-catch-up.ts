import type { Database } from 'better-sqlite3';
import { indexRowsSql } from '../../../db/migrations/search-triggers-v3';
import { SOURCES } from '../../../db/migrations/search-triggers-v2';
import { INDEXED } from './search-indexing';

/** Records per transaction: short enough that the window's own writes wait at most a fraction of a second. */
const CHUNK = 10_000;

/**
 * Indexes the records of every import that committed before indexing them
 * (`search_pending`), oldest first, a chunk per transaction. Each chunk first
 * removes whatever the index holds for its records (an edit since the import
 * indexed it through the triggers; a chunk done before a crash), so running
 * it again after a crash or a quit is harmless. Records deleted since, or
 * undone, stay out (the index query keeps to live records). Returns how many
 * records it indexed; stops between chunks when `stop` says so.
 */
export function catchUpSearch(db: Database, o: { stop?: () => boolean; progress?: (done: number, total: number) => void } = {}): number {
  const pending = db.prepare(`SELECT id FROM imports WHERE search_pending = 1 ORDER BY id`).pluck().all() as number[];
  const runsOf = db.prepare(`SELECT entity, record_id AS first, last_record_id AS last FROM import_changes WHERE import_id = ? AND action = 'create' ORDER BY id`);
  const total = pending.length
    ? (db.prepare(`SELECT sum(last_record_id - record_id + 1) FROM import_changes WHERE action = 'create' AND import_id IN (SELECT id FROM imports WHERE search_pending = 1)`).pluck().get() as number)
    : 0;
  const statements = new Map(
    INDEXED.map(([entity, table]) => {
      const kind = SOURCES.find((s) => s.table === table)!.kind;
      return [
        entity as string,
        {
          remove: db.prepare(`DELETE FROM search_index WHERE rowid IN (SELECT id * 4 + ${kind} FROM ${table} WHERE id BETWEEN ? AND ?)`),
          index: db.prepare(indexRowsSql(table, `NEW.id BETWEEN ? AND ?`)),
        },
      ] as const;
    }),
  );
  const done = db.prepare(`UPDATE imports SET search_pending = 0 WHERE id = ?`);
  let indexed = 0;
  for (const importId of pending) {
    for (const run of runsOf.all(importId) as { entity: string; first: number; last: number }[]) {
      const s = statements.get(run.entity);
      for (let first = run.first; first <= run.last; first += CHUNK) {
        if (o.stop?.()) return indexed;
        const last = Math.min(run.last, first + CHUNK - 1);
        if (s) {
          db.transaction(() => {
            s.remove.run(first, last);
            s.index.run(first, last);
          }).immediate();
        }
        indexed += last - first + 1;
        o.progress?.(indexed, total);
      }
    }
    done.run(importId);
  }
  return indexed;
}
