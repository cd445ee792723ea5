import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import type { Contact } from '../../../../shared/contract/contacts';
import { PageHeader } from '../../components/PageHeader';
import { call } from '../../lib/api';
import { ContactForm } from './ContactForm';
import { contactFormValues } from './contactFormValues';
import { contactKeys, contactName } from './queries';

export interface ContactEditorProps {
  loaded: Contact;
}

/** The edit form of a loaded contact; a save carries the version it was loaded with. */
export function ContactEditor({ loaded }: ContactEditorProps) {
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
