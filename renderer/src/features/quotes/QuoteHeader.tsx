import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Quote } from '../../../../shared/contract/quotes';
import { formatMoney } from '../../../../shared/money';
import { formatDate } from '../../lib/format';
import { StatusBadge } from './StatusBadge';

export interface QuoteHeaderProps {
  quote: Quote;
  /** The total to show: the live one while editing. */
  totalMinor: number;
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="quote-facts__item">
      <dt>{label}</dt>
      <dd>{children ?? <span className="muted">—</span>}</dd>
    </div>
  );
}

/** Number, version, status, and who and what the quote is for. */
export function QuoteHeader({ quote, totalMinor }: QuoteHeaderProps) {
  return (
    <header className="quote-header">
      <nav className="page-header__crumbs" aria-label="Breadcrumb">
        <Link to="/quotes">Quotes</Link> / <Link to={`/opportunities/${quote.opportunity.id}`}>{quote.opportunity.name}</Link>
      </nav>
      <div className="quote-header__top">
        <div>
          <div className="quote-header__title">
            <h1>Quote {quote.number}</h1>
            <span className="quote-header__version">Version {quote.revision}</span>
            <StatusBadge status={quote.status} />
            {!quote.isLatest ? <span className="tag">Replaced by a newer version</span> : null}
          </div>
          <p className="page-header__subtitle">{quote.title}</p>
        </div>
        <div className="quote-header__total">
          <span className="quote-header__total-label">Total</span>
          <span className="quote-header__total-value">{formatMoney({ amountMinor: totalMinor, currency: quote.currency })}</span>
        </div>
      </div>
      <dl className="quote-facts">
        <Fact label="Opportunity">
          <Link to={`/opportunities/${quote.opportunity.id}`}>{quote.opportunity.name}</Link>
        </Fact>
        <Fact label="Account">{quote.account ? <Link to={`/accounts/${quote.account.id}`}>{quote.account.name}</Link> : null}</Fact>
        <Fact label="Contact">
          {quote.contact ? (
            <>
              <Link to={`/contacts/${quote.contact.id}`}>{quote.contact.name}</Link>
              {quote.contact.email ? (
                <span className="quote-facts__sub" title={quote.contact.email}>
                  {quote.contact.email}
                </span>
              ) : null}
            </>
          ) : null}
        </Fact>
        <Fact label="Price book">{quote.priceBook ? `${quote.priceBook.name} (${quote.currency})` : quote.currency}</Fact>
        <Fact label="Valid until">{quote.validUntil ? formatDate(quote.validUntil) : null}</Fact>
        <Fact label="Salesperson">{quote.owner.name}</Fact>
      </dl>
    </header>
  );
}
