import { useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { ErrorBanner } from '../../components/ErrorBanner';
import { PageHeader } from '../../components/PageHeader';
import { Section } from '../../components/Section';
import { useToast } from '../../components/ToastProvider';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { PriceBookForm } from './PriceBookForm';
import { PriceEntries } from './PriceEntries';
import { usePriceBooks } from './queries';
import './catalog.css';

/** Price books (one currency each, one default per currency) and the prices of the selected book. */
export function PriceBooksPage() {
  const client = useQueryClient();
  const toast = useToast();
  const [params, setParams] = useSearchParams();
  const books = usePriceBooks(true);
  const selected = params.get('id') ?? '';
  const creating = selected === 'new' || (books.data?.length === 0 && selected === '');
  const book = creating ? undefined : (books.data?.find((b) => String(b.id) === selected) ?? books.data?.[0]);
  const select = (id: number | 'new') => setParams({ id: String(id) }, { replace: true });

  return (
    <div className="page">
      <PageHeader
        title="Price books"
        breadcrumb={<Link to="/products">Products</Link>}
        actions={
          <>
            <Link className="btn" to="/tax-classes">
              Tax classes
            </Link>
            <button type="button" className="btn btn--primary" onClick={() => select('new')}>
              New price book
            </button>
          </>
        }
      />
      {books.isError ? <ErrorBanner title="Could not load the price books" messages={[errorMessage(books.error)]} /> : null}
      {books.isPending ? <p className="muted">Loading…</p> : null}
      {books.data?.length ? (
        <table className="catalog-table catalog-table--books" aria-label="Price books">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Currency</th>
              <th scope="col">Default</th>
              <th scope="col">Active</th>
              <th scope="col" className="num">
                Prices
              </th>
            </tr>
          </thead>
          <tbody>
            {books.data.map((b) => (
              <tr key={b.id} aria-current={b.id === book?.id ? 'true' : undefined} className={b.id === book?.id ? 'catalog-table__current' : undefined}>
                <th scope="row">
                  <button type="button" className="catalog-link" onClick={() => select(b.id)}>
                    {b.name}
                  </button>
                </th>
                <td>{b.currency}</td>
                <td>{b.isDefault ? `Default for ${b.currency}` : ''}</td>
                <td>{b.active ? 'Active' : 'Inactive'}</td>
                <td className="num">{b.entryCount}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {books.data ? (
        <>
          <Section title={book ? `Edit ${book.name}` : 'New price book'}>
            <PriceBookForm
              key={book ? `${book.id}-${book.name}-${book.currency}-${book.isDefault}-${book.active}-${book.entryCount > 0}` : 'new'}
              book={book}
              onCancel={() => undefined}
              onSave={async (values) => {
                const saved = await call('priceBooks.save', values);
                await client.invalidateQueries({ queryKey: ['priceBooks'] });
                toast.show({ message: `Price book saved: ${saved.name}` });
                select(saved.id);
              }}
            />
          </Section>
          {book ? (
            <Section title={`Prices in ${book.name}`}>
              <PriceEntries key={book.id} book={book} />
            </Section>
          ) : null}
        </>
      ) : null}
    </div>
  );
}
