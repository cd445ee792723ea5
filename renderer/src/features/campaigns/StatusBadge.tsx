import type { CampaignStatus } from '../../../../shared/contract/campaigns';
import { STATUS_LABELS } from './labels';

/** The campaign's status as a coloured badge; the text alone carries the meaning. */
export function StatusBadge({ status }: { status: CampaignStatus }) {
  return <span className={`campaign-status campaign-status--${status}`}>{STATUS_LABELS[status]}</span>;
}
