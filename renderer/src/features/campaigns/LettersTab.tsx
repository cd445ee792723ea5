import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { Step } from '../../../../shared/contract/campaigns';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { base64ToBytes, downloadFile } from '../../lib/downloadFile';
import { errorMessage } from '../../lib/formErrors';
import { formatCount } from '../../lib/format';
import { useCampaignContext } from './campaignContext';
import { campaignKeys, useCampaignProgress } from './queries';

/** Print the letters a letter step has queued (one PDF), then mark them as mailed so the journey goes on. */
export function LettersTab() {
  const { campaign } = useCampaignContext();
  const progress = useCampaignProgress(campaign.id, campaign.status === 'active');
  const letterSteps = campaign.steps.map((s, i) => ({ step: s, number: i + 1 })).filter(({ step }) => step.channel === 'letter');
  if (!letterSteps.length) return <p className="muted">The journey has no letter step.</p>;
  return (
    <div className="campaign-letters">
      {letterSteps.map(({ step, number }) => (
        <LetterStep key={step.id} step={step} number={number} queued={progress.data?.steps.find((s) => s.stepId === step.id)?.queued ?? null} />
      ))}
    </div>
  );
}

function LetterStep({ step, number, queued }: { step: Step; number: number; queued: number | null }) {
  const { campaign } = useCampaignContext();
  const client = useQueryClient();
  const toast = useToast();
  const [busy, setBusy] = useState<'pdf' | 'mailed' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const title = `Step ${number}: letter${step.channel === 'letter' && step.subject ? ` “${step.subject}”` : ''}`;

  const download = async () => {
    setBusy('pdf');
    setError(null);
    try {
      const result = await call('campaigns.letters', { stepId: step.id });
      setWarnings(result.warnings);
      if (result.contentBase64 !== null) downloadFile(result.fileName, base64ToBytes(result.contentBase64), 'application/pdf');
      if (result.contentBase64 !== null || result.savedTo !== null) toast.show({ message: `${formatCount(result.letters, 'letter')} saved to ${result.savedTo ?? result.fileName}` });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const markMailed = async () => {
    setBusy('mailed');
    try {
      const result = await call('campaigns.lettersMailed', { stepId: step.id });
      setConfirming(false);
      await client.invalidateQueries({ queryKey: campaignKeys.progress(campaign.id) });
      await client.invalidateQueries({ queryKey: ['campaigns', 'members', campaign.id] });
      toast.show({ message: `${formatCount(result.mailed, 'letter')} marked as mailed` });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  const headingId = `letters-${step.id}`;
  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section__head">
        <h2 id={headingId}>{title}</h2>
        <span className="muted" aria-live="polite">
          {queued === null ? '' : `${formatCount(queued, 'letter')} waiting to be printed and mailed`}
        </span>
      </div>
      <ErrorBanner title="That did not work" messages={error && !confirming ? [error] : []} />
      {warnings.length > 0 && (
        <div className="banner banner--warning" role="status">
          <p>Printed with these differences:</p>
          <ul>
            {warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <div className="campaign-letters__actions">
        <button type="button" className="btn" disabled={busy !== null || queued === 0} onClick={() => void download()}>
          {busy === 'pdf' ? 'Making the PDF…' : 'Download letters (PDF)'}
        </button>
        <button type="button" className="btn btn--primary" disabled={busy !== null || queued === 0} onClick={() => setConfirming(true)}>
          Mark as mailed
        </button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title="Mark the letters as mailed?"
          confirmLabel="Mark as mailed"
          tone="primary"
          busy={busy === 'mailed'}
          error={error}
          onConfirm={() => void markMailed()}
          onCancel={() => setConfirming(false)}
        >
          {queued === null ? 'The queued letters' : `The ${formatCount(queued, 'queued letter')}`} count as sent and their members move on to the next step. Print them
          first.
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
