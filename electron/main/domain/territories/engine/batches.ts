import type { Database } from 'better-sqlite3';
import type { AssignmentBatch } from '../../../../../shared/contract/territories';
import { CrmError } from '../../../../../shared/errors';

export function loadBatch(db: Database, id: number): AssignmentBatch {
  const row = db
    .prepare(
      `SELECT b.id, b.kind, b.label, b.status, b.move_count, b.created_at, b.created_by_id, u.name AS created_by_name, b.undone_at
         FROM assignment_batches b JOIN users u ON u.id = b.created_by_id WHERE b.id = ?`,
    )
    .get(id) as
    | { id: number; kind: AssignmentBatch['kind']; label: string; status: AssignmentBatch['status']; move_count: number; created_at: string; created_by_id: number; created_by_name: string; undone_at: string | null }
    | undefined;
  if (!row) throw new CrmError('not_found', `There is no assignment batch with id ${id}.`);
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    status: row.status,
    moveCount: row.move_count,
    createdAt: row.created_at,
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    undoneAt: row.undone_at,
  };
}
