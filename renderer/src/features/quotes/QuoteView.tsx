import type { Quote, StatusChange } from '../../../../shared/contract/quotes';
import { formatMoney } from '../../../../shared/money';
import { DetailList } from '../../components/DetailList';
import { Section } from '../../components/Section';
import { formatDate } from '../../lib/format';
import { formatPercent } from './labels';
import { QuoteActions } from './QuoteActions';
import { QuoteLayout } from './QuoteLayout';
import { ReadOnlyLines } from './ReadOnlyLines';
import { TotalsPanel } from './TotalsPanel';

export interface QuoteViewProps {
  quote: Quote;
  thresholdPercent: number | undefined;
  history: { data: StatusChange[] | undefined; isPending: boolean };
}

/** A quote that is no longer a draft, or an older version: read-only, with the actions of its status. */
export function QuoteView({ quote, thresholdPercent, history }: QuoteViewProps) {
  const discount = quote.discount
    ? quote.discount.kind === 'percent'
      ? formatPercent(quote.discount.percent)
      : formatMoney({ amountMinor: quote.discount.amountMinor, currency: quote.currency })
    : null;
  return (
    <QuoteLayout quote={quote} totalMinor={quote.totals.totalMinor} thresholdPercent={thresholdPercent} history={history} actions={<QuoteActions quote={quote} />}>
      <Section title="Lines">
        {quote.isLatest && quote.suggestions.length && quote.status !== 'accepted' ? (
          <p className="quote-view__suggestions">
            Recommended, not on this quote: {quote.suggestions.map((s) => s.target.name).join(', ')}. Revise the quote to add them.
          </p>
        ) : null}
        <ReadOnlyLines quote={quote} />
      </Section>
      <div className="quote-columns quote-columns--totals">
        <Section title="Terms and notes">
          <DetailList
            items={[
              { label: 'Valid until', value: quote.validUntil ? formatDate(quote.validUntil) : null },
              { label: 'Quote discount', value: discount },
              { label: 'Terms', value: quote.terms ? <span className="quote-pre">{quote.terms}</span> : null },
              { label: 'Notes', value: quote.notes ? <span className="quote-pre">{quote.notes}</span> : null },
            ]}
          />
        </Section>
        <TotalsPanel totals={quote.totals} currency={quote.currency} discountLabel={discount} />
      </div>
    </QuoteLayout>
  );
}
