import { useQuery } from '@tanstack/react-query';
import type { OpportunityListQuery, OpportunityRow } from '../../../../shared/contract/opportunities';
import type { ContactListQuery } from '../../../../shared/contract/contacts';
import type { GridPageQuery } from '../../components/InfiniteGrid';
import type { PickedRecord } from '../../components/RecordPicker';
import { call } from '../../lib/api';

export const opportunityKeys = {
  one: (id: number) => ['opportunities', 'get', id] as const,
  stageHistory: (id: number) => ['opportunities', 'stageHistory', id] as const,
  board: (pipelineId: number, ownerId: number | undefined) => ['opportunities', 'board', pipelineId, ownerId ?? null] as const,
  pipelines: (includeInactive: boolean) => ['pipelines', includeInactive] as const,
};

export function useOpportunity(id: number) {
  return useQuery({ queryKey: opportunityKeys.one(id), queryFn: () => call('opportunities.get', { id }), enabled: id > 0 });
}

export function useStageHistory(id: number) {
  return useQuery({ queryKey: opportunityKeys.stageHistory(id), queryFn: () => call('opportunities.stageHistory', { id }), enabled: id > 0 });
}

export function usePipelines(includeInactive = false) {
  return useQuery({ queryKey: opportunityKeys.pipelines(includeInactive), queryFn: () => call('pipelines.list', { includeInactive }) });
}

export function useUsers() {
  return useQuery({ queryKey: ['users', 'list'], queryFn: () => call('users.list', {}), staleTime: 60_000 });
}

/** One page of the opportunities grid; the grid only sends columns the contract allows. */
export function fetchOpportunitiesPage(query: GridPageQuery): Promise<{ rows: OpportunityRow[]; total: number | null }> {
  return call('opportunities.list', query as OpportunityListQuery);
}

/** Contacts whose last name starts with the text; only those of the account when one is picked. */
export async function searchContacts(text: string, accountId: number | null): Promise<PickedRecord[]> {
  const t = text.trim();
  const query: ContactListQuery = {
    startRow: 0,
    endRow: 20,
    sort: [{ colId: 'lastName', sort: 'asc' }],
    filter: t ? { lastName: { filterType: 'text', type: 'startsWith', filter: t } } : {},
    ...(accountId ? { accountId } : {}),
  };
  const page = await call('contacts.list', query);
  return page.rows.map((c) => ({ id: c.id, name: [c.firstName, c.lastName].filter(Boolean).join(' ') }));
}
