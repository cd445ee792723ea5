import { EntitySchema } from 'typeorm';
import { undoableBatchColumns, undoableBatchRelations, type StoredRow } from '../../db/record-columns';

/** One change of many selected records at once, with each record's earlier values for undo. */
export const MassUpdateEntity = new EntitySchema<StoredRow>({
  name: 'MassUpdate',
  tableName: 'mass_updates',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    entity: { type: 'varchar', length: 12 },
    /** The patch applied (JSON). */
    patch: { type: 'text' },
    /** {id: {field: earlier value}} of the records it changed (JSON). */
    before: { type: 'text' },
    count: { type: 'integer' },
    status: { type: 'varchar', length: 8 },
    ...undoableBatchColumns,
  },
  relations: undoableBatchRelations,
});
