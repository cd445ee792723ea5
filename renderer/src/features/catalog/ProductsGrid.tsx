import { useMemo } from 'react';
import { Link, useNavigate } from 'react-router';
import { InfiniteGrid } from '../../components/InfiniteGrid';
import { PageHeader } from '../../components/PageHeader';
import { productColumns } from './productColumns';
import { fetchProductsPage } from './queries';
import './catalog.css';

/** Every product and bundle, paged, sorted and filtered in the main process. */
export function ProductsGrid() {
  const navigate = useNavigate();
  const columns = useMemo(() => productColumns(), []);
  return (
    <div className="page page--grid">
      <PageHeader
        title="Products"
        actions={
          <>
            <Link className="btn" to="/price-books">
              Price books
            </Link>
            <Link className="btn" to="/tax-classes">
              Tax classes
            </Link>
            <Link className="btn btn--primary" to="/products/new">
              New product
            </Link>
          </>
        }
      />
      <InfiniteGrid
        gridId="products"
        label="Products"
        columnDefs={columns}
        fetchPage={fetchProductsPage}
        onOpen={(row) => navigate(`/products/${row.id}`)}
        refreshOn="product"
        noun={['product', 'products']}
      />
    </div>
  );
}
