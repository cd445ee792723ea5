import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { InfiniteGrid } from '../../components/InfiniteGrid';
import { PageHeader } from '../../components/PageHeader';
import { leadColumns } from './leadColumns';
import { fetchLeadsPage } from './queries';
import './leads.css';

/** All leads, paged, sorted and filtered in the main process. */
export function LeadsGrid() {
  const navigate = useNavigate();
  const columns = useMemo(() => leadColumns(), []);
  return (
    <div className="page page--grid">
      <PageHeader
        title="Leads"
        actions={
          <>
            <Link className="btn" to="/leads/scoring">
              Scoring rules
            </Link>
            <Link className="btn btn--primary" to="/leads/new">
              New lead
            </Link>
          </>
        }
      />
      <InfiniteGrid
        gridId="leads"
        exportAs="leads"
        massUpdate="lead"
        label="Leads"
        columnDefs={columns}
        fetchPage={fetchLeadsPage}
        onOpen={(row) => navigate(`/leads/${row.id}`)}
        refreshOn="lead"
        noun={['lead', 'leads']}
      />
    </div>
  );
}
