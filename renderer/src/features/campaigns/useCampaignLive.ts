import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { campaignKeys } from './queries';

/**
 * While a campaign's page is open, each `jobs.progress` event of its job group
 * (`campaign:<id>`) refetches what the sends change: the counts, the members'
 * last touches and the campaign's own figures. The runner throttles the events
 * per group, so this is at most a couple of refetches a second.
 */
export function useCampaignLive(campaignId: number): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!window.crm?.on) return undefined;
    const group = `campaign:${campaignId}`;
    return window.crm.on('jobs.progress', (counts) => {
      if (counts.group !== group) return;
      void client.invalidateQueries({ queryKey: campaignKeys.progress(campaignId) });
      void client.invalidateQueries({ queryKey: ['campaigns', 'members', campaignId] });
      void client.invalidateQueries({ queryKey: campaignKeys.one(campaignId) });
    });
  }, [client, campaignId]);
}
