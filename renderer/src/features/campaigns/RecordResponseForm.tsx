import { useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { RESPONSE_KINDS, type MemberRow, type ResponseKind } from '../../../../shared/contract/campaigns';
import { ErrorBanner } from '../../components/ErrorBanner';
import { RecordPicker, type PickedRecord } from '../../components/RecordPicker';
import { useToast } from '../../components/ToastProvider';
import { call, CrmError } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { fromLocalInput } from '../activities/activityTime';
import { RESPONSE_LABELS } from './labels';

/** How many members the picker searches through (one page of campaigns.members). */
const SEARCHED = 500;

/** Record that a member answered: pick them by name or e-mail, say how and when. */
export function RecordResponseForm({ campaignId }: { campaignId: number }) {
  const client = useQueryClient();
  const toast = useToast();
  const [member, setMember] = useState<PickedRecord | null>(null);
  const [kind, setKind] = useState<ResponseKind>('replied');
  const [note, setNote] = useState('');
  const [at, setAt] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const rows = useMemo(() => new Map<number, MemberRow>(), []);

  const search = async (text: string): Promise<PickedRecord[]> => {
    const page = await client.fetchQuery({
      queryKey: ['campaigns', 'members', campaignId, 0, SEARCHED],
      queryFn: () => call('campaigns.members', { id: campaignId, offset: 0, limit: SEARCHED }),
      staleTime: 10_000,
    });
    const t = text.trim().toLowerCase();
    return page.rows
      .filter((m) => m.name.toLowerCase().includes(t) || (m.email ?? '').toLowerCase().includes(t))
      .slice(0, 20)
      .map((m) => {
        rows.set(m.id, m);
        return { id: m.id, name: m.email ? `${m.name} <${m.email}>` : m.name };
      });
  };

  const submit = async () => {
    setErrors([]);
    const picked = member ? rows.get(member.id) : undefined;
    if (!picked) {
      setErrors(['Pick the member who responded.']);
      return;
    }
    const respondedAt = at ? fromLocalInput(at) : null;
    if (at && !respondedAt) {
      setErrors(['The date and time cannot be read.']);
      return;
    }
    setBusy(true);
    try {
      await call('campaigns.recordResponse', { campaignId, entity: picked.entity, recordId: picked.recordId, kind, note, ...(respondedAt ? { respondedAt } : {}) });
      setMember(null);
      setNote('');
      setAt('');
      await client.invalidateQueries({ queryKey: ['campaigns'] });
      toast.show({ message: `Response of ${picked.name} recorded` });
    } catch (error) {
      setErrors(error instanceof CrmError && error.issues?.length ? error.issues.map((i) => i.message) : [errorMessage(error)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="campaign-response-form"
      aria-label="Record a response"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <ErrorBanner title="Not recorded" messages={errors} />
      <div className="form-grid">
        <div className="field">
          <label htmlFor="response-member">Member</label>
          <RecordPicker id="response-member" value={member} onChange={setMember} search={search} placeholder="Type a name or e-mail" describedById="response-member-hint" />
          <p className="field__hint" id="response-member-hint">
            Arrow Down lists the first members.
          </p>
        </div>
        <div className="field">
          <label htmlFor="response-kind">Response</label>
          <select id="response-kind" value={kind} onChange={(e) => setKind(e.target.value as ResponseKind)}>
            {RESPONSE_KINDS.map((k) => (
              <option key={k} value={k}>
                {RESPONSE_LABELS[k]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="response-at">When</label>
          <input id="response-at" type="datetime-local" value={at} onChange={(e) => setAt(e.target.value)} aria-describedby="response-at-hint" />
          <p className="field__hint" id="response-at-hint">
            Empty: now.
          </p>
        </div>
        <div className="field field--wide">
          <label htmlFor="response-note">Note</label>
          <input id="response-note" type="text" maxLength={500} value={note} onChange={(e) => setNote(e.target.value)} />
        </div>
      </div>
      {kind === 'unsubscribed' ? <p className="field__hint">An unsubscribe also opts the record out of e-mail.</p> : null}
      <div>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          {busy ? 'Recording…' : 'Record response'}
        </button>
      </div>
    </form>
  );
}
