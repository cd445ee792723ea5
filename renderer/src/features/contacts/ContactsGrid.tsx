import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { InfiniteGrid } from '../../components/InfiniteGrid';
import { PageHeader } from '../../components/PageHeader';
import { contactColumns } from './contactColumns';
import { fetchContactsPage } from './queries';

/** All contacts, paged, sorted and filtered in the main process. */
export function ContactsGrid() {
  const navigate = useNavigate();
  const columns = useMemo(() => contactColumns(), []);
  return (
    <div className="page page--grid">
      <PageHeader
        title="Contacts"
        actions={
          <Link className="btn btn--primary" to="/contacts/new">
            New contact
          </Link>
        }
      />
      <InfiniteGrid
        gridId="contacts"
        exportAs="contacts"
        massUpdate="contact"
        label="Contacts"
        columnDefs={columns}
        fetchPage={(q) => fetchContactsPage(q)}
        onOpen={(row) => navigate(`/contacts/${row.id}`)}
        refreshOn="contact"
        noun={['contact', 'contacts']}
      />
    </div>
  );
}
