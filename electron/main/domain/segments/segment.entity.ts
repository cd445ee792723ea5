import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

const whoAndWhen = {
  createdAt: { type: 'datetime' },
  createdById: { type: 'integer' },
} as const;

const userRelation = (column: string) => ({ type: 'many-to-one', target: 'User', joinColumn: { name: column }, onDelete: 'RESTRICT' }) as const;

/** A saved rule over contacts, leads or accounts: its members are whoever matches it at the time of asking. */
export const SegmentEntity = new EntitySchema<StoredRow>({
  name: 'Segment',
  tableName: 'segments',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    version: { type: 'integer', default: 1 },
    name: { type: 'varchar', length: 100 },
    description: { type: 'varchar', length: 500, nullable: true },
    /** 'contact', 'lead' or 'account'. */
    entity: { type: 'varchar', length: 10 },
    /** The root group as JSON (shared/contract/segments.ts). */
    rule: { type: 'text' },
    ...whoAndWhen,
    updatedAt: { type: 'datetime' },
    updatedById: { type: 'integer' },
  },
  relations: {
    createdBy: userRelation('created_by_id'),
    updatedBy: userRelation('updated_by_id'),
  },
});

/** A static list of records, frozen from a segment or filled by hand. */
export const TargetListEntity = new EntitySchema<StoredRow>({
  name: 'TargetList',
  tableName: 'target_lists',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 100 },
    entity: { type: 'varchar', length: 10 },
    /** 'email', 'call', 'letter', 'sms' or null: a channel's list admits only those who may be reached on it. */
    channel: { type: 'varchar', length: 10, nullable: true },
    /** The segment it was frozen from; the list stays when the segment is deleted. */
    segmentId: { type: 'integer', nullable: true },
    ...whoAndWhen,
  },
  relations: {
    segment: { type: 'many-to-one', target: 'Segment', joinColumn: { name: 'segment_id' }, onDelete: 'SET NULL', nullable: true },
    createdBy: userRelation('created_by_id'),
  },
});

/**
 * One record on a list. `record_id` names a contact, lead or account by the list's entity, so it has no
 * foreign key: members whose record is in the recycle bin (or gone) are left out when the list is read.
 */
export const TargetListMemberEntity = new EntitySchema<StoredRow>({
  name: 'TargetListMember',
  tableName: 'target_list_members',
  columns: {
    listId: { type: 'integer', primary: true },
    recordId: { type: 'integer', primary: true },
    addedAt: { type: 'datetime' },
    addedById: { type: 'integer' },
  },
  relations: {
    list: { type: 'many-to-one', target: 'TargetList', joinColumn: { name: 'list_id' }, onDelete: 'CASCADE' },
    addedBy: userRelation('added_by_id'),
  },
});

/** Addresses, domains and numbers that must never be contacted, whatever record carries them. */
export const SuppressionEntity = new EntitySchema<StoredRow>({
  name: 'Suppression',
  tableName: 'suppressions',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    /** 'email', 'domain' or 'phone'. */
    kind: { type: 'varchar', length: 6 },
    /** The compared key (shared/suppression.ts). */
    value: { type: 'varchar', length: 254 },
    /** As it was entered. */
    entered: { type: 'varchar', length: 254 },
    reason: { type: 'varchar', length: 300, nullable: true },
    ...whoAndWhen,
  },
  relations: {
    createdBy: userRelation('created_by_id'),
  },
  uniques: [{ columns: ['kind', 'value'] }],
});
