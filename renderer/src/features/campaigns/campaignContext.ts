import { useOutletContext } from 'react-router';
import type { Campaign } from '../../../../shared/contract/campaigns';

export interface CampaignContext {
  campaign: Campaign;
}

/** The campaign the page frame loaded, for its tabs. */
export function useCampaignContext(): CampaignContext {
  return useOutletContext<CampaignContext>();
}
