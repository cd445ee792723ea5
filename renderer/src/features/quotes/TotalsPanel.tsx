import { formatMoney } from '../../../../shared/money';
import type { DisplayTotals } from './draft';
import { formatPercent } from './labels';

export interface TotalsPanelProps {
  totals: DisplayTotals;
  currency: string;
  /** "Live" while editing: computed here with the same rules the main process stores. */
  live?: boolean;
  discountLabel?: string | null;
}

/** Subtotal, quote discount, shipping, tax per rate and the total. */
export function TotalsPanel({ totals, currency, live, discountLabel }: TotalsPanelProps) {
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency });
  return (
    <section className="quote-totals" aria-label="Totals">
      <dl>
        <div className="quote-totals__row">
          <dt>Subtotal</dt>
          <dd>{money(totals.subtotalMinor)}</dd>
        </div>
        {totals.quoteDiscountMinor ? (
          <div className="quote-totals__row">
            <dt>Discount{discountLabel ? ` (${discountLabel})` : ''}</dt>
            <dd>−{money(totals.quoteDiscountMinor)}</dd>
          </div>
        ) : null}
        {totals.shippingMinor ? (
          <div className="quote-totals__row">
            <dt>Shipping</dt>
            <dd>{money(totals.shippingMinor)}</dd>
          </div>
        ) : null}
        {totals.taxes.map((t) => (
          <div className="quote-totals__row" key={t.ratePercent}>
            <dt>
              Tax {formatPercent(t.ratePercent)} <span className="muted">on {money(t.baseMinor)}</span>
            </dt>
            <dd>{money(t.taxMinor)}</dd>
          </div>
        ))}
        <div className="quote-totals__row quote-totals__row--total">
          <dt>Total</dt>
          <dd data-testid="quote-total">{money(totals.totalMinor)}</dd>
        </div>
      </dl>
      {live ? <p className="quote-totals__note">Updated as you type; saved totals are computed by the same rules.</p> : null}
    </section>
  );
}
