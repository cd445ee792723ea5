import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { InfiniteGrid } from '../../components/InfiniteGrid';
import { PageHeader } from '../../components/PageHeader';
import { opportunityColumns } from './opportunityColumns';
import { fetchOpportunitiesPage } from './queries';

/** All opportunities, paged, sorted and filtered in the main process. */
export function OpportunitiesGrid() {
  const navigate = useNavigate();
  const columns = useMemo(() => opportunityColumns(), []);
  return (
    <div className="page page--grid">
      <PageHeader
        title="Opportunities"
        actions={
          <>
            <Link className="btn" to="/pipeline">
              Board
            </Link>
            <Link className="btn btn--primary" to="/opportunities/new">
              New opportunity
            </Link>
          </>
        }
      />
      <InfiniteGrid
        gridId="opportunities"
        exportAs="opportunities"
        massUpdate="opportunity"
        label="Opportunities"
        columnDefs={columns}
        fetchPage={fetchOpportunitiesPage}
        onOpen={(row) => navigate(`/opportunities/${row.id}`)}
        refreshOn="opportunity"
        noun={['opportunity', 'opportunities']}
      />
    </div>
  );
}
