import { useQuery } from '@tanstack/react-query';
import type { CustomFieldEntity } from '../../../../shared/contract/custom-fields';
import { call } from '../../lib/api';

/** Custom field queries start with 'customFields'. */
export const customFieldKeys = {
  list: (entity: CustomFieldEntity | 'all') => ['customFields', 'list', entity] as const,
  forRecord: (entity: CustomFieldEntity, id: number) => ['customFields', 'record', entity, id] as const,
};

export function useCustomFields(entity: CustomFieldEntity) {
  return useQuery({ queryKey: customFieldKeys.list(entity), queryFn: () => call('customFields.list', { entity }), staleTime: 10_000 });
}

export function useAllCustomFields() {
  return useQuery({ queryKey: customFieldKeys.list('all'), queryFn: () => call('customFields.list', {}) });
}

export function useRecordCustomFields(entity: CustomFieldEntity, id: number) {
  return useQuery({ queryKey: customFieldKeys.forRecord(entity, id), queryFn: () => call('customFields.forRecord', { entity, recordId: id }) });
}
