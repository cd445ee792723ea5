import type { Database } from 'better-sqlite3';
import { personSortKey } from '../../../../shared/text';
import { CrmError } from '../../../../shared/errors';
import { relationsTo, type Relation } from './relations';

export const CONTACT_FIELD_COLUMNS = {
  firstName: ['first_name'],
  lastName: ['last_name'],
  title: ['title'],
  account: ['account_id'],
  address: ['address_street', 'address_city', 'address_region', 'address_postcode', 'address_country'],
  birthday: ['birthday'],
  owner: ['owner_id', 'owner_locked'],
} as const;
export type ContactMergeField = keyof typeof CONTACT_FIELD_COLUMNS;

type Row = Record<string, unknown> & { id: number; version: number; emails: string; phones: string; deleted_at: string | null };

interface Snapshot {
  rows: Row[];
  /** Related rows re-pointed to the survivor: table, column, row id, the record they pointed at. */
  moved: { table: string; column: string; rowid: number; from: number }[];
  /** Related rows deleted because the survivor already had the same link (e.g. both attended a meeting). */
  removed: { table: string; row: Record<string, unknown> }[];
}

/** Union of lists kept in order, survivor's first; the same address/number (case, spacing ignored) once. */
function union<T>(lists: T[][], key: (item: T) => string, max: number): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const item of lists.flat()) {
    const k = key(item);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out.slice(0, max);
}

/**
 * Merges contacts into a survivor in the caller's transaction: per field the
 * value of the record the user picked; every e-mail and phone of all of them;
 * consent flags cautious (an opt-out or do-not-call on any of them wins);
 * every related row (activities, attendees, opportunities, quotes, converted
 * leads, external ids) re-pointed to the survivor; the others to the recycle
 * bin. Everything needed to undo it exactly goes into `merges`.
 */
export function mergeContacts(
  db: Database,
  input: { survivorId: number; mergedIds: number[]; fields: Partial<Record<ContactMergeField, number>> },
  by: { userId: number; now: string },
): number {
  const ids = [input.survivorId, ...input.mergedIds];
  if (new Set(ids).size !== ids.length) throw new CrmError('validation', 'A contact can be merged only once, and not into itself.', [{ path: 'mergedIds', message: 'Repeated id' }]);
  const get = db.prepare(`SELECT * FROM contacts WHERE id = ?`);
  const rows = ids.map((id) => get.get(id) as Row | undefined);
  rows.forEach((r, i) => {
    if (!r || r.deleted_at) throw new CrmError('not_found', `Contact ${ids[i]} does not exist or is in the recycle bin.`);
  });
  const survivor = rows[0] as Row;
  const byId = new Map(rows.map((r) => [r!.id, r!]));
  for (const [field, from] of Object.entries(input.fields)) {
    if (!byId.has(from)) throw new CrmError('validation', `The value of ${field} must come from one of the contacts being merged.`, [{ path: `fields.${field}`, message: 'Not one of the contacts' }]);
  }

  const next: Record<string, unknown> = {};
  for (const [field, columns] of Object.entries(CONTACT_FIELD_COLUMNS)) {
    const source = byId.get(input.fields[field as ContactMergeField] ?? input.survivorId)!;
    for (const c of columns) next[c] = source[c];
  }
  const emails = union(rows.map((r) => JSON.parse(r!.emails) as { label: string; address: string }[]), (e) => e.address.trim().toLowerCase(), 10);
  const phones = union(rows.map((r) => JSON.parse(r!.phones) as { label: string; number: string }[]), (p) => p.number.replace(/\D/g, ''), 10);
  Object.assign(next, {
    emails: JSON.stringify(emails),
    email: emails[0]?.address ?? null,
    phones: JSON.stringify(phones),
    phone: phones[0]?.number ?? null,
    sort_name: personSortKey(next.last_name as string, next.first_name as string | null),
    email_opt_out: rows.some((r) => r!.email_opt_out === 1) ? 1 : 0,
    do_not_call: rows.some((r) => r!.do_not_call === 1) ? 1 : 0,
  });

  const snapshot: Snapshot = { rows: rows as Row[], moved: [], removed: [] };
  const mergedList = input.mergedIds.map(() => '?').join(', ');
  for (const rel of relationsTo(db, 'contacts', 'contact')) {
    const where = `${rel.column} IN (${mergedList})${rel.where ? ` AND ${rel.where}` : ''}`;
    const pointing = db.prepare(`SELECT rowid AS __rowid, * FROM ${rel.table} WHERE ${where} ORDER BY rowid`).all(...input.mergedIds) as Record<string, unknown>[];
    if (!pointing.length) continue;
    const repeated = rel.link
      ? db.prepare(`SELECT 1 FROM ${rel.table} WHERE ${rel.column} = ? AND rowid <> ?${rel.others.map((c) => ` AND ${c} IS ?`).join('')}`).pluck()
      : null;
    const move = db.prepare(`UPDATE OR IGNORE ${rel.table} SET ${rel.column} = ? WHERE rowid = ?`);
    const remove = db.prepare(`DELETE FROM ${rel.table} WHERE rowid = ?`);
    for (const row of pointing) {
      const rowid = row.__rowid as number;
      // A link the survivor already has (both attended the meeting) would be there twice: that row goes, kept in the snapshot.
      const duplicate = repeated?.get(input.survivorId, rowid, ...rel.others.map((c) => row[c] as string | number | null)) !== undefined;
      if (!duplicate && move.run(input.survivorId, rowid).changes === 1) snapshot.moved.push({ table: rel.table, column: rel.column, rowid, from: row[rel.column] as number });
      else {
        snapshot.removed.push({ table: rel.table, row });
        remove.run(rowid);
      }
    }
  }

  const cols = Object.keys(next);
  db.prepare(`UPDATE contacts SET ${cols.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ?`).run(
    ...cols.map((c) => next[c] as string | number | null),
    by.now,
    by.userId,
    input.survivorId,
  );
  db.prepare(`UPDATE contacts SET deleted_at = ?, deleted_by_id = ?, version = version + 1, updated_at = ?, updated_by_id = ? WHERE id IN (${mergedList})`).run(by.now, by.userId, by.now, by.userId, ...input.mergedIds);
  return Number(
    db
      .prepare(`INSERT INTO merges (entity, survivor_id, merged_ids, snapshot, survivor_version, status, created_at, created_by_id) VALUES ('contact', ?, ?, ?, ?, 'applied', ?, ?)`)
      .run(input.survivorId, JSON.stringify(input.mergedIds), JSON.stringify(snapshot), survivor.version + 1, by.now, by.userId).lastInsertRowid,
  );
}

