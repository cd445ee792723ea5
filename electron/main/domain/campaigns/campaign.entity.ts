import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';

const userRelation = (column: string, nullable = false) =>
  ({ type: 'many-to-one', target: 'User', joinColumn: { name: column }, onDelete: nullable ? 'SET NULL' : 'RESTRICT', nullable }) as const;

const ofCampaign = { type: 'many-to-one', target: 'Campaign', joinColumn: { name: 'campaign_id' }, onDelete: 'CASCADE' } as const;

/**
 * A marketing campaign: what it is for, what it costs, who it reaches and the journey it runs.
 * A campaign is never soft-deleted: once it has run, responses and attribution point at it, so it is cancelled instead.
 */
export const CampaignEntity = new EntitySchema<StoredRow>({
  name: 'Campaign',
  tableName: 'campaigns',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    version: { type: 'integer', default: 1 },
    name: { type: 'varchar', length: 120 },
    objective: { type: 'varchar', length: 1000, nullable: true },
    /** shared/contract/campaigns.ts CAMPAIGN_TYPES. */
    type: { type: 'varchar', length: 20 },
    /** planned → active ⇄ paused → completed | cancelled. */
    status: { type: 'varchar', length: 10, default: 'planned' },
    startDate: { type: 'varchar', length: 10, nullable: true },
    endDate: { type: 'varchar', length: 10, nullable: true },
    currency: { type: 'varchar', length: 3 },
    budgetMinor: { type: 'bigint', default: 0 },
    actualCostMinor: { type: 'bigint', default: 0 },
    expectedRevenueMinor: { type: 'bigint', default: 0 },
    ownerId: { type: 'integer' },
    /** The program this campaign belongs to (a campaign with children is a program). */
    parentId: { type: 'integer', nullable: true },
    /** The target list enrolled when the campaign starts. */
    audienceListId: { type: 'integer', nullable: true },
    /** Sending settings as JSON: throttle, quiet hours, call reps, letter layout (shared/contract/campaigns.ts). */
    settings: { type: 'text', default: '{}' },
    /** An event that enrols records while the campaign is active, as JSON; null for a list-only campaign. */
    trigger: { type: 'text', nullable: true },
    /** How far the trigger has looked (ISO UTC): each event is seen once. */
    triggerWatermark: { type: 'datetime', nullable: true },
    startedAt: { type: 'datetime', nullable: true },
    finishedAt: { type: 'datetime', nullable: true },
    createdAt: { type: 'datetime' },
    createdById: { type: 'integer' },
    updatedAt: { type: 'datetime' },
    updatedById: { type: 'integer' },
  },
  relations: {
    owner: userRelation('owner_id'),
    parent: { type: 'many-to-one', target: 'Campaign', joinColumn: { name: 'parent_id' }, onDelete: 'SET NULL', nullable: true },
    audienceList: { type: 'many-to-one', target: 'TargetList', joinColumn: { name: 'audience_list_id' }, onDelete: 'SET NULL', nullable: true },
    createdBy: userRelation('created_by_id'),
    updatedBy: userRelation('updated_by_id'),
  },
  indices: [{ columns: ['status'] }, { columns: ['parentId'] }],
});

/** One step of a campaign's journey: a channel, the wait before it, and whom it is for. */
export const CampaignStepEntity = new EntitySchema<StoredRow>({
  name: 'CampaignStep',
  tableName: 'campaign_steps',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    campaignId: { type: 'integer' },
    position: { type: 'integer' },
    /** 'email', 'letter', 'call' or 'sms'. */
    channel: { type: 'varchar', length: 6 },
    /** Minutes after the previous step (after enrolment for the first). */
    delayMinutes: { type: 'integer', default: 0 },
    /** 'always', 'not_responded' or 'responded': who goes on to this step. */
    condition: { type: 'varchar', length: 14, default: 'always' },
    /** The channel's content as JSON (subject and body, script, text), with its A/B variants. */
    content: { type: 'text' },
    /** A/B test settings as JSON, or null. */
    ab: { type: 'text', nullable: true },
    /** The variant the rest of the audience gets once the test has been decided. */
    winnerVariant: { type: 'varchar', length: 1, nullable: true },
  },
  relations: { campaign: ofCampaign },
  uniques: [{ columns: ['campaignId', 'position'] }],
});

/**
 * A record enrolled in a campaign. `record_id` names a contact, lead or account by `entity`, so it has no
 * foreign key (as on target lists). Unique per campaign: a trigger or a second list enrols a record once.
 */
export const CampaignMemberEntity = new EntitySchema<StoredRow>({
  name: 'CampaignMember',
  tableName: 'campaign_members',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    campaignId: { type: 'integer' },
    entity: { type: 'varchar', length: 10 },
    recordId: { type: 'integer' },
    /** 'list', 'trigger' or 'manual'. */
    source: { type: 'varchar', length: 8 },
    enrolledAt: { type: 'datetime' },
    /** 'active', 'done' (went through the journey) or 'left' (unsubscribed, or removed). */
    status: { type: 'varchar', length: 6, default: 'active' },
  },
  relations: { campaign: ofCampaign },
  uniques: [{ columns: ['campaignId', 'entity', 'recordId'] }],
  indices: [{ columns: ['entity', 'recordId'] }],
});

