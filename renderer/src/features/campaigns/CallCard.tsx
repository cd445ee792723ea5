import { useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Link } from 'react-router';
import type { CallItem } from '../../../../shared/contract/campaign-results';
import { CALL_OUTCOMES, type CallOutcome } from '../../../../shared/contract/campaigns';
import { useToast } from '../../components/ToastProvider';
import { call, CrmError } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatDateTime } from '../../lib/format';
import { RECORD_PATHS } from '../segments/labels';
import { fromLocalInput } from '../activities/activityTime';
import { OUTCOME_LABELS } from './labels';

/** What each outcome does besides closing the call, said on its button's description. */
const OUTCOME_HINTS: Record<CallOutcome, string> = {
  interested: 'Creates a lead or an opportunity',
  call_back: 'Creates a task for the time given',
  not_interested: 'Closes the call',
  do_not_call: 'Never call this number again',
  no_answer: 'Closes the call',
};

/** One call to make: who, the number, the script; the outcome buttons record it with the note. */
export function CallCard({ item }: { item: CallItem }) {
  const client = useQueryClient();
  const toast = useToast();
  const id = useId();
  const [note, setNote] = useState('');
  const [callbackAt, setCallbackAt] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState<CallOutcome | null>(null);
  const open = item.status === 'open';

  const record = async (outcome: CallOutcome) => {
    setError(null);
    const at = outcome === 'call_back' ? fromLocalInput(callbackAt) : null;
    if (outcome === 'call_back' && !at) {
      setError('When should the call back be? Fill in “Call back at”.');
      document.getElementById(`${id}-callback`)?.focus();
      return;
    }
    setBusy(outcome);
    try {
      const done = await call('calls.record', { id: item.id, outcome, note, ...(at ? { callbackAt: at } : {}) });
      await client.invalidateQueries({ queryKey: ['calls'] });
      await client.invalidateQueries({ queryKey: ['campaigns'] });
      toast.show({ message: `${done.name}: ${OUTCOME_LABELS[outcome].toLowerCase()}${done.created.leadId ? ' · lead created' : done.created.opportunityId ? ' · opportunity created' : ''}` });
    } catch (e) {
      setError(e instanceof CrmError && e.issues?.length ? e.issues.map((i) => i.message).join(' ') : errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <article className="call-card" aria-labelledby={`${id}-name`}>
      <header className="call-card__head">
        <div>
          <h2 id={`${id}-name`}>
            <Link to={`${RECORD_PATHS[item.entity]}/${item.recordId}`}>{item.name}</Link>
          </h2>
          <p className="muted">
            {item.company ?? 'No company'} · <Link to={`/campaigns/${item.campaign.id}`}>{item.campaign.name}</Link>
            {item.assignedTo ? ` · for ${item.assignedTo.name}` : ''}
          </p>
        </div>
        <p className="call-card__phone">{item.phone ? <a href={`tel:${item.phone.replace(/[^\d+]/g, '')}`}>{item.phone}</a> : <span className="muted">No phone number</span>}</p>
      </header>
      <details className="call-card__script" open={open}>
        <summary>Script</summary>
        <p className="call-card__script-text">{item.script}</p>
      </details>
      {open ? (
        <div className="call-card__record">
          <div className="field">
            <label htmlFor={`${id}-note`}>Note</label>
            <textarea id={`${id}-note`} rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
          </div>
          <div className="field call-card__callback">
            <label htmlFor={`${id}-callback`}>Call back at</label>
            <input
              id={`${id}-callback`}
              type="datetime-local"
              value={callbackAt}
              onChange={(e) => setCallbackAt(e.target.value)}
              aria-invalid={error && !callbackAt ? true : undefined}
              aria-describedby={`${id}-callback-hint`}
            />
            <p className="field__hint" id={`${id}-callback-hint`}>
              For “Call back” only.
            </p>
          </div>
          {error ? (
            <p className="field__error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="call-card__outcomes" role="group" aria-label={`Outcome of the call to ${item.name}`}>
            {CALL_OUTCOMES.map((o) => (
              <button
                key={o}
                type="button"
                className={`btn${o === 'interested' ? ' btn--primary' : o === 'do_not_call' ? ' btn--danger' : ''}`}
                disabled={busy !== null}
                title={OUTCOME_HINTS[o]}
                onClick={() => void record(o)}
              >
                {busy === o ? 'Saving…' : OUTCOME_LABELS[o]}
              </button>
            ))}
          </div>
        </div>
      ) : (
        <p>
          <strong>{item.outcome ? OUTCOME_LABELS[item.outcome] : 'Done'}</strong>
          {item.outcomeAt ? ` · ${formatDateTime(item.outcomeAt)}` : ''}
          {item.callbackAt ? ` · call back ${formatDateTime(item.callbackAt)}` : ''}
          {item.note ? ` · ${item.note}` : ''}
        </p>
      )}
    </article>
  );
}
