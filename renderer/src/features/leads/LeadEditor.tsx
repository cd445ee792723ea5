import { Link, useNavigate } from 'react-router';
import type { Lead } from '../../../../shared/contract/leads';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { useVersionedRecord } from '../../lib/useVersionedRecord';
import { LeadForm } from './LeadForm';
import { leadFormValues, type LeadFormOutput } from './leadFormValues';
import { leadKeys, leadName } from './queries';

export interface LeadEditorProps {
  loaded: Lead;
}

/** The edit form of a loaded lead; a save carries the version it was loaded with. */
export function LeadEditor({ loaded }: LeadEditorProps) {
  const navigate = useNavigate();
  const record = useVersionedRecord({
    loaded,
    queryKey: leadKeys.one,
    get: (id) => call('leads.get', { id }),
    update: (id, version, patch: Partial<LeadFormOutput>) => call('leads.update', { id, version, patch }),
  });
  const close = () => navigate(`/leads/${loaded.id}`);
  return (
    <div className="page">
      <PageHeader
        title={`Edit ${leadName(loaded)}`}
        breadcrumb={
          <>
            <Link to="/leads">Leads</Link> / <Link to={`/leads/${loaded.id}`}>{leadName(loaded)}</Link>
          </>
        }
      />
      <LeadForm
        defaultValues={leadFormValues(loaded)}
        leadId={loaded.id}
        owner={loaded.owner}
        submitLabel="Save"
        onCancel={close}
        onSave={async (_values, changed) => {
          await record.save(changed);
          close();
        }}
        onReload={async () => leadFormValues(await record.reload())}
      />
    </div>
  );
}
