import type { activitiesContract } from '../../../../shared/contract/activities';
import type { CallContext } from '../../host/call-context';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { Sql } from '../../db/sql';

export function activitiesHandlers(services: Services): ModuleHandlers<typeof activitiesContract> {
  const { activities, timeline, reminders } = services.activities;
  const leadOf = async (ctx: CallContext, id: number) =>
    (await new Sql(ctx.em).get<{ lead_id: number | null }>(`SELECT lead_id FROM activities WHERE id = ?`, [id]))?.lead_id ?? null;
  /**
   * A lead's score counts its activities, so every write that touches a lead's
   * activities (before or after) rescores that lead in the same transaction.
   * Then announce the change and let the reminder scheduler look again (after commit).
   */
  const changed = async (ctx: CallContext, id: number, action: 'create' | 'update' | 'delete' | 'restore', leadBefore: number | null = null) => {
    const leads = new Set([leadBefore, await leadOf(ctx, id)]);
    for (const leadId of leads) if (leadId !== null) await services.leads.scoring.rescoreOne(ctx.em, leadId, ctx.now());
    ctx.events.emit('record.changed', { entity: 'activity', id, action });
    reminders.changed();
  };
  return {
    'activities.create': async (input, ctx) => {
      const activity = await activities.create(ctx.em, input, ctx);
      await changed(ctx, activity.id, 'create');
      return activity;
    },
    'activities.get': ({ id }) => activities.get(id),
    'activities.update': async ({ id, version, patch }, ctx) => {
      const before = await leadOf(ctx, id);
      const activity = await activities.update(ctx.em, id, version, patch, ctx);
      await changed(ctx, id, 'update', before);
      return activity;
    },
    'activities.delete': async ({ id }, ctx) => {
      const result = await activities.delete(ctx.em, id, ctx);
      await changed(ctx, id, 'delete');
      return result;
    },
    'activities.restore': async ({ id }, ctx) => {
      const activity = await activities.restore(ctx.em, id, ctx);
      await changed(ctx, id, 'restore');
      return activity;
    },
    'activities.complete': async ({ id, version }, ctx) => {
      const activity = await activities.complete(ctx.em, id, version, ctx);
      await changed(ctx, id, 'update');
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
