import { Link } from 'react-router';
import type { Quote, StatusChange } from '../../../../shared/contract/quotes';
import { formatDateTime } from '../../lib/format';
import { formatPercent } from './labels';

export interface ReviewBannerProps {
  quote: Quote;
  thresholdPercent: number | undefined;
  history: StatusChange[] | undefined;
}

/** Why a quote waits for a manager, what the manager said, or that this version was replaced. */
export function ReviewBanner({ quote, thresholdPercent, history }: ReviewBannerProps) {
  const approval = quote.status === 'draft' || quote.status === 'in_review' ? undefined : history?.findLast((c) => c.from === 'in_review' && c.to === 'approved');
  const latest = quote.revisions[quote.revisions.length - 1];
  const by = quote.review?.by ? ` by ${quote.review.by.name}` : '';
  const at = quote.review?.at ? ` on ${formatDateTime(quote.review.at)}` : '';
  return (
    <>
      {!quote.isLatest && latest && latest.id !== quote.id ? (
        <div className="banner banner--muted" role="status">
          <div className="banner__text">
            <strong>Version {quote.revision} is read-only: version {latest.revision} replaced it.</strong>
            <p>
              <Link to={`/quotes/${latest.id}`}>Open version {latest.revision}</Link>
            </p>
          </div>
        </div>
      ) : null}
      {quote.status === 'in_review' ? (
        <div className="banner banner--warning quote-review" role="status">
          <div className="banner__text">
            <strong>
              Needs approval: largest discount {formatPercent(quote.largestDiscountPercent)}
              {thresholdPercent !== undefined ? ` > threshold ${formatPercent(thresholdPercent)}` : ''}
            </strong>
            <p>A sales manager (not the quote’s salesperson) approves it or sends it back with a comment.</p>
          </div>
        </div>
      ) : null}
      {quote.status === 'draft' && quote.review?.comment ? (
        <div className="banner banner--warning quote-review" role="status">
          <div className="banner__text">
            <strong>
              Sent back{by}
              {at}
            </strong>
            <p className="quote-review__comment">{quote.review.comment}</p>
          </div>
        </div>
      ) : null}
      {approval ? (
        <div className="banner banner--muted quote-review" role="status">
          <div className="banner__text">
            <strong>
              Approved by {approval.by.name} on {formatDateTime(approval.at)}
            </strong>
            {approval.comment ? <p className="quote-review__comment">{approval.comment}</p> : null}
          </div>
        </div>
      ) : null}
    </>
  );
}
