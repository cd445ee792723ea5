import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import type { Opportunity, Pipeline } from '../../../../shared/contract/opportunities';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { useVersionedRecord } from '../../lib/useVersionedRecord';
import { OpportunityForm, type OpportunityPicks } from './OpportunityForm';
import { opportunityFormValues, type OpportunityFormOutput } from './opportunityFormValues';
import { opportunityKeys } from './queries';

export interface OpportunityEditorProps {
  loaded: Opportunity;
  pipelines: Pipeline[];
}

function picksOf(o: Opportunity): OpportunityPicks {
  return { account: o.account ? { ...o.account } : null, contact: o.primaryContact ? { ...o.primaryContact } : null };
}

/** The edit form of a loaded opportunity; a save carries the version it was loaded with. */
export function OpportunityEditor({ loaded, pipelines }: OpportunityEditorProps) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const record = useVersionedRecord({
    loaded,
    queryKey: opportunityKeys.one,
    get: (id) => call('opportunities.get', { id }),
    update: (id, version, patch: Partial<OpportunityFormOutput>) => call('opportunities.update', { id, version, patch }),
  });
  const close = () => navigate(`/opportunities/${loaded.id}`);
  return (
    <div className="page">
      <PageHeader
        title={`Edit ${loaded.name}`}
        breadcrumb={
          <>
            <Link to="/opportunities">Opportunities</Link> / <Link to={`/opportunities/${loaded.id}`}>{loaded.name}</Link>
          </>
        }
      />
      <OpportunityForm
        defaultValues={opportunityFormValues(pipelines, loaded)}
        picks={picksOf(loaded)}
        pipelines={pipelines}
        owner={loaded.owner}
        submitLabel="Save"
        onCancel={close}
        onSave={async (_values, changed) => {
          await record.save(changed);
          void client.invalidateQueries({ queryKey: opportunityKeys.stageHistory(loaded.id) });
          void client.invalidateQueries({ queryKey: ['opportunities', 'board'] });
          close();
        }}
        onReload={async () => {
          const fresh = await record.reload();
          return { values: opportunityFormValues(pipelines, fresh), picks: picksOf(fresh) };
        }}
      />
    </div>
  );
}
