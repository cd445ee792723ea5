import type { Database } from 'better-sqlite3';
import { CrmError } from '../../../../../shared/errors';

const TABLE: Record<string, string> = { contact: 'contacts', account: 'accounts' };

/**
 * Takes an import back in one transaction: what it created goes to the
 * recycle bin (restorable, and nothing that points at it breaks), what it
 * updated gets the earlier values of the columns it changed, and external ids
 * it added are removed. Imports are undone newest first.
 */
export function undoImport(db: Database, importId: number, by: { userId: number; now: string }): { deleted: number; restored: number } {
  const batch = db.prepare(`SELECT status, file_name FROM imports WHERE id = ?`).get(importId) as { status: string; file_name: string } | undefined;
  if (!batch) throw new CrmError('not_found', `There is no import with id ${importId}.`);
  if (batch.status === 'undone') throw new CrmError('validation', `"${batch.file_name}" was already undone.`);
  if (batch.status !== 'applied') throw new CrmError('validation', `"${batch.file_name}" did not import anything (${batch.status}): there is nothing to undo.`);
  const later = db.prepare(`SELECT file_name FROM imports WHERE id > ? AND status = 'applied' ORDER BY id LIMIT 1`).pluck().get(importId) as string | undefined;
  if (later) throw new CrmError('validation', `Undo "${later}" first: it was imported after this one and may have changed the same records.`);

  return db.transaction(() => {
    let deleted = 0;
    for (const [entity, table] of Object.entries(TABLE)) {
      deleted += db
        .prepare(
          `UPDATE ${table} SET deleted_at = ?, deleted_by_id = ?, version = version + 1, updated_at = ?, updated_by_id = ?
            WHERE deleted_at IS NULL AND id IN (SELECT record_id FROM import_changes WHERE import_id = ? AND entity = ? AND action = 'create')`,
        )
        .run(by.now, by.userId, by.now, by.userId, importId, entity).changes;
    }
    let restored = 0;
    const dropKey = db.prepare(`DELETE FROM record_keys WHERE entity = ? AND kind = 'external' AND key = ? AND record_id = ?`);
    // In pages, newest first: the connection cannot write while a statement is still being iterated.
    const page = db.prepare(`SELECT id, entity, record_id, before FROM import_changes WHERE import_id = ? AND action = 'update' AND id < ? ORDER BY id DESC LIMIT 5000`);
    for (let below = Number.MAX_SAFE_INTEGER; ; ) {
      const rows = page.all(importId, below) as { id: number; entity: string; record_id: number; before: string }[];
      if (rows.length === 0) break;
      below = rows[rows.length - 1]!.id;
      for (const u of rows) {
        const { __key, ...columns } = JSON.parse(u.before) as Record<string, string | number | null> & { __key?: string };
        if (__key !== undefined) dropKey.run(u.entity, __key, u.record_id);
        const cols = Object.keys(columns).filter((c) => /^[a-z_0-9]+$/.test(c));
        if (cols.length) {
          db.prepare(`UPDATE ${TABLE[u.entity]} SET ${cols.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ?`).run(
            ...cols.map((c) => columns[c]),
            by.now,
            by.userId,
            u.record_id,
          );
        }
        restored++;
      }
    }
    db.prepare(`UPDATE imports SET status = 'undone', undone_at = ?, undone_by_id = ? WHERE id = ?`).run(by.now, by.userId, importId);
    return { deleted, restored };
  })();
}
