import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

export const UserPreferenceEntity = new EntitySchema<StoredRow>({
  name: 'UserPreference',
  tableName: 'user_preferences',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    userId: { type: 'integer' },
    key: { type: 'varchar', length: 100 },
    /** JSON, validated by the contract on the way in and out. */
    value: { type: 'text' },
    updatedAt: { type: 'datetime' },
  },
  relations: {
    user: { type: 'many-to-one', target: 'User', joinColumn: { name: 'user_id' }, onDelete: 'CASCADE' },
  },
  uniques: [{ columns: ['userId', 'key'] }],
});
