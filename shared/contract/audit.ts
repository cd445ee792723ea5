import { z } from 'zod';
import { Id, Timestamp, UserRef } from './common';
import { method } from './define';

export const AUDITED = ['account', 'contact', 'lead', 'opportunity', 'activity', 'product', 'quote'] as const;
export const AuditedEntity = z.enum(AUDITED);
export type AuditedEntity = z.infer<typeof AuditedEntity>;

export const AuditEntry = z.object({
  id: Id,
  entity: AuditedEntity,
  recordId: Id,
  action: z.enum(['create', 'update', 'delete', 'restore']),
  /** field → [old, new]; values as stored. */
  changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])),
  user: UserRef,
  at: Timestamp,
});
export type AuditEntry = z.infer<typeof AuditEntry>;

export const auditContract = {
  'audit.forRecord': method({
    summary: 'Who changed what on one record, newest first',
    writes: false,
    input: z.object({ entity: AuditedEntity, id: Id, limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.array(AuditEntry),
  }),
};
