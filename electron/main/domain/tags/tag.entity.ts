import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

/** A label put on contacts, leads and accounts; names are unique ignoring case. */
export const TagEntity = new EntitySchema<StoredRow>({
  name: 'Tag',
  tableName: 'tags',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 60, collation: 'NOCASE', unique: true },
    /** A #rrggbb colour for the chip, or null for the default. */
    colour: { type: 'varchar', length: 7, nullable: true },
    createdAt: { type: 'datetime' },
    createdById: { type: 'integer' },
  },
  relations: {
    createdBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'created_by_id' }, onDelete: 'RESTRICT' },
  },
});

/**
 * A tag on one record. `record_id` names a contact, lead or account by `entity`, so it has no foreign key to
 * the record: tags of records in the recycle bin stay (a restore keeps them) and are never counted.
 */
export const RecordTagEntity = new EntitySchema<StoredRow>({
  name: 'RecordTag',
  tableName: 'record_tags',
  columns: {
    tagId: { type: 'integer', primary: true },
    /** 'contact', 'lead' or 'account'. */
    entity: { type: 'varchar', length: 10, primary: true },
    recordId: { type: 'integer', primary: true },
  },
  relations: {
    tag: { type: 'many-to-one', target: 'Tag', joinColumn: { name: 'tag_id' }, onDelete: 'CASCADE' },
  },
  indices: [{ columns: ['entity', 'recordId'] }],
});
