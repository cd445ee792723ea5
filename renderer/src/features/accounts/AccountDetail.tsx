import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Address } from '../../../../shared/contract/address';
import { countryName } from '../../../../shared/countries';
import { formatMoney } from '../../../../shared/money';
import { DetailList } from '../../components/DetailList';
import { ErrorBanner } from '../../components/ErrorBanner';
import { HistoryList } from '../../components/HistoryList';
import { PageHeader } from '../../components/PageHeader';
import { RecycleBinBanner } from '../../components/RecycleBinBanner';
import { Section } from '../../components/Section';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { errorMessage } from '../../lib/formErrors';
import { useReferenceNames } from '../../lib/useReferenceNames';
import { AccountContacts } from './AccountContacts';
import { accountKeys, useAccount, useAccountHistory } from './queries';

function addressLine(a: Address): string {
  return [a.street, [a.postcode, a.city].filter(Boolean).join(' '), a.region, a.country ? countryName(a.country) : null].filter(Boolean).join(', ');
}

/** One account: fields, contacts, history; edit, delete (with undo) or restore. */
export function AccountDetail() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const client = useQueryClient();
  const toast = useToast();
  const account = useAccount(id);
  const history = useAccountHistory(id);
  const describe = useReferenceNames(history.data);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  if (account.isPending) return <p className="page muted">Loading…</p>;
  if (account.isError) return <div className="page"><ErrorBanner title="Cannot open this account" messages={[errorMessage(account.error)]} /></div>;
  const a = account.data;

  const restore = async () => {
    await call('accounts.restore', { id });
    await client.invalidateQueries({ queryKey: ['accounts'] });
  };

  const remove = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await call('accounts.delete', { id });
      await client.invalidateQueries({ queryKey: accountKeys.one(id) });
      navigate('/accounts');
      toast.show({ message: `Account deleted: ${a.name}`, action: { label: 'Undo', run: restore } });
    } catch (error) {
      setFailure(errorMessage(error));
      setBusy(false);
    }
  };

  return (
    <div className="page">
      <PageHeader
        title={a.name}
        subtitle={[a.industry, a.billingAddress.city].filter(Boolean).join(' · ') || undefined}
        breadcrumb={<Link to="/accounts">Accounts</Link>}
        actions={
          a.deletedAt ? null : (
            <>
              <Link className="btn btn--primary" to={`/accounts/${id}/edit`}>
                Edit
              </Link>
              <button type="button" className="btn btn--danger" onClick={remove} disabled={busy}>
                Delete
              </button>
            </>
          )
        }
      />
      {a.deletedAt ? (
        <RecycleBinBanner
          noun="account"
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
              { label: 'Billing address', value: addressLine(a.billingAddress) },
              { label: 'Shipping address', value: addressLine(a.shippingAddress) },
              { label: 'Owner', value: a.owner.name },
              { label: 'Last changed', value: `${formatDateTime(a.updatedAt)} by ${a.updatedBy.name}` },
            ]}
          />
        </Section>
        <Section title="History">
          <HistoryList entries={history.data} loading={history.isPending} describe={describe} />
        </Section>
      </div>
      <Section title="Contacts">
        <AccountContacts accountId={id} canAdd={!a.deletedAt} />
      </Section>
    </div>
  );
}
