import { Link, useNavigate } from 'react-router';
import type { Account } from '../../../../shared/contract/accounts';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { useVersionedRecord } from '../../lib/useVersionedRecord';
import { AccountForm } from './AccountForm';
import { accountFormValues, type AccountFormOutput } from './accountFormValues';
import { accountKeys } from './queries';

export interface AccountEditorProps {
  loaded: Account;
}

/** The edit form of a loaded account; a save carries the version it was loaded with. */
export function AccountEditor({ loaded }: AccountEditorProps) {
  const navigate = useNavigate();
  const record = useVersionedRecord({
    loaded,
    queryKey: accountKeys.one,
    get: (id) => call('accounts.get', { id }),
    update: (id, version, patch: Partial<AccountFormOutput>) => call('accounts.update', { id, version, patch }),
  });
  const close = () => navigate(`/accounts/${loaded.id}`);
  return (
    <div className="page">
      <PageHeader
        title={`Edit ${loaded.name}`}
        breadcrumb={
          <>
            <Link to="/accounts">Accounts</Link> / <Link to={`/accounts/${loaded.id}`}>{loaded.name}</Link>
          </>
        }
      />
      <AccountForm
        defaultValues={accountFormValues(loaded)}
        parent={loaded.parentAccount ? { ...loaded.parentAccount } : null}
        selfId={loaded.id}
        owner={loaded.owner}
        submitLabel="Save"
        onCancel={close}
        onSave={async (_values, changed) => {
          await record.save(changed);
          close();
        }}
        onReload={async () => {
          const fresh = await record.reload();
          return { values: accountFormValues(fresh), parent: fresh.parentAccount ? { ...fresh.parentAccount } : null };
        }}
      />
    </div>
  );
}
