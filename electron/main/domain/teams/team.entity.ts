import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

export const TeamEntity = new EntitySchema<StoredRow>({
  name: 'Team',
  tableName: 'teams',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 100 },
    managerId: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
  relations: {
    manager: { type: 'many-to-one', target: 'User', joinColumn: { name: 'manager_id' }, onDelete: 'SET NULL', nullable: true },
  },
});
