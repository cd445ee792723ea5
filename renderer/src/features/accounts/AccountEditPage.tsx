import { Link, useParams } from 'react-router';
import { ErrorBanner } from '../../components/ErrorBanner';
import { errorMessage } from '../../lib/formErrors';
import { AccountEditor } from './AccountEditor';
import { useAccount } from './queries';

/** Loads an account and opens its edit form (not while it is in the recycle bin). */
export function AccountEditPage() {
  const id = Number(useParams().id);
  const account = useAccount(id);
  if (account.isPending) return <p className="page muted">Loading…</p>;
  if (account.isError) return <div className="page"><ErrorBanner title="Cannot open this account" messages={[errorMessage(account.error)]} /></div>;
  if (account.data.deletedAt) {
    return (
      <div className="page">
        <ErrorBanner title="This record is in the recycle bin" messages={['Restore it before editing.']} />
        <Link to={`/accounts/${id}`}>Back to the account</Link>
      </div>
    );
  }
  return <AccountEditor key={id} loaded={account.data} />;
}
