import { useQueries, useQuery } from '@tanstack/react-query';
import type { AuditEntry } from '../../../shared/contract/audit';
import { call } from './api';

const ACCOUNT_FIELDS = new Set(['account_id', 'parent_account_id']);
const USER_FIELDS = new Set(['owner_id', 'created_by_id', 'updated_by_id']);

/**
 * The audit log stores ids for references (account_id 171 → 30); this turns
 * them back into names for the History section.
 */
export function useReferenceNames(entries: AuditEntry[] | undefined): (field: string, value: unknown) => string | undefined {
  const accountIds = new Set<number>();
  for (const entry of entries ?? []) {
    for (const [field, values] of Object.entries(entry.changes)) {
      if (!ACCOUNT_FIELDS.has(field)) continue;
      for (const v of values) if (typeof v === 'number') accountIds.add(v);
    }
  }
  const accounts = useQueries({
    queries: [...accountIds].map((id) => ({
      queryKey: ['accounts', 'get', id],
      queryFn: () => call('accounts.get', { id }),
      staleTime: 60_000,
    })),
  });
  const users = useQuery({ queryKey: ['users'], queryFn: () => call('users.list', {}), staleTime: 300_000 });

  return (field, value) => {
    if (typeof value !== 'number') return undefined;
    if (ACCOUNT_FIELDS.has(field)) return accounts.find((q) => q.data?.id === value)?.data?.name;
    if (USER_FIELDS.has(field)) return users.data?.find((u) => u.id === value)?.name;
    return undefined;
  };
}
