import { z } from 'zod';
import { CurrencyCode, MinorUnits } from '../money';
import { Id, IsoDate, Timestamp, UserRef, optionalText, requiredText } from './common';
import { method } from './define';
import { CampaignSendSettings, SmsGatewaySettingsInput, SmsGatewaySettingsView } from './campaign-settings';
import { EmailAddress } from './mail';
import { LEAD_SOURCES } from './leads';
import { SEGMENT_ENTITIES } from './segments';

export const CAMPAIGN_TYPES = ['email', 'direct_mail', 'telemarketing', 'sms', 'event', 'webinar', 'advertising', 'multichannel', 'other'] as const;
export const CAMPAIGN_STATUSES = ['planned', 'active', 'paused', 'completed', 'cancelled'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const STEP_CHANNELS = ['email', 'letter', 'call', 'sms'] as const;
export type StepChannel = (typeof STEP_CHANNELS)[number];
/** Who goes on to a step: everyone still enrolled, or only those who have (not) responded to the campaign so far. */
export const STEP_CONDITIONS = ['always', 'not_responded', 'responded'] as const;
export const RESPONSE_KINDS = ['replied', 'called_back', 'registered', 'bought', 'unsubscribed'] as const;
export type ResponseKind = (typeof RESPONSE_KINDS)[number];
export const RESPONSE_SOURCES = ['manual', 'call', 'import'] as const;
export const CALL_OUTCOMES = ['interested', 'call_back', 'not_interested', 'do_not_call', 'no_answer'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const TOUCH_STATUSES = ['sent', 'queued', 'skipped', 'failed'] as const;
export const LETTER_LAYOUTS = ['din5008b', 'us10'] as const;
export const VARIANT_KEYS = ['A', 'B', 'C', 'D'] as const;
export type VariantKey = (typeof VARIANT_KEYS)[number];

/** The merge fields e-mail, SMS, letters and call scripts understand (checked when a journey is saved). */
export const MERGE_FIELDS = [
  'firstName',
  'lastName',
  'fullName',
  'email',
  'phone',
  'accountName',
  'title',
  'city',
  'country',
  'ownerName',
  'campaignName',
  'unsubscribeLink',
] as const;
export type MergeField = (typeof MERGE_FIELDS)[number];

/** Which transitions a user may make; 'active' from 'planned' starts the campaign (enrols its list, schedules the first step). */
export const STATUS_TRANSITIONS: Record<CampaignStatus, readonly CampaignStatus[]> = {
  planned: ['active', 'cancelled'],
  active: ['paused', 'completed', 'cancelled'],
  paused: ['active', 'completed', 'cancelled'],
  completed: [],
  cancelled: [],
};

const Money = MinorUnits.refine((v) => v >= 0, 'An amount cannot be negative');

export const CampaignSettings = CampaignSendSettings.extend({
  /** The reps a call-list step shares its calls among (round robin); empty = the campaign's owner. */
  callRepIds: z.array(Id).max(100, 'At most 100 reps').default([]),
  letterLayout: z.enum(LETTER_LAYOUTS).default('din5008b'),
  /** Where List-Unsubscribe mails go; defaults to the SMTP From address. */
  unsubscribeMailto: EmailAddress.nullable().default(null),
}).strict();
export type CampaignSettings = z.infer<typeof CampaignSettings>;

// ---- Journey steps -------------------------------------------------------------------------------------------

const share = z.number().int().min(1, 'A share is at least 1%').max(100, 'A share is at most 100%');

export const EmailVariant = z
  .object({
    key: z.enum(VARIANT_KEYS),
    share,
    subject: requiredText(300, 'Subject'),
    html: requiredText(200_000, 'The message'),
    /** The plain-text part; derived from the HTML when empty. */
    text: optionalText(200_000),
  })
  .strict();
export const SmsVariant = z.object({ key: z.enum(VARIANT_KEYS), share, text: requiredText(640, 'The text') }).strict();

function variantsOf<T extends z.ZodType<{ key: string; share: number }>>(variant: T) {
  return z
    .array(variant)
    .min(1, 'Give the message')
    .max(VARIANT_KEYS.length, `At most ${VARIANT_KEYS.length} variants`)
    .superRefine((vs, ctx) => {
      const keys = vs.map((v) => v.key);
      if (new Set(keys).size !== keys.length) ctx.addIssue({ code: 'custom', message: 'Each variant has its own letter' });
      if (keys.join('') !== VARIANT_KEYS.slice(0, keys.length).join('')) ctx.addIssue({ code: 'custom', message: 'Variants are lettered A, B, C… in order' });
      const total = vs.reduce((s, v) => s + v.share, 0);
      if (total !== 100) ctx.addIssue({ code: 'custom', message: `The variants' shares add up to ${total}%, not 100%` });
    });
}

/** An A/B test: a part of the audience gets the variants by their shares; after the wait, the rest gets the one with the best response rate. */
export const AbTest = z
  .object({
    testPercent: z.number().int().min(1, 'Test on at least 1%').max(100, 'At most 100%'),
    waitMinutes: z.number().int().min(1, 'Wait at least a minute').max(60 * 24 * 60, 'At most 60 days'),
  })
  .strict();
export type AbTest = z.infer<typeof AbTest>;

const stepBase = {
  /** Minutes after the previous step (after enrolment for the first step). */
  delayMinutes: z.number().int().min(0, 'A wait cannot be negative').max(60 * 24 * 366, 'At most a year'),
  condition: z.enum(STEP_CONDITIONS).default('always'),
};

export const StepInput = z.discriminatedUnion(
  'channel',
  [
    z.object({ channel: z.literal('email'), ...stepBase, variants: variantsOf(EmailVariant), ab: AbTest.nullable().default(null) }).strict(),
    z.object({ channel: z.literal('sms'), ...stepBase, variants: variantsOf(SmsVariant), ab: AbTest.nullable().default(null) }).strict(),
    z.object({ channel: z.literal('letter'), ...stepBase, subject: optionalText(200), body: requiredText(20_000, 'The letter') }).strict(),
    z.object({ channel: z.literal('call'), ...stepBase, script: requiredText(5000, 'The call script') }).strict(),
  ],
  { error: 'A step is an e-mail, a letter, a call or an SMS' },
);
export type StepInput = z.input<typeof StepInput>;
export type StepDef = z.output<typeof StepInput>;

export const Step = z.object({ id: Id, position: z.number().int(), winnerVariant: z.enum(VARIANT_KEYS).nullable() }).and(z.custom<StepDef>());
export type Step = { id: number; position: number; winnerVariant: VariantKey | null } & StepDef;

// ---- Triggers ------------------------------------------------------------------------------------------------

export const TRIGGER_KINDS = ['leadCreated', 'opportunityStage', 'quoteNotAccepted', 'birthday', 'anniversary', 'inactivity'] as const;
export const CampaignTrigger = z.discriminatedUnion(
  'kind',
  [
    /** A lead created (with this source, or any): the lead is enrolled. */
    z.object({ kind: z.literal('leadCreated'), source: z.enum(LEAD_SOURCES).nullable().default(null) }).strict(),
    /** An opportunity moved into this stage: its primary contact is enrolled. */
    z.object({ kind: z.literal('opportunityStage'), stageId: Id }).strict(),
    /** A quote sent this many days ago and neither accepted nor declined: its contact is enrolled. */
    z.object({ kind: z.literal('quoteNotAccepted'), days: z.number().int().min(1).max(365) }).strict(),
    /** A contact's birthday (today, in the office's time zone). */
    z.object({ kind: z.literal('birthday') }).strict(),
    /** The anniversary of the day a contact was added. */
    z.object({ kind: z.literal('anniversary') }).strict(),
    /** A contact with no activity for this many days. */
    z.object({ kind: z.literal('inactivity'), days: z.number().int().min(1).max(3650) }).strict(),
  ],
  { error: 'Choose a trigger' },
);
export type CampaignTrigger = z.infer<typeof CampaignTrigger>;

// ---- Campaign ------------------------------------------------------------------------------------------------

/** No defaults here: a patch must never fill in a field the user did not send. */
const campaignFields = {
  name: requiredText(120, 'Name'),
  objective: optionalText(1000),
  type: z.enum(CAMPAIGN_TYPES, { error: 'Choose a campaign type' }),
  startDate: IsoDate.nullable(),
  endDate: IsoDate.nullable(),
  currency: CurrencyCode,
  budgetMinor: Money,
  actualCostMinor: Money,
  expectedRevenueMinor: Money,
  /** Defaults to the user creating it. */
  ownerId: Id.optional(),
  parentId: Id.nullable(),
  audienceListId: Id.nullable(),
  settings: CampaignSettings,
  trigger: CampaignTrigger.nullable(),
};

const datesInOrder = (c: { startDate?: string | null; endDate?: string | null }) => !c.startDate || !c.endDate || c.startDate <= c.endDate;

export const CampaignInput = z
  .object({
    ...campaignFields,
    startDate: campaignFields.startDate.default(null),
    endDate: campaignFields.endDate.default(null),
    budgetMinor: Money.default(0),
    actualCostMinor: Money.default(0),
    expectedRevenueMinor: Money.default(0),
    parentId: campaignFields.parentId.default(null),
    audienceListId: campaignFields.audienceListId.default(null),
    settings: CampaignSettings.default(CampaignSettings.parse({})),
    trigger: campaignFields.trigger.default(null),
    steps: z.array(StepInput).max(20, 'At most 20 steps').default([]),
  })
  .strict()
  .refine(datesInOrder, { message: 'The end date is before the start date', path: ['endDate'] });
export type CampaignInput = z.input<typeof CampaignInput>;

export const CampaignPatch = z
  .object(campaignFields)
  .partial()
  .strict()
  .refine(datesInOrder, { message: 'The end date is before the start date', path: ['endDate'] });

export const StepCounts = z.object({
  stepId: Id,
  sent: z.number().int(),
  queued: z.number().int(),
  skipped: z.number().int(),
  failed: z.number().int(),
  /** Members this step has yet to reach (their job is waiting). */
  waiting: z.number().int(),
});
export type StepCounts = z.infer<typeof StepCounts>;

export const Campaign = z.object({
  id: Id,
  version: z.number().int().positive(),
  name: z.string(),
  objective: z.string().nullable(),
  type: z.enum(CAMPAIGN_TYPES),
  status: z.enum(CAMPAIGN_STATUSES),
  startDate: z.string().nullable(),
  endDate: z.string().nullable(),
  currency: z.string(),
  budgetMinor: z.number().int(),
  actualCostMinor: z.number().int(),
  expectedRevenueMinor: z.number().int(),
  owner: UserRef,
  parent: z.object({ id: Id, name: z.string() }).nullable(),
  audienceList: z.object({ id: Id, name: z.string(), entity: z.enum(SEGMENT_ENTITIES) }).nullable(),
  settings: CampaignSettings,
  trigger: CampaignTrigger.nullable(),
  steps: z.array(Step),
  memberCount: z.number().int(),
  responseCount: z.number().int(),
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Campaign = z.infer<typeof Campaign>;

export const CampaignSummary = Campaign.pick({
  id: true,
  version: true,
  name: true,
  type: true,
  status: true,
  startDate: true,
  endDate: true,
  currency: true,
  budgetMinor: true,
  actualCostMinor: true,
  expectedRevenueMinor: true,
  owner: true,
  parent: true,
  memberCount: true,
  responseCount: true,
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;

export const CampaignProgress = z.object({
  campaignId: Id,
  status: z.enum(CAMPAIGN_STATUSES),
  members: z.number().int(),
  steps: z.array(StepCounts),
  /** Jobs not finished yet (waiting for their time, or running). */
  remaining: z.number().int(),
  failed: z.number().int(),
});
export type CampaignProgress = z.infer<typeof CampaignProgress>;

export const MemberRow = z.object({
  id: Id,
  entity: z.enum(SEGMENT_ENTITIES),
  recordId: Id,
  name: z.string(),
  email: z.string().nullable(),
  status: z.enum(['active', 'done', 'left']),
  variant: z.enum(VARIANT_KEYS).nullable(),
  lastTouch: z.object({ position: z.number().int(), channel: z.enum(STEP_CHANNELS), status: z.enum(TOUCH_STATUSES), at: Timestamp, reason: z.string().nullable() }).nullable(),
  responded: z.boolean(),
});
export type MemberRow = z.infer<typeof MemberRow>;

const Versioned = { id: Id, version: z.number().int().positive() };
export const Page = { offset: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(0), limit: z.number().int().min(1).max(500).default(100) };
const RecordIds = z
  .array(Id)
  .min(1, 'Choose at least one record')
  .max(10_000, 'At most 10,000 records at once')
  .refine((ids) => new Set(ids).size === ids.length, 'A record is listed twice');

export const campaignsContract = {
  'campaigns.list': method({
    summary: 'Campaigns, newest first, by status and program',
    writes: false,
    input: z.object({ status: z.array(z.enum(CAMPAIGN_STATUSES)).max(CAMPAIGN_STATUSES.length).optional(), parentId: Id.optional() }).strict(),
    output: z.array(CampaignSummary),
  }),
  'campaigns.get': method({ summary: 'One campaign with its settings, trigger and journey', writes: false, input: z.object({ id: Id }).strict(), output: Campaign }),
  'campaigns.create': method({ summary: 'Plan a campaign (status planned), with its journey', writes: true, input: CampaignInput, output: Campaign }),
  'campaigns.update': method({
    summary: 'Change a campaign with the version you saw; its audience and trigger only before it starts',
    writes: true,
    input: z.object({ ...Versioned, patch: CampaignPatch }).strict(),
    output: Campaign,
  }),
  'campaigns.saveJourney': method({
    summary: "Replace a planned campaign's journey steps (a campaign that has started keeps its journey)",
    writes: true,
    input: z.object({ ...Versioned, steps: z.array(StepInput).max(20, 'At most 20 steps') }).strict(),
    output: Campaign,
  }),
  'campaigns.delete': method({
    summary: 'Delete a campaign that never started (one that ran is cancelled instead)',
    writes: true,
    input: z.object({ id: Id }).strict(),
    output: z.object({ id: Id }),
  }),
  'campaigns.setStatus': method({
    summary: 'Start (enrol the audience and schedule the first step), pause, resume, complete or cancel a campaign',
    writes: true,
    input: z.object({ ...Versioned, status: z.enum(CAMPAIGN_STATUSES) }).strict(),
    output: Campaign,
  }),
  'campaigns.enrol': method({
    summary: 'Add records to a campaign by hand (each record once; an active campaign schedules their first step)',
    writes: true,
    input: z.object({ id: Id, entity: z.enum(SEGMENT_ENTITIES), recordIds: RecordIds }).strict(),
    output: z.object({ added: z.number().int(), already: z.number().int() }),
  }),
  'campaigns.members': method({
    summary: "A page of a campaign's members with where each stands",
    writes: false,
    input: z.object({ id: Id, ...Page }).strict(),
    output: z.object({ total: z.number().int(), rows: z.array(MemberRow) }),
  }),
  'campaigns.progress': method({
    summary: 'Per step: sent, queued, skipped, failed, waiting; and the jobs left',
    writes: false,
    input: z.object({ id: Id }).strict(),
    output: CampaignProgress,
  }),
  'campaigns.preview': method({
    summary: "A step's message merged for one member (or a sample record): subject, HTML and text",
    writes: false,
    input: z.object({ stepId: Id, memberId: Id.optional(), variant: z.enum(VARIANT_KEYS).default('A') }).strict(),
    output: z.object({ subject: z.string().nullable(), html: z.string().nullable(), text: z.string() }),
  }),
  'campaigns.letters': method({
    summary: "One PDF with a letter for every member a letter step has queued (saved through the Save dialog in the app, else returned as bytes)",
    writes: false,
    input: z.object({ stepId: Id }).strict(),
    output: z.object({
      fileName: z.string(),
      letters: z.number().int(),
      /** What was printed differently or left out (a shortened address line, a member without an address). */
      warnings: z.array(z.string()),
      savedTo: z.string().nullable(),
      contentBase64: z.string().nullable(),
    }),
  }),
  'campaigns.lettersMailed': method({
    summary: "Mark a letter step's queued letters as mailed (the journey goes on for them)",
    writes: true,
    input: z.object({ stepId: Id }).strict(),
    output: z.object({ mailed: z.number().int() }),
  }),
  'campaigns.smsGateway': method({
    summary: 'The SMS gateway campaigns send through (never the authorization value itself)',
    writes: false,
    input: z.object({}).strict().optional().transform(() => ({})),
    output: SmsGatewaySettingsView,
  }),
  'campaigns.saveSmsGateway': method({
    summary: 'Set up the HTTP SMS gateway: URL template, method, body, authorization header (admins)',
    writes: true,
    input: SmsGatewaySettingsInput,
    output: SmsGatewaySettingsView,
  }),
};
