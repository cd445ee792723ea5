import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { formatMoney } from '../../../../shared/money';
import { DetailList } from '../../components/DetailList';
import { HistoryList } from '../../components/HistoryList';
import { RecordLoadState } from '../../components/RecordLoadState';
import { RecordPageFrame } from '../../components/RecordPageFrame';
import { Section } from '../../components/Section';
import { TagsAndFieldsSection } from '../tags/TagsAndFieldsSection';
import { call } from '../../lib/api';
import { formatAddress, formatDateTime } from '../../lib/format';
import { useDeleteWithUndo } from '../../lib/useDeleteWithUndo';
import { useRecordHistory } from '../../lib/useRecordHistory';
import { useReferenceNames } from '../../lib/useReferenceNames';
import { RecordActivityPanel } from '../activities/RecordActivityPanel';
import { AssignmentHistoryPanel } from '../territories/AssignmentHistoryPanel';
import { AccountContacts } from './AccountContacts';
import { accountKeys, useAccount } from './queries';

/** One account: fields, contacts, history; edit, delete (with undo) or restore. */
export function AccountDetail() {
  const id = Number(useParams().id);
  const client = useQueryClient();
  const account = useAccount(id);
  const history = useRecordHistory('account', id);
  const describe = useReferenceNames(history.data);
  const actions = useDeleteWithUndo({
    listPath: '/accounts',
    remove: async () => {
      await call('accounts.delete', { id });
      await client.invalidateQueries({ queryKey: accountKeys.one(id) });
    },
    restore: async () => {
      await call('accounts.restore', { id });
      await client.invalidateQueries({ queryKey: ['accounts'] });
    },
  });

  if (!account.isSuccess) return <RecordLoadState query={account} noun="account" />;
  const a = account.data;

  return (
    <RecordPageFrame
      noun="account"
      title={a.name}
      subtitle={[a.industry, a.billingAddress.city].filter(Boolean).join(' · ') || undefined}
      breadcrumb={<Link to="/accounts">Accounts</Link>}
      editPath={`/accounts/${id}/edit`}
      deleted={Boolean(a.deletedAt)}
      actions={actions}
      deletedMessage={`Account deleted: ${a.name}`}
    >
      <div className="detail-columns">
        <Section title="Details">
          <DetailList
            items={[
              { label: 'Name', value: a.name },
              { label: 'Industry', value: a.industry },
              {
                label: 'Website',
                value: a.website ? (
                  <a href={a.website} target="_blank" rel="noreferrer noopener">
                    {a.website}
                  </a>
                ) : null,
              },
              { label: 'Phone', value: a.phone },
              { label: 'Employees', value: a.employees === null ? null : new Intl.NumberFormat('en-US').format(a.employees) },
              { label: 'Annual revenue', value: a.annualRevenue ? formatMoney(a.annualRevenue) : null },
              { label: 'Parent account', value: a.parentAccount ? <Link to={`/accounts/${a.parentAccount.id}`}>{a.parentAccount.name}</Link> : null },
              { label: 'Billing address', value: formatAddress(a.billingAddress) },
              { label: 'Shipping address', value: formatAddress(a.shippingAddress) },
              { label: 'Owner', value: a.owner.name },
              { label: 'Keep this owner', value: a.ownerLocked ? 'Yes' : 'No' },
              { label: 'Territory', value: a.territory?.name },
              { label: 'Last changed', value: `${formatDateTime(a.updatedAt)} by ${a.updatedBy.name}` },
            ]}
          />
        </Section>
        <Section title="History">
          <HistoryList entries={history.data} loading={history.isPending} describe={describe} />
        </Section>
      </div>
      <TagsAndFieldsSection entity="account" id={id} deleted={Boolean(a.deletedAt)} />
      <Section title="Contacts">
        <AccountContacts accountId={id} canAdd={!a.deletedAt} />
      </Section>
      <RecordActivityPanel entity="account" id={id} />
      <AssignmentHistoryPanel entity="account" recordId={id} />
    </RecordPageFrame>
  );
}
