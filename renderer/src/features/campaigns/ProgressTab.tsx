import { ErrorBanner } from '../../components/ErrorBanner';
import { errorMessage } from '../../lib/formErrors';
import { useCampaignContext } from './campaignContext';
import { FailedSends } from './FailedSends';
import { formatWait } from './campaignFormat';
import { CHANNEL_LABELS } from './labels';
import { useCampaignProgress } from './queries';

const n = (v: number) => v.toLocaleString('en');

/** Where each step stands: sent, queued (letters and calls waiting for a person), skipped, failed, waiting. Live while it runs. */
export function ProgressTab() {
  const { campaign } = useCampaignContext();
  const live = campaign.status === 'active';
  const progress = useCampaignProgress(campaign.id, live);
  const p = progress.data;
  const counts = new Map(p?.steps.map((s) => [s.stepId, s]));
  return (
    <div className="campaign-progress">
      {progress.isError ? <ErrorBanner title="Cannot load the progress" messages={[errorMessage(progress.error)]} /> : null}
      {p ? (
        <>
          <dl className="campaign-figures" role="group" aria-label="Campaign progress">
            <div>
              <dt>Members</dt>
              <dd>{n(p.members)}</dd>
            </div>
            <div>
              <dt>Still to do</dt>
              <dd>{n(p.remaining)}</dd>
            </div>
            <div>
              <dt>Failed</dt>
              <dd className={p.failed ? 'campaign-figures--bad' : ''}>{n(p.failed)}</dd>
            </div>
          </dl>
          <p className="muted" aria-live="polite">
            {live ? 'Updates as messages go out.' : campaign.status === 'planned' ? 'Nothing is sent before the campaign starts.' : `The campaign is ${campaign.status}.`}
          </p>
          {campaign.steps.length === 0 ? (
            <p className="muted">The journey has no steps.</p>
          ) : (
            <table className="campaign-table" aria-label="Progress per step">
              <thead>
                <tr>
                  <th scope="col">Step</th>
                  <th scope="col">Wait</th>
                  <th scope="col" className="num">
                    Sent
                  </th>
                  <th scope="col" className="num">
                    Queued
                  </th>
                  <th scope="col" className="num">
                    Skipped
                  </th>
                  <th scope="col" className="num">
                    Failed
                  </th>
                  <th scope="col" className="num">
                    Waiting
                  </th>
                </tr>
              </thead>
              <tbody>
                {campaign.steps.map((step, i) => {
                  const c = counts.get(step.id);
                  return (
                    <tr key={step.id}>
                      <th scope="row">
                        {i + 1}. {CHANNEL_LABELS[step.channel]}
                        {step.winnerVariant ? <span className="tag">winner {step.winnerVariant}</span> : null}
                      </th>
                      <td>{formatWait(step.delayMinutes)}</td>
                      <td className="num">{c ? n(c.sent) : '—'}</td>
                      <td className="num">{c ? n(c.queued) : '—'}</td>
                      <td className="num">{c ? n(c.skipped) : '—'}</td>
                      <td className={`num${c?.failed ? ' campaign-figures--bad' : ''}`}>{c ? n(c.failed) : '—'}</td>
                      <td className="num">{c ? n(c.waiting) : '—'}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          {p.failed > 0 ? <FailedSends campaignId={campaign.id} /> : null}
        </>
      ) : progress.isError ? null : (
        <p className="muted">Loading…</p>
      )}
    </div>
  );
}
