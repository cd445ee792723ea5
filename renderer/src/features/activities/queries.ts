import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LinkedEntity, TimelineKind } from '../../../../shared/contract/activities';
import { call } from '../../lib/api';
import { useRecordChanged } from '../../lib/useRecordChanged';
import { browserTimeZone } from './activityTime';

/** Every activities query lives under ['activities'], so one invalidation refreshes them all. */
export const activityKeys = {
  all: ['activities'] as const,
  one: (id: number) => ['activities', 'get', id] as const,
  openTasks: (entity: LinkedEntity, id: number) => ['activities', 'openTasks', entity, id] as const,
  timeline: (entity: LinkedEntity, id: number, kinds: readonly TimelineKind[]) => ['activities', 'timeline', entity, id, [...kinds]] as const,
  myDay: (date: string, timeZone: string) => ['activities', 'myDay', date, timeZone] as const,
  calendar: (from: string, to: string) => ['activities', 'calendar', from, to] as const,
};

export const TIMELINE_PAGE_SIZE = 25;

export function useActivity(id: number) {
  return useQuery({ queryKey: activityKeys.one(id), queryFn: () => call('activities.get', { id }), enabled: id > 0 });
}

export function useOpenTasks(entity: LinkedEntity, id: number) {
  return useQuery({
    queryKey: activityKeys.openTasks(entity, id),
    queryFn: () => call('activities.forRecord', { entity, id, types: ['task'], openOnly: true, limit: 100 }),
    enabled: id > 0,
  });
}

/** The record's timeline, newest first, a page at a time ("Load more" follows the `before` cursor). */
export function useTimeline(entity: LinkedEntity, id: number, kinds: readonly TimelineKind[]) {
  return useInfiniteQuery({
    queryKey: activityKeys.timeline(entity, id, kinds),
    queryFn: ({ pageParam }) =>
      call('timeline.forRecord', {
        entity,
        id,
        kinds: [...kinds],
        limit: TIMELINE_PAGE_SIZE,
        ...(pageParam ? { before: pageParam } : {}),
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextBefore,
    enabled: id > 0 && kinds.length > 0,
    // Field changes are written by other pages (the record's edit form): look again on every visit.
    staleTime: 0,
  });
}

export function useMyDay(date: string, timeZone = browserTimeZone()) {
  return useQuery({ queryKey: activityKeys.myDay(date, timeZone), queryFn: () => call('activities.myDay', { date, timeZone }), staleTime: 0 });
}

export function useCalendarRange(from: string, to: string) {
  return useQuery({ queryKey: activityKeys.calendar(from, to), queryFn: () => call('calendar.range', { from, to }), staleTime: 0 });
}

/** Contacts whose name starts with the text, for the attendee picker. */
export async function searchContacts(text: string): Promise<{ id: number; name: string }[]> {
  const trimmed = text.trim();
  if (!trimmed) return [];
  const result = await call('search.global', { text: trimmed, kinds: ['contact'], limit: 20 });
  return result.groups.flatMap((g) => g.hits.map((h) => ({ id: h.id, name: h.title })));
}

/** Refreshes every activities query (after a write here, or a change announced by the main process). */
export function useInvalidateActivities(): () => Promise<void> {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: activityKeys.all });
}

/**
 * The app-wide live refresh only knows accounts and contacts: activity
 * screens refresh themselves when any record changes (a timeline shows the
 * record's own field changes too).
 */
export function useActivitiesLive(): void {
  const client = useQueryClient();
  useRecordChanged(() => void client.invalidateQueries({ queryKey: activityKeys.all }));
}
