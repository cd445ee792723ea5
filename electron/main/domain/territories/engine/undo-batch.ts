import type { Database } from 'better-sqlite3';
import { CrmError } from '../../../../../shared/errors';
import { pauseGridGeneration } from '../../../db/migrations/grid-generation-triggers';
import { loadBatch } from './batches';
import { MOVED_TABLES, REASON } from './log-codes';
import { assertReferencesExist } from './reference-checks';

/**
 * Puts back every owner and territory the batch changed, exactly, and says so
 * in the log: one undo row per move, whose time and user are the batch's undo.
 */
export function undoBatch(db: Database, batchId: number, by: { userId: number; now: string }, progress?: (label: string, done: number, total: number | null) => void): { restored: number } {
  const run = db.transaction(() => {
    const batch = loadBatch(db, batchId);
    if (batch.status === 'undone') throw new CrmError('validation', `"${batch.label}" was already undone.`);
    const later = db.prepare(`SELECT label FROM assignment_batches WHERE id > ? AND status = 'applied' ORDER BY id LIMIT 1`).get(batchId) as { label: string } | undefined;
    if (later) throw new CrmError('validation', `Undo "${later.label}" first: it came after this one and may have moved the same records.`);
    const own = `a.batch_id = ? AND a.reason <> ${REASON.undo}`;
    assertReferencesExist(db, `SELECT from_owner_id AS owner, from_territory_id AS territory FROM assignment_log a WHERE ${own}`, [batchId], by.userId);
    const resumeGridGeneration = pauseGridGeneration(db);
    for (const t of MOVED_TABLES) {
      progress?.(`Restoring ${t.table}`, 0, batch.moveCount);
      db.prepare(
        `UPDATE ${t.table} SET owner_id = a.from_owner_id${t.territory ? ', territory_id = a.from_territory_id' : ''}, version = version + 1, updated_at = ?, updated_by_id = ?
           FROM assignment_log a WHERE ${own} AND a.entity = ${t.code} AND ${t.table}.id = a.record_id`,
      ).run(by.now, by.userId, batchId);
    }
    progress?.('Recording the history', 0, batch.moveCount);
    const { changes } = db
      .prepare(
        `INSERT INTO assignment_log (batch_id, entity, record_id, from_owner_id, to_owner_id, from_territory_id, to_territory_id, reason, rule_id)
         SELECT batch_id, entity, record_id, to_owner_id, from_owner_id, to_territory_id, from_territory_id, ${REASON.undo}, NULL FROM assignment_log a WHERE ${own}`,
      )
      .run(batchId);
    db.prepare(`UPDATE users SET active = 1, updated_at = ? WHERE id = (SELECT deactivated_user_id FROM assignment_batches WHERE id = ?)`).run(by.now, batchId);
    resumeGridGeneration();
    db.prepare(`UPDATE assignment_batches SET status = 'undone', undone_at = ?, undone_by_id = ? WHERE id = ?`).run(by.now, by.userId, batchId);
    return changes;
  });
  // The checks and the writes under one write lock: no batch can be applied in between.
  return { restored: run.immediate() };
}
