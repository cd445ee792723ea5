import { z } from 'zod';
import {
  CALL_DIRECTIONS,
  CALL_OUTCOMES,
  TASK_PRIORITIES,
  TASK_STATUSES,
  type Activity,
  type ActivityInput,
  type ActivityPatch,
  type ActivityType,
  type LinkedEntity,
} from '../../../../shared/contract/activities';
import { Id } from '../../../../shared/contract/common';
import { fromLocalInput, nextHourSlot, toLocalInput, todayAt } from './activityTime';

/** A datetime-local value ("2026-11-22T14:30") or '' for none. */
const localTime = z.string().regex(/^$|^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/, 'Not a date and time');

const FormAttendee = z.object({ kind: z.enum(['contact', 'user']), id: Id, name: z.string() });
export type FormAttendee = z.infer<typeof FormAttendee>;

/**
 * What the activity form edits: every type's fields, times as local input
 * values. The type decides which fields are shown and sent.
 */
export const ActivityFormSchema = z
  .object({
    type: z.enum(['task', 'call', 'meeting', 'note']),
    subject: z
      .string()
      .transform((s) => s.trim())
      .pipe(z.string().min(1, 'Subject is required').max(300, 'At most 300 characters')),
    body: z.string().max(20_000, 'At most 20,000 characters'),
    remindAt: localTime,
    dueAt: localTime,
    priority: z.enum(TASK_PRIORITIES),
    status: z.enum(TASK_STATUSES),
    direction: z.enum(CALL_DIRECTIONS),
    outcome: z.union([z.enum(CALL_OUTCOMES), z.literal('')]),
    durationMinutes: z.number({ error: 'Whole minutes' }).int('Whole minutes').min(0, 'At least 0 minutes').max(1440, 'At most 24 hours').nullable(),
    startsAt: localTime,
    endsAt: localTime,
    location: z.string().max(300, 'At most 300 characters'),
    attendees: z.array(FormAttendee).max(200, 'At most 200 attendees'),
  })
  .superRefine((v, ctx) => {
    if (v.type !== 'meeting') return;
    if (!v.startsAt) ctx.addIssue({ code: 'custom', path: ['startsAt'], message: 'Start is required' });
    if (!v.endsAt) ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'End is required' });
    if (v.startsAt && v.endsAt && !(new Date(v.startsAt) < new Date(v.endsAt))) {
      ctx.addIssue({ code: 'custom', path: ['endsAt'], message: 'A meeting must end after it starts' });
    }
  });

export type ActivityFormValues = z.input<typeof ActivityFormSchema>;
export type ActivityFormOutput = z.output<typeof ActivityFormSchema>;

export const ACTIVITY_FIELD_NAMES = [
  'subject',
  'body',
  'remindAt',
  'dueAt',
  'priority',
  'status',
  'direction',
  'outcome',
  'durationMinutes',
  'startsAt',
  'endsAt',
  'location',
  'attendees',
] as const;
type FormField = (typeof ACTIVITY_FIELD_NAMES)[number];

/** The form fields each type shows and sends, besides subject and body. */
export const TYPE_FORM_FIELDS: Record<ActivityType, readonly FormField[]> = {
  task: ['dueAt', 'priority', 'status', 'remindAt'],
  call: ['direction', 'outcome', 'durationMinutes', 'startsAt'],
  meeting: ['startsAt', 'endsAt', 'location', 'attendees', 'remindAt'],
  note: [],
};

const EMPTY: Omit<ActivityFormValues, 'type'> = {
  subject: '',
  body: '',
  remindAt: '',
  dueAt: '',
  priority: 'normal',
  status: 'open',
  direction: 'outbound',
  outcome: '',
  durationMinutes: null,
  startsAt: '',
  endsAt: '',
  location: '',
  attendees: [],
};

/** A new activity's form: a task is due today at 17:00, a meeting takes the next full hour. */
export function newActivityFormValues(type: ActivityType): ActivityFormValues {
  const slot = nextHourSlot();
  return {
    ...EMPTY,
    type,
    dueAt: type === 'task' ? todayAt(17) : '',
    startsAt: type === 'meeting' ? slot.start : '',
    endsAt: type === 'meeting' ? slot.end : '',
  };
}

/** The form of a loaded activity. */
export function activityFormValues(a: Activity): ActivityFormValues {
  return {
    type: a.type,
    subject: a.subject,
    body: a.body ?? '',
    remindAt: toLocalInput(a.remindAt),
    dueAt: toLocalInput(a.dueAt),
    priority: a.priority ?? 'normal',
    status: a.status ?? 'open',
    direction: a.direction ?? 'outbound',
    outcome: a.outcome ?? '',
    durationMinutes: a.durationMinutes,
    startsAt: toLocalInput(a.startsAt),
    endsAt: toLocalInput(a.endsAt),
    location: a.location ?? '',
    attendees: a.attendees.map((p) => ({ kind: p.kind, id: p.id, name: p.name })),
  };
}

/** One form field as the contract wants it. */
function convert(field: FormField, v: ActivityFormOutput): unknown {
  switch (field) {
    case 'remindAt':
    case 'dueAt':
    case 'startsAt':
    case 'endsAt':
      return fromLocalInput(v[field]);
    case 'outcome':
      return v.outcome === '' ? null : v.outcome;
    case 'attendees':
      return v.attendees.map((p) => (p.kind === 'contact' ? { contactId: p.id } : { userId: p.id }));
    default:
      return v[field];
  }
}

/** A new activity linked to one record. */
export function toActivityInput(v: ActivityFormOutput, entity: LinkedEntity, id: number): ActivityInput {
  const input: Record<string, unknown> = { type: v.type, subject: v.subject, body: v.body, [`${entity}Id`]: id };
  for (const field of TYPE_FORM_FIELDS[v.type]) input[field] = convert(field, v);
  // A call without a time took place now (the server's default).
  if (v.type === 'call' && input.startsAt === null) delete input.startsAt;
  return input as ActivityInput;
}

/** The changed fields that belong to the activity's type, for activities.update. */
export function toActivityPatch(v: ActivityFormOutput, changed: Partial<ActivityFormOutput>): ActivityPatch {
  const allowed = new Set<FormField>(['subject', 'body', ...TYPE_FORM_FIELDS[v.type]]);
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(changed) as FormField[]) {
    if (!allowed.has(key)) continue;
    const value = convert(key, v);
    // A call's time cannot be unset; leaving it empty keeps it.
    if (v.type === 'call' && key === 'startsAt' && value === null) continue;
    patch[key] = value;
  }
  return patch as ActivityPatch;
}
