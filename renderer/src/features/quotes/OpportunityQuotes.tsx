import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { formatMoney } from '../../../../shared/money';
import { Section } from '../../components/Section';
import { call } from '../../lib/api';
import { errorMessage } from '../../lib/formErrors';
import { formatDate } from '../../lib/format';
import { quoteKeys, useOpportunityQuotes } from './queries';
import { StatusBadge } from './StatusBadge';
import './quotes.css';

export interface OpportunityQuotesProps {
  opportunityId: number;
}

/** The "Quotes" panel of an opportunity: its quotes (newest version of each) and "New quote". */
export function OpportunityQuotes({ opportunityId }: OpportunityQuotesProps) {
  const client = useQueryClient();
  const navigate = useNavigate();
  const quotes = useOpportunityQuotes(opportunityId);
  const [creating, setCreating] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const create = async () => {
    setCreating(true);
    setFailure(null);
    try {
      const quote = await call('quotes.create', { opportunityId });
      client.setQueryData(quoteKeys.one(quote.id), quote);
      void client.invalidateQueries({ queryKey: ['quotes'] });
      navigate(`/quotes/${quote.id}`);
    } catch (error) {
      setFailure(errorMessage(error));
      setCreating(false);
    }
  };

  const rows = quotes.data?.rows ?? [];
  return (
    <Section
      title="Quotes"
      actions={
        <button type="button" className="btn btn--small btn--primary" onClick={() => void create()} disabled={creating}>
          {creating ? 'Creating…' : 'New quote'}
        </button>
      }
    >
      {failure ? (
        <p className="field__error" role="alert">
          Could not create the quote: {failure}
        </p>
      ) : null}
      {quotes.isPending ? <p className="muted">Loading…</p> : null}
      {quotes.isError ? (
        <p className="field__error" role="alert">
          Could not load the quotes: {errorMessage(quotes.error)}
        </p>
      ) : null}
      {quotes.isSuccess && rows.length === 0 ? <p className="muted">No quotes yet.</p> : null}
      {rows.length ? (
        <table className="quote-table" aria-label="Quotes of this opportunity">
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Version</th>
              <th scope="col">Status</th>
              <th scope="col" className="num">
                Total
              </th>
              <th scope="col">Valid until</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((q) => (
              <tr key={q.id}>
                <td>
                  <Link to={`/quotes/${q.id}`}>{q.number}</Link>
                  <span className="muted quote-table__title"> {q.title}</span>
                </td>
                <td>{q.revision}</td>
                <td>
                  <StatusBadge status={q.status} />
                </td>
                <td className="num">{formatMoney({ amountMinor: q.totalMinor, currency: q.currency })}</td>
                <td>{q.validUntil ? formatDate(q.validUntil) : <span className="muted">—</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </Section>
  );
}
