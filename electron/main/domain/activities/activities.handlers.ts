import type { activitiesContract } from '../../../../shared/contract/activities';
import type { CallContext } from '../../host/call-context';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';

export function activitiesHandlers(services: Services): ModuleHandlers<typeof activitiesContract> {
  const { activities, timeline, reminders } = services.activities;
  /** Announce the change and let the reminder scheduler look again (after commit). */
  const changed = (ctx: CallContext, id: number, action: 'create' | 'update' | 'delete' | 'restore') => {
    ctx.events.emit('record.changed', { entity: 'activity', id, action });
    reminders.changed();
  };
  return {
    'activities.create': async (input, ctx) => {
      const activity = await activities.create(ctx.em, input, ctx);
      changed(ctx, activity.id, 'create');
      return activity;
    },
    'activities.get': ({ id }) => activities.get(id),
    'activities.update': async ({ id, version, patch }, ctx) => {
      const activity = await activities.update(ctx.em, id, version, patch, ctx);
      changed(ctx, id, 'update');
      return activity;
    },
    'activities.delete': async ({ id }, ctx) => {
      const result = await activities.delete(ctx.em, id, ctx);
      changed(ctx, id, 'delete');
      return result;
    },
    'activities.restore': async ({ id }, ctx) => {
      const activity = await activities.restore(ctx.em, id, ctx);
      changed(ctx, id, 'restore');
      return activity;
    },
    'activities.complete': async ({ id, version }, ctx) => {
      const activity = await activities.complete(ctx.em, id, version, ctx);
      changed(ctx, id, 'update');
      return activity;
    },
    'activities.forRecord': (query) => activities.forRecord(query),
    'activities.myDay': ({ date, timeZone }, ctx) => activities.myDay(date, timeZone, ctx.userId),
    'activities.exportIcs': ({ id }, ctx) => activities.exportMeeting(id, ctx.now()),
    'calendar.range': (range, ctx) => activities.calendarRange(range, ctx),
    'calendar.exportIcs': (range, ctx) => activities.exportRange(range, ctx, ctx.now()),
    'timeline.forRecord': (query) => timeline.forRecord(query),
  };
}
