import { useQuery } from '@tanstack/react-query';
import type { Input } from '../../../shared/contract';
import { call } from './api';

/**
 * The audit entries of one record, for its History section. The key is
 * ['audit', entity, id] because live updates refresh it under that key.
 */
export function useRecordHistory(entity: Input<'audit.forRecord'>['entity'], id: number) {
  return useQuery({ queryKey: ['audit', entity, id], queryFn: () => call('audit.forRecord', { entity, id, limit: 100 }), enabled: id > 0 });
}
