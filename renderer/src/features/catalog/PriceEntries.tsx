import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { PriceBook, PriceEntryInput } from '../../../../shared/contract/catalog';
import type { Money } from '../../../../shared/money';
import { ErrorBanner } from '../../components/ErrorBanner';
import { Field } from '../../components/Field';
import { MoneyInput } from '../../components/MoneyInput';
import { RecordPicker, type PickedRecord } from '../../components/RecordPicker';
import { CrmError, call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { describePriceIssue, priceProblem } from './priceDrafts';
import { PriceEntryRow } from './PriceEntryRow';
import { catalogKeys, searchProducts, usePriceEntries } from './queries';

export interface PriceEntriesProps {
  book: PriceBook;
}

/** The prices of one book, by product name: list price and tiers inline, add a product, remove one. */
export function PriceEntries({ book }: PriceEntriesProps) {
  const client = useQueryClient();
  const entries = usePriceEntries(book.id);
  const refresh = () => Promise.all([client.invalidateQueries({ queryKey: catalogKeys.entries(book.id) }), client.invalidateQueries({ queryKey: ['priceBooks', 'list'] })]);
  const setPrice = async (input: PriceEntryInput) => {
    await call('priceBooks.setPrice', input);
    await refresh();
  };
  const inBook = new Set(entries.data?.map((e) => e.product.id) ?? []);

  return (
    <>
      {entries.isError ? <ErrorBanner title="Could not load the prices" messages={[errorMessage(entries.error)]} /> : null}
      <table className="catalog-table" aria-label={`Prices in ${book.name}`}>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">List price ({book.currency})</th>
            <th scope="col">Volume tiers (from quantity, unit price)</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {entries.isPending ? (
            <tr>
              <td colSpan={4} className="muted">
                Loading…
              </td>
            </tr>
          ) : null}
          {entries.data?.length === 0 ? (
            <tr>
              <td colSpan={4} className="muted">
                No prices yet: add a product below.
              </td>
            </tr>
          ) : null}
          {entries.data?.map((entry) => (
            <PriceEntryRow
              key={entry.product.id}
              priceBookId={book.id}
              currency={book.currency}
              entry={entry}
              onSave={setPrice}
              onRemove={async () => {
                await call('priceBooks.removePrice', { priceBookId: book.id, productId: entry.product.id });
                await refresh();
              }}
            />
          ))}
        </tbody>
      </table>
      <AddPrice book={book} exclude={inBook} onAdd={setPrice} />
    </>
  );
}

interface AddPriceProps {
  book: PriceBook;
  exclude: ReadonlySet<number>;
  onAdd: (input: PriceEntryInput) => Promise<void>;
}

/** Puts a product into the book at a list price (tiers are added on its row afterwards). */
function AddPrice({ book, exclude, onAdd }: AddPriceProps) {
  const [product, setProduct] = useState<PickedRecord | null>(null);
  const [price, setPrice] = useState<Money | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  // A fresh picker after each add: the old one's pending blur must not bring the added product's name back.
  const [round, setRound] = useState(0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = [...(product ? [] : ['Choose a product']), ...[priceProblem(price, book.currency)].filter((p): p is string => p !== null)];
    if (found.length) return setProblems(found);
    setBusy(true);
    try {
      await onAdd({ priceBookId: book.id, productId: product!.id, unitPriceMinor: price!.amountMinor, tiers: [] });
      setProduct(null);
      setPrice(null);
      setProblems([]);
      setRound((r) => r + 1);
    } catch (error) {
      setProblems(error instanceof CrmError && error.issues?.length ? error.issues.map((i) => describePriceIssue(i.path, i.message)) : [errorMessage(error)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="catalog-add" onSubmit={submit} aria-label="Add a product to the book" noValidate>
      <Field id="add-price-product" label="Product to add" hint="Type a SKU or name">
        <RecordPicker
          key={round}
          id="add-price-product"
          value={product}
          onChange={setProduct}
          search={async (text) => (await searchProducts(text)).filter((p) => !exclude.has(p.id))}
          describedById="add-price-product-hint"
        />
      </Field>
      <MoneyInput id="add-price-amount" label="List price" value={price} defaultCurrency={book.currency} onChange={setPrice} />
      <button type="submit" className="btn btn--primary" disabled={busy}>
        Add to book
      </button>
      {problems.length ? (
        <ul className="field__error catalog-problems" role="alert">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </form>
  );
}
