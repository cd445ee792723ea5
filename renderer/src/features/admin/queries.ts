import { useQuery, type QueryClient } from '@tanstack/react-query';
import { call } from '../../lib/api';

/** Every query about users starts with 'users' (the owner pickers' ['users', 'list'] too), teams with 'teams'. */
export const adminKeys = {
  activeUsers: ['users', 'list'] as const,
  allUsers: (includeInactive: boolean) => ['users', 'all', includeInactive] as const,
  teams: ['teams'] as const,
};

/** Active users, for owner pickers. */
export function useActiveUsers() {
  return useQuery({ queryKey: adminKeys.activeUsers, queryFn: () => call('users.list', {}), staleTime: 60_000 });
}

export function useAllUsers(includeInactive: boolean) {
  return useQuery({ queryKey: adminKeys.allUsers(includeInactive), queryFn: () => call('users.listAll', { includeInactive }) });
}

export function useTeams() {
  return useQuery({ queryKey: adminKeys.teams, queryFn: () => call('teams.list', {}) });
}

export function useSessionUser() {
  return useQuery({ queryKey: ['session'], queryFn: () => call('session.current', {}), staleTime: Infinity }).data?.user;
}

/** A user or team changed: names, teams, managers and member counts show in both lists, and the header shows the current user. */
export async function refreshAdminQueries(client: QueryClient): Promise<void> {
  await Promise.all([
    client.invalidateQueries({ queryKey: ['users'] }),
    client.invalidateQueries({ queryKey: ['teams'] }),
    client.invalidateQueries({ queryKey: ['session'] }),
  ]);
}
