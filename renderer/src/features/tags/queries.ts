import { useQuery } from '@tanstack/react-query';
import type { Taggable } from '../../../../shared/contract/tags';
import { call } from '../../lib/api';

/** Tag queries start with 'tags'. */
export const tagKeys = {
  all: ['tags', 'list'] as const,
  forRecord: (entity: Taggable, id: number) => ['tags', 'record', entity, id] as const,
};

export function useTags() {
  return useQuery({ queryKey: tagKeys.all, queryFn: () => call('tags.list', {}), staleTime: 10_000 });
}

export function useRecordTags(entity: Taggable, id: number) {
  return useQuery({ queryKey: tagKeys.forRecord(entity, id), queryFn: () => call('tags.forRecord', { entity, recordId: id }) });
}
