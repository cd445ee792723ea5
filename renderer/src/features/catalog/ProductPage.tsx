import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { Product } from '../../../../shared/contract/catalog';
import { formatMoney } from '../../../../shared/money';
import { DetailList } from '../../components/DetailList';
import { ErrorBanner } from '../../components/ErrorBanner';
import { HistoryList } from '../../components/HistoryList';
import { PageHeader } from '../../components/PageHeader';
import { RecordLoadState } from '../../components/RecordLoadState';
import { RecycleBinBanner } from '../../components/RecycleBinBanner';
import { Section } from '../../components/Section';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useDeleteWithUndo } from '../../lib/useDeleteWithUndo';
import { useRecordHistory } from '../../lib/useRecordHistory';
import { ProductForm } from './ProductForm';
import { productFormValues, productPicks } from './productFormValues';
import { catalogKeys, productLabel, useProduct } from './queries';
import './catalog.css';

/** One product: its edit form (components and rules included), delete with undo, restore, and its history. */
export function ProductPage() {
  const id = Number(useParams().id);
  const client = useQueryClient();
  const product = useProduct(id);
  const history = useRecordHistory('product', id);
  const refresh = () => client.invalidateQueries({ queryKey: ['products'] });
  const actions = useDeleteWithUndo({
    listPath: '/products',
    remove: async () => {
      await call('products.delete', { id });
      await refresh();
    },
    restore: async () => {
      await call('products.restore', { id });
      await refresh();
    },
  });

  if (!product.isSuccess) return <RecordLoadState query={product} noun="product" />;
  const p = product.data;
  const summary = [p.sku, p.isBundle ? `Bundle of ${p.components.length}` : null, p.active ? null : 'Inactive'].filter(Boolean).join(' · ');

  return (
    <div className="page">
      <PageHeader
        title={p.name}
        subtitle={summary}
        breadcrumb={<Link to="/products">Products</Link>}
        actions={
          p.deletedAt ? null : (
            <button type="button" className="btn btn--danger" onClick={() => actions.remove(`Product deleted: ${p.name}`)} disabled={actions.busy}>
              Delete
            </button>
          )
        }
      />
      <ErrorBanner title="Something went wrong" messages={actions.failure ? [actions.failure] : []} />
      {p.deletedAt ? (
        <>
          <RecycleBinBanner noun="product" restoring={actions.busy} onRestore={actions.restore} />
          <DeletedProduct product={p} />
        </>
      ) : (
        <ProductEditor key={p.id} loaded={p} />
      )}
      <Section title="History">
        <HistoryList entries={history.data} loading={history.isPending} />
      </Section>
    </div>
  );
}

/** The form of a live product; each save carries the version it is based on, and the form starts again from what was saved. */
function ProductEditor({ loaded }: { loaded: Product }) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const toast = useToast();
  // Changes only on a save or a reload: someone else's newer version is refused on save, never merged in silently.
  const [current, setCurrent] = useState(loaded);
  const keep = (saved: Product) => {
    client.setQueryData(catalogKeys.product(saved.id), saved);
    setCurrent(saved);
    return saved;
  };
  return (
    <ProductForm
      key={current.version}
      defaultValues={productFormValues(current)}
      picks={productPicks(current)}
      productId={current.id}
      taxClass={current.taxClass}
      submitLabel="Save"
      onCancel={() => navigate('/products')}
      onSave={async (_values, changed) => {
        if (!Object.keys(changed).length) return;
        keep(await call('products.update', { id: current.id, version: current.version, patch: changed }));
        toast.show({ message: 'Product saved' });
      }}
      onReload={async () => productFormValues(keep(await call('products.get', { id: current.id })))}
    />
  );
}

function DeletedProduct({ product: p }: { product: Product }) {
  return (
    <Section title="Details">
      <DetailList
        items={[
          { label: 'SKU', value: p.sku },
          { label: 'Name', value: p.name },
          { label: 'Category', value: p.category },
          { label: 'Unit', value: p.unit },
          { label: 'Cost', value: p.cost ? formatMoney(p.cost) : null },
          { label: 'Components', value: p.components.map((c) => `${c.quantity} × ${productLabel(c.product)}${c.optional ? ' (optional)' : ''}`).join('; ') },
          { label: 'Deleted', value: p.deletedAt ? formatDateTime(p.deletedAt) : null },
        ]}
      />
    </Section>
  );
}
