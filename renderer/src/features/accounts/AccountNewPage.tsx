import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { AccountForm } from './AccountForm';
import { accountFormValues } from './accountFormValues';
import { accountKeys } from './queries';

export function AccountNewPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  return (
    <div className="page">
      <PageHeader title="New account" />
      <AccountForm
        defaultValues={accountFormValues()}
        parent={null}
        submitLabel="Create account"
        onCancel={() => navigate('/accounts')}
        onSave={async (values) => {
          const created = await call('accounts.create', values);
          client.setQueryData(accountKeys.one(created.id), created);
          navigate(`/accounts/${created.id}`, { replace: true });
        }}
      />
    </div>
  );
}
