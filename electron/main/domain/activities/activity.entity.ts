import { EntitySchema } from 'typeorm';
import type { StoredRow } from '../../db/record-columns';
import { recordColumns, recordRelations } from '../../db/record-columns';

/**
 * Tasks, calls, meetings and notes. One nullable foreign key per record type
 * it can belong to, so links keep referential integrity and a lead's
 * activities can move to what the lead became.
 */
export const ActivityEntity = new EntitySchema<StoredRow>({
  name: 'Activity',
  tableName: 'activities',
  columns: {
    ...recordColumns,
    /** 'task', 'call', 'meeting' or 'note'. */
    type: { type: 'varchar', length: 10 },
    subject: { type: 'varchar', length: 300 },
    body: { type: 'text', nullable: true },
    /** Tasks: when it is due (UTC). */
    dueAt: { type: 'datetime', nullable: true },
    /** Tasks: 'low', 'normal', 'high'. */
    priority: { type: 'varchar', length: 10, nullable: true },
    /** Tasks: 'open', 'in_progress', 'done', 'cancelled'. */
    status: { type: 'varchar', length: 20, nullable: true },
    completedAt: { type: 'datetime', nullable: true },
    /** Calls: 'inbound' or 'outbound'. */
    direction: { type: 'varchar', length: 10, nullable: true },
    outcome: { type: 'varchar', length: 30, nullable: true },
    durationMinutes: { type: 'integer', nullable: true },
    /** Meetings (and logged calls): start and end (UTC). */
    startsAt: { type: 'datetime', nullable: true },
    endsAt: { type: 'datetime', nullable: true },
    location: { type: 'varchar', length: 300, nullable: true },
    /** When to remind the owner; the reminder scheduler sets remindedAt once it fired. */
    remindAt: { type: 'datetime', nullable: true },
    remindedAt: { type: 'datetime', nullable: true },
    ownerId: { type: 'integer' },
    leadId: { type: 'integer', nullable: true },
    contactId: { type: 'integer', nullable: true },
    accountId: { type: 'integer', nullable: true },
    opportunityId: { type: 'integer', nullable: true },
  },
  relations: {
    ...recordRelations,
    owner: { type: 'many-to-one', target: 'User', joinColumn: { name: 'owner_id' }, onDelete: 'RESTRICT' },
    lead: { type: 'many-to-one', target: 'Lead', joinColumn: { name: 'lead_id' }, onDelete: 'SET NULL', nullable: true },
    contact: { type: 'many-to-one', target: 'Contact', joinColumn: { name: 'contact_id' }, onDelete: 'SET NULL', nullable: true },
    account: { type: 'many-to-one', target: 'Account', joinColumn: { name: 'account_id' }, onDelete: 'SET NULL', nullable: true },
    opportunity: { type: 'many-to-one', target: 'Opportunity', joinColumn: { name: 'opportunity_id' }, onDelete: 'SET NULL', nullable: true },
  },
  indices: [
    { columns: ['leadId'] },
    { columns: ['contactId'] },
    { columns: ['accountId'] },
    { columns: ['opportunityId'] },
    { columns: ['ownerId', 'dueAt'] },
    { columns: ['ownerId', 'startsAt'] },
    // The reminder scheduler's next-due lookup.
    { columns: ['remindAt'], where: '"reminded_at" IS NULL AND "remind_at" IS NOT NULL' },
    // Segments' "last activity" of contacts: every time a touch is computed from, read from the index alone.
    { columns: ['contactId', 'deletedAt', 'completedAt', 'endsAt', 'startsAt', 'createdAt'], where: '"contact_id" IS NOT NULL' },
  ],
});

export const ActivityAttendeeEntity = new EntitySchema<StoredRow>({
  name: 'ActivityAttendee',
  tableName: 'activity_attendees',
  columns: {
    id: { type: 'integer', primary: true, generated: 'increment' },
    activityId: { type: 'integer' },
    contactId: { type: 'integer', nullable: true },
    userId: { type: 'integer', nullable: true },
  },
  relations: {
    activity: { type: 'many-to-one', target: 'Activity', joinColumn: { name: 'activity_id' }, onDelete: 'CASCADE' },
    contact: { type: 'many-to-one', target: 'Contact', joinColumn: { name: 'contact_id' }, onDelete: 'CASCADE', nullable: true },
    user: { type: 'many-to-one', target: 'User', joinColumn: { name: 'user_id' }, onDelete: 'CASCADE', nullable: true },
  },
  indices: [{ columns: ['activityId'] }, { columns: ['contactId'] }],
});
