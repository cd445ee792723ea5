import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { EventPayload } from '../../../shared/contract/events';
import { useRecordChanged } from '../lib/useRecordChanged';

type Entity = EventPayload<'record.changed'>['entity'];

/**
 * What else shows a record of each kind: an account counts its contacts, a
 * lead's score counts its activities, and forecasts sum opportunities.
 */
const AFFECTS: Record<Entity, readonly string[]> = {
  account: ['accounts'],
  contact: ['contacts', 'accounts'],
  lead: ['leads'],
  opportunity: ['opportunities', 'forecast'],
  activity: ['activities', 'leads'],
  product: ['products'],
  quote: ['quotes', 'opportunities', 'forecast'],
};

/**
 * Another window (or another desktop on the same database) changed a record:
 * refetch what shows it, and the timelines, which show every record's field
 * changes. Open forms keep the version they loaded, so a stale save is still
 * refused rather than silently rebased.
 */
export function useLiveQueries(): void {
  const client = useQueryClient();
  useRecordChanged((change) => {
    for (const key of new Set([...AFFECTS[change.entity], 'activities'])) void client.invalidateQueries({ queryKey: [key] });
    void client.invalidateQueries({ queryKey: ['audit', change.entity, change.id] });
  });
  // A bulk move (territory realignment) changed owners of many records: refresh what shows them, once.
  useEffect(() => {
    if (!window.crm?.on) return undefined;
    return window.crm.on('records.reassigned', ({ entities }) => {
      for (const key of new Set(entities.flatMap((e) => AFFECTS[e]))) void client.invalidateQueries({ queryKey: [key] });
      void client.invalidateQueries({ queryKey: ['territories'] });
    });
  }, [client]);
}
