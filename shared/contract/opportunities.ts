import { z } from 'zod';
import { CurrencyCode, Money } from '../money';
import { DeleteResult, Id, IdInput, IsoDate, RecordMeta, Timestamp, UserRef, VersionedPatch, optionalText, requiredText } from './common';
import { method } from './define';
import { gridPage, gridQuery } from './grid';

export const STAGE_KINDS = ['open', 'won', 'lost'] as const;
export const FORECAST_CATEGORIES = ['pipeline', 'best_case', 'commit', 'omitted'] as const;

const Percent = z.number().int().min(0).max(100);
const Amount = Money.refine((m) => m.amountMinor >= 0, { message: 'An amount cannot be negative', path: ['amountMinor'] });
const NullableDate = z
  .union([z.literal(''), z.null(), IsoDate])
  .optional()
  .transform((v) => (v ? v : null));

// ---- pipelines -------------------------------------------------------------

export const Stage = z.object({
  id: Id,
  name: z.string(),
  position: z.number().int(),
  probability: Percent,
  kind: z.enum(STAGE_KINDS),
  active: z.boolean(),
  /** Live opportunities in the stage. */
  opportunityCount: z.number().int(),
});
export type Stage = z.infer<typeof Stage>;

export const Pipeline = z.object({
  id: Id,
  name: z.string(),
  isDefault: z.boolean(),
  active: z.boolean(),
  position: z.number().int(),
  stages: z.array(Stage),
});
export type Pipeline = z.infer<typeof Pipeline>;

export const StageInput = z
  .object({
    /** An existing stage of this pipeline; leave out to add one. */
    id: Id.optional(),
    name: requiredText(100, 'Stage name'),
    probability: Percent,
    kind: z.enum(STAGE_KINDS),
    active: z.boolean().default(true),
  })
  .strict();

/**
 * Create (no id) or replace a pipeline's name and ordered stages. A stage left
 * out of the list is deleted, which is refused while any opportunity or stage
 * history refers to it: deactivate it instead.
 */
export const PipelineInput = z
  .object({
    id: Id.optional(),
    name: requiredText(100, 'Name'),
    isDefault: z.boolean().optional(),
    active: z.boolean().default(true),
    stages: z.array(StageInput).min(2).max(30),
  })
  .strict();
export type PipelineInput = z.input<typeof PipelineInput>;

// ---- opportunities ---------------------------------------------------------

export const OpportunityFields = {
  name: requiredText(200, 'Name'),
  accountId: Id.nullable().optional().transform((v) => v ?? null),
  primaryContactId: Id.nullable().optional().transform((v) => v ?? null),
  /** Defaults to the default pipeline. */
  pipelineId: Id.optional(),
  /** Defaults to the pipeline's first active open stage. */
  stageId: Id.optional(),
  amount: Amount,
  /** Defaults to the stage's probability; forced to 100 in a won and 0 in a lost stage. */
  probability: Percent.optional(),
  expectedCloseDate: NullableDate,
  forecastCategory: z.enum(FORECAST_CATEGORIES),
  nextStep: optionalText(300),
  /** Required when the stage is a lost one. */
  lostReason: optionalText(300),
  campaignId: Id.nullable().optional().transform((v) => v ?? null),
  ownerId: Id.optional(),
  /** "Keep this owner" (false unless sent): territory realignment and the account's owner changes leave the owner alone. */
  ownerLocked: z.boolean().optional(),
};

export const OpportunityInput = z.object({ ...OpportunityFields, forecastCategory: OpportunityFields.forecastCategory.default('pipeline') }).strict();
export type OpportunityInput = z.input<typeof OpportunityInput>;

export const OpportunityPatch = z.object(OpportunityFields).partial().strict();

export const Opportunity = z.object({
  ...RecordMeta,
  name: z.string(),
  account: z.object({ id: Id, name: z.string() }).nullable(),
  primaryContact: z.object({ id: Id, name: z.string() }).nullable(),
  pipeline: z.object({ id: Id, name: z.string() }),
  stage: z.object({ id: Id, name: z.string(), kind: z.enum(STAGE_KINDS) }),
  amount: Money,
  probability: Percent,
  expectedCloseDate: z.string().nullable(),
  forecastCategory: z.enum(FORECAST_CATEGORIES),
  nextStep: z.string().nullable(),
  lostReason: z.string().nullable(),
  closedAt: Timestamp.nullable(),
  leadId: Id.nullable(),
  /** Last-touch campaign: the one chosen, else its lead's, else the latest that reached its primary contact (domain/campaigns/attribution.ts). */
  campaignId: Id.nullable(),
  /** First-touch campaign, set when the opportunity is created; read-only. */
  firstTouchCampaignId: Id.nullable(),
  owner: UserRef,
  ownerLocked: z.boolean(),
});
export type Opportunity = z.infer<typeof Opportunity>;

