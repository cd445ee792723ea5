import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SegmentRule } from '../../../../shared/contract/segments';
import type { ListMemberRow } from '../../../../shared/contract/segments';
import type { GridPageQuery } from '../../components/InfiniteGrid';
import { call } from '../../lib/api';

/** Segment queries start with 'segments', lists with 'lists', the suppression list with 'suppressions'. */
export const segmentKeys = {
  list: ['segments', 'list'] as const,
  one: (id: number) => ['segments', 'one', id] as const,
  count: (rule: string) => ['segments', 'count', rule] as const,
  channels: (rule: string) => ['segments', 'channels', rule] as const,
  lists: ['lists', 'list'] as const,
  listOne: (id: number) => ['lists', 'one', id] as const,
  suppressions: (kind: string, search: string, offset: number) => ['suppressions', kind, search, offset] as const,
  /** The same cache as the other owner pickers that show inactive owners too. */
  allUsers: ['users', 'all', true] as const,
};

export function useSegments() {
  return useQuery({ queryKey: segmentKeys.list, queryFn: () => call('segments.list', {}) });
}

export function useSegment(id: number | null) {
  return useQuery({ queryKey: segmentKeys.one(id ?? 0), queryFn: () => call('segments.get', { id: id! }), enabled: id !== null });
}

/** The live total and sample of a rule (sent as JSON so the key is stable). */
export function useSegmentCount(rule: string) {
  return useQuery({
    queryKey: segmentKeys.count(rule),
    queryFn: () => call('segments.count', { rule: JSON.parse(rule) as SegmentRule, channels: false }),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

/** How many each channel may reach: a separate, slower query, so the total never waits for it. */
export function useChannelCounts(rule: string) {
  return useQuery({
    queryKey: segmentKeys.channels(rule),
    queryFn: () => call('segments.count', { rule: JSON.parse(rule) as SegmentRule, channels: true, sample: false }),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  });
}

export function useTargetLists() {
  return useQuery({ queryKey: segmentKeys.lists, queryFn: () => call('lists.list', {}) });
}

export function useTargetList(id: number) {
  return useQuery({ queryKey: segmentKeys.listOne(id), queryFn: () => call('lists.get', { id }) });
}

export function useAllUsers() {
  return useQuery({ queryKey: segmentKeys.allUsers, queryFn: () => call('users.listAll', { includeInactive: true }), staleTime: 60_000 });
}

export function fetchMembersPage(listId: number) {
  return (query: GridPageQuery): Promise<{ rows: ListMemberRow[]; total: number | null }> =>
    call('lists.members', { listId, ...query } as Parameters<typeof call<'lists.members'>>[1]);
}
