import type { Database } from 'better-sqlite3';
import { CrmError } from '../../../../../shared/errors';
import { rescoreLeads } from '../../leads/rescore-leads';
import type { ColumnValues } from '../../records/record-store';
import { RELATED_TABLES, type ImportEntity } from '../targets/target';
import { createdRuns } from './change-log';

const TABLE: Record<ImportEntity, string> = { contact: 'contacts', account: 'accounts', lead: 'leads', opportunity: 'opportunities', product: 'products' };

/** How to take back a row of another table an update wrote: remove an added row, or give a changed one its earlier values. */
export interface UndoRow {
  table: (typeof RELATED_TABLES)[number];
  id: number;
  before: ColumnValues | null;
}

type Before = Record<string, string | number | null> & { __key?: string; __rows?: UndoRow[] };

const COLUMN = /^[a-z_0-9]+$/;

/**
 * Takes an import back in one transaction: what it created goes to the
 * recycle bin (restorable, and nothing that points at it breaks), what it
 * updated gets the earlier values of the columns it changed, external ids
 * it added are removed, and so are the rows it added alongside (a stage
 * change, a list price). Leads it changed are scored again for their old
 * values. Imports are undone newest first.
 */
export function undoImport(db: Database, importId: number, by: { userId: number; now: string }): { deleted: number; restored: number } {
  const batch = db.prepare(`SELECT status, file_name FROM imports WHERE id = ?`).get(importId) as { status: string; file_name: string } | undefined;
  if (!batch) throw new CrmError('not_found', `There is no import with id ${importId}.`);
  if (batch.status === 'undone') throw new CrmError('validation', `"${batch.file_name}" was already undone.`);
  if (batch.status !== 'applied') throw new CrmError('validation', `"${batch.file_name}" did not import anything (${batch.status}): there is nothing to undo.`);
  const later = db.prepare(`SELECT file_name FROM imports WHERE id > ? AND status = 'applied' ORDER BY id LIMIT 1`).pluck().get(importId) as string | undefined;
  if (later) throw new CrmError('validation', `Undo "${later}" first: it was imported after this one and may have changed the same records.`);
  refuseBundleParts(db, importId);

  return db.transaction(() => {
    let deleted = 0;
    for (const [entity, table] of Object.entries(TABLE) as [ImportEntity, string][]) {
      const bin = db.prepare(
        `UPDATE ${table} SET deleted_at = ?, deleted_by_id = ?, version = version + 1, updated_at = ?, updated_by_id = ?
          WHERE deleted_at IS NULL AND id BETWEEN ? AND ?`,
      );
      for (const run of createdRuns(db, importId, entity)) deleted += bin.run(by.now, by.userId, by.now, by.userId, run.first, run.last).changes;
    }
    let restored = 0;
    const dropKey = db.prepare(`DELETE FROM record_keys WHERE entity = ? AND kind = 'external' AND key = ? AND record_id = ?`);
    const leads = new Set<number>();
    // In pages, newest first: the connection cannot write while a statement is still being iterated.
    const page = db.prepare(`SELECT id, entity, record_id, before FROM import_changes WHERE import_id = ? AND action = 'update' AND id < ? ORDER BY id DESC LIMIT 5000`);
    for (let below = Number.MAX_SAFE_INTEGER; ; ) {
      const rows = page.all(importId, below) as { id: number; entity: ImportEntity; record_id: number; before: string }[];
      if (rows.length === 0) break;
      below = rows[rows.length - 1]!.id;
      for (const u of rows) {
        const { __key, __rows, ...columns } = JSON.parse(u.before) as Before;
        if (__key !== undefined) dropKey.run(u.entity, __key, u.record_id);
        for (const r of __rows ?? []) undoRelated(db, r);
        const cols = Object.keys(columns).filter((c) => COLUMN.test(c));
        if (cols.length) {
          db.prepare(`UPDATE ${TABLE[u.entity]} SET ${cols.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ?`).run(
            ...cols.map((c) => columns[c]),
            by.now,
            by.userId,
            u.record_id,
          );
        }
        if (u.entity === 'lead') leads.add(u.record_id);
        restored++;
      }
    }
    rescoreLeads(db, [...leads], by.now);
    db.prepare(`UPDATE imports SET status = 'undone', undone_at = ?, undone_by_id = ? WHERE id = ?`).run(by.now, by.userId, importId);
    return { deleted, restored };
  })();
}

function undoRelated(db: Database, r: UndoRow): void {
  if (!RELATED_TABLES.includes(r.table)) return;
  if (r.before === null) {
    db.prepare(`DELETE FROM ${r.table} WHERE id = ?`).run(r.id);
    return;
  }
  const cols = Object.keys(r.before).filter((c) => COLUMN.test(c));
  if (cols.length) db.prepare(`UPDATE ${r.table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => r.before![c]), r.id);
}

/** As the products service refuses to delete a part of a live bundle, undo refuses while a product it created has become one. */
function refuseBundleParts(db: Database, importId: number): void {
  const partOf = db.prepare(
    `SELECT p.name, p.sku, b.name AS bundle FROM product_components c
       JOIN products p ON p.id = c.component_id JOIN products b ON b.id = c.bundle_id AND b.deleted_at IS NULL
      WHERE c.component_id BETWEEN ? AND ?
      LIMIT 1`,
  );
  for (const run of createdRuns(db, importId, 'product')) {
    const part = partOf.get(run.first, run.last) as { name: string; sku: string; bundle: string } | undefined;
    if (part) throw new CrmError('conflict', `${part.name} (${part.sku}) is now part of the bundle ${part.bundle}: take it out of the bundle before undoing this import.`);
  }
}