/**
 * What one step did for one member: sent, queued (a letter to print, a call to make), skipped (with why) or
 * failed. Unique per (step, member): the row is written in the transaction that records the send, so a step
 * never reaches anyone twice.
 */
export const CampaignTouchEntity = new EntitySchema<StoredRow>({
  name: 'CampaignTouch',
  tableName: 'campaign_touches',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    campaignId: { type: 'integer' },
    stepId: { type: 'integer' },
    memberId: { type: 'integer' },
    channel: { type: 'varchar', length: 6 },
    status: { type: 'varchar', length: 8 },
    reason: { type: 'varchar', length: 300, nullable: true },
    variant: { type: 'varchar', length: 1, nullable: true },
    at: { type: 'datetime' },
  },
  relations: {
    campaign: ofCampaign,
    step: { type: 'many-to-one', target: 'CampaignStep', joinColumn: { name: 'step_id' }, onDelete: 'CASCADE' },
    member: { type: 'many-to-one', target: 'CampaignMember', joinColumn: { name: 'member_id' }, onDelete: 'CASCADE' },
  },
  uniques: [{ columns: ['stepId', 'memberId'] }],
  indices: [{ columns: ['campaignId', 'channel', 'status', 'at'] }, { columns: ['memberId'] }],
});

/** A response to a campaign: replied, called back, registered, bought or unsubscribed. */
export const CampaignResponseEntity = new EntitySchema<StoredRow>({
  name: 'CampaignResponse',
  tableName: 'campaign_responses',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    campaignId: { type: 'integer' },
    memberId: { type: 'integer', nullable: true },
    entity: { type: 'varchar', length: 10 },
    recordId: { type: 'integer' },
    kind: { type: 'varchar', length: 12 },
    /** 'manual', 'call' or 'import'. */
    source: { type: 'varchar', length: 6 },
    /** The step it answers, when known (decides an A/B test). */
    stepId: { type: 'integer', nullable: true },
    variant: { type: 'varchar', length: 1, nullable: true },
    note: { type: 'varchar', length: 500, nullable: true },
    respondedAt: { type: 'datetime' },
    createdAt: { type: 'datetime' },
    createdById: { type: 'integer' },
  },
  relations: {
    campaign: ofCampaign,
    member: { type: 'many-to-one', target: 'CampaignMember', joinColumn: { name: 'member_id' }, onDelete: 'SET NULL', nullable: true },
    step: { type: 'many-to-one', target: 'CampaignStep', joinColumn: { name: 'step_id' }, onDelete: 'SET NULL', nullable: true },
    createdBy: userRelation('created_by_id'),
  },
  indices: [{ columns: ['campaignId', 'kind'] }, { columns: ['entity', 'recordId'] }, { columns: ['memberId'] }],
});

/** A call to make for a call-list step, assigned to a rep, and its outcome once made. */
export const CallListItemEntity = new EntitySchema<StoredRow>({
  name: 'CallListItem',
  tableName: 'call_list_items',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    campaignId: { type: 'integer' },
    stepId: { type: 'integer' },
    memberId: { type: 'integer' },
    assignedToId: { type: 'integer' },
    /** 'open' or 'done'. */
    status: { type: 'varchar', length: 4, default: 'open' },
    /** shared/contract/campaigns.ts CALL_OUTCOMES. */
    outcome: { type: 'varchar', length: 16, nullable: true },
    note: { type: 'varchar', length: 1000, nullable: true },
    callbackAt: { type: 'datetime', nullable: true },
    outcomeAt: { type: 'datetime', nullable: true },
    outcomeById: { type: 'integer', nullable: true },
    /** What the outcome created: a lead, an opportunity or a call-back task. */
    createdLeadId: { type: 'integer', nullable: true },
    createdOpportunityId: { type: 'integer', nullable: true },
    createdActivityId: { type: 'integer', nullable: true },
    createdAt: { type: 'datetime' },
  },
  relations: {
    campaign: ofCampaign,
    step: { type: 'many-to-one', target: 'CampaignStep', joinColumn: { name: 'step_id' }, onDelete: 'CASCADE' },
    member: { type: 'many-to-one', target: 'CampaignMember', joinColumn: { name: 'member_id' }, onDelete: 'CASCADE' },
    assignedTo: userRelation('assigned_to_id'),
    outcomeBy: userRelation('outcome_by_id', true),
  },
  uniques: [{ columns: ['stepId', 'memberId'] }],
  indices: [{ columns: ['assignedToId', 'status'] }, { columns: ['campaignId', 'status'] }],
});
