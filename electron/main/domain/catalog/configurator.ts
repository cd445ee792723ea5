import type { ConfigurationCheck } from '../../../../shared/contract/catalog';
import { Sql } from '../../db/sql';

interface RuleRow {
  product_id: number;
  kind: 'requires' | 'excludes' | 'recommends';
  target_id: number;
  message: string | null;
  product_name: string;
  target_sku: string;
  target_name: string;
  target_active: number;
}

/**
 * Applies the configurator rules of the products on a quote: a "requires"
 * whose target is missing and an "excludes" whose target is present are
 * errors; a "recommends" whose target is missing is a suggestion. Excludes
 * count in both directions, so one rule covers the pair.
 *
 * Rules with an end in the recycle bin count for nothing, and a "requires" or
 * "recommends" of an inactive product is skipped: it could never be added,
 * so it must not block every quote with the product.
 */
export async function checkConfiguration(sql: Sql, productIds: readonly number[]): Promise<ConfigurationCheck> {
  const present = new Set(productIds);
  if (present.size === 0) return { errors: [], suggestions: [] };
  const ids = [...present];
  const marks = ids.map(() => '?').join(',');
  const rows = await sql.all<RuleRow>(
    `SELECT r.product_id, r.kind, r.target_id, r.message, p.name AS product_name, t.sku AS target_sku, t.name AS target_name, t.active AS target_active
       FROM product_rules r
       JOIN products p ON p.id = r.product_id AND p.deleted_at IS NULL
       JOIN products t ON t.id = r.target_id AND t.deleted_at IS NULL
      WHERE r.product_id IN (${marks}) OR (r.kind = 'excludes' AND r.target_id IN (${marks}))
      ORDER BY r.id`,
    [...ids, ...ids],
  );
  const result: ConfigurationCheck = { errors: [], suggestions: [] };
  const seenExcludes = new Set<string>();
  for (const r of rows) {
    if (r.kind !== 'excludes' && r.target_active !== 1) continue;
    if (r.kind === 'requires' && present.has(r.product_id) && !present.has(r.target_id)) {
      result.errors.push({ productId: r.product_id, targetId: r.target_id, kind: 'requires', message: r.message ?? `${r.product_name} requires ${r.target_name} (${r.target_sku}).` });
    } else if (r.kind === 'excludes' && present.has(r.product_id) && present.has(r.target_id)) {
      const pair = [r.product_id, r.target_id].sort((a, b) => a - b).join('-');
      if (seenExcludes.has(pair)) continue;
      seenExcludes.add(pair);
      result.errors.push({ productId: r.product_id, targetId: r.target_id, kind: 'excludes', message: r.message ?? `${r.product_name} cannot be combined with ${r.target_name} (${r.target_sku}).` });
    } else if (r.kind === 'recommends' && present.has(r.product_id) && !present.has(r.target_id)) {
      if (result.suggestions.some((s) => s.target.id === r.target_id)) continue;
      result.suggestions.push({
        productId: r.product_id,
        target: { id: r.target_id, sku: r.target_sku, name: r.target_name },
        message: r.message ?? `Customers who buy ${r.product_name} often add ${r.target_name}.`,
      });
    }
  }
  return result;
}