export const StageChange = z.object({
  id: Id,
  fromStage: z.object({ id: Id, name: z.string() }).nullable(),
  toStage: z.object({ id: Id, name: z.string() }),
  amount: Money,
  probability: Percent,
  changedAt: Timestamp,
  changedBy: UserRef,
});
export type StageChange = z.infer<typeof StageChange>;

export const OpportunityRow = z.object({
  id: Id,
  version: z.number().int(),
  name: z.string(),
  accountName: z.string().nullable(),
  pipelineName: z.string(),
  stageName: z.string(),
  stageKind: z.enum(STAGE_KINDS),
  amountMinor: z.number().int(),
  currency: z.string(),
  probability: z.number().int(),
  expectedCloseDate: z.string().nullable(),
  forecastCategory: z.string(),
  ownerName: z.string(),
  closedAt: z.string().nullable(),
  updatedAt: z.string(),
});
export type OpportunityRow = z.infer<typeof OpportunityRow>;

export const OPPORTUNITY_SORTABLE = ['name', 'accountName', 'stageName', 'amountMinor', 'probability', 'expectedCloseDate', 'ownerName', 'updatedAt'] as const;
export const OPPORTUNITY_FILTERABLE = ['name', 'accountName', 'stageName', 'amountMinor', 'probability', 'expectedCloseDate', 'forecastCategory', 'currency', 'ownerName'] as const;
export const OpportunityListQuery = gridQuery(OPPORTUNITY_SORTABLE, OPPORTUNITY_FILTERABLE, {
  pipelineId: Id.optional(),
  accountId: Id.optional(),
  stageKind: z.enum(STAGE_KINDS).optional(),
});
export type OpportunityListQuery = z.input<typeof OpportunityListQuery>;

export const MoveInput = z
  .object({
    id: Id,
    version: z.number().int().positive(),
    stageId: Id,
    /** Required when the target stage is a lost one. */
    lostReason: optionalText(300),
    /** Keep this probability instead of the stage's default (open stages only). */
    probability: Percent.optional(),
  })
  .strict();

// ---- board -----------------------------------------------------------------

export const CurrencyTotal = z.object({
  currency: z.string(),
  count: z.number().int(),
  amountMinor: z.number().int(),
  /** Σ per opportunity of amount × probability / 100, each rounded half away from zero. */
  weightedMinor: z.number().int(),
});
export type CurrencyTotal = z.infer<typeof CurrencyTotal>;

export const BoardCard = z.object({
  id: Id,
  version: z.number().int(),
  name: z.string(),
  accountName: z.string().nullable(),
  amount: Money,
  probability: z.number().int(),
  owner: UserRef,
  expectedCloseDate: z.string().nullable(),
});

export const BoardColumn = z.object({
  stage: z.object({ id: Id, name: z.string(), kind: z.enum(STAGE_KINDS), probability: z.number().int() }),
  /** Every live opportunity in the stage (cards holds at most `limit`). */
  count: z.number().int(),
  /** Totals per currency: amounts in different currencies are never added up. */
  totals: z.array(CurrencyTotal),
  cards: z.array(BoardCard),
});

export const Board = z.object({ pipeline: z.object({ id: Id, name: z.string() }), columns: z.array(BoardColumn) });
export type Board = z.infer<typeof Board>;

// ---- forecast and quotas -----------------------------------------------------

/** '2026-03' (month) or '2026-Q1' (quarter). */
export const Period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2]|Q[1-4])$/, 'A period is YYYY-MM or YYYY-Qn');

export const Quota = z.object({ id: Id, user: UserRef, period: z.string(), amount: Money, updatedAt: Timestamp });
export type Quota = z.infer<typeof Quota>;

const DateRange = {
  from: IsoDate,
  to: IsoDate,
};
const rangeOk = (r: { from: string; to: string }) => r.from <= r.to;
/** A report spans at most ten calendar years (and so at most 132 months). */
const rangeShort = (r: { from: string; to: string }) => Number(r.to.slice(0, 4)) - Number(r.from.slice(0, 4)) <= 10;

export const ForecastQuery = z
  .object({ period: z.enum(['month', 'quarter']), ...DateRange, ownerId: Id.optional(), currency: CurrencyCode })
  .strict()
  .refine(rangeOk, { message: '"from" must not be after "to"', path: ['to'] })
  .refine(rangeShort, { message: 'A report spans at most ten years', path: ['to'] });

export const ForecastFigures = z.object({
  /** Open opportunities (not omitted) expected to close in the period. */
  pipelineMinor: z.number().int(),
  /** The same, each weighted by its probability (rounded half away from zero per opportunity). */
  weightedMinor: z.number().int(),
  /** Closed won + open commit + open best case. */
  bestCaseMinor: z.number().int(),
  /** Closed won + open commit. */
  commitMinor: z.number().int(),
  /** Won in the period (by the date it was closed). */
  closedWonMinor: z.number().int(),
  /** The owner's quota for the period in this currency, or null when none is set. */
  quotaMinor: z.number().int().nullable(),
});

