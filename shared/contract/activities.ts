import { z } from 'zod';
import { DeleteResult, Id, IdInput, IsoDate, RecordMeta, Timestamp, UserRef, optionalText, requiredText } from './common';
import { method } from './define';

export const ACTIVITY_TYPES = ['task', 'call', 'meeting', 'note'] as const;
export const ActivityType = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityType>;

export const TASK_PRIORITIES = ['low', 'normal', 'high'] as const;
export const TASK_STATUSES = ['open', 'in_progress', 'done', 'cancelled'] as const;
/** Statuses of a task that still needs doing (overdue lists, "my day"). */
export const OPEN_TASK_STATUSES = ['open', 'in_progress'] as const;
export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
export const CALL_OUTCOMES = ['connected', 'left_voicemail', 'no_answer', 'busy', 'wrong_number', 'callback_requested'] as const;

/** The record kinds an activity can belong to. */
export const LinkedEntity = z.enum(['lead', 'contact', 'account', 'opportunity']);
export type LinkedEntity = z.infer<typeof LinkedEntity>;

/**
 * An instant as ISO-8601 UTC ("…Z"), normalised to milliseconds so that stored
 * values compare correctly as text ("09:00:00Z" and "09:00:00.000Z" are the same time).
 */
export const UtcTime = Timestamp.transform((s) => new Date(s).toISOString());
const optionalTime = UtcTime.nullable()
  .optional()
  .transform((v) => v ?? null);
const optionalId = Id.nullable()
  .optional()
  .transform((v) => v ?? null);

/** An IANA time zone name the runtime knows ("Europe/Berlin", "UTC"). */
export const TimeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Not a known time zone');

/** A meeting attendee: exactly one of a contact or a user. */
export const AttendeeInput = z.union([z.object({ contactId: Id }).strict(), z.object({ userId: Id }).strict()]);
export type AttendeeInput = z.infer<typeof AttendeeInput>;

const LinkFields = {
  leadId: optionalId,
  contactId: optionalId,
  accountId: optionalId,
  opportunityId: optionalId,
};

const CommonFields = {
  subject: requiredText(300, 'Subject'),
  body: optionalText(20_000),
  /** Defaults to the current user on create. */
  ownerId: Id.optional(),
  /** When to remind the owner (UTC); null for no reminder. */
  remindAt: optionalTime,
  ...LinkFields,
};

const TaskFields = {
  dueAt: optionalTime,
  priority: z.enum(TASK_PRIORITIES),
  status: z.enum(TASK_STATUSES),
};

const CallFields = {
  direction: z.enum(CALL_DIRECTIONS),
  outcome: z
    .union([z.enum(CALL_OUTCOMES), z.null()])
    .optional()
    .transform((v) => v ?? null),
  durationMinutes: z
    .number()
    .int('Whole minutes')
    .min(0, 'A call cannot last less than 0 minutes')
    .max(24 * 60, 'At most 24 hours')
    .nullable()
    .optional()
    .transform((v) => v ?? null),
  /** When the call took place; defaults to now. */
  startsAt: optionalTime,
};

const MeetingFields = {
  startsAt: UtcTime,
  endsAt: UtcTime,
  location: optionalText(300),
  attendees: z.array(AttendeeInput).max(200, 'At most 200 attendees'),
};

/**
 * Links: calls, meetings and notes belong to at least one lead, contact,
 * account or opportunity; a task without any link is a personal to-do.
 */
export const ActivityInput = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('task'),
      ...CommonFields,
      ...TaskFields,
      priority: TaskFields.priority.default('normal'),
      status: TaskFields.status.default('open'),
    })
    .strict(),
  z.object({ type: z.literal('call'), ...CommonFields, ...CallFields }).strict(),
  z.object({ type: z.literal('meeting'), ...CommonFields, ...MeetingFields, attendees: MeetingFields.attendees.default([]) }).strict(),
  z.object({ type: z.literal('note'), ...CommonFields }).strict(),
]);
export type ActivityInput = z.input<typeof ActivityInput>;

