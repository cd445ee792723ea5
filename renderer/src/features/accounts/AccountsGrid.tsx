import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { InfiniteGrid } from '../../components/InfiniteGrid';
import { PageHeader } from '../../components/PageHeader';
import { accountColumns } from './accountColumns';
import { fetchAccountsPage } from './queries';

/** All accounts, paged, sorted and filtered in the main process. */
export function AccountsGrid() {
  const navigate = useNavigate();
  const columns = useMemo(() => accountColumns(), []);
  return (
    <div className="page page--grid">
      <PageHeader
        title="Accounts"
        actions={
          <Link className="btn btn--primary" to="/accounts/new">
            New account
          </Link>
        }
      />
      <InfiniteGrid
        gridId="accounts"
        exportAs="accounts"
        massUpdate="account"
        label="Accounts"
        columnDefs={columns}
        fetchPage={fetchAccountsPage}
        onOpen={(row) => navigate(`/accounts/${row.id}`)}
        refreshOn="account"
        noun={['account', 'accounts']}
      />
    </div>
  );
}
