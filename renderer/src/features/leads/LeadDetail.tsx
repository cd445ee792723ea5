import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import type { Lead } from '../../../../shared/contract/leads';
import { DetailList } from '../../components/DetailList';
import { ErrorBanner } from '../../components/ErrorBanner';
import { HistoryList } from '../../components/HistoryList';
import { PageHeader } from '../../components/PageHeader';
import { RecordLoadState } from '../../components/RecordLoadState';
import { RecycleBinBanner } from '../../components/RecycleBinBanner';
import { Section } from '../../components/Section';
import { TagsAndFieldsSection } from '../tags/TagsAndFieldsSection';
import { call } from '../../lib/api';
import { formatAddress, formatDateTime } from '../../lib/format';
import { useDeleteWithUndo } from '../../lib/useDeleteWithUndo';
import { useRecordChanged } from '../../lib/useRecordChanged';
import { useRecordHistory } from '../../lib/useRecordHistory';
import { useReferenceNames } from '../../lib/useReferenceNames';
import { RecordActivityPanel } from '../activities/RecordActivityPanel';
import { AssignmentHistoryPanel } from '../territories/AssignmentHistoryPanel';
import { leadKeys, leadName, optionLabel, useLead } from './queries';
import { ScoreReasons } from './ScoreReasons';
import './leads.css';

function statusText(l: Lead): string {
  if (l.status === 'disqualified' && l.disqualifiedReason) return `Disqualified: ${l.disqualifiedReason}`;
  return optionLabel(l.status);
}

/** One lead: fields, score and its reasons, conversion links, activities, history; edit, convert, delete (with undo) or restore. */
export function LeadDetail() {
  const id = Number(useParams().id);
  const client = useQueryClient();
  const lead = useLead(id);
  const history = useRecordHistory('lead', id);
  // The score follows the lead's activities, and the app-wide live refresh does not know leads yet.
  useRecordChanged((change) => {
    if ((change.entity === 'lead' && change.id === id) || change.entity === 'activity') {
      void client.invalidateQueries({ queryKey: leadKeys.one(id) });
    }
  });
  const describe = useReferenceNames(history.data);
  const actions = useDeleteWithUndo({
    listPath: '/leads',
    remove: async () => {
      await call('leads.delete', { id });
      await client.invalidateQueries({ queryKey: leadKeys.one(id) });
    },
    restore: async () => {
      await call('leads.restore', { id });
      await client.invalidateQueries({ queryKey: ['leads'] });
    },
  });

  if (!lead.isSuccess) return <RecordLoadState query={lead} noun="lead" />;
  const l = lead.data;
  const name = leadName(l);
  const deleted = Boolean(l.deletedAt);
  const converted = l.status === 'converted';

  return (
    <div className="page">
      <PageHeader
        title={name}
        subtitle={[l.title, l.company].filter(Boolean).join(' · ') || undefined}
        breadcrumb={<Link to="/leads">Leads</Link>}
        actions={
          deleted ? null : (
            <>
              {converted ? null : (
                <>
                  <Link className="btn btn--primary" to={`/leads/${id}/convert`}>
                    Convert
                  </Link>
                  <Link className="btn" to={`/leads/${id}/edit`}>
                    Edit
                  </Link>
                </>
              )}
              <button type="button" className="btn btn--danger" onClick={() => void actions.remove(`Lead deleted: ${name}`)} disabled={actions.busy}>
                Delete
              </button>
            </>
          )
        }
      />
      {deleted ? <RecycleBinBanner noun="lead" restoring={actions.busy} onRestore={actions.restore} /> : null}
      <ErrorBanner title="Something went wrong" messages={actions.failure ? [actions.failure] : []} />
      {converted ? (
        <div className="banner banner--muted lead-converted" role="note" aria-label="Converted">
          <p className="lead-converted__text">
            Converted{l.convertedAt ? ` on ${formatDateTime(l.convertedAt)}` : ''} into:{' '}
            {[
              l.convertedAccountId ? { label: 'Account', to: `/accounts/${l.convertedAccountId}` } : null,
              l.convertedContactId ? { label: 'Contact', to: `/contacts/${l.convertedContactId}` } : null,
              l.convertedOpportunityId ? { label: 'Opportunity', to: `/opportunities/${l.convertedOpportunityId}` } : null,
            ]
              .filter((x): x is { label: string; to: string } => x !== null)
              .map((x, i) => (
                <span key={x.label}>
                  {i > 0 ? ' · ' : ''}
                  <Link to={x.to}>{x.label}</Link>
                </span>
              ))}
          </p>
        </div>
      ) : null}
      <div className="detail-columns">
        <Section title="Details">
          <DetailList
            items={[
              { label: 'First name', value: l.firstName },
              { label: 'Last name', value: l.lastName },
              { label: 'Company', value: l.company },
              { label: 'Title', value: l.title },
              { label: 'E-mail', value: l.email },
              { label: 'Phone', value: l.phone },
              { label: 'Address', value: formatAddress(l.address) },
              { label: 'Industry', value: l.industry },
              { label: 'Employees', value: l.employees === null ? null : String(l.employees) },
              { label: 'Source', value: optionLabel(l.source) },
              { label: 'Status', value: statusText(l) },
              { label: 'Rating', value: l.rating ? optionLabel(l.rating) : null },
              { label: 'Owner', value: l.owner.name },
              { label: 'Keep this owner', value: l.ownerLocked ? 'Yes' : 'No' },
              { label: 'Territory', value: l.territory?.name },
              { label: 'Last touch', value: l.lastTouchAt ? formatDateTime(l.lastTouchAt) : null },
              { label: 'Last changed', value: `${formatDateTime(l.updatedAt)} by ${l.updatedBy.name}` },
            ]}
          />
        </Section>
        <Section title="Score">
          <ScoreReasons score={l.score} reasons={l.scoreReasons} />
        </Section>
      </div>
      <TagsAndFieldsSection entity="lead" id={id} deleted={deleted} />
      <RecordActivityPanel entity="lead" id={id} />
      <AssignmentHistoryPanel entity="lead" recordId={id} />
      <Section title="History">
        <HistoryList entries={history.data} loading={history.isPending} describe={describe} />
      </Section>
    </div>
  );
}
