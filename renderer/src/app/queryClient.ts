import { QueryClient } from '@tanstack/react-query';
import { CrmError } from '../lib/api';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // A missing record or a refused input will not fix itself by asking again.
      retry: (count, error) => !(error instanceof CrmError && error.code !== 'internal') && count < 2,
    },
  },
});
