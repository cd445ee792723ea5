import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Contact } from '../../../../shared/contract/contacts';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { ContactForm } from './ContactForm';
import { contactFormValues } from './contactForm';
import { contactKeys, contactName, useContact } from './queries';

/** Edits a contact; the save carries the version the form was loaded with. */
export function ContactEditPage() {
  const id = Number(useParams().id);
  const contact = useContact(id);
  if (contact.isPending) return <p className="page muted">Loading…</p>;
  if (contact.isError) return <div className="page"><ErrorBanner title="Cannot open this contact" messages={[errorMessage(contact.error)]} /></div>;
  if (contact.data.deletedAt) {
    return (
      <div className="page">
        <ErrorBanner title="This record is in the recycle bin" messages={['Restore it before editing.']} />
        <Link to={`/contacts/${id}`}>Back to the contact</Link>
      </div>
    );
  }
  return <ContactEditor key={id} loaded={contact.data} />;
}

interface ContactEditorProps {
  loaded: Contact;
}

function ContactEditor({ loaded }: ContactEditorProps) {
  const navigate = useNavigate();
  const client = useQueryClient();
  // The version this form is based on: changes only when the user reloads.
  const version = useRef(loaded.version);
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
        submitLabel="Save"
        onCancel={close}
        onSave={async (_values, changed) => {
          if (Object.keys(changed).length) {
            const saved = await call('contacts.update', { id: loaded.id, version: version.current, patch: changed });
            version.current = saved.version;
            client.setQueryData(contactKeys.one(saved.id), saved);
          }
          close();
        }}
        onReload={async () => {
          const fresh = await call('contacts.get', { id: loaded.id });
          version.current = fresh.version;
          client.setQueryData(contactKeys.one(fresh.id), fresh);
          return { values: contactFormValues(fresh), account: fresh.account ? { ...fresh.account } : null };
        }}
      />
    </div>
  );
}
