import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import {
  OPEN_TASK_STATUSES,
  type Activity,
  type ActivityType,
  type AttendeeInput,
  type CalendarItem,
  type ForRecordInput,
  type LinkedEntity,
  type MyDay,
} from '../../../../shared/contract/activities';
import { CrmError, type ErrorIssue } from '../../../../shared/errors';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { writeAudit } from '../audit/audit.service';
import { assertLive, insertRecord, restoreRecord, softDelete, updateRecord, type RecordTable } from '../records/record-store';
import { activityColumns, loadActivities, type ColumnField, type ParsedActivityInput, type ParsedActivityPatch } from './activity.mapper';
import { buildCalendar, type IcsEvent } from './ics';
import { dayRange } from './time-zone';

const TABLE: RecordTable = { table: 'activities', entity: 'activity', noun: 'activity', derived: ['completed_at', 'reminded_at'] };

const COMMON_FIELDS = ['subject', 'body', 'ownerId', 'remindAt', 'leadId', 'contactId', 'accountId', 'opportunityId'] as const;
/** The fields each type may carry besides the common ones. */
const TYPE_FIELDS: Record<ActivityType, readonly string[]> = {
  task: ['dueAt', 'priority', 'status'],
  call: ['direction', 'outcome', 'durationMinutes', 'startsAt'],
  meeting: ['startsAt', 'endsAt', 'location', 'attendees'],
  note: [],
};

const LINKS = [
  { field: 'leadId', column: 'lead_id', table: 'leads', label: 'Lead' },
  { field: 'contactId', column: 'contact_id', table: 'contacts', label: 'Contact' },
  { field: 'accountId', column: 'account_id', table: 'accounts', label: 'Account' },
  { field: 'opportunityId', column: 'opportunity_id', table: 'opportunities', label: 'Opportunity' },
] as const;

export const LINK_COLUMN: Record<LinkedEntity, string> = { lead: 'lead_id', contact: 'contact_id', account: 'account_id', opportunity: 'opportunity_id' };

const OPEN_TASK = `act.type = 'task' AND act.status IN (${OPEN_TASK_STATUSES.map((s) => `'${s}'`).join(', ')})`;
/** Meetings a user owns or attends. */
const MEETING_OF_USER = `act.type = 'meeting' AND (act.owner_id = ? OR EXISTS (SELECT 1 FROM activity_attendees x WHERE x.activity_id = act.id AND x.user_id = ?))`;

function invalid(path: string, message: string): CrmError {
  return new CrmError('validation', message, [{ path, message }]);
}

const attendeeKey = (a: AttendeeInput) => ('contactId' in a ? `contact:${a.contactId}` : `user:${a.userId}`);

export interface CalendarRange {
  from: string;
  to: string;
  ownerId?: number | undefined;
}

