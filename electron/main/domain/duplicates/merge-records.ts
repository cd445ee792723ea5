import type { Database } from 'better-sqlite3';
import type { ScanEntity } from '../../../../shared/contract/duplicates';
import { CrmError } from '../../../../shared/errors';
import { MERGE_SPECS, type MergeSpec, type Row } from './merge-specs';
import { relationsTo } from './relations';

interface Snapshot {
  /** The survivor's row first, then the merged ones, as they were before the merge. */
  rows: Row[];
  /** Related rows re-pointed to the survivor: table, column, row id, the record they pointed at. */
  moved: { table: string; column: string; rowid: number; from: number }[];
  /** Related rows deleted because the survivor already had the same link (e.g. both attended a meeting). */
  removed: { table: string; row: Record<string, unknown> }[];
}

type Value = string | number | null;
const capitalised = (noun: string) => noun.charAt(0).toUpperCase() + noun.slice(1);

/**
 * Merges records of one kind into a survivor in the caller's transaction: per
 * field the value of the record the user picked, the columns the spec combines
 * or derives, every related row re-pointed to the survivor, the others to the
 * recycle bin. Everything needed to undo it exactly goes into `merges`.
 */
export function mergeRecords(
  db: Database,
  spec: MergeSpec,
  input: { survivorId: number; mergedIds: number[]; fields: Partial<Record<string, number>> },
  by: { userId: number; now: string },
): number {
  const ids = [input.survivorId, ...input.mergedIds];
  if (new Set(ids).size !== ids.length) throw new CrmError('validation', `A ${spec.noun} can be merged only once, and not into itself.`, [{ path: 'mergedIds', message: 'Repeated id' }]);
  const get = db.prepare(`SELECT * FROM ${spec.table} WHERE id = ?`);
  const rows = ids.map((id) => {
    const row = get.get(id) as Row | undefined;
    if (!row || row.deleted_at) throw new CrmError('not_found', `${capitalised(spec.noun)} ${id} does not exist or is in the recycle bin.`);
    return row;
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  for (const [field, from] of Object.entries(input.fields)) {
    if (!byId.has(from!)) throw new CrmError('validation', `The value of ${field} must come from one of the ${spec.noun}s being merged.`, [{ path: `fields.${field}`, message: `Not one of the ${spec.noun}s` }]);
  }

  const next: Record<string, unknown> = {};
  for (const [field, columns] of Object.entries(spec.columns)) {
    const source = byId.get(input.fields[field] ?? input.survivorId)!;
    for (const c of columns) next[c] = source[c];
  }
  spec.derive(next, rows);
  spec.check?.(db, next, rows);

  const snapshot: Snapshot = { rows, moved: [], removed: [] };
  repoint(db, spec, input.survivorId, input.mergedIds, snapshot);
  const cols = Object.keys(next);
  db.prepare(`UPDATE ${spec.table} SET ${cols.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ?`).run(
    ...cols.map((c) => next[c] as Value),
    by.now,
    by.userId,
    input.survivorId,
  );
  db.prepare(`UPDATE ${spec.table} SET deleted_at = ?, deleted_by_id = ?, version = version + 1, updated_at = ?, updated_by_id = ? WHERE id IN (${input.mergedIds.map(() => '?').join(', ')})`).run(
    by.now,
    by.userId,
    by.now,
    by.userId,
    ...input.mergedIds,
  );
  return Number(
    db
      .prepare(`INSERT INTO merges (entity, survivor_id, merged_ids, snapshot, survivor_version, status, created_at, created_by_id) VALUES (?, ?, ?, ?, ?, 'applied', ?, ?)`)
      .run(spec.entity, input.survivorId, JSON.stringify(input.mergedIds), JSON.stringify(snapshot), rows[0]!.version + 1, by.now, by.userId).lastInsertRowid,
  );
}

/** Every row pointing at a merged record now points at the survivor; each move (or removed repeat) is noted for un-merge. */
function repoint(db: Database, spec: MergeSpec, survivorId: number, mergedIds: number[], snapshot: Snapshot): void {
  const mergedList = mergedIds.map(() => '?').join(', ');
  for (const rel of relationsTo(db, spec.table, spec.entity)) {
    // Within the table itself (an account's parent) the merged records' own rows are put back whole by un-merge,
    // and the survivor's value was picked: only the others move.
    const self = rel.table === spec.table ? ` AND id NOT IN (?, ${mergedList})` : '';
    const where = `${rel.column} IN (${mergedList})${rel.where ? ` AND ${rel.where}` : ''}${self}`;
    const pointing = db
      .prepare(`SELECT rowid AS __rowid, * FROM ${rel.table} WHERE ${where} ORDER BY rowid`)
      .all(...mergedIds, ...(self ? [survivorId, ...mergedIds] : [])) as Record<string, unknown>[];
    if (!pointing.length) continue;
    const repeated = rel.link
      ? db.prepare(`SELECT 1 FROM ${rel.table} WHERE ${rel.column} = ? AND rowid <> ?${rel.others.map((c) => ` AND ${c} IS ?`).join('')}`).pluck()
      : null;
    const move = db.prepare(`UPDATE OR IGNORE ${rel.table} SET ${rel.column} = ? WHERE rowid = ?`);
    const remove = db.prepare(`DELETE FROM ${rel.table} WHERE rowid = ?`);
    for (const row of pointing) {
      const rowid = row.__rowid as number;
      // A link the survivor already has (both attended the meeting) would be there twice: that row goes, kept in the snapshot.
      const duplicate = repeated?.get(survivorId, rowid, ...rel.others.map((c) => row[c] as Value)) !== undefined;
      if (!duplicate && move.run(survivorId, rowid).changes === 1) snapshot.moved.push({ table: rel.table, column: rel.column, rowid, from: row[rel.column] as number });
      else if (rel.keepOnConflict) continue;
      else {
        snapshot.removed.push({ table: rel.table, row });
        remove.run(rowid);
      }
    }
  }
}

/**
 * Puts a merge back exactly: the survivor's and the merged records' rows as
 * they were (versions, times and derived values such as a lead's score
 * included), every related row pointing where it pointed, removed links
 * restored. Refused once the survivor was edited after the merge (un-merging
 * would silently drop that edit).
 */
export function unmergeRecords(db: Database, mergeId: number, by: { userId: number; now: string }): { entity: ScanEntity; survivorId: number; restoredIds: number[] } {
  const merge = db.prepare(`SELECT * FROM merges WHERE id = ?`).get(mergeId) as { entity: ScanEntity; survivor_id: number; snapshot: string; survivor_version: number; status: string } | undefined;
  if (!merge) throw new CrmError('not_found', `There is no merge with id ${mergeId}.`);
  if (merge.status !== 'applied') throw new CrmError('validation', 'This merge was already undone.');
  const spec = MERGE_SPECS[merge.entity];
  const version = db.prepare(`SELECT version FROM ${spec.table} WHERE id = ?`).pluck().get(merge.survivor_id) as number | undefined;
  if (version !== merge.survivor_version) throw new CrmError('conflict', `The surviving ${spec.noun} was changed after the merge: un-merging would lose that change.`);
  const snapshot = JSON.parse(merge.snapshot) as Snapshot;
  for (const row of snapshot.rows) {
    const cols = Object.keys(row).filter((c) => c !== 'id');
    db.prepare(`UPDATE ${spec.table} SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => row[c] as Value), row.id);
  }
  for (const m of snapshot.moved) db.prepare(`UPDATE ${m.table} SET ${m.column} = ? WHERE rowid = ?`).run(m.from, m.rowid);
  for (const r of snapshot.removed) {
    const { __rowid, ...row } = r.row;
    const cols = Object.keys(row);
    db.prepare(`INSERT INTO ${r.table} (rowid, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`).run(__rowid, ...cols.map((c) => row[c] as Value));
  }
  db.prepare(`UPDATE merges SET status = 'undone', undone_at = ?, undone_by_id = ? WHERE id = ?`).run(by.now, by.userId, mergeId);
  return { entity: merge.entity, survivorId: merge.survivor_id, restoredIds: snapshot.rows.slice(1).map((r) => r.id) };
}
