import { useQuery, type QueryClient } from '@tanstack/react-query';
import type { Territory } from '../../../../shared/contract/territories';
import { call } from '../../lib/api';

/** Territory queries start with 'territories', bulk moves and the queue with 'assignment'; users share the owner pickers' cache. */
export const territoryKeys = {
  list: ['territories', 'list'] as const,
  count: (parentId: number | null, rules: string) => ['territories', 'countMatches', parentId, rules] as const,
  settings: ['assignment', 'settings'] as const,
  batches: ['assignment', 'batches'] as const,
  batchMoves: (batchId: number) => ['assignment', 'history', 'batch', batchId] as const,
  recordHistory: (entity: string, recordId: number) => ['assignment', 'history', entity, recordId] as const,
  queue: ['assignment', 'queue'] as const,
  activeUsers: ['users', 'list'] as const,
  allUsers: ['users', 'all', true] as const,
};

export function useTerritories() {
  return useQuery({ queryKey: territoryKeys.list, queryFn: () => call('territories.list', {}) });
}

/** Active users, for member and owner pickers (the same cache as every other owner picker). */
export function useActiveUsers() {
  return useQuery({ queryKey: territoryKeys.activeUsers, queryFn: () => call('users.list', {}), staleTime: 60_000 });
}

/** Every user, inactive ones too: a rep may already be deactivated and still own records. */
export function useAllUsers() {
  return useQuery({ queryKey: territoryKeys.allUsers, queryFn: () => call('users.listAll', { includeInactive: true }) });
}

/** Sales managers and administrators change territories and move records; everyone else looks. */
export function useCanManage(): boolean {
  const user = useQuery({ queryKey: ['session'], queryFn: () => call('session.current', {}), staleTime: Infinity }).data?.user;
  return Boolean(user && user.active && (user.role === 'admin' || user.role === 'sales_manager'));
}

/** A bulk move or an assignment changed owners all over the app: every cached list and record may be stale. */
export function refreshEverything(client: QueryClient): Promise<void> {
  return client.invalidateQueries();
}

/** The territories under `id`, itself included, for refusing a move under its own subtree. */
export function subtreeIds(tree: Territory[], id: number): Set<number> {
  const out = new Set<number>([id]);
  // Tree order puts every child after its parent.
  for (const t of tree) if (t.parentId !== null && out.has(t.parentId)) out.add(t.id);
  return out;
}

/** "EMEA › DACH": where a territory sits. */
export function pathName(tree: Territory[], id: number | null): string {
  const names: string[] = [];
  const byId = new Map(tree.map((t) => [t.id, t]));
  for (let at = id === null ? undefined : byId.get(id); at; at = at.parentId === null ? undefined : byId.get(at.parentId)) names.unshift(at.name);
  return names.join(' › ');
}
