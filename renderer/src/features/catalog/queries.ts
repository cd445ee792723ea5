import { useQuery } from '@tanstack/react-query';
import type { ProductListQuery, ProductRow } from '../../../../shared/contract/catalog';
import type { GridPageQuery } from '../../components/InfiniteGrid';
import type { PickedRecord } from '../../components/RecordPicker';
import { call } from '../../lib/api';

/** Query keys under the roots the live queries refresh ('products') and the admin pages own. */
export const catalogKeys = {
  product: (id: number) => ['products', 'get', id] as const,
  taxClasses: (includeInactive: boolean) => ['taxClasses', 'list', includeInactive] as const,
  priceBooks: (includeInactive: boolean) => ['priceBooks', 'list', includeInactive] as const,
  entries: (priceBookId: number) => ['priceBooks', 'entries', priceBookId] as const,
};

export function useProduct(id: number) {
  return useQuery({ queryKey: catalogKeys.product(id), queryFn: () => call('products.get', { id }), enabled: id > 0 });
}

export function useTaxClasses(includeInactive: boolean) {
  return useQuery({ queryKey: catalogKeys.taxClasses(includeInactive), queryFn: () => call('taxClasses.list', { includeInactive }) });
}

export function usePriceBooks(includeInactive: boolean) {
  return useQuery({ queryKey: catalogKeys.priceBooks(includeInactive), queryFn: () => call('priceBooks.list', { includeInactive }) });
}

export function usePriceEntries(priceBookId: number | null) {
  return useQuery({
    queryKey: catalogKeys.entries(priceBookId ?? 0),
    queryFn: () => call('priceBooks.entries', { priceBookId: priceBookId! }),
    enabled: priceBookId !== null,
  });
}

/** One page of the products grid; the grid only sends columns the contract allows. */
export function fetchProductsPage(query: GridPageQuery): Promise<{ rows: ProductRow[]; total: number | null }> {
  return call('products.list', query as ProductListQuery);
}

/** "SRV-100 — Rack server". */
export function productLabel(p: { sku: string; name: string }): string {
  return `${p.sku} — ${p.name}`;
}

export interface ProductSearchOptions {
  /** Left out of the matches (a product never points at itself). */
  excludeId?: number | undefined;
  /** Bundle parts are plain products: bundles are left out. */
  plainOnly?: boolean;
}

/** Active products whose SKU starts with, or whose name contains, the text: for the pickers. */
export async function searchProducts(text: string, { excludeId, plainOnly = false }: ProductSearchOptions = {}): Promise<PickedRecord[]> {
  const found = await call('products.lookup', { text: text.trim(), limit: 20 });
  return found.filter((p) => p.id !== excludeId && !(plainOnly && p.isBundle)).map((p) => ({ id: p.id, name: productLabel(p) }));
}
