import type { QuoteStatus } from '../../../../shared/contract/quotes';
import type { User } from '../../../../shared/contract/users';

export const STATUS_LABELS: Record<QuoteStatus, string> = {
  draft: 'Draft',
  in_review: 'In review',
  approved: 'Approved',
  sent: 'Sent',
  accepted: 'Accepted',
  rejected: 'Rejected',
  expired: 'Expired',
};

export const statusLabel = (status: QuoteStatus) => STATUS_LABELS[status];

/** Who may approve or send back a quote in review (the server checks again, and refuses one's own quote). */
export const canReview = (role: User['role'] | undefined) => role === 'sales_manager' || role === 'admin';

/** "12.5%" with at most two decimals. */
export function formatPercent(percent: number): string {
  return `${new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 }).format(percent)}%`;
}

/** "1.5" for a quantity with up to three decimals. */
export function formatQuantity(quantity: number): string {
  return new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 }).format(quantity);
}

/** "48.2 KB". */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
