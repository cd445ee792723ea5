import { useQuery } from '@tanstack/react-query';
import type { Lead, LeadListQuery, LeadRow } from '../../../../shared/contract/leads';
import type { GridPageQuery } from '../../components/InfiniteGrid';
import { call } from '../../lib/api';

export const leadKeys = {
  one: (id: number) => ['leads', 'get', id] as const,
  rules: ['leadScoring', 'rules'] as const,
};

export function useLead(id: number) {
  return useQuery({ queryKey: leadKeys.one(id), queryFn: () => call('leads.get', { id }), enabled: id > 0 });
}

/** One page of the leads grid; the grid only sends columns the contract allows. */
export function fetchLeadsPage(query: GridPageQuery): Promise<{ rows: LeadRow[]; total: number | null }> {
  return call('leads.list', query as LeadListQuery);
}

export function leadName(l: Pick<Lead, 'firstName' | 'lastName'>): string {
  return [l.firstName, l.lastName].filter(Boolean).join(' ');
}

/** "trade_show" → "Trade show". */
export function optionLabel(value: string): string {
  const words = value.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
