import type { z } from 'zod';
import type { Opportunity, OpportunityPatch, StageChange } from '../../../../shared/contract/opportunities';
import { foldForSort } from '../../../../shared/text';
import { META_NAMES, metaFromRow, metaJoins } from '../records/record-meta';
import type { ColumnValues } from '../records/record-store';

/**
 * The columns a change of these fields writes; the stage and what follows from
 * it (probability, closed_at, lost reason) are the stage transition's.
 */
export function opportunityColumns(patch: z.output<typeof OpportunityPatch>): ColumnValues {
  const c: ColumnValues = {};
  if (patch.name !== undefined) {
    c.name = patch.name;
    c.sort_name = foldForSort(patch.name);
  }
  if (patch.accountId !== undefined) c.account_id = patch.accountId;
  if (patch.primaryContactId !== undefined) c.primary_contact_id = patch.primaryContactId;
  if (patch.amount !== undefined) {
    c.amount_minor = patch.amount.amountMinor;
    c.currency = patch.amount.currency;
  }
  if (patch.expectedCloseDate !== undefined) c.expected_close_date = patch.expectedCloseDate;
  if (patch.forecastCategory !== undefined) c.forecast_category = patch.forecastCategory;
  if (patch.nextStep !== undefined) c.next_step = patch.nextStep;
  if (patch.campaignId !== undefined) c.campaign_id = patch.campaignId;
  if (patch.ownerId !== undefined) c.owner_id = patch.ownerId;
  if (patch.ownerLocked !== undefined) c.owner_locked = patch.ownerLocked ? 1 : 0;
  return c;
}

export const OPPORTUNITY_SELECT = `
  SELECT op.*, a.name AS account_name, c.first_name AS contact_first_name, c.last_name AS contact_last_name,
         p.name AS pipeline_name, s.name AS stage_name, s.kind AS stage_kind, ${META_NAMES}
    FROM opportunities op
    JOIN pipelines p ON p.id = op.pipeline_id
    JOIN pipeline_stages s ON s.id = op.stage_id
    LEFT JOIN accounts a ON a.id = op.account_id AND a.deleted_at IS NULL
    LEFT JOIN contacts c ON c.id = op.primary_contact_id AND c.deleted_at IS NULL
    ${metaJoins('op')}`;

export function personName(first: string | null, last: string): string {
  return first ? `${first} ${last}` : last;
}

export function opportunityFromRow(r: Record<string, any>): Opportunity {
  return {
    ...metaFromRow(r),
    name: r.name,
    account: r.account_id && r.account_name ? { id: r.account_id, name: r.account_name } : null,
    primaryContact: r.primary_contact_id && r.contact_last_name ? { id: r.primary_contact_id, name: personName(r.contact_first_name, r.contact_last_name) } : null,
    pipeline: { id: r.pipeline_id, name: r.pipeline_name },
    stage: { id: r.stage_id, name: r.stage_name, kind: r.stage_kind },
    amount: { amountMinor: Number(r.amount_minor), currency: r.currency },
    probability: r.probability,
    expectedCloseDate: r.expected_close_date,
    forecastCategory: r.forecast_category,
    nextStep: r.next_step,
    lostReason: r.lost_reason,
    closedAt: r.closed_at,
    leadId: r.lead_id,
    campaignId: r.campaign_id,
    firstTouchCampaignId: r.first_touch_campaign_id,
    ownerLocked: r.owner_locked === 1,
  };
}

export const STAGE_HISTORY_SELECT = `
  SELECT h.*, fs.name AS from_name, ts.name AS to_name, u.name AS user_name
    FROM opportunity_stage_history h
    LEFT JOIN pipeline_stages fs ON fs.id = h.from_stage_id
    JOIN pipeline_stages ts ON ts.id = h.to_stage_id
    JOIN users u ON u.id = h.changed_by_id`;

export function stageChangeFromRow(r: Record<string, any>): StageChange {
  return {
    id: r.id,
    fromStage: r.from_stage_id === null ? null : { id: r.from_stage_id, name: r.from_name },
    toStage: { id: r.to_stage_id, name: r.to_name },
    amount: { amountMinor: Number(r.amount_minor), currency: r.currency },
    probability: r.probability,
    changedAt: r.changed_at,
    changedBy: { id: r.changed_by_id, name: r.user_name },
  };
}

/**
 * amount × percent / 100 rounded half away from zero, as SQL over integer
 * columns (SQLite's integer division truncates toward zero). shared/money.ts
 * has no rounding helper; this rule is applied per opportunity, then summed.
 */
export function weightedSql(amount: string, percent: string): string {
  return `(CASE WHEN ${amount} * ${percent} >= 0 THEN (${amount} * ${percent} + 50) / 100 ELSE -((-(${amount} * ${percent}) + 50) / 100) END)`;
}
