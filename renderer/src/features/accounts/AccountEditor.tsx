import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Account } from '../../../../shared/contract/accounts';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { AccountForm } from './AccountForm';
import { accountFormValues } from './accountFormValues';
import { accountKeys } from './queries';

export interface AccountEditorProps {
  loaded: Account;
}

/** The edit form of a loaded account; a save carries the version it was loaded with. */
export function AccountEditor({ loaded }: AccountEditorProps) {
  const navigate = useNavigate();
  const client = useQueryClient();
  const version = useRef(loaded.version);
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
        submitLabel="Save"
        onCancel={close}
        onSave={async (_values, changed) => {
          if (Object.keys(changed).length) {
            const saved = await call('accounts.update', { id: loaded.id, version: version.current, patch: changed });
            version.current = saved.version;
            client.setQueryData(accountKeys.one(saved.id), saved);
          }
          close();
        }}
        onReload={async () => {
          const fresh = await call('accounts.get', { id: loaded.id });
          version.current = fresh.version;
          client.setQueryData(accountKeys.one(fresh.id), fresh);
          return { values: accountFormValues(fresh), parent: fresh.parentAccount ? { ...fresh.parentAccount } : null };
        }}
      />
    </div>
  );
}
