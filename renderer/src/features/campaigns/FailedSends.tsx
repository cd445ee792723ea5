import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Job } from '../../../../shared/contract/jobs';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { campaignKeys } from './queries';

/** A message a crash left in doubt: the scheduler holds it rather than risk sending it twice (jobs/effects.ts). */
const isUncertain = (job: Job) => /may have happened already/.test(job.lastError ?? '');

/**
 * The campaign's failed sends with their reasons, for administrators: "Try again" runs a job from its first
 * attempt; a message in doubt is sent again only when asked, knowing it may arrive twice.
 */
export function FailedSends({ campaignId }: { campaignId: number }) {
  const client = useQueryClient();
  const toast = useToast();
  const group = `campaign:${campaignId}`;
  const failed = useQuery({ queryKey: ['campaigns', 'failed', campaignId], queryFn: () => call('jobs.list', { group, status: ['failed'], limit: 50 }) });
  const [confirming, setConfirming] = useState<Job | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const retry = async (job: Job, resendUncertain: boolean) => {
    setBusy(true);
    setError(null);
    try {
      await call('jobs.retry', { id: job.id, resendUncertain });
      setConfirming(null);
      toast.show({ message: resendUncertain ? 'Sending it again' : 'Trying again' });
      await client.invalidateQueries({ queryKey: ['campaigns', 'failed', campaignId] });
      await client.invalidateQueries({ queryKey: campaignKeys.progress(campaignId) });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (failed.isError) {
    return <p className="muted">Only administrators can see why sends failed and try them again ({errorMessage(failed.error)}).</p>;
  }
  const rows = failed.data?.rows ?? [];
  if (!rows.length) return null;
  return (
    <section className="section" aria-labelledby="failed-sends">
      <h2 id="failed-sends">Failed ({failed.data!.total.toLocaleString('en')})</h2>
      {error && !confirming ? (
        <p className="confirm-dialog__error" role="alert">
          {error}
        </p>
      ) : null}
      <table className="campaign-table" aria-label="Failed sends">
        <thead>
          <tr>
            <th scope="col">Why</th>
            <th scope="col">Attempts</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((job) => (
            <tr key={job.id}>
              <td>{job.lastError}</td>
              <td className="num">{job.attempts}</td>
              <td>
                {isUncertain(job) ? (
                  <button type="button" className="btn btn--small" disabled={busy} onClick={() => setConfirming(job)}>
                    Send again…
                  </button>
                ) : (
                  <button type="button" className="btn btn--small" disabled={busy} onClick={() => void retry(job, false)}>
                    Try again
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {confirming ? (
        <ConfirmDialog
          title="Send this message again?"
          confirmLabel="Send again"
          tone="primary"
          busy={busy}
          error={error}
          onConfirm={() => void retry(confirming, true)}
          onCancel={() => setConfirming(null)}
        >
          The app stopped while this message was being sent, so it may have arrived already. Check the Sent folder first: sent again, it may
          arrive twice (with the same Message-ID).
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
