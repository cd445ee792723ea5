import { useState } from 'react';
import type { User } from '../../../../shared/contract/users';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/formErrors';
import { AdminTabs } from './AdminTabs';
import { UserForm } from './UserForm';
import { UsersTable } from './UsersTable';
import { useAllUsers, useSessionUser } from './queries';
import './admin.css';

/** What the side panel shows: nothing, a new user, or the user being edited. */
type Panel = { kind: 'closed' } | { kind: 'new' } | { kind: 'edit'; user: User };

/** Users (administrators change them; everyone can look): role, team, manager, capacity, active. */
export function UsersPage() {
  const [showInactive, setShowInactive] = useState(false);
  const users = useAllUsers(showInactive);
  const me = useSessionUser();
  const isAdmin = me?.role === 'admin' && me.active;
  const [panel, setPanel] = useState<Panel>({ kind: 'closed' });
  // A fresh form each time the panel opens, even for the same user.
  const [round, setRound] = useState(0);
  const open = (next: Panel) => {
    setPanel(next);
    setRound((r) => r + 1);
  };

  return (
    <div className="page">
      <PageHeader
        title="Users"
        subtitle={isAdmin ? undefined : 'Only an administrator can add or change users.'}
        actions={
          isAdmin ? (
            <button type="button" className="btn btn--primary" onClick={() => open({ kind: 'new' })}>
              New user
            </button>
          ) : null
        }
      />
      <AdminTabs />
      <div className={`admin-layout${panel.kind === 'closed' ? '' : ' admin-layout--panel'}`}>
        <div>
          <div className="admin-toolbar">
            <label className="check">
              <input type="checkbox" checked={showInactive} onChange={(e) => setShowInactive(e.target.checked)} /> Show inactive users
            </label>
          </div>
          {users.isError ? <ErrorBanner title="Could not load the users" messages={[errorMessage(users.error)]} /> : null}
          {users.isPending ? <p className="muted">Loading…</p> : null}
          {users.data ? (
            <UsersTable users={users.data} selectedId={panel.kind === 'edit' ? panel.user.id : null} onEdit={isAdmin ? (user) => open({ kind: 'edit', user }) : undefined} />
          ) : null}
        </div>
        {panel.kind === 'closed' ? null : (
          <aside className="admin-panel" aria-labelledby="user-panel-title">
            <h2 id="user-panel-title">{panel.kind === 'edit' ? `Edit ${panel.user.name}` : 'New user'}</h2>
            <UserForm key={`${panel.kind}-${round}`} user={panel.kind === 'edit' ? panel.user : null} onDone={() => setPanel({ kind: 'closed' })} />
          </aside>
        )}
      </div>
    </div>
  );
}
