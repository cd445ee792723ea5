import { newTierKey, type TierDraft } from './priceDrafts';

export interface TiersEditorProps {
  /** Names the inputs: "LIC-1 tier 1 from quantity". */
  sku: string;
  currency: string;
  tiers: TierDraft[];
  onChange: (tiers: TierDraft[]) => void;
}

/** Volume prices: from a quantity on, every unit costs the tier's price. */
export function TiersEditor({ sku, currency, tiers, onChange }: TiersEditorProps) {
  const set = (i: number, change: Partial<TierDraft>) => onChange(tiers.map((t, j) => (j === i ? { ...t, ...change } : t)));
  return (
    <div className="tiers">
      {tiers.length === 0 ? <span className="muted">No tiers</span> : null}
      {tiers.map((t, i) => (
        <div className="tiers__row" key={t.key}>
          <label>
            <span className="sr-only">
              {sku} tier {i + 1} from quantity
            </span>
            <span aria-hidden="true">from</span>{' '}
            <input type="text" inputMode="decimal" className="tiers__quantity" value={t.minQuantity} onChange={(e) => set(i, { minQuantity: e.target.value })} />
          </label>
          <label>
            <span className="sr-only">
              {sku} tier {i + 1} unit price
            </span>
            <span aria-hidden="true">at</span>{' '}
            <input type="text" inputMode="decimal" className="tiers__price" value={t.unitPrice} onChange={(e) => set(i, { unitPrice: e.target.value })} />
          </label>
          <span className="muted">{currency}</span>
          <button type="button" className="btn btn--small btn--ghost" aria-label={`Remove ${sku} tier ${i + 1}`} onClick={() => onChange(tiers.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn--small btn--ghost"
        aria-label={`Add tier to ${sku}`}
        disabled={tiers.length >= 20}
        onClick={() => onChange([...tiers, { key: newTierKey(), minQuantity: '', unitPrice: '' }])}
      >
        + Tier
      </button>
    </div>
  );
}
