import { z } from 'zod';
import { AccountPatch } from './accounts';
import { Id, Timestamp, UserRef } from './common';
import { ContactPatch } from './contacts';
import { method } from './define';
import { LeadPatch } from './leads';
import { OpportunityPatch } from './opportunities';

const Ids = z
  .array(Id)
  .min(1, 'Select at least one record')
  .max(10_000, 'At most 10,000 records at once')
  .refine((ids) => new Set(ids).size === ids.length, 'An id is listed twice');

/**
 * The fields a selection of records can be changed in at once: the ones
 * people change in bulk (owner, status, category…), each through the record's
 * own update, so every rule of a single save holds.
 */
export const MassPatch = z.discriminatedUnion('entity', [
  z.object({ entity: z.literal('contact'), ids: Ids, patch: ContactPatch.pick({ ownerId: true, ownerLocked: true, title: true, accountId: true, emailOptOut: true, doNotCall: true }) }).strict(),
  z.object({ entity: z.literal('account'), ids: Ids, patch: AccountPatch.pick({ ownerId: true, ownerLocked: true, industry: true }) }).strict(),
  z.object({ entity: z.literal('lead'), ids: Ids, patch: LeadPatch.pick({ ownerId: true, ownerLocked: true, status: true, rating: true, source: true }) }).strict(),
  z.object({ entity: z.literal('opportunity'), ids: Ids, patch: OpportunityPatch.pick({ ownerId: true, ownerLocked: true, forecastCategory: true, expectedCloseDate: true }) }).strict(),
]);
export type MassPatch = z.input<typeof MassPatch>;

export const MassUpdateRecord = z.object({
  id: Id,
  entity: z.enum(['contact', 'account', 'lead', 'opportunity']),
  fields: z.array(z.string()),
  count: z.number().int(),
  status: z.enum(['applied', 'undone']),
  createdAt: Timestamp,
  createdBy: UserRef,
});

export const massUpdateContract = {
  'records.massUpdate': method({
    summary: 'Change the same fields of selected records in one transaction (each through its own update, audited); undoable',
    writes: true,
    input: MassPatch,
    output: z.object({ batchId: Id, updated: z.number().int(), unchanged: z.number().int() }),
  }),
  'records.undoMassUpdate': method({
    summary: 'Give the records of a mass update their earlier values back',
    writes: true,
    input: z.object({ batchId: Id }).strict(),
    output: z.object({ batchId: Id, restored: z.number().int() }),
  }),
  'records.massUpdates': method({
    summary: 'Past mass updates, newest first',
    writes: false,
    input: z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict(),
    output: z.array(MassUpdateRecord),
  }),
};
