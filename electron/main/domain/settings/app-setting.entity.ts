import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

/** Office-wide settings (company profile, quote rules, SMTP), one JSON document per key. */
export const AppSettingEntity = new EntitySchema<StoredRow>({
  name: 'AppSetting',
  tableName: 'app_settings',
  columns: {
    key: { type: 'varchar', length: 100, primary: true },
    value: { type: 'text' },
    updatedAt: { type: 'datetime' },
    updatedById: { type: 'integer', nullable: true },
  },
  relations: {
    updatedBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'updated_by_id' }, onDelete: 'SET NULL', nullable: true },
  },
});
