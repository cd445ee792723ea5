import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Team } from '../../../../shared/contract/users';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { AdminTabs } from './AdminTabs';
import { TeamForm } from './TeamForm';
import { refreshAdminQueries, useSessionUser, useTeams } from './queries';
import './admin.css';

type Panel = { kind: 'closed' } | { kind: 'new' } | { kind: 'edit'; team: Team };

/** Teams: administrators and sales managers add and rename them; administrators delete them (members are left without a team). */
export function TeamsPage() {
  const client = useQueryClient();
  const toast = useToast();
  const teams = useTeams();
  const me = useSessionUser();
  const canEdit = Boolean(me?.active && (me.role === 'admin' || me.role === 'sales_manager'));
  const canDelete = Boolean(me?.active && me.role === 'admin');
  const [panel, setPanel] = useState<Panel>({ kind: 'closed' });
  const [round, setRound] = useState(0);
  const [confirming, setConfirming] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const open = (next: Panel) => {
    setPanel(next);
    setRound((r) => r + 1);
  };

  const remove = async (team: Team) => {
    setFailure(null);
    try {
      const result = await call('teams.delete', { id: team.id });
      await refreshAdminQueries(client);
      setConfirming(null);
      if (panel.kind === 'edit' && panel.team.id === team.id) setPanel({ kind: 'closed' });
      toast.show({ message: `Team deleted: ${team.name}${result.membersCleared ? ` (${result.membersCleared} ${result.membersCleared === 1 ? 'member is' : 'members are'} now without a team)` : ''}` });
    } catch (error) {
      setFailure(errorMessage(error));
    }
  };

  return (
    <div className="page">
      <PageHeader
        title="Teams"
        subtitle={canEdit ? undefined : 'Only an administrator or a sales manager can change teams.'}
        actions={
          canEdit ? (
            <button type="button" className="btn btn--primary" onClick={() => open({ kind: 'new' })}>
              New team
            </button>
          ) : null
        }
      />
      <AdminTabs />
      <div className={`admin-layout${panel.kind === 'closed' ? '' : ' admin-layout--panel'}`}>
        <div>
          {teams.isError ? <ErrorBanner title="Could not load the teams" messages={[errorMessage(teams.error)]} /> : null}
          {failure ? <ErrorBanner title="Could not delete the team" messages={[failure]} /> : null}
          {teams.isPending ? <p className="muted">Loading…</p> : null}
          {teams.data?.length === 0 ? <p className="muted">No teams yet.</p> : null}
          {teams.data?.length ? (
            <table className="admin-table" aria-label="Teams">
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Manager</th>
                  <th scope="col" className="num">
                    Members
                  </th>
                  {canEdit ? (
                    <th scope="col">
                      <span className="sr-only">Actions</span>
                    </th>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {teams.data.map((t) => (
                  <tr key={t.id} className={panel.kind === 'edit' && panel.team.id === t.id ? 'admin-table__selected' : undefined}>
                    <th scope="row">{t.name}</th>
                    <td>{t.manager?.name ?? <span className="muted">—</span>}</td>
                    <td className="num">{t.memberCount}</td>
                    {canEdit ? (
                      <td className="admin-table__actions">
                        {confirming === t.id ? (
                          <span className="admin-confirm" role="group" aria-label={`Delete ${t.name}?`}>
                            <span>Delete {t.name}? Its members are left without a team.</span>
                            <button type="button" className="btn btn--small btn--danger" onClick={() => void remove(t)}>
                              Delete team
                            </button>
                            <button type="button" className="btn btn--small btn--ghost" onClick={() => setConfirming(null)}>
                              Keep
                            </button>
                          </span>
                        ) : (
                          <>
                            <button type="button" className="btn btn--small" aria-label={`Edit ${t.name}`} onClick={() => open({ kind: 'edit', team: t })}>
                              Edit
                            </button>
                            {canDelete ? (
                              <button type="button" className="btn btn--small btn--danger" aria-label={`Delete ${t.name}`} onClick={() => setConfirming(t.id)}>
                                Delete
                              </button>
                            ) : null}
                          </>
                        )}
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
        </div>
        {panel.kind === 'closed' ? null : (
          <aside className="admin-panel" aria-labelledby="team-panel-title">
            <h2 id="team-panel-title">{panel.kind === 'edit' ? `Edit ${panel.team.name}` : 'New team'}</h2>
            <TeamForm key={`${panel.kind}-${round}`} team={panel.kind === 'edit' ? panel.team : null} onDone={() => setPanel({ kind: 'closed' })} />
          </aside>
        )}
      </div>
    </div>
  );
}
