import { Link } from 'react-router';
import type { Quote } from '../../../../shared/contract/quotes';
import { formatMoney } from '../../../../shared/money';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/format';
import { StatusBadge } from './StatusBadge';

export interface QuoteRevisionsProps {
  quote: Quote;
}

/** Every version of this quote number, with links to open each and to compare it with the one shown. */
export function QuoteRevisions({ quote }: QuoteRevisionsProps) {
  return (
    <Section title="Versions">
      <table className="quote-table" aria-label="Versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Total
            </th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="sr-only">Compare</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {quote.revisions.map((r) => (
            <tr key={r.id} className={r.id === quote.id ? 'quote-table__current' : undefined}>
              <td>
                {r.id === quote.id ? (
                  <span aria-current="page">Version {r.revision} (shown)</span>
                ) : (
                  <Link to={`/quotes/${r.id}`}>Version {r.revision}</Link>
                )}
              </td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td className="num">{formatMoney({ amountMinor: r.totalMinor, currency: quote.currency })}</td>
              <td>{formatDateTime(r.createdAt)}</td>
              <td className="quote-table__actions">
                {r.id === quote.id ? null : (
                  <Link to={`/quotes/${quote.id}/compare?with=${r.id}`} aria-label={`Compare version ${r.revision} with version ${quote.revision}`}>
                    Compare with this
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Section>
  );
}