/**
 * Puts a merge back exactly: the survivor's and the merged contacts' rows as
 * they were (versions and times included), every related row pointing where it
 * pointed, removed links restored. Refused once the survivor was edited after
 * the merge (un-merging would silently drop that edit).
 */
export function unmergeContacts(db: Database, mergeId: number, by: { userId: number; now: string }): number[] {
  const merge = db.prepare(`SELECT * FROM merges WHERE id = ?`).get(mergeId) as { entity: string; survivor_id: number; snapshot: string; survivor_version: number; status: string } | undefined;
  if (!merge || merge.entity !== 'contact') throw new CrmError('not_found', `There is no contact merge with id ${mergeId}.`);
  if (merge.status !== 'applied') throw new CrmError('validation', 'This merge was already undone.');
  const version = db.prepare(`SELECT version FROM contacts WHERE id = ?`).pluck().get(merge.survivor_id) as number | undefined;
  if (version !== merge.survivor_version) throw new CrmError('conflict', 'The surviving contact was changed after the merge: un-merging would lose that change.');
  const snapshot = JSON.parse(merge.snapshot) as Snapshot;
  for (const row of snapshot.rows) {
    const cols = Object.keys(row).filter((c) => c !== 'id');
    db.prepare(`UPDATE contacts SET ${cols.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`).run(...cols.map((c) => row[c] as string | number | null), row.id);
  }
  for (const m of snapshot.moved) db.prepare(`UPDATE ${m.table} SET ${m.column} = ? WHERE rowid = ?`).run(m.from, m.rowid);
  for (const r of snapshot.removed) {
    const { __rowid, ...row } = r.row;
    const cols = Object.keys(row);
    db.prepare(`INSERT INTO ${r.table} (rowid, ${cols.join(', ')}) VALUES (?, ${cols.map(() => '?').join(', ')})`).run(__rowid, ...cols.map((c) => row[c] as string | number | null));
  }
  db.prepare(`UPDATE merges SET status = 'undone', undone_at = ?, undone_by_id = ? WHERE id = ?`).run(by.now, by.userId, mergeId);
  return snapshot.rows.slice(1).map((r) => r.id);
}

export type { Relation };
