import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { User } from '../../../shared/contract/users';
import { call } from '../lib/api';
import { errorMessage } from '../lib/formErrors';

const ROLE_LABELS: Record<User['role'], string> = {
  admin: 'Administrator',
  sales_manager: 'Sales manager',
  sales_rep: 'Sales rep',
  marketing: 'Marketing',
  service_agent: 'Service agent',
};

/** Fits the dark header: the page's white form controls would shout there. */
const SELECT_STYLE = { width: 'auto', maxWidth: 260, height: 28, background: 'transparent', color: '#fff', borderColor: 'rgba(255, 255, 255, 0.35)' } as const;
const OPTION_STYLE = { color: '#1d2533', background: '#fff' } as const;

const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((p) => p[0])
    .join('')
    .slice(0, 2);

/**
 * The profile picker of a single desktop: the current user, and the other
 * active users to work as. Switching reloads everything, since what a user
 * may do and sees as "mine" changes with them.
 */
export function ProfilePicker() {
  const client = useQueryClient();
  const session = useQuery({ queryKey: ['session'], queryFn: () => call('session.current', {}), staleTime: Infinity });
  const users = useQuery({ queryKey: ['users', 'list'], queryFn: () => call('users.list', {}), staleTime: 60_000 });
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const user = session.data?.user;
  if (!user) return <span className="shell__user" />;

  const options = users.data?.some((u) => u.id === user.id) ? users.data : [user, ...(users.data ?? [])];

  const switchTo = async (userId: number) => {
    if (userId === user.id) return;
    setBusy(true);
    setFailure(null);
    try {
      const next = await call('session.switch', { userId });
      client.setQueryData(['session'], next);
      // Everything shown may differ for the new user: drop the cache and load again.
      await client.resetQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="shell__user profile-picker">
      <span className="avatar" aria-hidden="true">
        {initials(user.name)}
      </span>
      <label htmlFor="profile-picker" className="sr-only">
        Current user
      </label>
      <select
        id="profile-picker"
        className="profile-picker__select"
        style={SELECT_STYLE}
        value={user.id}
        disabled={busy}
        onChange={(e) => void switchTo(Number(e.target.value))}
        aria-describedby={failure ? 'profile-picker-error' : undefined}
        title={`${user.name} (${ROLE_LABELS[user.role]})`}
      >
        {options.map((u) => (
          <option key={u.id} value={u.id} style={OPTION_STYLE}>
            {u.name} ({ROLE_LABELS[u.role]})
          </option>
        ))}
      </select>
      {failure ? (
        <span className="profile-picker__error" id="profile-picker-error" role="alert" style={{ color: '#ffb4a8' }}>
          {failure}
        </span>
      ) : null}
    </span>
  );
}
