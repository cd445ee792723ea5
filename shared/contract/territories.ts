import { z } from 'zod';
import { CountryCode } from '../countries';
import { CurrencyCode } from '../money';
import { INDUSTRIES } from '../picklists';
import { Id, Timestamp, UserRef, requiredText } from './common';
import { method } from './define';
import { LEAD_SOURCES } from './leads';

export const ASSIGNMENT_METHODS = ['round_robin', 'least_loaded', 'fixed'] as const;
export type AssignmentMethod = (typeof ASSIGNMENT_METHODS)[number];

/** Why an owner changed, as recorded in the assignment history. */
export const ASSIGNMENT_REASONS = ['rule', 'round_robin', 'least_loaded', 'fixed', 'fallback', 'manual', 'follows_account', 'rep_leaves', 'undo'] as const;
export type AssignmentReason = (typeof ASSIGNMENT_REASONS)[number];

export const ASSIGNABLE = ['account', 'lead'] as const;
export type AssignableEntity = (typeof ASSIGNABLE)[number];

const Text = (label: string) => requiredText(100, label);
const Values = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'Give at least one value').max(500, 'At most 500 values');
const Band = (label: string) =>
  z
    .object({ min: z.number().int().min(0).nullable().default(null), max: z.number().int().min(0).nullable().default(null) })
    .refine((b) => b.min !== null || b.max !== null, `Give a lowest or a highest ${label}`)
    .refine((b) => b.min === null || b.max === null || b.min <= b.max, 'The lowest value is above the highest');

/**
 * A postcode range: both ends digits of the same length ("01000"–"19999",
 * compared as numbers with their leading zeros kept), or an alphanumeric
 * outward code with the same letters and a district number range ("SW1"–"SW20").
 */
export const PostcodeRange = z
  .object({ from: z.string().trim().toUpperCase().min(1).max(10), to: z.string().trim().toUpperCase().min(1).max(10) })
  .strict()
  .refine((r) => {
    const numeric = /^\d+$/.test(r.from) && /^\d+$/.test(r.to);
    if (numeric) return r.from.length === r.to.length && r.from <= r.to;
    const a = /^([A-Z]+)(\d+)$/.exec(r.from);
    const b = /^([A-Z]+)(\d+)$/.exec(r.to);
    return !!a && !!b && a[1] === b[1] && Number(a[2]) <= Number(b[2]);
  }, 'A range is digits of the same length (01000–19999) or letters plus a district number (SW1–SW20), low to high');

/** One criterion; a territory matches a record when all its criteria and all its ancestors' criteria do. */
export const TerritoryRuleInput = z.discriminatedUnion('field', [
  z.object({ field: z.literal('country'), values: Values(CountryCode) }).strict(),
  z.object({ field: z.literal('region'), values: Values(Text('Region')) }).strict(),
  z.object({ field: z.literal('city'), values: Values(Text('City')) }).strict(),
  z
    .object({
      field: z.literal('postcode'),
      /** "80", "SW1A": the postcode starts with it (spaces and case ignored). */
      prefixes: z.array(z.string().trim().toUpperCase().regex(/^[A-Z0-9]{1,10}$/, 'Letters and digits only')).max(500).default([]),
      ranges: z.array(PostcodeRange).max(100).default([]),
    })
    .strict()
    .refine((r) => r.prefixes.length + r.ranges.length > 0, 'Give a prefix or a range'),
  z.object({ field: z.literal('industry'), values: Values(z.enum(INDUSTRIES)) }).strict(),
  z.object({ field: z.literal('employees'), band: Band('head count') }).strict(),
  z.object({ field: z.literal('revenue'), currency: CurrencyCode, band: Band('annual revenue') }).strict(),
  z.object({ field: z.literal('leadSource'), values: Values(z.enum(LEAD_SOURCES)) }).strict(),
]);
export type TerritoryRuleInput = z.input<typeof TerritoryRuleInput>;
export type TerritoryRule = z.output<typeof TerritoryRuleInput>;

