import type { QuoteStatus } from '../../../../shared/contract/quotes';
import { statusLabel } from './labels';

export interface StatusBadgeProps {
  status: QuoteStatus;
}

/** The quote's status as a coloured badge; the text alone carries the meaning. */
export function StatusBadge({ status }: StatusBadgeProps) {
  return <span className={`quote-status quote-status--${status}`}>{statusLabel(status)}</span>;
}
