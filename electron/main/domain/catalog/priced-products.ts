import type { z } from 'zod';
import type { LookupQuery, PricedProduct } from '../../../../shared/contract/catalog';
import { CrmError } from '../../../../shared/errors';
import { milliToQuantity } from '../../../../shared/quote-math';
import { foldForSort } from '../../../../shared/text';
import type { Sql } from '../../db/sql';
import { loadPrices, type StoredPrice } from './pricing';

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  description: string | null;
  unit: string;
  active: number;
  tax_class_id: number | null;
}

interface PartRow {
  bundle_id: number;
  component_id: number;
  quantity_milli: number;
  optional: number;
  sku: string;
  name: string;
  unit: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const marks = (n: number) => Array.from({ length: n }, () => '?').join(',');

function tiersOf(price: StoredPrice | undefined): PricedProduct['tiers'] {
  return (price?.tiers ?? []).map((t) => ({ minQuantity: milliToQuantity(t.minQuantityMilli), unitPriceMinor: t.unitPriceMinor }));
}

/**
 * Live products as a quote line sees them, in the order asked (unknown and
 * deleted ids are left out): their list price and volume tiers in the price
 * book (null and none without a book or an entry), and a bundle's parts with
 * their own list prices. Inactive products are included, so a quote can
 * re-price the lines it already has.
 */
export async function pricedProducts(sql: Sql, productIds: readonly number[], priceBookId: number | null | undefined): Promise<PricedProduct[]> {
  const ids = [...new Set(productIds)];
  if (!ids.length) return [];
  const rows: ProductRow[] = [];
  const parts: PartRow[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    rows.push(
      ...(await sql.all<ProductRow>(
        `SELECT id, sku, name, description, unit, active, tax_class_id FROM products WHERE deleted_at IS NULL AND id IN (${marks(chunk.length)})`,
        chunk,
      )),
    );
    parts.push(
      ...(await sql.all<PartRow>(
        `SELECT c.bundle_id, c.component_id, c.quantity_milli, c.optional, p.sku, p.name, p.unit
           FROM product_components c JOIN products p ON p.id = c.component_id
          WHERE c.bundle_id IN (${marks(chunk.length)}) ORDER BY c.bundle_id, c.position, c.id`,
        chunk,
      )),
    );
  }
  const prices = priceBookId ? await loadPrices(sql, priceBookId, [...ids, ...parts.map((p) => p.component_id)]) : new Map<number, StoredPrice>();
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const r = byId.get(id);
    if (!r) return [];
    const own = parts.filter((p) => p.bundle_id === id);
    const price = prices.get(id);
    return [
      {
        id: r.id,
        sku: r.sku,
        name: r.name,
        description: r.description,
        unit: r.unit,
        active: r.active === 1,
        taxClassId: r.tax_class_id,
        isBundle: own.length > 0,
        listPriceMinor: price?.unitPriceMinor ?? null,
        tiers: tiersOf(price),
        components: own.map((p) => ({
          productId: p.component_id,
          sku: p.sku,
          name: p.name,
          unit: p.unit,
          quantity: milliToQuantity(p.quantity_milli),
          optional: p.optional === 1,
          listPriceMinor: prices.get(p.component_id)?.unitPriceMinor ?? null,
        })),
      },
    ];
  });
}

/**
 * The quote line picker: active live products whose SKU starts with the text
 * or whose name contains it (case- and accent-free), SKU matches first.
 */
export async function lookupProducts(sql: Sql, q: z.output<typeof LookupQuery>): Promise<PricedProduct[]> {
  if (q.priceBookId && !(await sql.get(`SELECT 1 FROM price_books WHERE id = ?`, [q.priceBookId]))) {
    throw new CrmError('validation', `Price book ${q.priceBookId} does not exist`, [{ path: 'priceBookId', message: 'Price book does not exist' }]);
  }
  const text = q.text.trim();
  const skuPrefix = `${escapeLike(text.toUpperCase())}%`;
  const name = `%${escapeLike(foldForSort(text))}%`;
  const rows = await sql.all<{ id: number }>(
    `SELECT id FROM products
      WHERE deleted_at IS NULL AND active = 1 AND (sku_key LIKE ? ESCAPE '\\' OR sort_name LIKE ? ESCAPE '\\')
      ORDER BY CASE WHEN sku_key LIKE ? ESCAPE '\\' THEN 0 ELSE 1 END,
               CASE WHEN sku_key LIKE ? ESCAPE '\\' THEN sku_key ELSE sort_name END, id
      LIMIT ?`,
    [skuPrefix, name, skuPrefix, skuPrefix, q.limit],
  );
  return pricedProducts(
    sql,
    rows.map((r) => r.id),
    q.priceBookId,
  );
}
