import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

/** A picklist an administrator adds to contacts, leads or accounts. */
export const CustomFieldEntity = new EntitySchema<StoredRow>({
  name: 'CustomField',
  tableName: 'custom_fields',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    /** 'contact', 'lead' or 'account'. */
    entity: { type: 'varchar', length: 10 },
    label: { type: 'varchar', length: 60, collation: 'NOCASE' },
    /** The allowed values, in order, as a JSON array of strings. */
    options: { type: 'text' },
    /** Several values at once (a multi-select) or one. */
    multiple: { type: 'boolean', default: false },
    position: { type: 'integer' },
    createdAt: { type: 'datetime' },
    createdById: { type: 'integer' },
  },
  relations: {
    createdBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'created_by_id' }, onDelete: 'RESTRICT' },
  },
  uniques: [{ columns: ['entity', 'label'] }],
});

/** One chosen value of a custom picklist on one record (no foreign key to the record, as with tags). */
export const CustomFieldValueEntity = new EntitySchema<StoredRow>({
  name: 'CustomFieldValue',
  tableName: 'custom_field_values',
  columns: {
    fieldId: { type: 'integer', primary: true },
    recordId: { type: 'integer', primary: true },
    value: { type: 'varchar', length: 100, primary: true },
  },
  relations: {
    field: { type: 'many-to-one', target: 'CustomField', joinColumn: { name: 'field_id' }, onDelete: 'CASCADE' },
  },
  indices: [{ columns: ['fieldId', 'value'] }],
});
