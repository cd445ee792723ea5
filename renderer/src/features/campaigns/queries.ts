import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CampaignStatus } from '../../../../shared/contract/campaigns';
import { call } from '../../lib/api';

/** Campaign queries start with 'campaigns', call lists with 'calls'; a change invalidates by those roots. */
export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (statuses: readonly CampaignStatus[]) => ['campaigns', 'list', ...statuses] as const,
  one: (id: number) => ['campaigns', 'one', id] as const,
  progress: (id: number) => ['campaigns', 'progress', id] as const,
  members: (id: number, offset: number, limit: number) => ['campaigns', 'members', id, offset, limit] as const,
  responses: (id: number, offset: number) => ['campaigns', 'responses', id, offset] as const,
  roi: (ids: readonly number[] | null, attribution: 'first' | 'last') => ['campaigns', 'roi', ids ? ids.join(',') : 'all', attribution] as const,
  calls: (mine: boolean, status: 'open' | 'done', offset: number) => ['calls', mine, status, offset] as const,
};

export function useCampaigns(statuses: readonly CampaignStatus[]) {
  return useQuery({
    queryKey: campaignKeys.list(statuses),
    queryFn: () => call('campaigns.list', statuses.length ? { status: [...statuses] } : {}),
    placeholderData: keepPreviousData,
  });
}

export function useCampaign(id: number) {
  return useQuery({ queryKey: campaignKeys.one(id), queryFn: () => call('campaigns.get', { id }), enabled: id > 0 });
}

/** Per-step counts; polled every few seconds while the campaign sends, in case a `jobs.progress` event is missed. */
export function useCampaignProgress(id: number, live: boolean) {
  return useQuery({
    queryKey: campaignKeys.progress(id),
    queryFn: () => call('campaigns.progress', { id }),
    refetchInterval: live ? 5_000 : false,
  });
}

export function useCampaignMembers(id: number, offset: number, limit: number) {
  return useQuery({
    queryKey: campaignKeys.members(id, offset, limit),
    queryFn: () => call('campaigns.members', { id, offset, limit }),
    placeholderData: keepPreviousData,
  });
}

export function useCampaignResponses(id: number, offset: number, limit: number) {
  return useQuery({
    queryKey: campaignKeys.responses(id, offset),
    queryFn: () => call('campaigns.responses', { id, offset, limit }),
    placeholderData: keepPreviousData,
  });
}

export function useRoi(ids: readonly number[] | null, attribution: 'first' | 'last') {
  return useQuery({
    queryKey: campaignKeys.roi(ids, attribution),
    queryFn: () => call('campaigns.roi', { ...(ids ? { campaignIds: [...ids] } : {}), attribution }),
    placeholderData: keepPreviousData,
  });
}

export function useCalls(mine: boolean, status: 'open' | 'done', offset: number, limit: number) {
  return useQuery({
    queryKey: campaignKeys.calls(mine, status, offset),
    queryFn: () => call('calls.list', { mine, status, offset, limit }),
    placeholderData: keepPreviousData,
  });
}

/** Target lists for the audience picker (the segments feature caches them under the same key). */
export function useTargetLists() {
  return useQuery({ queryKey: ['lists', 'list'], queryFn: () => call('lists.list', {}) });
}

/** Active users, for the owner and the call reps (the same cache as the other owner pickers). */
export function useUsers() {
  return useQuery({ queryKey: ['users', 'list'], queryFn: () => call('users.list', {}), staleTime: 60_000 });
}

export function usePipelines() {
  return useQuery({ queryKey: ['pipelines', false], queryFn: () => call('pipelines.list', { includeInactive: false }), staleTime: 60_000 });
}

export function useCurrentUser() {
  return useQuery({ queryKey: ['session'], queryFn: () => call('session.current', {}), staleTime: Infinity });
}
