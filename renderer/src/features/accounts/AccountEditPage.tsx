import { useParams } from 'react-router';
import { DeletedRecordNotice } from '../../components/DeletedRecordNotice';
import { RecordLoadState } from '../../components/RecordLoadState';
import { AccountEditor } from './AccountEditor';
import { useAccount } from './queries';

/** Loads an account and opens its edit form (not while it is in the recycle bin). */
export function AccountEditPage() {
  const id = Number(useParams().id);
  const account = useAccount(id);
  if (!account.isSuccess) return <RecordLoadState query={account} noun="account" />;
  if (account.data.deletedAt) return <DeletedRecordNotice noun="account" recordPath={`/accounts/${id}`} />;
  return <AccountEditor key={id} loaded={account.data} />;
}
