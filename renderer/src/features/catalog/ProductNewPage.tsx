import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { ProductForm } from './ProductForm';
import { productFormValues, productPicks } from './productFormValues';
import { catalogKeys } from './queries';
import './catalog.css';

/** A new product or bundle. */
export function ProductNewPage() {
  const navigate = useNavigate();
  const client = useQueryClient();
  const toast = useToast();
  return (
    <div className="page">
      <PageHeader title="New product" breadcrumb={<Link to="/products">Products</Link>} />
      <ProductForm
        defaultValues={productFormValues()}
        picks={productPicks()}
        submitLabel="Create product"
        onCancel={() => navigate('/products')}
        onSave={async (values) => {
          const created = await call('products.create', values);
          client.setQueryData(catalogKeys.product(created.id), created);
          toast.show({ message: `Product created: ${created.name}` });
          navigate(`/products/${created.id}`, { replace: true });
        }}
      />
    </div>
  );
}
