import { useState } from 'react';
import type { PriceEntry, PriceEntryInput } from '../../../../shared/contract/catalog';
import { MoneyInput } from '../../components/MoneyInput';
import { CrmError } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { describePriceIssue, draftOf, priceProblem, toPriceInput, type PriceDraft } from './priceDrafts';
import { productLabel } from './queries';
import { TiersEditor } from './TiersEditor';

export interface PriceEntryRowProps {
  priceBookId: number;
  currency: string;
  entry: PriceEntry;
  onSave: (input: PriceEntryInput) => Promise<void>;
  onRemove: () => Promise<void>;
}

/** One product's price in a book: list price, volume tiers, Save and Remove. */
export function PriceEntryRow({ priceBookId, currency, entry, onSave, onRemove }: PriceEntryRowProps) {
  const [draft, setDraft] = useState<PriceDraft>(() => draftOf(entry, currency));
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const sku = entry.product.sku;

  const save = async () => {
    setStatus('');
    const built = toPriceInput(draft, currency, { priceBookId, productId: entry.product.id });
    if (!built.ok) return setProblems(built.problems);
    setProblems([]);
    setBusy(true);
    try {
      await onSave(built.input);
      setStatus('Saved');
    } catch (error) {
      setProblems(error instanceof CrmError && error.issues?.length ? error.issues.map((i) => describePriceIssue(i.path, i.message)) : [errorMessage(error)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <tr>
      <th scope="row">{productLabel(entry.product)}</th>
      <td className="catalog-table__price">
        <MoneyInput
          id={`price-${entry.product.id}`}
          label={`List price of ${sku}`}
          value={draft.price}
          defaultCurrency={currency}
          onChange={(price) => setDraft((d) => ({ ...d, price }))}
          error={draft.price && draft.price.currency !== currency ? (priceProblem(draft.price, currency) ?? undefined) : undefined}
        />
      </td>
      <td>
        <TiersEditor sku={sku} currency={currency} tiers={draft.tiers} onChange={(tiers) => setDraft((d) => ({ ...d, tiers }))} />
        {problems.length ? (
          <ul className="field__error catalog-problems" role="alert">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
      </td>
      <td className="catalog-table__actions">
        <button type="button" className="btn btn--small btn--primary" aria-label={`Save price of ${sku}`} disabled={busy} onClick={save}>
          Save
        </button>
        <button
          type="button"
          className="btn btn--small btn--ghost"
          aria-label={`Remove ${sku} from the book`}
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            try {
              await onRemove();
            } catch (error) {
              setProblems([errorMessage(error)]);
              setBusy(false);
            }
          }}
        >
          Remove
        </button>
        <span role="status" className="muted">
          {status}
        </span>
      </td>
    </tr>
  );
}
