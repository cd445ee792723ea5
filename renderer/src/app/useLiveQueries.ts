import { useQueryClient } from '@tanstack/react-query';
import { useRecordChanged } from '../lib/useRecordChanged';

/**
 * Another window (or another desktop on the same database) changed a record:
 * refetch what shows it. Open forms keep the version they loaded, so a stale
 * save is still refused rather than silently rebased.
 */
export function useLiveQueries(): void {
  const client = useQueryClient();
  useRecordChanged((change) => {
    const plural = change.entity === 'account' ? 'accounts' : 'contacts';
    void client.invalidateQueries({ queryKey: [plural] });
    void client.invalidateQueries({ queryKey: ['audit', change.entity, change.id] });
    if (change.entity === 'contact') void client.invalidateQueries({ queryKey: ['accounts'] });
  });
}
