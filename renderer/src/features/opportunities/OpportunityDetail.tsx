import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatMoney } from '../../../../shared/money';
import { DetailList } from '../../components/DetailList';
import { HistoryList } from '../../components/HistoryList';
import { RecordLoadState } from '../../components/RecordLoadState';
import { RecordPageFrame } from '../../components/RecordPageFrame';
import { Section } from '../../components/Section';
import { call } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { useDeleteWithUndo } from '../../lib/useDeleteWithUndo';
import { useRecordChanged } from '../../lib/useRecordChanged';
import { useRecordHistory } from '../../lib/useRecordHistory';
import { useReferenceNames } from '../../lib/useReferenceNames';
import { RecordActivityPanel } from '../activities/RecordActivityPanel';
import { OpportunityQuotes } from '../quotes/OpportunityQuotes';
import { StageHistoryTable } from './StageHistoryTable';
import { forecastCategoryLabel } from './labels';
import { opportunityKeys, useOpportunity, useStageHistory } from './queries';
import './opportunities.css';

/** One opportunity: fields, stage history, activities, history; edit, delete (with undo) or restore. */
export function OpportunityDetail() {
  const id = Number(useParams().id);
  const client = useQueryClient();
  const opportunity = useOpportunity(id);
  const stages = useStageHistory(id);
  const history = useRecordHistory('opportunity', id);
  const describe = useReferenceNames(history.data);
  // The app's live queries only know accounts and contacts: refresh this page when the opportunity changes elsewhere.
  useRecordChanged((change) => {
    if (change.entity !== 'opportunity' || change.id !== id) return;
    void client.invalidateQueries({ queryKey: opportunityKeys.one(id) });
    void client.invalidateQueries({ queryKey: opportunityKeys.stageHistory(id) });
  });
  const actions = useDeleteWithUndo({
    listPath: '/opportunities',
    remove: async () => {
      await call('opportunities.delete', { id });
      await client.invalidateQueries({ queryKey: ['opportunities'] });
    },
    restore: async () => {
      await call('opportunities.restore', { id });
      await client.invalidateQueries({ queryKey: ['opportunities'] });
    },
  });

  if (!opportunity.isSuccess) return <RecordLoadState query={opportunity} noun="opportunity" />;
  const o = opportunity.data;

  return (
    <RecordPageFrame
      noun="opportunity"
      title={o.name}
      subtitle={[o.account?.name, `${o.stage.name} · ${formatMoney(o.amount)}`].filter(Boolean).join(' · ')}
      breadcrumb={<Link to="/opportunities">Opportunities</Link>}
      editPath={`/opportunities/${id}/edit`}
      deleted={Boolean(o.deletedAt)}
      actions={actions}
      deletedMessage={`Opportunity deleted: ${o.name}`}
    >
      <div className="detail-columns">
        <Section title="Details">
          <DetailList
            items={[
              { label: 'Name', value: o.name },
              { label: 'Account', value: o.account ? <Link to={`/accounts/${o.account.id}`}>{o.account.name}</Link> : null },
              { label: 'Primary contact', value: o.primaryContact ? <Link to={`/contacts/${o.primaryContact.id}`}>{o.primaryContact.name}</Link> : null },
              { label: 'Pipeline', value: <Link to={`/pipeline?pipelineId=${o.pipeline.id}`}>{o.pipeline.name}</Link> },
              { label: 'Stage', value: o.stage.name },
              { label: 'Amount', value: formatMoney(o.amount) },
              { label: 'Probability', value: `${o.probability} %` },
              { label: 'Expected close', value: o.expectedCloseDate ? formatDate(o.expectedCloseDate) : null },
              { label: 'Forecast category', value: forecastCategoryLabel(o.forecastCategory) },
              { label: 'Next step', value: o.nextStep },
              ...(o.stage.kind === 'lost' ? [{ label: 'Lost reason', value: o.lostReason }] : []),
              { label: 'Closed', value: o.closedAt ? formatDateTime(o.closedAt) : null },
              { label: 'Owner', value: o.owner.name },
              { label: 'Keep this owner', value: o.ownerLocked ? 'Yes' : 'No' },
              { label: 'Last changed', value: `${formatDateTime(o.updatedAt)} by ${o.updatedBy.name}` },
            ]}
          />
        </Section>
        <Section title="History">
          <HistoryList entries={history.data} loading={history.isPending} describe={describe} />
        </Section>
      </div>
      <OpportunityQuotes opportunityId={id} />
      <Section title="Stage history">
        <StageHistoryTable changes={stages.data} loading={stages.isPending} />
      </Section>
      <RecordActivityPanel entity="opportunity" id={id} />
    </RecordPageFrame>
  );
}