export const TerritoryInput = z
  .object({
    id: Id.optional(),
    name: requiredText(100, 'Name'),
    /** Null for the top level; left out when saving an existing territory, it stays where it is. */
    parentId: Id.nullable().optional(),
    method: z.enum(ASSIGNMENT_METHODS).default('round_robin'),
    /** Required for the fixed method. */
    fixedOwnerId: Id.nullable().default(null),
    fallbackOwnerId: Id.nullable().default(null),
    active: z.boolean().default(true),
    /** In round-robin order. */
    memberIds: z.array(Id).max(200).default([]),
    rules: z.array(TerritoryRuleInput).max(50).default([]),
  })
  .strict()
  .refine((t) => t.method !== 'fixed' || t.fixedOwnerId !== null, { message: 'A fixed territory needs its owner', path: ['fixedOwnerId'] })
  .refine((t) => new Set(t.memberIds).size === t.memberIds.length, { message: 'A member is listed twice', path: ['memberIds'] });
export type TerritoryInput = z.input<typeof TerritoryInput>;

export const Territory = z.object({
  id: Id,
  name: z.string(),
  parentId: Id.nullable(),
  position: z.number().int(),
  depth: z.number().int(),
  method: z.enum(ASSIGNMENT_METHODS),
  fixedOwner: UserRef.nullable(),
  fallbackOwner: UserRef.nullable(),
  active: z.boolean(),
  members: z.array(UserRef.extend({ active: z.boolean(), capacity: z.number().int() })),
  rules: z.array(z.object({ id: Id, rule: z.custom<TerritoryRule>() })),
  /** Live accounts and open leads in the territory now. */
  accountCount: z.number().int(),
  leadCount: z.number().int(),
});
export type Territory = z.infer<typeof Territory>;

export const AssignmentSettings = z
  .object({
    /** Records no territory matches go to this user (the fallback queue's owner); null keeps the creator. */
    queueOwnerId: Id.nullable().default(null),
    /** Assign new accounts and leads created without an explicit owner. */
    assignOnCreate: z.boolean().default(true),
  })
  .strict();
export type AssignmentSettings = z.output<typeof AssignmentSettings>;

/** Chosen by the caller, so the `progress` events of its call can be told from others'. */
const TaskId = z.uuid().optional();

const Realignment = z.object({ kind: z.literal('realignment'), taskId: TaskId }).strict();
const RepLeaves = z
  .object({
    kind: z.literal('rep_leaves'),
    taskId: TaskId,
    userId: Id,
    /** A named successor; leave out to reassign by the territory rules (without the leaving rep). */
    toUserId: Id.nullable().default(null),
    /** Deactivate the leaving user once their records are moved. */
    deactivate: z.boolean().default(true),
  })
  .strict();

/** What a bulk move is about: everything by the current rules, or one leaving rep's open records. */
export const MovePlanInput = z.discriminatedUnion('kind', [Realignment, RepLeaves]);
export type MovePlanInput = z.input<typeof MovePlanInput>;

/**
 * The preview being applied: when nothing was committed since it was made,
 * apply writes exactly its plan instead of planning again. Without it, or
 * once stale, apply plans anew from what is there.
 */
const PreviewToken = { previewToken: z.uuid().optional() };
export const ApplyInput = z.discriminatedUnion('kind', [Realignment.extend(PreviewToken), RepLeaves.extend(PreviewToken)]);
export type ApplyInput = z.input<typeof ApplyInput>;

export const MoveSample = z.object({ entity: z.enum(['account', 'lead', 'contact', 'opportunity']), id: Id, name: z.string() });

export const MovePreview = z.object({
  /** Every record that would change owner or territory, contacts and opportunities that follow their account included. */
  total: z.number().int(),
  byEntity: z.object({ account: z.number().int(), lead: z.number().int(), contact: z.number().int(), opportunity: z.number().int() }),
  /** Records no territory matched (they go to the fallback queue). */
  unmatched: z.number().int(),
  moves: z.array(z.object({ from: UserRef.nullable(), to: UserRef, count: z.number().int(), sample: z.array(MoveSample) })),
  /** Give it to apply to move exactly these records. */
  previewToken: z.uuid(),
});
export type MovePreview = z.infer<typeof MovePreview>;

export const AssignmentBatch = z.object({
  id: Id,
  kind: z.enum(['realignment', 'rep_leaves']),
  label: z.string(),
  status: z.enum(['applied', 'undone']),
  moveCount: z.number().int(),
  createdAt: Timestamp,
  createdBy: UserRef,
  undoneAt: Timestamp.nullable(),
});
export type AssignmentBatch = z.infer<typeof AssignmentBatch>;

