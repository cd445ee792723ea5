import { LineHeaderCells } from './LineHeaderCells';
import type { Quote, QuoteLine } from '../../../../shared/contract/quotes';
import { formatMoney } from '../../../../shared/money';
import { formatPercent, formatQuantity } from './labels';

export interface ReadOnlyLinesProps {
  quote: Quote;
}

function discountText(d: Extract<QuoteLine, { kind: 'item' }>['discount'], currency: string): string {
  if (!d) return '';
  return d.kind === 'percent' ? formatPercent(d.percent) : formatMoney({ amountMinor: d.amountMinor, currency });
}

/** The lines of a quote that can no longer change, as the proposal lists them. */
export function ReadOnlyLines({ quote }: ReadOnlyLinesProps) {
  const money = (amountMinor: number) => formatMoney({ amountMinor, currency: quote.currency });
  if (quote.lines.length === 0) return <p className="muted">No lines.</p>;
  return (
    <table className="quote-lines quote-lines--readonly" aria-label="Lines">
      <thead>
        <tr>
          <LineHeaderCells />
        </tr>
      </thead>
      <tbody>
        {quote.lines.map((l) =>
          l.kind === 'heading' ? (
            <tr key={l.key} className="quote-line quote-line--heading">
              <th scope="rowgroup" colSpan={6}>
                {l.text}
              </th>
            </tr>
          ) : (
            <tr key={l.key} className={`quote-line${l.parentKey ? ' quote-line--part' : ''}`}>
              <td>
                <span className="quote-line__name">
                  {l.parentKey ? <span className="quote-line__part-mark" aria-hidden="true">↳ </span> : null}
                  {l.name}
                </span>
                {l.sku ? <span className="quote-line__sku">{l.sku}</span> : null}
                {l.description ? <span className="quote-line__description">{l.description}</span> : null}
              </td>
              <td className="num">
                {formatQuantity(l.quantity)}
                {l.unit ? <span className="quote-line__unit"> {l.unit}</span> : null}
              </td>
              <td className="num">
                {l.parentKey && l.unitPriceMinor === 0 ? (
                  <span className="quote-line__included">Included</span>
                ) : (
                  <>
                    {money(l.unitPriceMinor)}
                    {l.listPriceMinor !== null && l.listPriceMinor !== l.unitPriceMinor ? <span className="quote-line__list">List {money(l.listPriceMinor)}</span> : null}
                  </>
                )}
              </td>
              <td className="num">{discountText(l.discount, quote.currency)}</td>
              <td className="num">{l.taxRatePercent === null ? 'No tax' : formatPercent(l.taxRatePercent)}</td>
              <td className="num">{money(l.netMinor)}</td>
            </tr>
          ),
        )}
      </tbody>
    </table>
  );
}
