import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { useAccount } from '../accounts/queries';
import { ContactForm } from './ContactForm';
import { contactFormValues } from './contactFormValues';
import { contactKeys } from './queries';

/** A new contact; `?accountId=` preselects the account (from an account's page). */
export function ContactNewPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const [params] = useSearchParams();
  const accountId = Number(params.get('accountId')) || 0;
  const account = useAccount(accountId);
  if (accountId && account.isPending) return <p className="page muted">Loading…</p>;
  const preset = account.data ? { id: account.data.id, name: account.data.name } : null;
  const back = () => navigate(preset ? `/accounts/${preset.id}` : '/contacts');
  return (
    <div className="page">
      <PageHeader title="New contact" subtitle={preset ? `at ${preset.name}` : undefined} />
      <ContactForm
        defaultValues={contactFormValues(undefined, preset)}
        account={preset}
        submitLabel="Create contact"
        onCancel={back}
        onSave={async (values) => {
          const created = await call('contacts.create', values);
          client.setQueryData(contactKeys.one(created.id), created);
          navigate(`/contacts/${created.id}`, { replace: true });
        }}
      />
    </div>
  );
}
