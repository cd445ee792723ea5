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
  const chunkOf = db.prepare(`SELECT id, entity, record_id FROM import_changes WHERE import_id = ? AND action = 'create' AND id > ? ORDER BY id LIMIT ${CHUNK}`);
  const total = pending.length ? (db.prepare(`SELECT count(*) FROM import_changes WHERE action = 'create' AND import_id IN (SELECT id FROM imports WHERE search_pending = 1)`).pluck().get() as number) : 0;
  const statements = INDEXED.map(([entity, table]) => ({
    entity,
    remove: db.prepare(`DELETE FROM search_index WHERE rowid IN (SELECT value * 4 + ${SOURCES.find((s) => s.table === table)!.kind} FROM json_each(?))`),
    index: db.prepare(indexRowsSql(table, `NEW.id IN (SELECT value FROM json_each(?))`)),
  }));
  const done = db.prepare(`UPDATE imports SET search_pending = 0 WHERE id = ?`);
  let indexed = 0;
  for (const importId of pending) {
    let after = 0;
    for (;;) {
      if (o.stop?.()) return indexed;
      const rows = chunkOf.all(importId, after) as { id: number; entity: string; record_id: number }[];
      if (!rows.length) break;
      after = rows.at(-1)!.id;
      db.transaction(() => {
        for (const s of statements) {
          const ids = JSON.stringify(rows.filter((r) => r.entity === s.entity).map((r) => r.record_id));
          if (ids === '[]') continue;
          s.remove.run(ids);
          s.index.run(ids);
        }
      }).immediate();
      indexed += rows.length;
      o.progress?.(indexed, total);
    }
    done.run(importId);
  }
  return indexed;
}
