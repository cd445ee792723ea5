import { useQueries } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { PricedProduct, Product } from '../../../../shared/contract/catalog';
import { call } from '../../lib/api';
import type { DraftItem, DraftLine, Pricing } from './draft';
import { quoteKeys } from './queries';

/** A bundle's part as the editor needs it. */
export interface BundlePart {
  productId: number;
  sku: string;
  name: string;
  unit: string | null;
  quantity: number;
  optional: boolean;
}

export interface BundleOption extends BundlePart {
  listPriceMinor: number | null;
  checked: boolean;
}

export function partsOfPriced(p: PricedProduct): BundlePart[] {
  return p.components.map((c) => ({ productId: c.productId, sku: c.sku, name: c.name, unit: c.unit, quantity: c.quantity, optional: c.optional }));
}

export function partsOfProduct(p: Product): BundlePart[] {
  return p.components.map((c) => ({ productId: c.product.id, sku: c.product.sku, name: c.product.name, unit: null, quantity: c.quantity, optional: c.optional }));
}

/**
 * The parts of the bundles on the quote: known at once for a product just
 * picked (the lookup brings them), fetched with products.get for lines that
 * came with the saved quote.
 */
export function useBundleParts(lines: DraftLine[], picked: ReadonlyMap<number, PricedProduct>): ReadonlyMap<number, BundlePart[]> {
  const wanted = useMemo(
    () => [...new Set(lines.flatMap((l) => (l.kind === 'item' && l.parentKey === null && l.productId !== null && !picked.has(l.productId) ? [l.productId] : [])))].sort((a, b) => a - b),
    [lines, picked],
  );
  const results = useQueries({
    queries: wanted.map((id) => ({ queryKey: quoteKeys.product(id), queryFn: () => call('products.get', { id }), staleTime: 60_000 })),
  });
  const fetched = results.flatMap((r) => (r.data ? [r.data] : []));
  const signature = fetched.map((p) => `${p.id}:${p.version}`).join(',');
  return useMemo(() => {
    const map = new Map<number, BundlePart[]>();
    for (const [id, p] of picked) map.set(id, partsOfPriced(p));
    for (const p of fetched) if (!map.has(p.id)) map.set(p.id, partsOfProduct(p));
    return map;
    // The fetched products change identity on every render; their ids and versions say when they really changed.
  }, [picked, signature]);
}

/** A bundle line's optional parts, each checked when its part line is on the quote. */
export function bundleOptions(line: DraftItem, lines: DraftLine[], parts: ReadonlyMap<number, BundlePart[]>, pricing: (productId: number) => Pricing | undefined): BundleOption[] {
  if (line.productId === null || line.parentKey !== null) return [];
  const own = parts.get(line.productId) ?? [];
  return own
    .filter((p) => p.optional)
    .map((p) => ({
      ...p,
      listPriceMinor: pricing(p.productId)?.listPriceMinor ?? null,
      checked: lines.some((l) => l.kind === 'item' && l.parentKey === line.key && l.productId === p.productId),
    }));
}
