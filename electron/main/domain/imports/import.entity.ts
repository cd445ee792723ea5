import { EntitySchema } from 'typeorm';
import { undoableBatchColumns, undoableBatchRelations, type StoredRow } from '../../db/record-columns';

/** One import of a file: what it was, what it did, and whether it was undone. */
export const ImportBatchEntity = new EntitySchema<StoredRow>({
  name: 'ImportBatch',
  tableName: 'imports',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    /** 'contacts', 'accounts'. */
    target: { type: 'varchar', length: 20 },
    /** 'create', 'update', 'upsert'. */
    mode: { type: 'varchar', length: 8 },
    fileName: { type: 'varchar', length: 255 },
    /** 'applied', 'failed' (all-or-nothing met bad rows: nothing kept), 'cancelled', 'undone'. */
    status: { type: 'varchar', length: 10 },
    /** The settings the file was read with, for the error file and for "import again". */
    settings: { type: 'text' },
    /** The file's header row (JSON), the first line of the error file. */
    headers: { type: 'text' },
    rowCount: { type: 'integer', default: 0 },
    createdCount: { type: 'integer', default: 0 },
    updatedCount: { type: 'integer', default: 0 },
    unchangedCount: { type: 'integer', default: 0 },
    failedCount: { type: 'integer', default: 0 },
    /** Its records are not all in the search index yet (a big import indexes them after it commits). */
    searchPending: { type: 'boolean', default: false },
    ...undoableBatchColumns,
  },
  relations: undoableBatchRelations,
  indices: [{ columns: ['createdAt'] }],
});

/**
 * What an import did to one record, so undo can take it back exactly:
 * 'create' (undo deletes it) or 'update' with the earlier values of the
 * columns it changed. No foreign keys: rows go in at import speed.
 */
export const ImportChangeEntity = new EntitySchema<StoredRow>({
  name: 'ImportChange',
  tableName: 'import_changes',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    importId: { type: 'integer' },
    /** 'contact', 'account'. */
    entity: { type: 'varchar', length: 12 },
    recordId: { type: 'integer' },
    /**
     * The last of a run of consecutive ids the import created (a million-row
     * import logs a few rows, not a million); equal to recordId otherwise.
     */
    lastRecordId: { type: 'integer' },
    action: { type: 'varchar', length: 6 },
    /** For 'update': {column: earlier value} of the columns the import changed (JSON). */
    before: { type: 'text', nullable: true },
  },
  indices: [{ columns: ['importId'] }],
});

/** A row the import could not take, with the reason and the row's original values (JSON) for the error file. */
export const ImportErrorEntity = new EntitySchema<StoredRow>({
  name: 'ImportError',
  tableName: 'import_errors',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    importId: { type: 'integer' },
    row: { type: 'integer' },
    line: { type: 'integer' },
    field: { type: 'varchar', length: 200, nullable: true },
    message: { type: 'text' },
    values: { type: 'text' },
  },
  indices: [{ columns: ['importId', 'row'] }],
});

/**
 * Keys that find a record fast: every e-mail address of a contact (kept by
 * triggers, lower-cased) and the ids other systems gave a record (written by
 * imports). Polymorphic, so no foreign key; lookups join the live record.
 */
export const RecordKeyEntity = new EntitySchema<StoredRow>({
  name: 'RecordKey',
  tableName: 'record_keys',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    entity: { type: 'varchar', length: 12 },
    /** 'email' or 'external'. */
    kind: { type: 'varchar', length: 8 },
    key: { type: 'varchar', length: 300 },
    recordId: { type: 'integer' },
  },
  indices: [{ columns: ['entity', 'kind', 'key'] }, { columns: ['entity', 'recordId'] }],
});
