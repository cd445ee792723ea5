import type { z } from 'zod';
import type { Activity, ActivityInput, ActivityPatch, Attendee } from '../../../../shared/contract/activities';
import { Sql } from '../../db/sql';
import { META_NAMES, metaFromRow, metaJoins } from '../records/record-meta';
import type { ColumnValues } from '../records/record-store';

export type ParsedActivityInput = z.output<typeof ActivityInput>;
export type ParsedActivityPatch = z.output<typeof ActivityPatch>;

/** Contract field → stored column, for the plain one-to-one fields. */
export const FIELD_COLUMNS = {
  subject: 'subject',
  body: 'body',
  ownerId: 'owner_id',
  remindAt: 'remind_at',
  leadId: 'lead_id',
  contactId: 'contact_id',
  accountId: 'account_id',
  opportunityId: 'opportunity_id',
  dueAt: 'due_at',
  priority: 'priority',
  status: 'status',
  direction: 'direction',
  outcome: 'outcome',
  durationMinutes: 'duration_minutes',
  startsAt: 'starts_at',
  endsAt: 'ends_at',
  location: 'location',
} as const;

export type ColumnField = keyof typeof FIELD_COLUMNS;

/** Only the fields present; undefined means "not sent". */
export function activityColumns(fields: Partial<Record<ColumnField, string | number | null | undefined>>): ColumnValues {
  const c: ColumnValues = {};
  for (const [field, column] of Object.entries(FIELD_COLUMNS) as [ColumnField, string][]) {
    const v = fields[field];
    if (v !== undefined) c[column] = v;
  }
  return c;
}

export const ACTIVITY_SELECT = `
  SELECT act.*, ${META_NAMES},
         concat_ws(' ', ld.first_name, ld.last_name) AS lead_name,
         concat_ws(' ', ct.first_name, ct.last_name) AS contact_name,
         ac.name AS account_name,
         op.name AS opportunity_name
    FROM activities act
    LEFT JOIN leads ld ON ld.id = act.lead_id
    LEFT JOIN contacts ct ON ct.id = act.contact_id
    LEFT JOIN accounts ac ON ac.id = act.account_id
    LEFT JOIN opportunities op ON op.id = act.opportunity_id
    ${metaJoins('act')}`;

const ref = (id: unknown, name: unknown) => (typeof id === 'number' ? { id, name: typeof name === 'string' && name ? name : `#${id}` } : null);

export function activityFromRow(r: Record<string, any>, attendees: Attendee[]): Activity {
  return {
    ...metaFromRow(r),
    type: r.type,
    subject: r.subject,
    body: r.body,
    lead: ref(r.lead_id, r.lead_name),
    contact: ref(r.contact_id, r.contact_name),
    account: ref(r.account_id, r.account_name),
    opportunity: ref(r.opportunity_id, r.opportunity_name),
    dueAt: r.due_at,
    priority: r.priority,
    status: r.status,
    completedAt: r.completed_at,
    direction: r.direction,
    outcome: r.outcome,
    durationMinutes: r.duration_minutes,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    location: r.location,
    remindAt: r.remind_at,
    remindedAt: r.reminded_at,
    attendees,
  };
}

export async function attendeesOf(sql: Sql, ids: number[]): Promise<Map<number, Attendee[]>> {
  const out = new Map<number, Attendee[]>(ids.map((id) => [id, []]));
  if (!ids.length) return out;
  const rows = await sql.all<{ activity_id: number; contact_id: number | null; user_id: number | null; name: string; email: string | null }>(
    `SELECT at.activity_id, at.contact_id, at.user_id,
            CASE WHEN at.contact_id IS NOT NULL THEN concat_ws(' ', c.first_name, c.last_name) ELSE u.name END AS name,
            CASE WHEN at.contact_id IS NOT NULL THEN c.email ELSE u.email END AS email
       FROM activity_attendees at
       LEFT JOIN contacts c ON c.id = at.contact_id
       LEFT JOIN users u ON u.id = at.user_id
      WHERE at.activity_id IN (${ids.map(() => '?').join(', ')})
      ORDER BY at.activity_id, at.id`,
    ids,
  );
  for (const r of rows) {
    out.get(r.activity_id)?.push(
      r.contact_id !== null
        ? { kind: 'contact', id: r.contact_id, name: r.name, email: r.email }
        : { kind: 'user', id: r.user_id!, name: r.name, email: r.email },
    );
  }
  return out;
}

/** Activities matching a WHERE over alias `act`, in the given order, with attendees. */
export async function loadActivities(sql: Sql, where: string, params: unknown[], orderBy: string, limit = 1000): Promise<Activity[]> {
  const rows = await sql.all<Record<string, any>>(`${ACTIVITY_SELECT} WHERE ${where} ORDER BY ${orderBy} LIMIT ?`, [...params, limit]);
  const attendees = await attendeesOf(
    sql,
    rows.map((r) => r.id as number),
  );
  return rows.map((r) => activityFromRow(r, attendees.get(r.id) ?? []));
}
