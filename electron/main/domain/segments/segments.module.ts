import type { segmentsContract } from '../../../../shared/contract/segments';
import type { ModuleHandlers } from '../../host/handler-types';
import type { Services } from '../../host/services';
import { SegmentsService } from './segments.service';
import { SuppressionsService } from './suppressions.service';
import { TargetListsService } from './target-lists.service';

export interface SegmentsServices {
  segments: SegmentsService;
  lists: TargetListsService;
  suppressions: SuppressionsService;
}

export function createSegmentsServices(): SegmentsServices {
  return { segments: new SegmentsService(), lists: new TargetListsService(), suppressions: new SuppressionsService() };
}

/*
 * Decisions:
 * - A segment is a rule, not a list: it is evaluated whenever it is counted or frozen. Freezing copies its
 *   members at that moment into a static target list (INSERT … SELECT in the call's transaction).
 * - A list made for a channel admits only records that may be reached on it (consent.ts), on freezing and on
 *   adding by hand; since consent can change later, reading a list shows each member's eligibility today, and
 *   `TargetListsService.recipients` is what a campaign step sends to.
 * - Lists keep members whose record went to the recycle bin, but never show or count them (a restore brings
 *   them back on the list).
 * - Deleting a segment keeps the lists frozen from it.
 */
export function segmentsHandlers(services: Services): ModuleHandlers<typeof segmentsContract> {
  const { segments, lists, suppressions } = services.segments;
  return {
    'segments.count': (input, ctx) => segments.count(ctx.em, input, ctx.now()),
    'segments.list': ({ entity }, ctx) => segments.list(ctx.em, entity),
    'segments.get': ({ id }, ctx) => segments.get(ctx.em, id),
    'segments.save': (input, ctx) => segments.save(ctx.em, input, ctx),
    'segments.delete': ({ id }, ctx) => segments.delete(ctx.em, id),
    'segments.freeze': async (input, ctx) => {
      const { listId, added, leftOut } = await segments.freeze(ctx.em, input, ctx);
      return { list: await lists.get(ctx.em, listId), added, leftOut };
    },
    'lists.list': ({ entity }, ctx) => lists.list(ctx.em, entity),
    'lists.get': ({ id }, ctx) => lists.get(ctx.em, id),
    'lists.create': (input, ctx) => lists.create(ctx.em, input, ctx),
    'lists.members': (input, ctx) => lists.members(ctx.em, input),
    'lists.add': (input, ctx) => lists.add(ctx.em, input, ctx),
    'lists.remove': (input, ctx) => lists.remove(ctx.em, input),
    'lists.delete': ({ id }, ctx) => lists.delete(ctx.em, id),
    'suppressions.list': (input, ctx) => suppressions.list(ctx.em, input),
    'suppressions.add': (input, ctx) => suppressions.add(ctx.em, input, ctx),
    'suppressions.remove': ({ ids }, ctx) => suppressions.remove(ctx.em, ids, ctx),
  };
}
