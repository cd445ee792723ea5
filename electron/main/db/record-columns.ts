import type { EntitySchemaColumnOptions, EntitySchemaRelationOptions } from 'typeorm';

/** The bookkeeping columns every user-editable record carries. */
export const recordColumns = {
  id: { type: 'integer', primary: true, generated: 'increment' },
  version: { type: 'integer', default: 1 },
  createdAt: { type: 'datetime' },
  createdById: { type: 'integer' },
  updatedAt: { type: 'datetime' },
  updatedById: { type: 'integer' },
  deletedAt: { type: 'datetime', nullable: true },
  deletedById: { type: 'integer', nullable: true },
} satisfies Record<string, EntitySchemaColumnOptions>;

export const recordRelations = {
  createdBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'created_by_id' }, onDelete: 'RESTRICT' },
  updatedBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'updated_by_id' }, onDelete: 'RESTRICT' },
  deletedBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'deleted_by_id' }, onDelete: 'RESTRICT', nullable: true },
} satisfies Record<string, EntitySchemaRelationOptions>;

export function addressColumns<P extends string>(prefix: P) {
  return {
    [`${prefix}Street`]: { type: 'varchar', length: 300, nullable: true },
    [`${prefix}City`]: { type: 'varchar', length: 100, nullable: true },
    [`${prefix}Region`]: { type: 'varchar', length: 100, nullable: true },
    [`${prefix}Postcode`]: { type: 'varchar', length: 20, nullable: true },
    [`${prefix}Country`]: { type: 'varchar', length: 2, nullable: true },
  } as Record<`${P}${'Street' | 'City' | 'Region' | 'Postcode' | 'Country'}`, EntitySchemaColumnOptions>;
}

/**
 * Entity schemas describe tables for migrations and the schema-drift check;
 * services read and write rows with SQL, so no entity class is needed.
 */
export type StoredRow = Record<string, unknown>;

/** Who made a batch (an import, a merge, a mass update) and who undid it. */
export const undoableBatchColumns = {
  createdAt: { type: 'datetime' },
  createdById: { type: 'integer' },
  undoneAt: { type: 'datetime', nullable: true },
  undoneById: { type: 'integer', nullable: true },
} satisfies Record<string, EntitySchemaColumnOptions>;

export const undoableBatchRelations = {
  createdBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'created_by_id' }, onDelete: 'RESTRICT' },
  undoneBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'undone_by_id' }, onDelete: 'RESTRICT', nullable: true },
} satisfies Record<string, EntitySchemaRelationOptions>;
