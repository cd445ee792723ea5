import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { LeadForm } from './LeadForm';
import { leadFormValues } from './leadFormValues';
import { leadKeys } from './queries';

/** A new lead; likely duplicates are shown while typing, saving is still allowed. */
export function LeadNewPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  return (
    <div className="page">
      <PageHeader title="New lead" />
      <LeadForm
        defaultValues={leadFormValues()}
        submitLabel="Create lead"
        onCancel={() => navigate('/leads')}
        onSave={async (values) => {
          const created = await call('leads.create', values);
          client.setQueryData(leadKeys.one(created.id), created);
          navigate(`/leads/${created.id}`, { replace: true });
        }}
      />
    </div>
  );
}
