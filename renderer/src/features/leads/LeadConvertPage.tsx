import { useParams } from 'react-router';
import { DeletedRecordNotice } from '../../components/DeletedRecordNotice';
import { RecordLoadState } from '../../components/RecordLoadState';
import { LeadConvertForm } from './LeadConvertForm';
import { useLead } from './queries';

/** Loads a lead and opens the conversion form (not in the recycle bin; a converted lead links to what it became). */
export function LeadConvertPage() {
  const id = Number(useParams().id);
  const lead = useLead(id);
  if (!lead.isSuccess) return <RecordLoadState query={lead} noun="lead" />;
  if (lead.data.deletedAt) return <DeletedRecordNotice noun="lead" recordPath={`/leads/${id}`} />;
  return <LeadConvertForm key={id} lead={lead.data} />;
}
