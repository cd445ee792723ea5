import { z } from 'zod';
import { Money } from '../money';
import { INDUSTRIES } from '../picklists';
import { AccountPatch } from './accounts';
import { Address, AddressInput } from './address';
import { DeleteResult, Id, IdInput, IsoDate, RecordMeta, Timestamp, VersionedPatch, optionalText, requiredText } from './common';
import { ContactPatch } from './contacts';
import { method } from './define';
import { gridPage, gridQuery } from './grid';

export const LEAD_SOURCES = ['web', 'referral', 'trade_show', 'cold_call', 'campaign', 'partner', 'other'] as const;
/** `converted` is set only by leads.convert. */
export const LEAD_STATUSES = ['new', 'working', 'qualified', 'disqualified', 'converted'] as const;
export const LEAD_EDITABLE_STATUSES = ['new', 'working', 'qualified', 'disqualified'] as const;
export const LEAD_RATINGS = ['hot', 'warm', 'cold'] as const;

const OptionalEmail = z
  .string()
  .max(254, 'At most 254 characters')
  .transform((s) => s.trim())
  .pipe(z.union([z.literal(''), z.email('Not an e-mail address')]))
  .transform((s) => (s === '' ? null : s))
  .nullable()
  .optional()
  .transform((v) => v ?? null);

const OptionalPhone = optionalText(40).refine(
  (v) => v === null || /^[+()\d\s./-]+(\s*(x|ext\.?)\s*\d+)?$/i.test(v),
  'Digits, spaces, + ( ) - . / and an extension only',
);

const nullableEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z
    .union([z.enum(values), z.literal(''), z.null()])
    .optional()
    .transform((v) => (v ? v : null));

export const LeadFields = {
  firstName: optionalText(100),
  lastName: requiredText(100, 'Last name'),
  company: optionalText(200),
  title: optionalText(150),
  email: OptionalEmail,
  phone: OptionalPhone,
  address: AddressInput.optional().transform((a) => a ?? AddressInput.parse({})),
  industry: nullableEnum(INDUSTRIES),
  employees: z.number().int().min(0).max(10_000_000).nullable().optional().transform((v) => v ?? null),
  source: z.enum(LEAD_SOURCES),
  status: z.enum(LEAD_EDITABLE_STATUSES),
  /** Required when the status is `disqualified`; cleared when the lead leaves that status. */
  disqualifiedReason: optionalText(300),
  rating: nullableEnum(LEAD_RATINGS),
  /** Campaigns arrive with the marketing module; no check until then. */
  campaignId: Id.nullable().optional().transform((v) => v ?? null),
  /** Defaults to the current user on create. */
  ownerId: Id.optional(),
  /** "Keep this owner" (false unless sent): territory realignment and the account's owner changes leave the owner alone. */
  ownerLocked: z.boolean().optional(),
};

export const LeadInput = z
  .object({ ...LeadFields, source: LeadFields.source.default('other'), status: LeadFields.status.default('new') })
  .strict();
export type LeadInput = z.input<typeof LeadInput>;

export const LeadPatch = z.object(LeadFields).partial().strict();

export const ScoreReason = z.object({ label: z.string(), points: z.number().int() });
export type ScoreReason = z.infer<typeof ScoreReason>;

export const Lead = z.object({
  ...RecordMeta,
  firstName: z.string().nullable(),
  lastName: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  /** The phone in E.164, or null when it is not a valid number (for the lead's country). */
  phoneE164: z.string().nullable(),
  address: Address,
  industry: z.string().nullable(),
  employees: z.number().int().nullable(),
  source: z.enum(LEAD_SOURCES),
  status: z.enum(LEAD_STATUSES),
  disqualifiedReason: z.string().nullable(),
  rating: z.enum(LEAD_RATINGS).nullable(),
  /** The last campaign that touched the lead (the one users see and may set). */
  campaignId: Id.nullable(),
  /** The first campaign that touched it: kept by the campaigns module, read-only here. */
  firstTouchCampaignId: Id.nullable(),
  owner: z.object({ id: Id, name: z.string() }),
  ownerLocked: z.boolean(),
  /** The territory the lead was last assigned through; null when none. */
  territory: z.object({ id: Id, name: z.string() }).nullable(),
  score: z.number().int(),
  scoreReasons: z.array(ScoreReason),
  lastTouchAt: Timestamp.nullable(),
  convertedAt: Timestamp.nullable(),
  convertedAccountId: Id.nullable(),
  convertedContactId: Id.nullable(),
  convertedOpportunityId: Id.nullable(),
});
export type Lead = z.infer<typeof Lead>;

