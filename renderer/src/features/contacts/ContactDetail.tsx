import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Contact } from '../../../../shared/contract/contacts';
import { countryName } from '../../../../shared/countries';
import { DetailList } from '../../components/DetailList';
import { ErrorBanner } from '../../components/ErrorBanner';
import { HistoryList } from '../../components/HistoryList';
import { PageHeader } from '../../components/PageHeader';
import { RecycleBinBanner } from '../../components/RecycleBinBanner';
import { Section } from '../../components/Section';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { errorMessage } from '../../lib/formErrors';
import { useReferenceNames } from '../../lib/useReferenceNames';
import { contactKeys, contactName, useContact, useContactHistory } from './queries';

function addressLines(c: Contact): string {
  const a = c.address;
  return [a.street, [a.postcode, a.city].filter(Boolean).join(' '), a.region, a.country ? countryName(a.country) : null].filter(Boolean).join(', ');
}

/** One contact: fields, account, history; edit, delete (with undo) or restore. */
export function ContactDetail() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const client = useQueryClient();
  const toast = useToast();
  const contact = useContact(id);
  const history = useContactHistory(id);
  const describe = useReferenceNames(history.data);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (contact.isPending) return <p className="page muted">Loading…</p>;
  if (contact.isError) return <div className="page"><ErrorBanner title="Cannot open this contact" messages={[errorMessage(contact.error)]} /></div>;
  const c = contact.data;
  const name = contactName(c);

  const restore = async () => {
    await call('contacts.restore', { id });
    await client.invalidateQueries({ queryKey: ['contacts'] });
  };

  const remove = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await call('contacts.delete', { id });
      await client.invalidateQueries({ queryKey: contactKeys.one(id) });
      navigate('/contacts');
      toast.show({ message: `Contact deleted: ${name}`, action: { label: 'Undo', run: restore } });
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <PageHeader
        title={name}
        subtitle={[c.title, c.account?.name].filter(Boolean).join(' · ') || undefined}
        breadcrumb={<Link to="/contacts">Contacts</Link>}
        actions={
          c.deletedAt ? null : (
            <>
              <Link className="btn btn--primary" to={`/contacts/${id}/edit`}>
                Edit
              </Link>
              <button type="button" className="btn btn--danger" onClick={remove} disabled={busy}>
                Delete
              </button>
            </>
          )
        }
      />
      {c.deletedAt ? (
        <RecycleBinBanner
          noun="contact"
          restoring={busy}
          onRestore={async () => {
            setBusy(true);
            try {
              await restore();
            } catch (error) {
              setFailure(errorMessage(error));
            } finally {
              setBusy(false);
            }
          }}
        />
      ) : null}
      <ErrorBanner title="Something went wrong" messages={failure ? [failure] : []} />
      <div className="detail-columns">
        <Section title="Details">
          <DetailList
            items={[
              { label: 'First name', value: c.firstName },
              { label: 'Last name', value: c.lastName },
              { label: 'Title', value: c.title },
              { label: 'Account', value: c.account ? <Link to={`/accounts/${c.account.id}`}>{c.account.name}</Link> : null },
              {
                label: 'E-mail',
                value: c.emails.length ? (
                  <ul className="plain-list">
                    {c.emails.map((e) => (
                      <li key={`${e.label}-${e.address}`}>
                        {e.address} <span className="tag">{e.label}</span>
                      </li>
                    ))}
                  </ul>
                ) : null,
              },
              {
                label: 'Phone',
                value: c.phones.length ? (
                  <ul className="plain-list">
                    {c.phones.map((p) => (
                      <li key={`${p.label}-${p.number}`}>
                        {p.number} <span className="tag">{p.label}</span>
                      </li>
                    ))}
                  </ul>
                ) : null,
              },
              { label: 'Address', value: addressLines(c) },
              { label: 'Birthday', value: c.birthday ? formatDate(c.birthday) : null },
              { label: 'Consent', value: [c.emailOptOut ? 'E-mail opt-out' : null, c.doNotCall ? 'Do not call' : null].filter(Boolean).join(', ') || 'No restrictions' },
              { label: 'Owner', value: c.owner.name },
              { label: 'Last changed', value: `${formatDateTime(c.updatedAt)} by ${c.updatedBy.name}` },
            ]}
          />
        </Section>
        <Section title="History">
          <HistoryList entries={history.data} loading={history.isPending} describe={describe} />
        </Section>
      </div>
    </div>
  );
}
