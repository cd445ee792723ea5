import { useQuery } from '@tanstack/react-query';
import type { QuoteListQuery, QuoteRow } from '../../../../shared/contract/quotes';
import type { GridPageQuery } from '../../components/InfiniteGrid';
import { call } from '../../lib/api';

/** Query keys under the root the live queries refresh on every quote change ('quotes'). */
export const quoteKeys = {
  one: (id: number) => ['quotes', 'get', id] as const,
  history: (id: number) => ['quotes', 'history', id] as const,
  forOpportunity: (opportunityId: number) => ['quotes', 'forOpportunity', opportunityId] as const,
  compare: (leftId: number, rightId: number) => ['quotes', 'compare', leftId, rightId] as const,
  settings: () => ['quotes', 'settings'] as const,
  configuration: (productIds: readonly number[]) => ['quotes', 'configuration', ...productIds] as const,
  product: (id: number) => ['quotes', 'product', id] as const,
  prices: (priceBookId: number) => ['quotes', 'prices', priceBookId] as const,
  taxClasses: () => ['quotes', 'taxClasses'] as const,
};

export function useQuote(id: number) {
  return useQuery({ queryKey: quoteKeys.one(id), queryFn: () => call('quotes.get', { id }), enabled: id > 0 });
}

export function useQuoteHistory(id: number) {
  return useQuery({ queryKey: quoteKeys.history(id), queryFn: () => call('quotes.history', { id }), enabled: id > 0 });
}

export function useOpportunityQuotes(opportunityId: number) {
  return useQuery({
    queryKey: quoteKeys.forOpportunity(opportunityId),
    queryFn: () =>
      call('quotes.list', { opportunityId, startRow: 0, endRow: 100, sort: [{ colId: 'updatedAt', sort: 'desc' }], filter: {}, withTotal: true }),
    enabled: opportunityId > 0,
  });
}

export function useQuoteComparison(leftId: number, rightId: number) {
  return useQuery({
    queryKey: quoteKeys.compare(leftId, rightId),
    queryFn: () => call('quotes.compare', { leftId, rightId }),
    enabled: leftId > 0 && rightId > 0 && leftId !== rightId,
  });
}

export function useQuoteSettings() {
  return useQuery({ queryKey: quoteKeys.settings(), queryFn: () => call('settings.getQuotes', {}), staleTime: 60_000 });
}

/** Every tax class, inactive ones too: a line may still carry one that was retired. */
export function useQuoteTaxClasses() {
  return useQuery({ queryKey: quoteKeys.taxClasses(), queryFn: () => call('taxClasses.list', { includeInactive: true }), staleTime: 60_000 });
}

/** The list prices and volume tiers of the quote's price book, to re-price lines live as quantities change. */
export function usePriceBookPrices(priceBookId: number | null) {
  return useQuery({
    queryKey: quoteKeys.prices(priceBookId ?? 0),
    queryFn: () => call('priceBooks.entries', { priceBookId: priceBookId! }),
    enabled: priceBookId !== null,
    staleTime: 60_000,
  });
}

export function useCurrentUser() {
  return useQuery({ queryKey: ['session'], queryFn: () => call('session.current', {}), staleTime: Infinity });
}

/** One page of the quotes grid; the grid only sends columns the contract allows. */
export function fetchQuotesPage(query: GridPageQuery): Promise<{ rows: QuoteRow[]; total: number | null }> {
  return call('quotes.list', query as QuoteListQuery);
}
