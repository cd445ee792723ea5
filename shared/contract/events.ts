import { z } from 'zod';
import { Id } from './common';
import { JobGroupCounts } from './jobs';

/** Main → renderer notifications, one typed channel. */
export const events = {
  'record.changed': z.object({
    entity: z.enum(['account', 'contact', 'lead', 'opportunity', 'activity', 'product', 'quote']),
    id: Id,
    action: z.enum(['create', 'update', 'delete', 'restore']),
  }),
  /** A bulk change (a territory move, an import) touched many records at once (one event, not one per record). */
  'records.reassigned': z.object({ entities: z.array(z.enum(['account', 'contact', 'lead', 'opportunity', 'product'])).min(1) }),
  /** A reminder of an activity is due (the scheduler fires each once, also after a restart). */
  'reminder.due': z.object({
    activityId: Id,
    type: z.enum(['task', 'call', 'meeting', 'note']),
    subject: z.string(),
    /** When the reminder was set for (ISO, UTC). */
    remindAt: z.string(),
    /** When the task is due or the meeting starts, if any (ISO, UTC). */
    at: z.string().nullable(),
  }),
  progress: z.object({
    taskId: z.string(),
    label: z.string(),
    done: z.number().int().min(0),
    total: z.number().int().min(0).nullable(),
    finished: z.boolean(),
  }),
  /** A group of background jobs moved on (a campaign's sends): done (sent), failed, remaining; throttled per group. */
  'jobs.progress': JobGroupCounts,
};

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
