import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

export const AuditEntryEntity = new EntitySchema<StoredRow>({
  name: 'AuditEntry',
  tableName: 'audit_log',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    entity: { type: 'varchar', length: 30 },
    recordId: { type: 'integer' },
    action: { type: 'varchar', length: 10 },
    /** JSON object field → [old, new]. */
    changes: { type: 'text' },
    userId: { type: 'integer' },
    at: { type: 'datetime' },
  },
  relations: {
    user: { type: 'many-to-one', target: 'User', joinColumn: { name: 'user_id' }, onDelete: 'RESTRICT' },
  },
  indices: [{ columns: ['entity', 'recordId', 'id'] }],
});