export const AssignmentRecord = z.object({
  id: Id,
  entity: z.enum(['account', 'lead', 'contact', 'opportunity']),
  recordId: Id,
  recordName: z.string(),
  from: UserRef.nullable(),
  to: UserRef,
  fromTerritory: z.object({ id: Id, name: z.string() }).nullable(),
  toTerritory: z.object({ id: Id, name: z.string() }).nullable(),
  reason: z.enum(ASSIGNMENT_REASONS),
  batchId: Id.nullable(),
  at: Timestamp,
  by: UserRef,
});
export type AssignmentRecord = z.infer<typeof AssignmentRecord>;

export const territoriesContract = {
  'territories.list': method({ summary: 'The territory tree, in tree order, with members, rules and record counts', writes: false, input: z.object({}).strict().optional().transform(() => ({})), output: z.array(Territory) }),
  'territories.save': method({
    summary: 'Create or change a territory with its members and ordered rules (sales managers and admins)',
    writes: true,
    input: TerritoryInput,
    output: Territory,
  }),
  'territories.move': method({
    summary: 'Re-parent or reorder a territory (the tree editor’s drag); a territory cannot move under itself',
    writes: true,
    input: z.object({ id: Id, parentId: Id.nullable(), position: z.number().int().min(0).max(10_000) }).strict(),
    output: z.array(Territory),
  }),
  'territories.delete': method({
    summary: 'Delete a territory without children; its records keep their owners and wait for the next realignment',
    writes: true,
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id }),
  }),
  'territories.countMatches': method({
    summary: 'How many live accounts and open leads a draft set of rules (under a parent) would match',
    writes: false,
    input: z.object({ parentId: Id.nullable().default(null), rules: z.array(TerritoryRuleInput).max(50) }).strict(),
    output: z.object({ accounts: z.number().int(), leads: z.number().int() }),
  }),
  'assignment.getSettings': method({ summary: 'The fallback queue owner and whether new records are assigned', writes: false, input: z.object({}).strict().optional().transform(() => ({})), output: AssignmentSettings }),
  'assignment.saveSettings': method({ summary: 'Change the assignment settings (sales managers and admins)', writes: true, input: AssignmentSettings, output: AssignmentSettings }),
  'assignment.preview': method({
    summary: 'What a realignment or a rep leaving would move: counts from whom to whom, with samples',
    writes: false,
    input: MovePlanInput,
    output: MovePreview,
  }),
  'assignment.apply': method({
    summary: 'Move the records of a realignment or a leaving rep in one transaction (in a worker), undoable',
    writes: 'worker',
    input: ApplyInput,
    output: z.object({ batch: AssignmentBatch }),
  }),
  'assignment.undo': method({
    summary: 'Put back every owner and territory a batch changed, exactly as they were',
    writes: 'worker',
    input: z.object({ batchId: Id, taskId: TaskId }).strict(),
    output: z.object({ batch: AssignmentBatch, restored: z.number().int() }),
  }),
  'assignment.batches': method({ summary: 'Bulk moves, newest first', writes: false, input: z.object({ limit: z.number().int().min(1).max(200).default(50) }).strict(), output: z.array(AssignmentBatch) }),
  'assignment.history': method({
    summary: 'Owner changes of one record or one batch, newest first',
    writes: false,
    input: z
      .object({
        entity: z.enum(['account', 'lead', 'contact', 'opportunity']).optional(),
        recordId: Id.optional(),
        batchId: Id.optional(),
        limit: z.number().int().min(1).max(500).default(100),
      })
      .strict()
      .refine((q) => (q.entity === undefined) === (q.recordId === undefined), 'Give an entity with its record id')
      .refine((q) => q.recordId !== undefined || q.batchId !== undefined, 'Ask for a record or a batch'),
    output: z.array(AssignmentRecord),
  }),
  'assignment.queue': method({
    summary: 'The fallback queue: live accounts and open leads no territory matched',
    writes: false,
    input: z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict(),
    output: z.object({ total: z.number().int(), rows: z.array(z.object({ entity: z.enum(ASSIGNABLE), id: Id, name: z.string(), owner: UserRef, createdAt: Timestamp })) }),
  }),
  'assignment.run': method({
    summary: 'Assign records now by the rules (on demand: the fallback queue after new rules, or a selection)',
    writes: true,
    input: z.object({ entity: z.enum(ASSIGNABLE), ids: z.array(Id).min(1).max(1000) }).strict(),
    output: z.array(z.object({ id: Id, owner: UserRef, territory: z.object({ id: Id, name: z.string() }).nullable(), reason: z.enum(ASSIGNMENT_REASONS) })),
  }),
};
