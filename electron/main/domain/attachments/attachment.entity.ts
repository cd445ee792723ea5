import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

/**
 * A file kept with a record (a quote version's PDF). The bytes live in the
 * database so a backup of the one file holds them too; lists never select them.
 */
export const AttachmentEntity = new EntitySchema<StoredRow>({
  name: 'Attachment',
  tableName: 'attachments',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    /** 'quote', … */
    entity: { type: 'varchar', length: 20 },
    recordId: { type: 'integer' },
    fileName: { type: 'varchar', length: 255 },
    mimeType: { type: 'varchar', length: 100 },
    byteSize: { type: 'integer' },
    /** Lower-case hex SHA-256 of the bytes. */
    sha256: { type: 'varchar', length: 64 },
    createdAt: { type: 'datetime' },
    createdById: { type: 'integer' },
    bytes: { type: 'blob' },
  },
  relations: {
    createdBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'created_by_id' }, onDelete: 'RESTRICT' },
  },
  indices: [{ columns: ['entity', 'recordId', 'createdAt'] }],
});
