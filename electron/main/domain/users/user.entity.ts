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
    /** Relative weight for least-loaded assignment: 200 takes twice the load of 100. */
    capacity: { type: 'integer', default: 100 },
    managerId: { type: 'integer', nullable: true },
    teamId: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
  relations: {
    manager: { type: 'many-to-one', target: 'User', joinColumn: { name: 'manager_id' }, onDelete: 'SET NULL', nullable: true },
    team: { type: 'many-to-one', target: 'Team', joinColumn: { name: 'team_id' }, onDelete: 'SET NULL', nullable: true },
  },
});
