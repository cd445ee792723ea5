import { useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { STATUS_TRANSITIONS, type Campaign, type CampaignStatus } from '../../../../shared/contract/campaigns';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage, isConflict } from '../../lib/formErrors';
import { formatCount } from '../../lib/format';
import { STATUS_LABELS, transitionLabel } from './labels';
import { campaignKeys } from './queries';

type Pending = { kind: 'status'; to: CampaignStatus } | { kind: 'delete' };

/** What starting, completing or cancelling does, said before it is done: none of them can be taken back. */
function consequence(campaign: Campaign, to: CampaignStatus): ReactNode | null {
  if (to === 'active' && campaign.status === 'planned') {
    const audience = campaign.audienceList ? `the members of “${campaign.audienceList.name}” are enrolled and` : 'nobody is enrolled yet (it has no audience list), and';
    return (
      <>
        <p>When it starts, {audience} its first step is scheduled. {formatCount(campaign.steps.length, 'step')} in the journey.</p>
        <p>The journey cannot be changed once it has started.</p>
      </>
    );
  }
  if (to === 'completed') return <p>Nothing more is sent; members still waiting for a step leave the campaign. A completed campaign cannot be restarted.</p>;
  if (to === 'cancelled') return <p>Every message still waiting is dropped. A cancelled campaign cannot be restarted.</p>;
  return null;
}

/** Start / Pause / Resume / Complete / Cancel as the status allows; the irreversible ones ask first. */
export function StatusActions({ campaign }: { campaign: Campaign }) {
  const client = useQueryClient();
  const toast = useToast();
  const navigate = useNavigate();
  const [pending, setPending] = useState<Pending | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState(false);

  const refresh = async (changed: Campaign) => {
    client.setQueryData(campaignKeys.one(changed.id), changed);
    await client.invalidateQueries({ queryKey: ['campaigns'] });
    await client.invalidateQueries({ queryKey: ['calls'] });
  };

  const move = async (to: CampaignStatus) => {
    setBusy(true);
    setError(null);
    try {
      const changed = await call('campaigns.setStatus', { id: campaign.id, version: campaign.version, status: to });
      await refresh(changed);
      setPending(null);
      setConflict(false);
      toast.show({ message: `Campaign “${changed.name}” is ${STATUS_LABELS[changed.status].toLowerCase()}` });
    } catch (e) {
      if (isConflict(e)) {
        setConflict(true);
        setPending(null);
      } else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    setBusy(true);
    try {
      await call('campaigns.delete', { id: campaign.id });
      client.removeQueries({ queryKey: campaignKeys.one(campaign.id) });
      await client.invalidateQueries({ queryKey: ['campaigns', 'list'] });
      toast.show({ message: `Campaign “${campaign.name}” deleted` });
      navigate('/campaigns');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const reload = async () => {
    await client.invalidateQueries({ queryKey: campaignKeys.one(campaign.id) });
    setConflict(false);
  };

  const ask = (to: CampaignStatus) => {
    setError(null);
    if (consequence(campaign, to)) setPending({ kind: 'status', to });
    else void move(to);
  };

  return (
    <div className="campaign-actions">
      {conflict ? (
        <p className="campaign-actions__conflict" role="alert">
          Someone else changed this campaign.{' '}
          <button type="button" className="btn btn--small" onClick={() => void reload()}>
            Reload
          </button>
        </p>
      ) : null}
      {!pending && error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
      {STATUS_TRANSITIONS[campaign.status].map((to) => (
        <button
          key={to}
          type="button"
          className={`btn ${to === 'cancelled' ? 'btn--danger' : to === 'active' ? 'btn--primary' : ''}`}
          disabled={busy}
          onClick={() => ask(to)}
        >
          {transitionLabel(campaign.status, to)}
        </button>
      ))}
      {campaign.status === 'planned' ? (
        <button type="button" className="btn btn--danger" disabled={busy} onClick={() => setPending({ kind: 'delete' })}>
          Delete
        </button>
      ) : null}
      {pending?.kind === 'status' ? (
        <ConfirmDialog
          title={`${transitionLabel(campaign.status, pending.to)} “${campaign.name}”?`}
          confirmLabel={transitionLabel(campaign.status, pending.to)}
          tone={pending.to === 'cancelled' ? 'danger' : 'primary'}
          busy={busy}
          error={error}
          onConfirm={() => void move(pending.to)}
          onCancel={() => setPending(null)}
        >
          {consequence(campaign, pending.to)}
        </ConfirmDialog>
      ) : null}
      {pending?.kind === 'delete' ? (
        <ConfirmDialog title={`Delete “${campaign.name}”?`} confirmLabel="Delete campaign" busy={busy} error={error} onConfirm={() => void remove()} onCancel={() => setPending(null)}>
          It never started, so nothing was sent; its journey goes with it.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