/**
 * Every editable field; the type never changes. A field that does not belong
 * to the activity's type (a location on a task) is refused by the service.
 */
export const ActivityPatch = z
  .object({ ...CommonFields, ...TaskFields, ...CallFields, ...MeetingFields })
  .partial()
  .strict();
export type ActivityPatch = z.input<typeof ActivityPatch>;

const NamedRef = z.object({ id: Id, name: z.string() });

export const Attendee = z.object({
  kind: z.enum(['contact', 'user']),
  id: Id,
  name: z.string(),
  email: z.string().nullable(),
});
export type Attendee = z.infer<typeof Attendee>;

export const Activity = z.object({
  ...RecordMeta,
  type: ActivityType,
  subject: z.string(),
  body: z.string().nullable(),
  owner: UserRef,
  lead: NamedRef.nullable(),
  contact: NamedRef.nullable(),
  account: NamedRef.nullable(),
  opportunity: NamedRef.nullable(),
  dueAt: Timestamp.nullable(),
  priority: z.enum(TASK_PRIORITIES).nullable(),
  status: z.enum(TASK_STATUSES).nullable(),
  completedAt: Timestamp.nullable(),
  direction: z.enum(CALL_DIRECTIONS).nullable(),
  outcome: z.enum(CALL_OUTCOMES).nullable(),
  durationMinutes: z.number().int().nullable(),
  startsAt: Timestamp.nullable(),
  endsAt: Timestamp.nullable(),
  location: z.string().nullable(),
  remindAt: Timestamp.nullable(),
  remindedAt: Timestamp.nullable(),
  attendees: z.array(Attendee),
});
export type Activity = z.infer<typeof Activity>;

export const RecordRef = z.object({ entity: LinkedEntity, id: Id }).strict();

export const ForRecordInput = z
  .object({
    entity: LinkedEntity,
    id: Id,
    types: z.array(ActivityType).min(1).max(4).optional(),
    /** Leave out done and cancelled tasks. */
    openOnly: z.boolean().default(false),
    limit: z.number().int().min(1).max(500).default(200),
  })
  .strict();

export const MyDayInput = z.object({ date: IsoDate, timeZone: TimeZone }).strict();

export const MyDay = z.object({
  date: z.string(),
  timeZone: z.string(),
  /** Start and end of the day in the time zone, as UTC instants [from, to). */
  from: Timestamp,
  to: Timestamp,
  /** Open tasks due before the day starts, oldest first. */
  overdue: z.array(Activity),
  /** Tasks due during the day (done ones too, cancelled ones not), by due time. */
  tasks: z.array(Activity),
  /** Meetings that overlap the day, owned or attended, by start. */
  meetings: z.array(Activity),
});
export type MyDay = z.infer<typeof MyDay>;

/** At most a little over a quarter: a month view with its leading and trailing weeks fits easily. */
export const MAX_RANGE_DAYS = 100;

const RangeInput = z
  .object({
    from: UtcTime,
    to: UtcTime,
    /** Whose calendar; defaults to the current user (meetings owned or attended, tasks owned). */
    ownerId: Id.optional(),
  })
  .strict()
  .refine((r) => r.from < r.to, { message: 'The range must end after it starts', path: ['to'] })
  .refine((r) => Date.parse(r.to) - Date.parse(r.from) <= MAX_RANGE_DAYS * 86_400_000, {
    message: `A range spans at most ${MAX_RANGE_DAYS} days`,
    path: ['to'],
  });

export const CalendarItem = z.object({
  id: Id,
  version: z.number().int(),
  type: z.enum(['task', 'meeting']),
  subject: z.string(),
  /** Meetings: start; tasks: due time. */
  start: Timestamp,
  /** Meetings: end; tasks: null. */
  end: Timestamp.nullable(),
  location: z.string().nullable(),
  status: z.enum(TASK_STATUSES).nullable(),
  priority: z.enum(TASK_PRIORITIES).nullable(),
  owner: UserRef,
});
export type CalendarItem = z.infer<typeof CalendarItem>;

