import { useQuery, type QueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api';

export const importKeys = { history: ['imports', 'history'] as const };

export function useImportHistory() {
  return useQuery({ queryKey: importKeys.history, queryFn: () => call('imports.history', { limit: 100 }) });
}

/** An import or its undo changes records of many kinds: grids, records and the history refetch. */
export async function refreshAfterImport(client: QueryClient): Promise<void> {
  await client.invalidateQueries();
}
