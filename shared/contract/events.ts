import { z } from 'zod';
import { Id } from './common';

/** Main → renderer notifications, one typed channel. */
export const events = {
  'record.changed': z.object({
    entity: z.enum(['account', 'contact']),
    id: Id,
    action: z.enum(['create', 'update', 'delete', 'restore']),
  }),
  progress: z.object({
    taskId: z.string(),
    label: z.string(),
    done: z.number().int().min(0),
    total: z.number().int().min(0).nullable(),
    finished: z.boolean(),
  }),
};

export type EventName = keyof typeof events;
export type EventPayload<E extends EventName> = z.infer<(typeof events)[E]>;
export const EVENT_NAMES = Object.keys(events) as EventName[];