export const LeadRow = z.object({
  id: Id,
  version: z.number().int(),
  firstName: z.string().nullable(),
  lastName: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string().nullable(),
  source: z.string(),
  status: z.string(),
  rating: z.string().nullable(),
  score: z.number().int(),
  ownerName: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type LeadRow = z.infer<typeof LeadRow>;

export const LEAD_SORTABLE = ['lastName', 'firstName', 'company', 'status', 'source', 'rating', 'score', 'city', 'country', 'ownerName', 'createdAt', 'updatedAt'] as const;
export const LEAD_FILTERABLE = ['lastName', 'firstName', 'company', 'title', 'email', 'phone', 'status', 'source', 'rating', 'score', 'city', 'country', 'ownerName'] as const;
export const LeadListQuery = gridQuery(LEAD_SORTABLE, LEAD_FILTERABLE);
export type LeadListQuery = z.input<typeof LeadListQuery>;

/** What the lead form has typed so far; every field may still be empty. */
export const DuplicateQuery = z
  .object({
    firstName: optionalText(100),
    lastName: optionalText(100),
    company: optionalText(200),
    email: optionalText(254),
    phone: optionalText(40),
    /** The country the phone is read in when it has no +prefix (the lead's address country). */
    country: z
      .union([z.literal(''), z.null(), AddressInput.shape.country])
      .optional()
      .transform((c) => (c ? c : null)),
    /** The lead being edited, so it does not match itself. */
    excludeLeadId: Id.optional(),
  })
  .strict();

export const DUPLICATE_REASONS = ['email', 'phone', 'name_and_company', 'company_name'] as const;
export const DuplicateMatch = z.object({
  entity: z.enum(['lead', 'contact', 'account']),
  id: Id,
  /** The person's or the account's name as shown. */
  name: z.string(),
  company: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  reasons: z.array(z.enum(DUPLICATE_REASONS)).min(1),
});
export type DuplicateMatch = z.infer<typeof DuplicateMatch>;

/** Whitelisted lead fields a scoring rule may test. `employees` is the only number. */
export const SCORING_FIELDS = ['source', 'status', 'rating', 'industry', 'country', 'region', 'city', 'title', 'company', 'email', 'phone', 'employees'] as const;
export const SCORING_OPERATORS = ['equals', 'notEquals', 'in', 'gte', 'lte', 'notBlank'] as const;

const Points = z.number().int().min(-1000).max(1000);
const RuleBase = { label: requiredText(200, 'Label'), points: Points, active: z.boolean().default(true) };

const FieldRule = z
  .object({
    ...RuleBase,
    kind: z.literal('field'),
    field: z.enum(SCORING_FIELDS),
    operator: z.enum(SCORING_OPERATORS),
    /** One value for equals/notEquals/gte/lte, several for `in`, none for notBlank. */
    values: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
  })
  .strict()
  .superRefine((r, ctx) => {
    const numeric = r.field === 'employees';
    const want = r.operator === 'notBlank' ? 0 : r.operator === 'in' ? -1 : 1;
    if (want === 0 && r.values.length) ctx.addIssue({ code: 'custom', path: ['values'], message: 'notBlank takes no value' });
    if (want === 1 && r.values.length !== 1) ctx.addIssue({ code: 'custom', path: ['values'], message: `${r.operator} takes exactly one value` });
    if (want === -1 && r.values.length < 1) ctx.addIssue({ code: 'custom', path: ['values'], message: 'in takes at least one value' });
    if ((r.operator === 'gte' || r.operator === 'lte') && !numeric) {
      ctx.addIssue({ code: 'custom', path: ['operator'], message: `${r.operator} applies to number fields only` });
    }
    if (numeric && r.values.some((v) => !/^\d{1,9}$/.test(v))) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: 'Employees are compared with whole numbers' });
    }
  });

/** At least `count` activities (any type) logged on the lead. */
const ActivitiesRule = z.object({ ...RuleBase, kind: z.literal('activities'), count: z.number().int().min(1).max(10_000) }).strict();
/** At least one call whose outcome is one of `outcomes`. */
const CallsRule = z
  .object({ ...RuleBase, kind: z.literal('calls'), outcomes: z.array(z.string().trim().min(1).max(30)).min(1).max(20) })
  .strict();
