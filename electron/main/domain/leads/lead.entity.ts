import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';
import { recordColumns, recordRelations } from '../../db/record-columns';

export const LeadEntity = new EntitySchema<StoredRow>({
  name: 'Lead',
  tableName: 'leads',
  columns: {
    ...recordColumns,
    firstName: { type: 'varchar', length: 100, nullable: true },
    lastName: { type: 'varchar', length: 100 },
    /** personSortKey(lastName, firstName). */
    sortName: { type: 'varchar', length: 202 },
    company: { type: 'varchar', length: 200, nullable: true },
    title: { type: 'varchar', length: 150, nullable: true },
    email: { type: 'varchar', length: 254, nullable: true },
    /** Lower-cased, trimmed: the duplicate check's blocking key. */
    emailNormalized: { type: 'varchar', length: 254, nullable: true },
    phone: { type: 'varchar', length: 40, nullable: true },
    /** E.164 (libphonenumber-js), or null when the number cannot be parsed. */
    phoneE164: { type: 'varchar', length: 20, nullable: true },
    street: { type: 'varchar', length: 300, nullable: true },
    city: { type: 'varchar', length: 100, nullable: true },
    region: { type: 'varchar', length: 100, nullable: true },
    postcode: { type: 'varchar', length: 20, nullable: true },
    country: { type: 'varchar', length: 2, nullable: true },
    industry: { type: 'varchar', length: 50, nullable: true },
    employees: { type: 'integer', nullable: true },
    source: { type: 'varchar', length: 20, default: 'other' },
    status: { type: 'varchar', length: 20, default: 'new' },
    disqualifiedReason: { type: 'varchar', length: 300, nullable: true },
    rating: { type: 'varchar', length: 10, nullable: true },
    ownerId: { type: 'integer' },
    /** The territory whose rules the lead matched when it was last assigned; null in the fallback queue. */
    territoryId: { type: 'integer', nullable: true },
    /** Kept by its owner: realignment leaves it alone. */
    ownerLocked: { type: 'boolean', default: false },
    /**
     * Campaign attribution: the last campaign that touched the lead before it was created or qualified (the
     * "campaign source" users see and may set), and the first. No foreign keys: a campaign that has reached
     * anyone is never deleted, only cancelled (campaigns.service.ts), and adding one would rebuild the table.
     */
    campaignId: { type: 'integer', nullable: true },
    firstTouchCampaignId: { type: 'integer', nullable: true },
    score: { type: 'integer', default: 0 },
    /** JSON [{rule, points}] explaining the score. */
    scoreReasons: { type: 'text', default: '[]' },
    lastTouchAt: { type: 'datetime', nullable: true },
    convertedAt: { type: 'datetime', nullable: true },
    convertedAccountId: { type: 'integer', nullable: true },
    convertedContactId: { type: 'integer', nullable: true },
    convertedOpportunityId: { type: 'integer', nullable: true },
  },
  relations: {
    ...recordRelations,
    owner: { type: 'many-to-one', target: 'User', joinColumn: { name: 'owner_id' }, onDelete: 'RESTRICT' },
    territory: { type: 'many-to-one', target: 'Territory', joinColumn: { name: 'territory_id' }, onDelete: 'SET NULL', nullable: true },
    convertedAccount: { type: 'many-to-one', target: 'Account', joinColumn: { name: 'converted_account_id' }, onDelete: 'SET NULL', nullable: true },
    convertedContact: { type: 'many-to-one', target: 'Contact', joinColumn: { name: 'converted_contact_id' }, onDelete: 'SET NULL', nullable: true },
    convertedOpportunity: {
      type: 'many-to-one',
      target: 'Opportunity',
      joinColumn: { name: 'converted_opportunity_id' },
      onDelete: 'SET NULL',
      nullable: true,
    },
  },
  indices: [
    { columns: ['ownerId'] },
    { columns: ['territoryId'] },
    { columns: ['status'] },
    { columns: ['emailNormalized'] },
    { columns: ['phoneE164'] },
    { columns: ['sortName', 'id', 'deletedAt'], where: '"deleted_at" IS NULL' },
    // The campaign ROI report counts leads per campaign, by first and by last touch.
    { columns: ['campaignId'], where: '"campaign_id" IS NOT NULL' },
    { columns: ['firstTouchCampaignId'], where: '"first_touch_campaign_id" IS NOT NULL' },
  ],
});
