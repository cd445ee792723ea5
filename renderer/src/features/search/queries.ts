import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GlobalSearchResult } from '../../../../shared/contract/search';
import { call } from '../../lib/api';
import { useRecordChanged } from '../../lib/useRecordChanged';
import { useDebounced } from '../../lib/useDebounced';

export const SEARCH_DEBOUNCE_MS = 150;
export const HITS_PER_GROUP = 5;

export interface GlobalSearchState {
  /** The result for `settledText` (or, while the next one loads, the one before). */
  result: GlobalSearchResult | undefined;
  /** The text the result belongs to. */
  settledText: string;
  /** Typing has not settled yet, or the answer is on its way. */
  pending: boolean;
  error: Error | null;
}

/** search.global for the typed text, debounced; refetched when a record changes while it is on screen. */
export function useGlobalSearch(text: string): GlobalSearchState {
  const trimmed = text.trim();
  const settledText = useDebounced(trimmed, SEARCH_DEBOUNCE_MS);
  const client = useQueryClient();
  useRecordChanged(() => void client.invalidateQueries({ queryKey: ['search'] }));
  const query = useQuery({
    queryKey: ['search', 'global', settledText],
    queryFn: () => call('search.global', { text: settledText, limit: HITS_PER_GROUP }),
    enabled: settledText !== '',
    placeholderData: keepPreviousData,
    gcTime: 30_000,
  });
  return {
    result: trimmed === '' ? undefined : query.data,
    settledText,
    pending: trimmed !== '' && (trimmed !== settledText || query.isFetching),
    error: query.error,
  };
}
