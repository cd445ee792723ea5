import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { useAccount } from '../accounts/queries';
import { OpportunityForm } from './OpportunityForm';
import { opportunityFormValues } from './opportunityFormValues';
import { opportunityKeys, usePipelines } from './queries';

/** A new opportunity; `?accountId=` preselects the account. */
export function OpportunityNewPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const accountId = Number(params.get('accountId')) || 0;
  const account = useAccount(accountId);
  const pipelines = usePipelines();
  if ((accountId && account.isPending) || pipelines.isPending) return <p className="page muted">Loading…</p>;
  if (pipelines.isError) return <p className="page" role="alert">Could not load the pipelines: {pipelines.error.message}</p>;
  const preset = account.data ? { id: account.data.id, name: account.data.name } : null;
  const back = () => navigate(preset ? `/accounts/${preset.id}` : '/opportunities');
  return (
    <div className="page">
      <PageHeader title="New opportunity" subtitle={preset ? `for ${preset.name}` : undefined} />
      <OpportunityForm
        defaultValues={opportunityFormValues(pipelines.data, undefined, preset?.id)}
        picks={{ account: preset, contact: null }}
        pipelines={pipelines.data}
        submitLabel="Create opportunity"
        onCancel={back}
        onSave={async (values) => {
          const created = await call('opportunities.create', values);
          client.setQueryData(opportunityKeys.one(created.id), created);
          void client.invalidateQueries({ queryKey: ['opportunities', 'board'] });
          navigate(`/opportunities/${created.id}`, { replace: true });
        }}
      />
    </div>
  );
}