export const IcsFile = z.object({ filename: z.string(), content: z.string() });

export const TIMELINE_KINDS = ['activity', 'note', 'stage_change', 'field_change'] as const;
export const TimelineKind = z.enum(TIMELINE_KINDS);
export type TimelineKind = z.infer<typeof TimelineKind>;

export const TimelineInput = z
  .object({
    entity: LinkedEntity,
    id: Id,
    kinds: z.array(TimelineKind).min(1).max(TIMELINE_KINDS.length).optional(),
    limit: z.number().int().min(1).max(200).default(50),
    /** The `nextBefore` of the previous page. */
    before: z
      .string()
      .max(100)
      .regex(/^\d{4}-\d\d-\d\dT[\d:.]+Z\|\d\|\d{1,16}$/, 'Not a timeline cursor')
      .optional(),
  })
  .strict();

export const TimelineItem = z.object({
  /** Unique within a timeline: "activity:12", "stage:3", "audit:40". */
  key: z.string(),
  kind: TimelineKind,
  at: Timestamp,
  who: UserRef.nullable(),
  title: z.string(),
  details: z.string().nullable(),
  /** kind activity or note. */
  activity: z
    .object({ id: Id, type: ActivityType, status: z.enum(TASK_STATUSES).nullable(), dueAt: Timestamp.nullable(), startsAt: Timestamp.nullable() })
    .nullable(),
  /** kind stage_change. */
  stage: z.object({ opportunity: NamedRef, from: z.string().nullable(), to: z.string() }).nullable(),
  /** kind field_change: the audit entry's action and field → old/new. */
  change: z
    .object({
      entity: z.string(),
      action: z.enum(['create', 'update', 'delete', 'restore']),
      fields: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
    })
    .nullable(),
});
export type TimelineItem = z.infer<typeof TimelineItem>;

export const TimelinePage = z.object({ items: z.array(TimelineItem), nextBefore: z.string().nullable() });
export type TimelinePage = z.infer<typeof TimelinePage>;

export const activitiesContract = {
  'activities.create': method({ summary: 'Log a call or note, or plan a task or meeting', writes: true, input: ActivityInput, output: Activity }),
  'activities.get': method({ summary: 'One activity with its links and attendees', writes: false, input: IdInput, output: Activity }),
  'activities.update': method({
    summary: 'Change fields of an activity; refused when the version is stale',
    writes: true,
    input: z.object({ id: Id, version: z.number().int().positive(), patch: ActivityPatch }).strict(),
    output: Activity,
  }),
  'activities.delete': method({ summary: 'Move an activity to the recycle bin', writes: true, input: IdInput, output: DeleteResult }),
  'activities.restore': method({ summary: 'Bring an activity back from the recycle bin', writes: true, input: IdInput, output: Activity }),
  'activities.complete': method({
    summary: 'Mark a task done',
    writes: true,
    input: z.object({ id: Id, version: z.number().int().positive() }).strict(),
    output: Activity,
  }),
  'activities.forRecord': method({
    summary: 'The activities of a lead, contact (also those it attends), account or opportunity, newest first',
    writes: false,
    input: ForRecordInput,
    output: z.array(Activity),
  }),
  'activities.myDay': method({
    summary: "The current user's overdue tasks and the day's tasks and meetings, in a time zone",
    writes: false,
    input: MyDayInput,
    output: MyDay,
  }),
  'activities.exportIcs': method({ summary: 'One meeting as an iCalendar file', writes: false, input: IdInput, output: IcsFile }),
  'calendar.range': method({
    summary: 'Meetings overlapping a range and tasks due in it, for week and month views',
    writes: false,
    input: RangeInput,
    output: z.array(CalendarItem),
  }),
  'calendar.exportIcs': method({ summary: 'The meetings of a range as an iCalendar file', writes: false, input: RangeInput, output: IcsFile }),
  'timeline.forRecord': method({
    summary: 'Activities, notes, stage changes and field changes of a record, newest first, paged',
    writes: false,
    input: TimelineInput,
    output: TimelinePage,
  }),
};
