import type { Database } from 'better-sqlite3';
import type { AssignmentBatch, AssignmentRecord } from '../../../../shared/contract/territories';
import { loadBatch } from './engine/batches';
import { OPEN_LEAD } from './engine/load';
import { ENTITY, REASON, entityOf, reasonOf } from './engine/log-codes';

const NAME = `CASE a.entity
  WHEN ${ENTITY.account} THEN (SELECT name FROM accounts WHERE id = a.record_id)
  WHEN ${ENTITY.lead} THEN (SELECT TRIM(COALESCE(company || ' – ', '') || COALESCE(first_name || ' ', '') || last_name) FROM leads WHERE id = a.record_id)
  WHEN ${ENTITY.contact} THEN (SELECT TRIM(COALESCE(first_name || ' ', '') || last_name) FROM contacts WHERE id = a.record_id)
  ELSE (SELECT name FROM opportunities WHERE id = a.record_id) END`;

// A batch's rows take their time and user from the batch: its creation for a move, its undo for an undo row.
const AT = `COALESCE(a.at, CASE a.reason WHEN ${REASON.undo} THEN b.undone_at ELSE b.created_at END)`;
const BY = `COALESCE(a.by_id, CASE a.reason WHEN ${REASON.undo} THEN b.undone_by_id ELSE b.created_by_id END)`;

interface HistoryRow {
  id: number;
  entity: number;
  record_id: number;
  record_name: string | null;
  from_owner_id: number | null;
  from_name: string | null;
  to_owner_id: number;
  to_name: string;
  from_territory_id: number | null;
  from_territory: string | null;
  to_territory_id: number | null;
  to_territory: string | null;
  reason: number;
  batch_id: number | null;
  at: string;
  by_id: number;
  by_name: string;
}

/**
 * The log rows asked for. A record's: its rows without a batch, then one
 * probe of the log's (batch, entity, record) index per batch, since bulk rows
 * are keyed by batch first.
 */
function hits(q: { entity?: string | undefined; recordId?: number | undefined; batchId?: number | undefined }): { sql: string; params: unknown[] } {
  const record = q.entity !== undefined && q.recordId !== undefined ? { entity: ENTITY[q.entity as keyof typeof ENTITY], id: q.recordId } : null;
  if (q.batchId !== undefined) {
    return record
      ? { sql: `SELECT id FROM assignment_log WHERE batch_id = ? AND entity = ? AND record_id = ?`, params: [q.batchId, record.entity, record.id] }
      : { sql: `SELECT id FROM assignment_log WHERE batch_id = ?`, params: [q.batchId] };
  }
  return {
    sql: `SELECT id FROM assignment_log WHERE batch_id IS NULL AND entity = ? AND record_id = ?
          UNION ALL
          SELECT l.id FROM assignment_batches b JOIN assignment_log l ON l.batch_id = b.id AND l.entity = ? AND l.record_id = ?`,
    params: [record?.entity, record?.id, record?.entity, record?.id],
  };
}

export function assignmentHistory(db: Database, q: { entity?: string | undefined; recordId?: number | undefined; batchId?: number | undefined; limit: number }): AssignmentRecord[] {
  const { sql, params } = hits(q);
  // The page is chosen first; names and users are looked up for its rows only.
  const rows = db
    .prepare(
      `WITH page AS (
         SELECT a.id, ${AT} AS at, ${BY} AS by_id
           FROM (${sql}) h JOIN assignment_log a ON a.id = h.id LEFT JOIN assignment_batches b ON b.id = a.batch_id
          ORDER BY at DESC, a.id DESC LIMIT ?)
       SELECT a.id, a.entity, a.record_id, ${NAME} AS record_name, a.from_owner_id, f.name AS from_name, a.to_owner_id, t.name AS to_name,
              a.from_territory_id, ft.name AS from_territory, a.to_territory_id, tt.name AS to_territory, a.reason, a.batch_id, p.at, p.by_id, u.name AS by_name
         FROM page p
         JOIN assignment_log a ON a.id = p.id
         JOIN users t ON t.id = a.to_owner_id
         JOIN users u ON u.id = p.by_id
         LEFT JOIN users f ON f.id = a.from_owner_id
         LEFT JOIN territories ft ON ft.id = a.from_territory_id
         LEFT JOIN territories tt ON tt.id = a.to_territory_id
        ORDER BY p.at DESC, p.id DESC`,
    )
    .all(...params, q.limit) as HistoryRow[];
  return rows.map((r) => ({
    id: r.id,
    entity: entityOf(r.entity),
    recordId: r.record_id,
    recordName: r.record_name ?? `#${r.record_id}`,
    from: r.from_owner_id !== null && r.from_name !== null ? { id: r.from_owner_id, name: r.from_name } : null,
    to: { id: r.to_owner_id, name: r.to_name },
    fromTerritory: r.from_territory_id !== null && r.from_territory !== null ? { id: r.from_territory_id, name: r.from_territory } : null,
    toTerritory: r.to_territory_id !== null && r.to_territory !== null ? { id: r.to_territory_id, name: r.to_territory } : null,
    reason: reasonOf(r.reason),
    batchId: r.batch_id,
    at: r.at,
    by: { id: r.by_id, name: r.by_name },
  }));
}

export function assignmentBatches(db: Database, limit: number): AssignmentBatch[] {
  const ids = db.prepare(`SELECT id FROM assignment_batches ORDER BY id DESC LIMIT ?`).pluck().all(limit) as number[];
  return ids.map((id) => loadBatch(db, id));
}

/** Live accounts and open leads that no territory matched: what a manager assigns by hand or after new rules. */
export function fallbackQueue(db: Database, limit: number) {
  const from = `FROM (
      SELECT 'account' AS entity, id, name, owner_id, created_at FROM accounts WHERE deleted_at IS NULL AND territory_id IS NULL
      UNION ALL
      SELECT 'lead', id, TRIM(COALESCE(company || ' – ', '') || COALESCE(first_name || ' ', '') || last_name), owner_id, created_at FROM leads WHERE ${OPEN_LEAD} AND territory_id IS NULL
    ) q JOIN users u ON u.id = q.owner_id`;
  const total = db.prepare(`SELECT COUNT(*) ${from}`).pluck().get() as number;
  const rows = db.prepare(`SELECT q.entity, q.id, q.name, q.owner_id, u.name AS owner_name, q.created_at ${from} ORDER BY q.created_at DESC, q.id DESC LIMIT ?`).all(limit) as {
    entity: 'account' | 'lead';
    id: number;
    name: string;
    owner_id: number;
    owner_name: string;
    created_at: string;
  }[];
  return { total, rows: rows.map((r) => ({ entity: r.entity, id: r.id, name: r.name, owner: { id: r.owner_id, name: r.owner_name }, createdAt: r.created_at })) };
}
