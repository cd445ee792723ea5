import type { Database } from 'better-sqlite3';
import { MOVED_TABLES } from './log-codes';
import { MOVES } from './move-table';
import { assertReferencesExist } from './reference-checks';

export interface BatchToWrite {
  kind: 'realignment' | 'rep_leaves';
  label: string;
  total: number;
  /** A leaving rep to deactivate with the move. */
  deactivate: number | null;
  /** Round-robin positions the plan advanced: [territory id, next]. */
  roundRobinNext: readonly (readonly [number, number])[];
}

/**
 * Writes the planned moves inside the caller's write transaction (foreign
 * keys may be off: the references are checked once up front): each
 * table's owners (and territories) from the moves table, the batch, one log
 * row per move (time and user are the batch's), round-robin positions and the
 * leaving rep. Returns the batch id.
 */
export function writeMoves(db: Database, batch: BatchToWrite, by: { userId: number; now: string }, progress?: (label: string) => void): number {
  assertReferencesExist(db, `SELECT to_owner AS owner, to_territory AS territory FROM ${MOVES}`, [], by.userId);
  for (const t of MOVED_TABLES) {
    progress?.(`Moving ${t.table}`);
    db.prepare(
      `UPDATE ${t.table} SET owner_id = m.to_owner${t.territory ? ', territory_id = m.to_territory' : ''}, version = version + 1, updated_at = ?, updated_by_id = ?
         FROM ${MOVES} m WHERE m.entity = ${t.code} AND ${t.table}.id = m.record_id`,
    ).run(by.now, by.userId);
  }
  progress?.('Recording the history');
  const batchId = Number(
    db
      .prepare(`INSERT INTO assignment_batches (kind, label, status, move_count, created_at, created_by_id, deactivated_user_id) VALUES (?, ?, 'applied', ?, ?, ?, ?)`)
      .run(batch.kind, batch.label, batch.total, by.now, by.userId, batch.deactivate).lastInsertRowid,
  );
  // The newest batch sorts last in the log's index (batch, entity, record) and the moves table is in (entity, record) order: an append.
  db.prepare(
    `INSERT INTO assignment_log (batch_id, entity, record_id, from_owner_id, to_owner_id, from_territory_id, to_territory_id, reason, rule_id)
     SELECT ?, entity, record_id, from_owner, to_owner, from_territory, to_territory, reason, rule_id FROM ${MOVES}`,
  ).run(batchId);
  const rr = db.prepare(`UPDATE territories SET round_robin_next = ? WHERE id = ? AND round_robin_next <> ?`);
  for (const [id, next] of batch.roundRobinNext) rr.run(next, id, next);
  if (batch.deactivate !== null) db.prepare(`UPDATE users SET active = 0, updated_at = ? WHERE id = ?`).run(by.now, batch.deactivate);
  return batchId;
}
