import { z } from 'zod';
import { Account } from './accounts';
import { Contact } from './contacts';
import { Id, Timestamp, UserRef } from './common';
import { method } from './define';
import { Lead } from './leads';

export const SCAN_ENTITIES = ['contact', 'account', 'lead'] as const;
export const DUPLICATE_REASONS = ['same_email', 'same_phone', 'same_name', 'similar_name', 'same_company', 'same_domain'] as const;
export type ScanEntity = (typeof SCAN_ENTITIES)[number];

/** Per kind of record, the fields whose surviving value the user picks in a merge (the rest is combined or derived). */
export const MERGE_FIELDS = {
  contact: ['firstName', 'lastName', 'title', 'account', 'address', 'birthday', 'owner'],
  account: ['name', 'industry', 'website', 'phone', 'billingAddress', 'shippingAddress', 'employees', 'annualRevenue', 'parentAccount', 'owner'],
  lead: ['firstName', 'lastName', 'company', 'title', 'email', 'phone', 'address', 'industry', 'employees', 'source', 'status', 'rating', 'campaign', 'owner'],
} as const satisfies Record<ScanEntity, readonly string[]>;
export type MergeField<E extends ScanEntity> = (typeof MERGE_FIELDS)[E][number];

export const DuplicateGroup = z.object({
  /** 0..1: how sure the scan is, from what the records share. */
  confidence: z.number(),
  reasons: z.array(z.enum(DUPLICATE_REASONS)),
  records: z.array(z.object({ id: Id, name: z.string(), detail: z.string() })),
});
export type DuplicateGroup = z.infer<typeof DuplicateGroup>;

export const ScanResult = z.object({
  entity: z.enum(SCAN_ENTITIES),
  scanned: z.number().int(),
  groupCount: z.number().int(),
  skippedBlocks: z.number().int(),
  groups: z.array(DuplicateGroup),
  ms: z.number(),
});

export const MergeRecord = z.object({
  id: Id,
  entity: z.enum(SCAN_ENTITIES),
  survivorId: Id,
  mergedIds: z.array(Id),
  status: z.enum(['applied', 'undone']),
  createdAt: Timestamp,
  createdBy: UserRef,
  undoneAt: Timestamp.nullable(),
});

function mergeInput<E extends ScanEntity>(entity: E) {
  return z
    .object({
      entity: z.literal(entity),
      survivorId: Id,
      mergedIds: z.array(Id).min(1, 'Choose at least one record to merge').max(9),
      /** Field → the record whose value survives; the survivor's when left out. */
      fields: z.partialRecord(z.enum(MERGE_FIELDS[entity]), Id).default({}),
    })
    .strict();
}

export const MergeInput = z.discriminatedUnion('entity', [mergeInput('contact'), mergeInput('account'), mergeInput('lead')]);
export type MergeInput = z.input<typeof MergeInput>;

export const MergeResult = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('contact'), mergeId: Id, survivor: Contact }),
  z.object({ entity: z.literal('account'), mergeId: Id, survivor: Account }),
  z.object({ entity: z.literal('lead'), mergeId: Id, survivor: Lead }),
]);

export const duplicatesContract = {
  'duplicates.scan': method({
    summary: 'Find likely duplicates among all contacts, accounts or leads (in a worker), grouped, with confidence and reasons',
    writes: false,
    input: z
      .object({
        entity: z.enum(SCAN_ENTITIES),
        minConfidence: z.number().min(0.3).max(1).default(0.7),
        limit: z.number().int().min(1).max(1000).default(200),
        taskId: z.uuid().optional(),
      })
      .strict(),
    output: ScanResult,
  }),
  'duplicates.merge': method({
    summary: 'Merge contacts, accounts or leads into one: per field the value of the chosen record, every related record re-pointed',
    writes: true,
    input: MergeInput,
    output: MergeResult,
  }),
  'duplicates.unmerge': method({
    summary: 'Undo a merge exactly: the merged records, their values and every relation as before',
    writes: true,
    input: z.object({ mergeId: Id }).strict(),
    output: z.object({ mergeId: Id, entity: z.enum(SCAN_ENTITIES), survivorId: Id, restoredIds: z.array(Id) }),
  }),
  'duplicates.merges': method({
    summary: 'Past merges, newest first',
    writes: false,
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(MergeRecord),
  }),
};
