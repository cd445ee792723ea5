import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';
import { recordColumns, recordRelations } from '../../db/record-columns';

export const OpportunityEntity = new EntitySchema<StoredRow>({
  name: 'Opportunity',
  tableName: 'opportunities',
  columns: {
    ...recordColumns,
    name: { type: 'varchar', length: 200 },
    /** foldForSort(name). */
    sortName: { type: 'varchar', length: 200 },
    accountId: { type: 'integer', nullable: true },
    primaryContactId: { type: 'integer', nullable: true },
    pipelineId: { type: 'integer' },
    stageId: { type: 'integer' },
    amountMinor: { type: 'bigint', default: 0 },
    currency: { type: 'varchar', length: 3 },
    /** Percent 0–100; defaults from the stage, overridable. */
    probability: { type: 'integer' },
    /** ISO date YYYY-MM-DD. */
    expectedCloseDate: { type: 'varchar', length: 10, nullable: true },
    /** 'pipeline', 'best_case', 'commit', 'omitted' (closed ones are read from the stage kind). */
    forecastCategory: { type: 'varchar', length: 20, default: 'pipeline' },
    ownerId: { type: 'integer' },
    /** Kept by its owner instead of following the account's owner. */
    ownerLocked: { type: 'boolean', default: false },
    nextStep: { type: 'varchar', length: 300, nullable: true },
    lostReason: { type: 'varchar', length: 300, nullable: true },
    /** When it was won or lost (UTC); null while open. */
    closedAt: { type: 'datetime', nullable: true },
    leadId: { type: 'integer', nullable: true },
    /** Last- and first-touch campaign attribution, as on leads (lead.entity.ts). */
    campaignId: { type: 'integer', nullable: true },
    firstTouchCampaignId: { type: 'integer', nullable: true },
  },
  relations: {
    ...recordRelations,
    account: { type: 'many-to-one', target: 'Account', joinColumn: { name: 'account_id' }, onDelete: 'SET NULL', nullable: true },
    primaryContact: { type: 'many-to-one', target: 'Contact', joinColumn: { name: 'primary_contact_id' }, onDelete: 'SET NULL', nullable: true },
    pipeline: { type: 'many-to-one', target: 'Pipeline', joinColumn: { name: 'pipeline_id' }, onDelete: 'RESTRICT' },
    stage: { type: 'many-to-one', target: 'PipelineStage', joinColumn: { name: 'stage_id' }, onDelete: 'RESTRICT' },
    owner: { type: 'many-to-one', target: 'User', joinColumn: { name: 'owner_id' }, onDelete: 'RESTRICT' },
    lead: { type: 'many-to-one', target: 'Lead', joinColumn: { name: 'lead_id' }, onDelete: 'SET NULL', nullable: true },
  },
  indices: [
    { columns: ['accountId'] },
    // The campaign ROI report: opportunities and won revenue per campaign, by first and by last touch.
    { columns: ['campaignId', 'closedAt', 'stageId', 'currency', 'amountMinor', 'deletedAt'], where: '"campaign_id" IS NOT NULL' },
    { columns: ['firstTouchCampaignId', 'closedAt', 'stageId', 'currency', 'amountMinor', 'deletedAt'], where: '"first_touch_campaign_id" IS NOT NULL' },
    // Segments: a contact's open pipeline sums the opportunities it is the primary contact of.
    { columns: ['primaryContactId'] },
    { columns: ['ownerId', 'expectedCloseDate'] },
    // The kanban's totals read this index alone (no row look-ups), already grouped by stage and currency.
    // deleted_at is a column too: SQLite counts an index as covering only when it holds every column the
    // query names, including those its partial condition already settles.
    { columns: ['pipelineId', 'stageId', 'currency', 'ownerId', 'amountMinor', 'probability', 'deletedAt'], where: '"deleted_at" IS NULL' },
    // The kanban's cards: a stage's first cards by expected close date, in index order.
    { columns: ['pipelineId', 'stageId', 'expectedCloseDate', 'id'], where: '"deleted_at" IS NULL' },
    { columns: ['sortName', 'id', 'deletedAt'], where: '"deleted_at" IS NULL' },
    // Forecast of open deals: a currency's expected closes in a date range, with everything the sums read.
    {
      columns: ['currency', 'expectedCloseDate', 'stageId', 'forecastCategory', 'ownerId', 'amountMinor', 'probability', 'deletedAt'],
      where: '"deleted_at" IS NULL',
    },
    // Closed won and win/loss: closings in a date range, with everything the sums and the lost reasons read.
    {
      columns: ['closedAt', 'stageId', 'ownerId', 'currency', 'amountMinor', 'createdAt', 'lostReason', 'deletedAt'],
      where: '"deleted_at" IS NULL AND "closed_at" IS NOT NULL',
    },
    // Segments' "won an opportunity in the last N months": recent closings with their account and contact.
    { columns: ['closedAt', 'stageId', 'accountId', 'primaryContactId', 'deletedAt'], where: '"deleted_at" IS NULL AND "closed_at" IS NOT NULL' },
  ],
});

/** Every stage change, for win/loss and velocity analysis. */
export const OpportunityStageChangeEntity = new EntitySchema<StoredRow>({
  name: 'OpportunityStageChange',
  tableName: 'opportunity_stage_history',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    opportunityId: { type: 'integer' },
    /** Null for the first stage an opportunity is created in. */
    fromStageId: { type: 'integer', nullable: true },
    toStageId: { type: 'integer' },
    amountMinor: { type: 'bigint' },
    currency: { type: 'varchar', length: 3 },
    probability: { type: 'integer' },
    changedAt: { type: 'datetime' },
    changedById: { type: 'integer' },
  },
  relations: {
    opportunity: { type: 'many-to-one', target: 'Opportunity', joinColumn: { name: 'opportunity_id' }, onDelete: 'CASCADE' },
    fromStage: { type: 'many-to-one', target: 'PipelineStage', joinColumn: { name: 'from_stage_id' }, onDelete: 'RESTRICT', nullable: true },
    toStage: { type: 'many-to-one', target: 'PipelineStage', joinColumn: { name: 'to_stage_id' }, onDelete: 'RESTRICT' },
    changedBy: { type: 'many-to-one', target: 'User', joinColumn: { name: 'changed_by_id' }, onDelete: 'RESTRICT' },
  },
  indices: [{ columns: ['opportunityId', 'changedAt'] }, { columns: ['toStageId', 'changedAt'] }],
});

/** A sales target per user and period ('2026-Q1' or '2026-03'), in minor units. */
export const QuotaEntity = new EntitySchema<StoredRow>({
  name: 'Quota',
  tableName: 'quotas',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    userId: { type: 'integer' },
    period: { type: 'varchar', length: 7 },
    amountMinor: { type: 'bigint' },
    currency: { type: 'varchar', length: 3 },
    updatedAt: { type: 'datetime' },
  },
  relations: {
    user: { type: 'many-to-one', target: 'User', joinColumn: { name: 'user_id' }, onDelete: 'CASCADE' },
  },
  uniques: [{ columns: ['userId', 'period'] }],
});
