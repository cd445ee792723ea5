import { Link, useNavigate } from 'react-router';
import type { Contact } from '../../../../shared/contract/contacts';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { useVersionedRecord } from '../../lib/useVersionedRecord';
import { ContactForm } from './ContactForm';
import { contactFormValues, type ContactFormOutput } from './contactFormValues';
import { contactKeys, contactName } from './queries';

export interface ContactEditorProps {
  loaded: Contact;
}

/** The edit form of a loaded contact; a save carries the version it was loaded with. */
export function ContactEditor({ loaded }: ContactEditorProps) {
  const navigate = useNavigate();
  const record = useVersionedRecord({
    loaded,
    queryKey: contactKeys.one,
    get: (id) => call('contacts.get', { id }),
    update: (id, version, patch: Partial<ContactFormOutput>) => call('contacts.update', { id, version, patch }),
  });
  const account = loaded.account ? { id: loaded.account.id, name: loaded.account.name } : null;
  const close = () => navigate(`/contacts/${loaded.id}`);
  return (
    <div className="page">
      <PageHeader
        title={`Edit ${contactName(loaded)}`}
        breadcrumb={
          <>
            <Link to="/contacts">Contacts</Link> / <Link to={`/contacts/${loaded.id}`}>{contactName(loaded)}</Link>
          </>
        }
      />
      <ContactForm
        defaultValues={contactFormValues(loaded)}
        account={account}
        owner={loaded.owner}
        submitLabel="Save"
        onCancel={close}
        onSave={async (_values, changed) => {
          await record.save(changed);
          close();
        }}
        onReload={async () => {
          const fresh = await record.reload();
          return { values: contactFormValues(fresh), account: fresh.account ? { ...fresh.account } : null };
        }}
      />
    </div>
  );
}
