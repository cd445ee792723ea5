import { useQuery } from '@tanstack/react-query';
import type { Contact, ContactListQuery, ContactRow } from '../../../../shared/contract/contacts';
import type { GridPageQuery } from '../../components/InfiniteGrid';
import { call } from '../../lib/api';

export const contactKeys = {
  one: (id: number) => ['contacts', 'get', id] as const,
  history: (id: number) => ['audit', 'contact', id] as const,
};

export function useContact(id: number) {
  return useQuery({ queryKey: contactKeys.one(id), queryFn: () => call('contacts.get', { id }), enabled: id > 0 });
}

export function useContactHistory(id: number) {
  return useQuery({ queryKey: contactKeys.history(id), queryFn: () => call('audit.forRecord', { entity: 'contact', id, limit: 100 }), enabled: id > 0 });
}

/** One page of the contacts grid; the grid only sends columns the contract allows. */
export function fetchContactsPage(query: GridPageQuery, accountId?: number): Promise<{ rows: ContactRow[]; total: number | null }> {
  const input = { ...query, ...(accountId ? { accountId } : {}) } as ContactListQuery;
  return call('contacts.list', input);
}

export function searchAccounts(text: string) {
  return call('accounts.lookup', { text: text.trim(), limit: 20 });
}

export function contactName(c: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [c.firstName, c.lastName].filter(Boolean).join(' ');
}
