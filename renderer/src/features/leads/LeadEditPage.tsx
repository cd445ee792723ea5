import { Link, useParams } from 'react-router';
import { DeletedRecordNotice } from '../../components/DeletedRecordNotice';
import { RecordLoadState } from '../../components/RecordLoadState';
import { LeadEditor } from './LeadEditor';
import { useLead } from './queries';

/** Loads a lead and opens its edit form (not while it is in the recycle bin, nor once converted). */
export function LeadEditPage() {
  const id = Number(useParams().id);
  const lead = useLead(id);
  if (!lead.isSuccess) return <RecordLoadState query={lead} noun="lead" />;
  if (lead.data.deletedAt) return <DeletedRecordNotice noun="lead" recordPath={`/leads/${id}`} />;
  if (lead.data.status === 'converted') {
    return (
      <div className="page">
        <p className="banner banner--muted">
          This lead has been converted and can no longer be edited. <Link to={`/leads/${id}`}>Back to the lead</Link>
        </p>
      </div>
    );
  }
  return <LeadEditor key={id} loaded={lead.data} />;
}
