import { useQuery } from '@tanstack/react-query';
import type { AccountListQuery, AccountRow } from '../../../../shared/contract/accounts';
import type { ContactListQuery, ContactRow } from '../../../../shared/contract/contacts';
import type { GridPageQuery } from '../../components/InfiniteGrid';
import { call } from '../../lib/api';

export const accountKeys = {
  one: (id: number) => ['accounts', 'get', id] as const,
};

export function useAccount(id: number) {
  return useQuery({ queryKey: accountKeys.one(id), queryFn: () => call('accounts.get', { id }), enabled: id > 0 });
}

/** One page of the accounts grid; the grid only sends columns the contract allows. */
export function fetchAccountsPage(query: GridPageQuery): Promise<{ rows: AccountRow[]; total: number | null }> {
  return call('accounts.list', query as AccountListQuery);
}

/** One page of an account's contacts. */
export function fetchAccountContactsPage(accountId: number, query: GridPageQuery): Promise<{ rows: ContactRow[]; total: number | null }> {
  return call('contacts.list', { ...query, accountId } as ContactListQuery);
}

export function searchAccounts(text: string) {
  return call('accounts.lookup', { text: text.trim(), limit: 20 });
}
