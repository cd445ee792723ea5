import { useParams } from 'react-router';
import { DeletedRecordNotice } from '../../components/DeletedRecordNotice';
import { RecordLoadState } from '../../components/RecordLoadState';
import { OpportunityEditor } from './OpportunityEditor';
import { useOpportunity, usePipelines } from './queries';

/** Loads an opportunity and opens its edit form (not while it is in the recycle bin). */
export function OpportunityEditPage() {
  const id = Number(useParams().id);
  const opportunity = useOpportunity(id);
  // Inactive pipelines too: the opportunity may sit in one.
  const pipelines = usePipelines(true);
  if (!opportunity.isSuccess) return <RecordLoadState query={opportunity} noun="opportunity" />;
  if (opportunity.data.deletedAt) return <DeletedRecordNotice noun="opportunity" recordPath={`/opportunities/${id}`} />;
  if (pipelines.isPending) return <p className="page muted">Loading…</p>;
  if (pipelines.isError) return <p className="page" role="alert">Could not load the pipelines: {pipelines.error.message}</p>;
  return <OpportunityEditor key={id} loaded={opportunity.data} pipelines={pipelines.data} />;
}
