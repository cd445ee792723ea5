import { z } from 'zod';
import { Contact } from './contacts';
import { Id, Timestamp, UserRef } from './common';
import { method } from './define';

export const SCAN_ENTITIES = ['contact', 'account', 'lead'] as const;
export const DUPLICATE_REASONS = ['same_email', 'same_phone', 'same_name', 'similar_name', 'same_company', 'same_domain'] as const;
export const CONTACT_MERGE_FIELDS = ['firstName', 'lastName', 'title', 'account', 'address', 'birthday', 'owner'] as const;

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
  'duplicates.mergeContacts': method({
    summary: 'Merge contacts into one: per field the value of the chosen contact, all e-mails and phones, every related record re-pointed',
    writes: true,
    input: z
      .object({
        survivorId: Id,
        mergedIds: z.array(Id).min(1, 'Choose at least one contact to merge').max(9),
        /** Field → the contact whose value survives; the survivor's when left out. */
        fields: z.partialRecord(z.enum(CONTACT_MERGE_FIELDS), Id).default({}),
      })
      .strict(),
    output: z.object({ mergeId: Id, survivor: Contact }),
  }),
  'duplicates.unmerge': method({
    summary: 'Undo a merge exactly: the merged records, their values and every relation as before',
    writes: true,
    input: z.object({ mergeId: Id }).strict(),
    output: z.object({ mergeId: Id, restoredIds: z.array(Id) }),
  }),
  'duplicates.merges': method({
    summary: 'Past merges, newest first',
    writes: false,
    input: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    output: z.array(MergeRecord),
  }),
};
