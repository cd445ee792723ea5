import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

export const UserEntity = new EntitySchema<StoredRow>({
  name: 'User',
  tableName: 'users',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 200 },
    email: { type: 'varchar', length: 254, nullable: true, unique: true },
    role: { type: 'varchar', length: 20, default: 'sales_rep' },
    active: { type: 'boolean', default: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
});
