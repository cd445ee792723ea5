import type { StatusChange } from '../../../../shared/contract/quotes';
import { Section } from '../../components/Section';
import { formatDateTime } from '../../lib/format';
import { statusLabel } from './labels';

export interface StatusHistoryProps {
  changes: StatusChange[] | undefined;
  loading: boolean;
}

/** Who moved this version from which status to which, when, and why. */
export function StatusHistory({ changes, loading }: StatusHistoryProps) {
  return (
    <Section title="Status history">
      {loading ? <p className="muted">Loading…</p> : null}
      {changes && changes.length ? (
        <ol className="quote-history" aria-label="Status history">
          {changes.map((c) => (
            <li key={c.id} className="quote-history__entry">
              <span className="quote-history__time">{formatDateTime(c.at)}</span>
              <span className="quote-history__change">
                {c.from ? `${statusLabel(c.from)} → ${statusLabel(c.to)}` : statusLabel(c.to)}
              </span>{' '}
              <span className="muted">by {c.by.name}</span>
              {c.comment ? <p className="quote-history__comment">{c.comment}</p> : null}
            </li>
          ))}
        </ol>
      ) : null}
      {changes && changes.length === 0 ? <p className="muted">No changes yet.</p> : null}
    </Section>
  );
}
