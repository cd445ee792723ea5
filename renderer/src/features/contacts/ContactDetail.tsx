import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { DetailList } from '../../components/DetailList';
import { HistoryList } from '../../components/HistoryList';
import { RecordLoadState } from '../../components/RecordLoadState';
import { RecordPageFrame } from '../../components/RecordPageFrame';
import { Section } from '../../components/Section';
import { TaggedList } from '../../components/TaggedList';
import { call } from '../../lib/api';
import { formatAddress, formatDate, formatDateTime } from '../../lib/format';
import { useDeleteWithUndo } from '../../lib/useDeleteWithUndo';
import { useRecordHistory } from '../../lib/useRecordHistory';
import { useReferenceNames } from '../../lib/useReferenceNames';
import { RecordActivityPanel } from '../activities/RecordActivityPanel';
import { TagsAndFieldsSection } from '../tags/TagsAndFieldsSection';
import { contactKeys, contactName, useContact } from './queries';

/** One contact: fields, account, history; edit, delete (with undo) or restore. */
export function ContactDetail() {
  const id = Number(useParams().id);
  const client = useQueryClient();
  const contact = useContact(id);
  const history = useRecordHistory('contact', id);
  const describe = useReferenceNames(history.data);
  const actions = useDeleteWithUndo({
    listPath: '/contacts',
    remove: async () => {
      await call('contacts.delete', { id });
      await client.invalidateQueries({ queryKey: contactKeys.one(id) });
    },
    restore: async () => {
      await call('contacts.restore', { id });
      await client.invalidateQueries({ queryKey: ['contacts'] });
    },
  });

  if (!contact.isSuccess) return <RecordLoadState query={contact} noun="contact" />;
  const c = contact.data;
  const name = contactName(c);

  return (
    <RecordPageFrame
      noun="contact"
      title={name}
      subtitle={[c.title, c.account?.name].filter(Boolean).join(' · ') || undefined}
      breadcrumb={<Link to="/contacts">Contacts</Link>}
      editPath={`/contacts/${id}/edit`}
      deleted={Boolean(c.deletedAt)}
      actions={actions}
      deletedMessage={`Contact deleted: ${name}`}
    >
      <div className="detail-columns">
        <Section title="Details">
          <DetailList
            items={[
              { label: 'First name', value: c.firstName },
              { label: 'Last name', value: c.lastName },
              { label: 'Title', value: c.title },
              { label: 'Account', value: c.account ? <Link to={`/accounts/${c.account.id}`}>{c.account.name}</Link> : null },
              { label: 'E-mail', value: c.emails.length ? <TaggedList items={c.emails.map((e) => ({ value: e.address, tag: e.label }))} /> : null },
              { label: 'Phone', value: c.phones.length ? <TaggedList items={c.phones.map((p) => ({ value: p.number, tag: p.label }))} /> : null },
              { label: 'Address', value: formatAddress(c.address) },
              { label: 'Birthday', value: c.birthday ? formatDate(c.birthday) : null },
              { label: 'Consent', value: [c.emailOptOut ? 'E-mail opt-out' : null, c.doNotCall ? 'Do not call' : null].filter(Boolean).join(', ') || 'No restrictions' },
              { label: 'Owner', value: c.owner.name },
              { label: 'Keep this owner', value: c.ownerLocked ? 'Yes' : 'No' },
              { label: 'Last changed', value: `${formatDateTime(c.updatedAt)} by ${c.updatedBy.name}` },
            ]}
          />
        </Section>
        <Section title="History">
          <HistoryList entries={history.data} loading={history.isPending} describe={describe} />
        </Section>
      </div>
      <TagsAndFieldsSection entity="contact" id={id} deleted={Boolean(c.deletedAt)} />
      <RecordActivityPanel entity="contact" id={id} />
    </RecordPageFrame>
  );
}
