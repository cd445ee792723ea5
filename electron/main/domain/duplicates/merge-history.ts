import type { Database } from 'better-sqlite3';
import type { ScanEntity } from '../../../../shared/contract/duplicates';

export function mergeHistory(db: Database, limit: number) {
  const rows = db
    .prepare(`SELECT m.id, m.entity, m.survivor_id, m.merged_ids, m.status, m.created_at, m.created_by_id, u.name AS by_name, m.undone_at FROM merges m JOIN users u ON u.id = m.created_by_id ORDER BY m.id DESC LIMIT ?`)
    .all(limit) as { id: number; entity: ScanEntity; survivor_id: number; merged_ids: string; status: 'applied' | 'undone'; created_at: string; created_by_id: number; by_name: string; undone_at: string | null }[];
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity,
    survivorId: r.survivor_id,
    mergedIds: JSON.parse(r.merged_ids) as number[],
    status: r.status,
    createdAt: r.created_at,
    createdBy: { id: r.created_by_id, name: r.by_name },
    undoneAt: r.undone_at,
  }));
}
