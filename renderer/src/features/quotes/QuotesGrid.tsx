import { useMemo } from 'react';
import { useNavigate } from 'react-router';
import { InfiniteGrid, type GridName } from '../../components/InfiniteGrid';
import { PageHeader } from '../../components/PageHeader';
import { fetchQuotesPage } from './queries';
import { quoteColumns } from './quoteColumns';
import './quotes.css';

const QUOTES_GRID: GridName = 'quotes';

/** The newest version of every quote, paged, sorted and filtered in the main process. */
export function QuotesGrid() {
  const navigate = useNavigate();
  const columns = useMemo(() => quoteColumns(), []);
  return (
    <div className="page page--grid">
      <PageHeader title="Quotes" subtitle="The newest version of each quote. Open an opportunity to start a new one." />
      <InfiniteGrid
        gridId={QUOTES_GRID}
        label="Quotes"
        columnDefs={columns}
        fetchPage={fetchQuotesPage}
        onOpen={(row) => navigate(`/quotes/${row.id}`)}
        refreshOn="quote"
        noun={['quote', 'quotes']}
      />
    </div>
  );
}
