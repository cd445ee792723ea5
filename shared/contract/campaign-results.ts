import { z } from 'zod';
import { Id, Timestamp, UserRef, optionalText } from './common';
import { method } from './define';
import { CALL_OUTCOMES, Page, RESPONSE_KINDS, RESPONSE_SOURCES, STEP_CHANNELS, VARIANT_KEYS } from './campaigns';
import { SEGMENT_ENTITIES } from './segments';

/** What campaigns bring back: responses, call outcomes, attribution and the closed-loop ROI report. */

export const CampaignResponse = z.object({
  id: Id,
  campaignId: Id,
  entity: z.enum(SEGMENT_ENTITIES),
  recordId: Id,
  name: z.string(),
  kind: z.enum(RESPONSE_KINDS),
  source: z.enum(RESPONSE_SOURCES),
  note: z.string().nullable(),
  respondedAt: Timestamp,
  /** The campaign member it came from; null when the record was not enrolled. */
  memberId: Id.nullable(),
  /** The step it answers (the member's latest sent touch, or the call) and that step's A/B variant. */
  stepId: Id.nullable(),
  variant: z.enum(VARIANT_KEYS).nullable(),
  createdBy: UserRef,
});
export type CampaignResponse = z.infer<typeof CampaignResponse>;

export const CallItem = z.object({
  id: Id,
  campaign: z.object({ id: Id, name: z.string() }),
  stepId: Id,
  script: z.string(),
  entity: z.enum(SEGMENT_ENTITIES),
  recordId: Id,
  name: z.string(),
  company: z.string().nullable(),
  phone: z.string().nullable(),
  assignedTo: UserRef,
  /** Why the record may not be called any more (do not call, number suppressed, in the recycle bin); null when it may. */
  blockedReason: z.string().nullable(),
  status: z.enum(['open', 'done']),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  note: z.string().nullable(),
  callbackAt: Timestamp.nullable(),
  outcomeAt: Timestamp.nullable(),
  created: z.object({ leadId: Id.nullable(), opportunityId: Id.nullable(), activityId: Id.nullable() }),
});
export type CallItem = z.infer<typeof CallItem>;

export const ATTRIBUTIONS = ['last', 'first'] as const;

/** A BCP 47 locale the runtime knows: how dates such as 31.12.2024 or 12/31/2024 in an imported file are read. */
const Locale = z
  .string()
  .trim()
  .refine((l) => {
    try {
      return Intl.DateTimeFormat.supportedLocalesOf([l]).length === 1;
    } catch {
      return false;
    }
  }, 'Unknown locale, e.g. en-US or de-DE');

export const ImportResponsesResult = z.object({
  /** Responses written; 0 whenever `errors` is not empty (all or nothing). */
  recorded: z.number().int(),
  /** Rows left out because the same record's response of that kind on that day is already recorded (importing a file twice is harmless). */
  alreadyRecorded: z.number().int(),
  /** Every bad row, by its line in the file (the header is line 1). */
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type ImportResponsesResult = z.infer<typeof ImportResponsesResult>;

/**
 * One line of the closed-loop report: a campaign, or one of its channels (domain/campaigns/roi.service.ts says how
 * leads and opportunities are credited to a channel; a channel line carries no cost, so its ROI is null).
 */
export const RoiRow = z.object({
  campaignId: Id,
  campaignName: z.string(),
  /** null: the whole campaign. */
  channel: z.enum(STEP_CHANNELS).nullable(),
  currency: z.string(),
  /** Members with a sent touch (on this channel). */
  reached: z.number().int(),
  /** Records with a response other than an unsubscribe (to a step of this channel). */
  responded: z.number().int(),
  /** Live leads and opportunities whose last (or first) touch is the campaign. */
  leads: z.number().int(),
  opportunities: z.number().int(),
  wonOpportunities: z.number().int(),
  /** Won revenue in the campaign's currency (opportunities in other currencies are counted, not summed). */
  wonRevenueMinor: z.number().int(),
  otherCurrencyWins: z.number().int(),
  costMinor: z.number().int(),
  /** (won revenue − cost) / cost, in per cent; null without a cost. */
  roiPercent: z.number().nullable(),
  /** responded / reached as a fraction (0.25 = 25 %); null when no one was reached. */
  responseRate: z.number().nullable(),
});
export type RoiRow = z.infer<typeof RoiRow>;

export const campaignResultsContract = {
  'campaigns.responses': method({
    summary: "A page of a campaign's responses, newest first",
    writes: false,
    input: z.object({ id: Id, ...Page }).strict(),
    output: z.object({ total: z.number().int(), rows: z.array(CampaignResponse) }),
  }),
  'campaigns.recordResponse': method({
    summary: 'Record a response to a campaign (an unsubscribe also opts the record out of e-mail)',
    writes: true,
    input: z
      .object({
        campaignId: Id,
        entity: z.enum(SEGMENT_ENTITIES),
        recordId: Id,
        kind: z.enum(RESPONSE_KINDS),
        note: optionalText(500),
        respondedAt: Timestamp.optional(),
      })
      .strict(),
    output: CampaignResponse,
  }),
  'campaigns.deleteResponse': method({ summary: 'Delete a response recorded by mistake', writes: true, input: z.object({ id: Id }).strict(), output: z.object({ id: Id }) }),
  'campaigns.importResponses': method({
    summary: 'Record responses from a CSV (columns: email or record_id + entity, response, date, note): all or nothing, with a reason per bad row',
    writes: true,
    input: z
      .object({
        campaignId: Id,
        csv: z.string().min(1, 'The file is empty').max(20_000_000, 'At most 20 MB'),
        /** How dates that are not ISO (2024-12-31) are read. */
        locale: Locale.default('en-US'),
      })
      .strict(),
    output: ImportResponsesResult,
  }),
  'calls.list': method({
    summary: 'Call-list items: mine (or everyone\'s for a manager), open or done, by campaign',
    writes: false,
    input: z.object({ campaignId: Id.optional(), mine: z.boolean().default(true), status: z.enum(['open', 'done']).default('open'), ...Page }).strict(),
    output: z.object({ total: z.number().int(), rows: z.array(CallItem) }),
  }),
  'calls.record': method({
    summary: 'Record a call\'s outcome: interested creates a lead or an opportunity, call back a task, do not call sets the consent flag',
    writes: true,
    input: z
      .object({
        id: Id,
        outcome: z.enum(CALL_OUTCOMES),
        note: optionalText(1000),
        callbackAt: Timestamp.optional(),
      })
      .strict()
      .refine((c) => c.outcome !== 'call_back' || c.callbackAt !== undefined, { message: 'When should the call back be?', path: ['callbackAt'] }),
    output: CallItem,
  }),
  'campaigns.roi': method({
    summary: 'The closed-loop report per campaign and channel: reached, responded, leads, opportunities, won revenue, cost, ROI (newest campaign first)',
    writes: false,
    input: z.object({ campaignIds: z.array(Id).max(500).optional(), attribution: z.enum(ATTRIBUTIONS).default('last') }).strict(),
    output: z.array(RoiRow),
  }),
};
