import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { CampaignResponse } from '../../../../shared/contract/campaign-results';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Section } from '../../components/Section';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatDateTime } from '../../lib/format';
import { RECORD_PATHS } from '../segments/labels';
import { useCampaignContext } from './campaignContext';
import { ImportResponses } from './ImportResponses';
import { RESPONSE_LABELS, RESPONSE_SOURCE_LABELS } from './labels';
import { Pager } from './Pager';
import { useCampaignResponses } from './queries';
import { RecordResponseForm } from './RecordResponseForm';

const PAGE = 50;

/** What came back: the responses, newest first; record one by hand, import a CSV, delete a mistake. */
export function ResponsesTab() {
  const { campaign } = useCampaignContext();
  const client = useQueryClient();
  const toast = useToast();
  const [offset, setOffset] = useState(0);
  const responses = useCampaignResponses(campaign.id, offset, PAGE);
  const [deleting, setDeleting] = useState<CampaignResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const data = responses.data;

  const remove = async () => {
    if (!deleting) return;
    setBusy(true);
    try {
      await call('campaigns.deleteResponse', { id: deleting.id });
      await client.invalidateQueries({ queryKey: ['campaigns'] });
      toast.show({ message: `Response of ${deleting.name} deleted` });
      setDeleting(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="campaign-responses">
      <Section title="Responses">
        {responses.isError ? <ErrorBanner title="Cannot load the responses" messages={[errorMessage(responses.error)]} /> : null}
        {data && data.total === 0 ? <p className="muted">No responses yet.</p> : null}
        {data?.rows.length ? (
          <>
            <table className="campaign-table" aria-label="Responses">
              <thead>
                <tr>
                  <th scope="col">Who</th>
                  <th scope="col">Response</th>
                  <th scope="col">When</th>
                  <th scope="col">From</th>
                  <th scope="col">Note</th>
                  <th scope="col">Recorded by</th>
                  <th scope="col">
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.rows.map((r) => (
                  <tr key={r.id}>
                    <td>
                      <Link to={`${RECORD_PATHS[r.entity]}/${r.recordId}`}>{r.name}</Link>
                    </td>
                    <td>{RESPONSE_LABELS[r.kind]}</td>
                    <td>{formatDateTime(r.respondedAt)}</td>
                    <td>{RESPONSE_SOURCE_LABELS[r.source]}</td>
                    <td>{r.note ?? <span className="muted">—</span>}</td>
                    <td>{r.createdBy.name}</td>
                    <td>
                      <button
                        type="button"
                        className="btn btn--small btn--ghost"
                        aria-label={`Delete the response of ${r.name}`}
                        onClick={() => {
                          setError(null);
                          setDeleting(r);
                        }}
                      >
                        Delete
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager label="Responses pages" offset={offset} limit={PAGE} total={data.total} onChange={setOffset} />
          </>
        ) : null}
      </Section>
      <Section title="Record a response">
        {campaign.memberCount === 0 ? <p className="muted">Responses come from members: start the campaign (or enrol records) first.</p> : <RecordResponseForm campaignId={campaign.id} />}
      </Section>
      <Section title="Import responses">
        <ImportResponses campaignId={campaign.id} />
      </Section>
      {deleting ? (
        <ConfirmDialog
          title={`Delete the response of ${deleting.name}?`}
          confirmLabel="Delete response"
          busy={busy}
          error={error}
          onConfirm={() => void remove()}
          onCancel={() => setDeleting(null)}
        >
          {RESPONSE_LABELS[deleting.kind]} on {formatDateTime(deleting.respondedAt)}. The ROI report no longer counts it.
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