export const ForecastSummary = z.object({
  currency: z.string(),
  periods: z.array(z.string()),
  rows: z.array(ForecastFigures.extend({ owner: UserRef, period: z.string() })),
  /** Per period, every owner in the rows added up. */
  totals: z.array(ForecastFigures.extend({ period: z.string() })),
});
export type ForecastSummary = z.infer<typeof ForecastSummary>;

export const WinLossStats = z.object({
  won: z.number().int(),
  lost: z.number().int(),
  /** won / (won + lost) in percent, rounded; null when nothing closed. */
  winRatePercent: z.number().int().nullable(),
  /** Average amount of the won deals, per currency (rounded half away from zero). */
  averageDealSize: z.array(Money),
  /** Average days from creation to closing of won and lost deals, to one decimal. */
  averageCycleDays: z.number().nullable(),
  lostReasons: z.array(z.object({ reason: z.string(), count: z.number().int() })),
});
export type WinLossStats = z.infer<typeof WinLossStats>;

export const WinLossQuery = z
  .object({ ...DateRange, ownerId: Id.optional(), period: z.enum(['month', 'quarter']).default('quarter') })
  .strict()
  .refine(rangeOk, { message: '"from" must not be after "to"', path: ['to'] })
  .refine(rangeShort, { message: 'A report spans at most ten years', path: ['to'] });

export const WinLoss = z.object({
  totals: WinLossStats,
  rows: z.array(WinLossStats.extend({ owner: UserRef, period: z.string() })),
});
export type WinLoss = z.infer<typeof WinLoss>;

export const opportunitiesContract = {
  'opportunities.create': method({ summary: 'Create an opportunity (its first stage goes into the stage history)', writes: true, input: OpportunityInput, output: Opportunity }),
  'opportunities.get': method({ summary: 'One opportunity with its account, contact, pipeline and stage', writes: false, input: IdInput, output: Opportunity }),
  'opportunities.update': method({
    summary: 'Change fields of an opportunity (a stage change is recorded like a move); refused when the version is stale',
    writes: true,
    input: VersionedPatch(OpportunityPatch),
    output: Opportunity,
  }),
  'opportunities.delete': method({ summary: 'Move an opportunity to the recycle bin', writes: true, input: IdInput, output: DeleteResult }),
  'opportunities.restore': method({ summary: 'Bring an opportunity back from the recycle bin', writes: true, input: IdInput, output: Opportunity }),
  'opportunities.list': method({ summary: 'A page of the opportunities grid', writes: false, input: OpportunityListQuery, output: gridPage(OpportunityRow) }),
  'opportunities.move': method({
    summary: 'Move an opportunity to another stage of its pipeline (the kanban drop)',
    writes: true,
    input: MoveInput,
    output: Opportunity,
  }),
  'opportunities.stageHistory': method({ summary: 'Every stage an opportunity went through, oldest first', writes: false, input: IdInput, output: z.array(StageChange) }),
  'opportunities.board': method({
    summary: 'The kanban of one pipeline: per stage the first cards by expected close, the count and the totals',
    writes: false,
    input: z.object({ pipelineId: Id, ownerId: Id.optional(), limit: z.number().int().min(1).max(500).default(200) }).strict(),
    output: Board,
  }),
  'pipelines.list': method({
    summary: 'The pipelines with their ordered stages',
    writes: false,
    input: z.object({ includeInactive: z.boolean().default(false) }).strict(),
    output: z.array(Pipeline),
  }),
  'pipelines.save': method({ summary: 'Create or change a pipeline and its ordered stages', writes: true, input: PipelineInput, output: Pipeline }),
  'quotas.set': method({
    summary: 'Set (or replace) a user’s quota for a month or quarter',
    writes: true,
    input: z.object({ userId: Id, period: Period, amount: Amount }).strict(),
    output: Quota,
  }),
  'quotas.list': method({
    summary: 'Quotas, optionally of one user and one year',
    writes: false,
    input: z.object({ userId: Id.optional(), year: z.number().int().min(1900).max(2999).optional() }).strict(),
    output: z.array(Quota),
  }),
  'forecast.summary': method({
    summary: 'Pipeline, weighted, best case, commit, closed won and quota per owner and period, in one currency',
    writes: false,
    input: ForecastQuery,
    output: ForecastSummary,
  }),
  'forecast.winLoss': method({
    summary: 'Win rate, average deal size, cycle length and lost reasons per owner and period',
    writes: false,
    input: WinLossQuery,
    output: WinLoss,
  }),
};