export class ActivitiesService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async get(id: number, em?: EntityManager): Promise<Activity> {
    const [activity] = await loadActivities(em ? new Sql(em) : this.sql, 'act.id = ?', [id], 'act.id');
    if (!activity) throw new CrmError('not_found', `There is no activity with id ${id}.`);
    return activity;
  }

  async create(em: EntityManager, input: ParsedActivityInput, ctx: CallContext): Promise<Activity> {
    const ownerId = input.ownerId ?? ctx.userId;
    await assertLive(em, 'users', ownerId, 'ownerId', 'Owner');
    await this.checkLinks(em, input.type, input, '');
    const fields: Partial<Record<ColumnField, string | number | null>> = { ...input, ownerId } as never;
    const extra: Record<string, string | number | null> = { type: input.type };
    if (input.type === 'call') fields.startsAt = input.startsAt ?? ctx.now();
    if (input.type === 'meeting') this.checkSpan(input.startsAt, input.endsAt, 'endsAt');
    if (input.type === 'task' && input.status === 'done') extra.completed_at = ctx.now();
    const attendees = input.type === 'meeting' ? await this.checkAttendees(em, input.attendees, 'attendees') : [];
    const id = await insertRecord(em, TABLE, { ...extra, ...activityColumns(fields) }, ctx);
    await this.writeAttendees(em, id, attendees);
    return this.get(id, em);
  }

  async update(em: EntityManager, id: number, version: number, patch: ParsedActivityPatch, ctx: CallContext): Promise<Activity> {
    const sql = new Sql(em);
    const current = await sql.get<Record<string, any>>(`SELECT * FROM activities WHERE id = ? AND deleted_at IS NULL`, [id]);
    if (!current) throw new CrmError('not_found', 'This activity no longer exists (it may have been deleted).');
    const type = current.type as ActivityType;
    const allowed = new Set<string>([...COMMON_FIELDS, ...TYPE_FIELDS[type]]);
    const wrong: ErrorIssue[] = Object.keys(patch)
      .filter((k) => !allowed.has(k))
      .map((k) => ({ path: `patch.${k}`, message: `A ${type} has no ${k}` }));
    if (wrong.length) throw new CrmError('validation', wrong[0]!.message, wrong);

    if (patch.ownerId !== undefined) await assertLive(em, 'users', patch.ownerId, 'patch.ownerId', 'Owner');
    const merged = Object.fromEntries(LINKS.map((l) => [l.field, patch[l.field] !== undefined ? patch[l.field] : current[l.column]])) as Record<
      (typeof LINKS)[number]['field'],
      number | null
    >;
    await this.checkLinks(em, type, merged, 'patch.', patch);
    if (type === 'meeting') this.checkSpan(patch.startsAt ?? current.starts_at, patch.endsAt ?? current.ends_at, patch.endsAt ? 'patch.endsAt' : 'patch.startsAt');

    const values = activityColumns(patch as Partial<Record<ColumnField, string | number | null>>);
    if (patch.status !== undefined) values.completed_at = patch.status === 'done' ? (current.completed_at ?? ctx.now()) : null;
    // A new reminder time is a new reminder: it fires again.
    if (patch.remindAt !== undefined && patch.remindAt !== current.remind_at) values.reminded_at = null;
    const { changed } = await updateRecord(em, TABLE, id, version, values, ctx);

    if (patch.attendees !== undefined) {
      const next = await this.checkAttendees(em, patch.attendees, 'patch.attendees');
      const before = (
        await sql.all<{ contact_id: number | null; user_id: number | null }>(`SELECT contact_id, user_id FROM activity_attendees WHERE activity_id = ? ORDER BY id`, [id])
      ).map((r) => (r.contact_id !== null ? `contact:${r.contact_id}` : `user:${r.user_id}`));
      const after = next.map(attendeeKey);
      if (before.join() !== after.join()) {
        await sql.run(`DELETE FROM activity_attendees WHERE activity_id = ?`, [id]);
        await this.writeAttendees(em, id, next);
        const now = ctx.now();
        // Attendees are rows of their own: the save still counts as one new version of the activity.
        if (!changed.length) {
          await sql.run(`UPDATE activities SET version = version + 1, updated_at = ?, updated_by_id = ? WHERE id = ?`, [now, ctx.userId, id]);
        }
        await writeAudit(em, { entity: 'activity', recordId: id, action: 'update', changes: { attendees: [before, after] }, userId: ctx.userId, at: now });
      }
    }
    return this.get(id, em);
  }

  async complete(em: EntityManager, id: number, version: number, ctx: CallContext): Promise<Activity> {
    const row = await new Sql(em).get<{ type: ActivityType; completed_at: string | null }>(
      `SELECT type, completed_at FROM activities WHERE id = ? AND deleted_at IS NULL`,
      [id],
    );
    if (!row) throw new CrmError('not_found', 'This activity no longer exists (it may have been deleted).');
    if (row.type !== 'task') throw invalid('id', `Only tasks are completed; this is a ${row.type}.`);
    await updateRecord(em, TABLE, id, version, { status: 'done', completed_at: row.completed_at ?? ctx.now() }, ctx);
    return this.get(id, em);
  }

  delete(em: EntityManager, id: number, ctx: CallContext) {
    return softDelete(em, TABLE, id, ctx);
  }

  async restore(em: EntityManager, id: number, ctx: CallContext): Promise<Activity> {
    await restoreRecord(em, TABLE, id, ctx);
    return this.get(id, em);
  }

  /** A record's live activities; for a contact also the meetings it attends. Newest first. */
  forRecord(q: z.output<typeof ForRecordInput>): Promise<Activity[]> {
    const where = ['act.deleted_at IS NULL'];
    const params: unknown[] = [];
    if (q.entity === 'contact') {
      where.push(`(act.contact_id = ? OR act.id IN (SELECT activity_id FROM activity_attendees WHERE contact_id = ?))`);
      params.push(q.id, q.id);
    } else {
      where.push(`act.${LINK_COLUMN[q.entity]} = ?`);
      params.push(q.id);
    }
    if (q.types) {
      where.push(`act.type IN (${q.types.map(() => '?').join(', ')})`);
      params.push(...q.types);
    }
    if (q.openOnly) where.push(`NOT (act.type = 'task' AND act.status IN ('done', 'cancelled'))`);
    return loadActivities(this.sql, where.join(' AND '), params, 'COALESCE(act.starts_at, act.due_at, act.created_at) DESC, act.id DESC', q.limit);
  }

  /** "Today" is the date in the user's time zone; overdue means due before that day began. */
  async myDay(date: string, timeZone: string, userId: number): Promise<MyDay> {
    const { from, to } = dayRange(date, timeZone);
    const overdue = await loadActivities(
      this.sql,
      `act.deleted_at IS NULL AND act.owner_id = ? AND ${OPEN_TASK} AND act.due_at < ?`,
      [userId, from],
      'act.due_at, act.id',
    );
    const tasks = await loadActivities(
      this.sql,
      `act.deleted_at IS NULL AND act.owner_id = ? AND act.type = 'task' AND act.status <> 'cancelled' AND act.due_at >= ? AND act.due_at < ?`,
      [userId, from, to],
      'act.due_at, act.id',
    );
    const meetings = await loadActivities(
      this.sql,
      `act.deleted_at IS NULL AND ${MEETING_OF_USER} AND act.starts_at < ? AND act.ends_at > ?`,
      [userId, userId, to, from],
      'act.starts_at, act.id',
    );
    return { date, timeZone, from, to, overdue, tasks, meetings };
  }

  private meetingsIn(r: CalendarRange, userId: number): Promise<Activity[]> {
    return loadActivities(
      this.sql,
      `act.deleted_at IS NULL AND ${MEETING_OF_USER} AND act.starts_at < ? AND act.ends_at > ?`,
      [userId, userId, r.to, r.from],
      'act.starts_at, act.id',
      5000,
    );
  }

  /** Meetings overlapping [from, to) that the user owns or attends, and the user's tasks due in it (not cancelled). */
  async calendarRange(r: CalendarRange, ctx: Pick<CallContext, 'userId'>): Promise<CalendarItem[]> {
    const userId = r.ownerId ?? ctx.userId;
    const meetings = await this.meetingsIn(r, userId);
    const tasks = await loadActivities(
      this.sql,
      `act.deleted_at IS NULL AND act.owner_id = ? AND act.type = 'task' AND act.status <> 'cancelled' AND act.due_at >= ? AND act.due_at < ?`,
      [userId, r.from, r.to],
      'act.due_at, act.id',
      5000,
    );
    const items: CalendarItem[] = [...meetings, ...tasks].map((a) => ({
      id: a.id,
      version: a.version,
      type: a.type === 'meeting' ? 'meeting' : 'task',
      subject: a.subject,
      start: (a.type === 'meeting' ? a.startsAt : a.dueAt)!,
      end: a.type === 'meeting' ? a.endsAt : null,
      location: a.location,
      status: a.status,
      priority: a.priority,
      owner: a.owner,
    }));
    return items.sort((x, y) => (x.start < y.start ? -1 : x.start > y.start ? 1 : x.id - y.id));
  }

  async exportMeeting(id: number, now: string): Promise<{ filename: string; content: string }> {
    const a = await this.get(id);
    if (a.deletedAt) throw new CrmError('not_found', `There is no activity with id ${id}.`);
    if (a.type !== 'meeting') throw invalid('id', `Only meetings can be exported to a calendar; this is a ${a.type}.`);
    const event = await this.icsEvent(a, now);
    return { filename: `${fileSlug(a.subject) || 'meeting'}.ics`, content: buildCalendar([event]) };
  }

  async exportRange(r: CalendarRange, ctx: Pick<CallContext, 'userId'>, now: string): Promise<{ filename: string; content: string }> {
    const meetings = await this.meetingsIn(r, r.ownerId ?? ctx.userId);
    const events: IcsEvent[] = [];
    for (const m of meetings) events.push(await this.icsEvent(m, now));
    const day = (iso: string) => iso.slice(0, 10).replace(/-/g, '');
    return { filename: `calendar-${day(r.from)}-${day(r.to)}.ics`, content: buildCalendar(events, 'Office CRM') };
  }

  private async icsEvent(a: Activity, now: string): Promise<IcsEvent> {
    const owner = await this.sql.get<{ name: string; email: string | null }>(`SELECT name, email FROM users WHERE id = ?`, [a.owner.id]);
    const about = [a.account?.name, a.contact?.name, a.opportunity?.name, a.lead?.name].filter(Boolean).join(' · ');
    return {
      uid: `activity-${a.id}@office-crm`,
      stamp: now,
      start: a.startsAt!,
      end: a.endsAt!,
      summary: a.subject,
      description: [a.body, about ? `Re: ${about}` : null].filter(Boolean).join('\n\n') || null,
      location: a.location,
      organizer: owner?.email ? { name: owner.name, email: owner.email } : null,
      attendees: a.attendees.filter((p) => p.email).map((p) => ({ name: p.name, email: p.email! })),
      sequence: a.version - 1,
      lastModified: a.updatedAt,
    };
  }

  private checkSpan(startsAt: string, endsAt: string, path: string): void {
    if (!(startsAt < endsAt)) throw invalid(path, 'A meeting must end after it starts');
  }

  /** Every link must exist; calls, meetings and notes need at least one (a task without one is personal). */
  private async checkLinks(
    em: EntityManager,
    type: ActivityType,
    links: Partial<Record<(typeof LINKS)[number]['field'], number | null>>,
    prefix: string,
    sent: Partial<Record<string, unknown>> = links,
  ): Promise<void> {
    for (const l of LINKS) {
      const id = links[l.field];
      // Only a newly sent link is checked: an existing link to a since-deleted record does not block other edits.
      if (id != null && sent[l.field] !== undefined) await assertLive(em, l.table, id, `${prefix}${l.field}`, l.label);
    }
    if (type !== 'task' && LINKS.every((l) => links[l.field] == null)) {
      throw invalid(`${prefix}contactId`, `A ${type} belongs to a lead, contact, account or opportunity: link at least one`);
    }
  }

  private async checkAttendees(em: EntityManager, attendees: AttendeeInput[], path: string): Promise<AttendeeInput[]> {
    const seen = new Set<string>();
    const out: AttendeeInput[] = [];
    for (const [i, a] of attendees.entries()) {
      const key = attendeeKey(a);
      if (seen.has(key)) continue;
      seen.add(key);
      if ('contactId' in a) await assertLive(em, 'contacts', a.contactId, `${path}.${i}.contactId`, 'Contact');
      else await assertLive(em, 'users', a.userId, `${path}.${i}.userId`, 'User');
      out.push(a);
    }
    return out;
  }

  private async writeAttendees(em: EntityManager, id: number, attendees: AttendeeInput[]): Promise<void> {
    const sql = new Sql(em);
    for (const a of attendees) {
      await sql.run(`INSERT INTO activity_attendees (activity_id, contact_id, user_id) VALUES (?, ?, ?)`, [
        id,
        'contactId' in a ? a.contactId : null,
        'userId' in a ? a.userId : null,
      ]);
    }
  }
}

/** A file name every OS accepts: letters, digits and dashes. */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
