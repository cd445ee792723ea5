import { useEffect, useRef } from 'react';
import type { EventPayload } from '../../../shared/contract/events';

export type RecordChange = EventPayload<'record.changed'>;

/** Calls `listener` on every 'record.changed' event from the main process while mounted. */
export function useRecordChanged(listener: (change: RecordChange) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => {
    if (!window.crm?.on) return undefined;
    return window.crm.on('record.changed', (change) => latest.current(change));
  }, []);
}
