import type { DataSource } from 'typeorm';
import { ActivitiesService } from './activities.service';
import { ReminderScheduler } from './reminder-scheduler';
import { TimelineService } from './timeline.service';

export { activitiesHandlers } from './activities.handlers';

/*
 * Decisions (see also the comments in shared/contract/activities.ts):
 * - Links: calls, meetings and notes need at least one of lead/contact/account/opportunity;
 *   a task without links is a personal to-do. Links must be live records when sent.
 * - The type of an activity never changes; a patch field of another type is a validation error.
 * - Times are ISO-8601 UTC, normalised to milliseconds, so text comparison in SQL is time order.
 * - Reminders: reminded_at is set before the event is emitted (at most once, never twice);
 *   a new remindAt clears it so the new time fires; done/cancelled tasks and deleted activities
 *   are not announced. Every reminder is announced on this desktop (single-user for now).
 * - Timeline time of an item: meetings/calls when they start, tasks when done (else due), notes
 *   when written, stage changes when changed, audit entries when written.
 */

/** The activities module's services: activities (with my day, calendar, ICS), the timeline, and the reminder scheduler. */
export interface ActivitiesServices {
  activities: ActivitiesService;
  timeline: TimelineService;
  /** Started and stopped by host/background.ts; handlers call `changed()` after every write. */
  reminders: ReminderScheduler;
}

export function createActivitiesServices(dataSource: DataSource, now: () => string): ActivitiesServices {
  return {
    activities: new ActivitiesService(dataSource),
    timeline: new TimelineService(dataSource),
    reminders: new ReminderScheduler(dataSource, now),
  };
}
