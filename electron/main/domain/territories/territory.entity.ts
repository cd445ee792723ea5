import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

/** A node of the territory tree (EMEA > DACH > Bavaria) and how it picks a rep. */
export const TerritoryEntity = new EntitySchema<StoredRow>({
  name: 'Territory',
  tableName: 'territories',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    name: { type: 'varchar', length: 100 },
    parentId: { type: 'integer', nullable: true },
    /** Order among siblings; ties between equally specific matches follow it. */
    position: { type: 'integer', default: 0 },
    /** 'round_robin', 'least_loaded' or 'fixed'. */
    method: { type: 'varchar', length: 12, default: 'round_robin' },
    fixedOwnerId: { type: 'integer', nullable: true },
    /** Who gets a record when the territory has no active member; else the parent's fallback, else the office's. */
    fallbackOwnerId: { type: 'integer', nullable: true },
    /** The member who gets the next round-robin record (an index into the ordered members); survives restarts. */
    roundRobinNext: { type: 'integer', default: 0 },
    active: { type: 'boolean', default: true },
    createdAt: { type: 'datetime' },
    updatedAt: { type: 'datetime' },
  },
  relations: {
    parent: { type: 'many-to-one', target: 'Territory', joinColumn: { name: 'parent_id' }, onDelete: 'RESTRICT', nullable: true },
    fixedOwner: { type: 'many-to-one', target: 'User', joinColumn: { name: 'fixed_owner_id' }, onDelete: 'SET NULL', nullable: true },
    fallbackOwner: { type: 'many-to-one', target: 'User', joinColumn: { name: 'fallback_owner_id' }, onDelete: 'SET NULL', nullable: true },
  },
  indices: [{ columns: ['parentId', 'position'] }],
});

export const TerritoryMemberEntity = new EntitySchema<StoredRow>({
  name: 'TerritoryMember',
  tableName: 'territory_members',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    territoryId: { type: 'integer' },
    userId: { type: 'integer' },
    position: { type: 'integer' },
  },
  relations: {
    territory: { type: 'many-to-one', target: 'Territory', joinColumn: { name: 'territory_id' }, onDelete: 'CASCADE' },
    user: { type: 'many-to-one', target: 'User', joinColumn: { name: 'user_id' }, onDelete: 'CASCADE' },
  },
  uniques: [{ columns: ['territoryId', 'userId'] }],
  indices: [{ columns: ['userId'] }],
});

/** One criterion of a territory (all of a territory's rules, and its ancestors', must match). */
export const TerritoryRuleEntity = new EntitySchema<StoredRow>({
  name: 'TerritoryRule',
  tableName: 'territory_rules',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    territoryId: { type: 'integer' },
    position: { type: 'integer' },
    /** 'country', 'region', 'postcode', 'city', 'industry', 'employees', 'revenue', 'leadSource'. */
    field: { type: 'varchar', length: 20 },
    /** The criterion's values as JSON, shaped by field (see shared/contract/territories.ts). */
    config: { type: 'text' },
  },
  relations: {
    territory: { type: 'many-to-one', target: 'Territory', joinColumn: { name: 'territory_id' }, onDelete: 'CASCADE' },
  },
  indices: [{ columns: ['territoryId', 'position'] }],
});

/**
 * Every owner change the assignment engine or a person made: record, from, to,
 * and why. Lean on purpose, since a realignment writes one row per record
 * moved (190k at 100k accounts): entity and reason are codes (engine/log-codes.ts),
 * no foreign keys to check per row, and a batch's rows leave `at`/`byId` empty and
 * take them from their batch (created for a move, undone for an undo row). The one
 * index starts with the batch, so a bulk move appends at its end and undo reads one
 * range; a record's history probes it once per batch (assignment-history.ts).
 */
export const AssignmentEntity = new EntitySchema<StoredRow>({
  name: 'Assignment',
  tableName: 'assignment_log',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    /** Null for a single record's assignment (on create, an import, "assign now"). */
    batchId: { type: 'integer', nullable: true },
    entity: { type: 'integer' },
    recordId: { type: 'integer' },
    fromOwnerId: { type: 'integer', nullable: true },
    toOwnerId: { type: 'integer' },
    fromTerritoryId: { type: 'integer', nullable: true },
    toTerritoryId: { type: 'integer', nullable: true },
    reason: { type: 'integer' },
    /** The rule that made the territory match, when one did. */
    ruleId: { type: 'integer', nullable: true },
    /** Set on rows without a batch. */
    at: { type: 'datetime', nullable: true },
    byId: { type: 'integer', nullable: true },
  },
  indices: [{ columns: ['batchId', 'entity', 'recordId'] }],
});

/** One bulk move (a realignment or a rep leaving), undoable as a whole. */
export const AssignmentBatchEntity = new EntitySchema<StoredRow>({
  name: 'AssignmentBatch',
  tableName: 'assignment_batches',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    /** 'realignment' or 'rep_leaves'. */
    kind: { type: 'varchar', length: 12 },
    label: { type: 'varchar', length: 200 },
    /** 'applied' or 'undone'. */
    status: { type: 'varchar', length: 8, default: 'applied' },
    moveCount: { type: 'integer', default: 0 },
    /** The rep a "rep leaves" batch deactivated: undo makes them active again. */
    deactivatedUserId: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
    createdById: { type: 'integer' },
    undoneAt: { type: 'datetime', nullable: true },
    undoneById: { type: 'integer', nullable: true },
  },
  relations: {
    createdBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'created_by_id' }, onDelete: 'RESTRICT' },
    undoneBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'undone_by_id' }, onDelete: 'RESTRICT', nullable: true },
    deactivatedUser: { type: 'many-to-one', target: 'User', joinColumn: { name: 'deactivated_user_id' }, onDelete: 'SET NULL', nullable: true },
  },
});
