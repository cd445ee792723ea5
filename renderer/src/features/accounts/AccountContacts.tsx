import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import type { ContactRow } from '../../../../shared/contract/contacts';
import { InfiniteGrid } from '../../components/InfiniteGrid';
import { accountContactColumns } from './accountColumns';
import { fetchAccountContactsPage } from './queries';

export interface AccountContactsProps {
  accountId: number;
  canAdd: boolean;
}

/** The contacts of one account, as a small grid. */
export function AccountContacts({ accountId, canAdd }: AccountContactsProps) {
  const navigate = useNavigate();
  const columns = useMemo(() => accountContactColumns(), []);
  return (
    <InfiniteGrid<ContactRow>
      gridId="accountContacts"
      label="Contacts of this account"
      className="grid-panel--small"
      columnDefs={columns}
      fetchPage={(q) => fetchAccountContactsPage(accountId, q)}
      onOpen={(row) => navigate(`/contacts/${row.id}`)}
      refreshOn="contact"
      noun={['contact', 'contacts']}
      toolbar={
        canAdd ? (
          <Link className="btn btn--primary" to={`/contacts/new?accountId=${accountId}`}>
            New contact
          </Link>
        ) : null
      }
    />
  );
}
