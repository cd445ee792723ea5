import { EntitySchema } from 'typeorm';
import { undoableBatchColumns, undoableBatchRelations, type StoredRow } from '../../db/record-columns';

/**
 * One merge of duplicates into a surviving record, with everything un-merge
 * needs to put the rows back exactly: the full rows before, each related row
 * re-pointed (table, row id, the id it pointed at), and related rows that had
 * to go because the survivor already had the same link.
 */
export const MergeEntity = new EntitySchema<StoredRow>({
  name: 'Merge',
  tableName: 'merges',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    /** 'contact', 'account' or 'lead'. */
    entity: { type: 'varchar', length: 12 },
    survivorId: { type: 'integer' },
    /** JSON array of the merged records' ids. */
    mergedIds: { type: 'text' },
    /** JSON: rows before, re-pointed relations, removed relation rows. */
    snapshot: { type: 'text' },
    /** The survivor's version right after the merge: un-merge refuses when it has been edited since. */
    survivorVersion: { type: 'integer' },
    /** 'applied' or 'undone'. */
    status: { type: 'varchar', length: 8 },
    ...undoableBatchColumns,
  },
  relations: undoableBatchRelations,
  indices: [{ columns: ['entity', 'survivorId'] }],
});
