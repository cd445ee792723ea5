import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEntry, AuditedEntity } from '../../../../shared/contract/audit';
import { Sql } from '../../db/sql';

export interface AuditWrite {
  entity: AuditedEntity;
  recordId: number;
  action: AuditEntry['action'];
  changes: Record<string, unknown[]>;
  userId: number;
  at: string;
}

/** Written in the caller's transaction, so a change and its audit row commit together. */
export async function writeAudit(em: EntityManager, e: AuditWrite): Promise<void> {
  await new Sql(em).run(`INSERT INTO audit_log (entity, record_id, action, changes, user_id, at) VALUES (?, ?, ?, ?, ?, ?)`, [
    e.entity,
    e.recordId,
    e.action,
    JSON.stringify(e.changes),
    e.userId,
    e.at,
  ]);
}

export class AuditService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async forRecord(entity: AuditedEntity, recordId: number, limit: number): Promise<AuditEntry[]> {
    const rows = await this.sql.all<{ id: number; action: AuditEntry['action']; changes: string; user_id: number; user_name: string; at: string }>(
      `SELECT a.id, a.action, a.changes, a.user_id, u.name AS user_name, a.at
         FROM audit_log a JOIN users u ON u.id = a.user_id
        WHERE a.entity = ? AND a.record_id = ? ORDER BY a.id DESC LIMIT ?`,
      [entity, recordId, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      entity,
      recordId,
      action: r.action,
      changes: JSON.parse(r.changes),
      user: { id: r.user_id, name: r.user_name },
      at: r.at,
    }));
  }
}