/** More than `days` days since the last touch (latest activity, or the lead's creation). */
const DaysSinceTouchRule = z.object({ ...RuleBase, kind: z.literal('days_since_touch'), days: z.number().int().min(0).max(3650) }).strict();

export const ScoringRuleInput = z.discriminatedUnion('kind', [FieldRule, ActivitiesRule, CallsRule, DaysSinceTouchRule]);
export type ScoringRuleInput = z.input<typeof ScoringRuleInput>;

export const ScoringRule = z.discriminatedUnion('kind', [
  z.object({ id: Id, label: z.string(), points: z.number().int(), active: z.boolean(), kind: z.literal('field'), field: z.enum(SCORING_FIELDS), operator: z.enum(SCORING_OPERATORS), values: z.array(z.string()) }),
  z.object({ id: Id, label: z.string(), points: z.number().int(), active: z.boolean(), kind: z.literal('activities'), count: z.number().int() }),
  z.object({ id: Id, label: z.string(), points: z.number().int(), active: z.boolean(), kind: z.literal('calls'), outcomes: z.array(z.string()) }),
  z.object({ id: Id, label: z.string(), points: z.number().int(), active: z.boolean(), kind: z.literal('days_since_touch'), days: z.number().int() }),
]);
export type ScoringRule = z.infer<typeof ScoringRule>;

const AccountChoice = z.union([
  z.object({ existingId: Id }).strict(),
  /** Fields left out are taken from the lead (name from its company, address, industry, employees, phone). */
  z.object({ create: AccountPatch }).strict(),
]);
const ContactChoice = z.union([
  z.object({ existingId: Id }).strict(),
  /** Fields left out are taken from the lead (names, title, e-mail, phone, address); the account is the converted one. */
  z.object({ create: ContactPatch.omit({ accountId: true }) }).strict(),
]);

export const ConvertInput = z
  .object({
    id: Id,
    version: z.number().int().positive(),
    account: AccountChoice,
    contact: ContactChoice,
    opportunity: z
      .object({
        name: requiredText(200, 'Name'),
        amount: Money.refine((m) => m.amountMinor >= 0, 'An amount cannot be negative'),
        /** Defaults to the default pipeline's first open stage. */
        stageId: Id.optional(),
        expectedCloseDate: IsoDate.nullable().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type ConvertInput = z.input<typeof ConvertInput>;

export const ConvertResult = z.object({ lead: Lead, accountId: Id, contactId: Id, opportunityId: Id.nullable() });

export const leadsContract = {
  'leads.create': method({ summary: 'Create a lead (scored on save)', writes: true, input: LeadInput, output: Lead }),
  'leads.get': method({ summary: 'One lead with its score and the reasons for it', writes: false, input: IdInput, output: Lead }),
  'leads.update': method({
    summary: 'Change fields of a lead; refused when the version is stale',
    writes: true,
    input: VersionedPatch(LeadPatch),
    output: Lead,
  }),
  'leads.delete': method({ summary: 'Move a lead to the recycle bin', writes: true, input: IdInput, output: DeleteResult }),
  'leads.restore': method({ summary: 'Bring a lead back from the recycle bin', writes: true, input: IdInput, output: Lead }),
  'leads.list': method({ summary: 'A page of the leads grid', writes: false, input: LeadListQuery, output: gridPage(LeadRow) }),
  'leads.rescore': method({ summary: 'Recompute one lead’s score from the rules and its activities', writes: true, input: IdInput, output: Lead }),
  'leads.findDuplicates': method({
    summary: 'Leads, contacts and accounts that look like the lead being entered, with the reasons',
    writes: false,
    input: DuplicateQuery,
    output: z.array(DuplicateMatch),
  }),
  'leads.convert': method({
    summary: 'Turn a lead into an account, a contact and optionally an opportunity, all or nothing',
    writes: true,
    input: ConvertInput,
    output: ConvertResult,
  }),
  'leadScoring.listRules': method({
    summary: 'The lead scoring rules in order',
    writes: false,
    input: z.object({}).strict(),
    output: z.array(ScoringRule),
  }),
  'leadScoring.saveRules': method({
    summary: 'Replace the ordered set of scoring rules and rescore every open lead',
    writes: true,
    input: z.object({ rules: z.array(ScoringRuleInput).max(200) }).strict(),
    output: z.array(ScoringRule),
  }),
};
