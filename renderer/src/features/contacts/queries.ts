import { useQuery } from '@tanstack/react-query';
import type { Contact, ContactListQuery, ContactRow } from '../../../../shared/contract/contacts';
import type { GridPageQuery } from '../../components/InfiniteGrid';
import { call } from '../../lib/api';

export const contactKeys = {
  one: (id: number) => ['contacts', 'get', id] as const,
};

export function useContact(id: number) {
  return useQuery({ queryKey: contactKeys.one(id), queryFn: () => call('contacts.get', { id }), enabled: id > 0 });
}

/** One page of the contacts grid; the grid only sends columns the contract allows. */
export function fetchContactsPage(query: GridPageQuery, accountId?: number): Promise<{ rows: ContactRow[]; total: number | null }> {
  const input = { ...query, ...(accountId ? { accountId } : {}) } as ContactListQuery;
  return call('contacts.list', input);
}

export function contactName(c: Pick<Contact, 'firstName' | 'lastName'>): string {
  return [c.firstName, c.lastName].filter(Boolean).join(' ');
}
