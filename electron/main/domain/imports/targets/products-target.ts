import type { Database } from 'better-sqlite3';
import { PriceEntryInput, ProductInput, ProductPatch } from '../../../../../shared/contract/catalog';
import type { Money } from '../../../../../shared/money';
import { productColumns } from '../../catalog/product.mapper';
import { CatalogReferences } from './catalog-references';
import { changedColumns, recordByKey, typedValues, withSchemaErrors, type FieldError, type PlanContext, type PlanOutcome, type RelatedRow, type TargetHandler } from './target';

const PLAIN = ['sku', 'name', 'description', 'unit', 'category', 'active', 'cost'] as const;

/**
 * Products: found by SKU (case ignored, unique among live products) or
 * external id; the tax class by name; a list price goes into the default price
 * book of its currency. Bundles and configurator rules are kept out of imports:
 * a bundle's parts are edited on the product.
 */
export function productsTarget(db: Database): TargetHandler {
  const current = db.prepare(`SELECT * FROM products WHERE id = ?`);
  const named = db.prepare(`SELECT name, sku FROM products WHERE id = ?`);
  const refs = new CatalogReferences(db);
  let checked = false;

  function taxClass(values: Map<string, unknown>, keepId: number | null, errors: FieldError[]): number | undefined {
    const name = values.get('taxClass') as string | undefined;
    if (name === undefined) return undefined;
    const hit = refs.taxClass(name, keepId);
    if (hit.ok) return hit.value;
    errors.push({ field: 'taxClass', message: hit.message });
    return undefined;
  }

  /** The list price as a row of the default price book: added, changed (with what it was) or, when equal, nothing. */
  function listPrice(values: Map<string, unknown>, productId: number | null, ctx: PlanContext, errors: FieldError[]): RelatedRow[] {
    const price = values.get('listPrice') as Money | undefined;
    if (price === undefined) return [];
    const amount = PriceEntryInput.shape.unitPriceMinor.safeParse(price.amountMinor);
    if (!amount.success) {
      errors.push({ field: 'listPrice', message: amount.error.issues[0]!.message });
      return [];
    }
    const book = refs.defaultBook(price.currency);
    if (!book.ok) {
      errors.push({ field: 'listPrice', message: book.message });
      return [];
    }
    const stored = productId === null ? undefined : refs.price(book.value, productId);
    if (stored && Number(stored.unit_price_minor) === amount.data) return [];
    // A changed price keeps its volume tiers: the file has no column for them.
    return stored
      ? [{ table: 'price_book_entries', id: stored.id, recordColumn: 'product_id', values: { unit_price_minor: amount.data, updated_at: ctx.now }, before: { unit_price_minor: stored.unit_price_minor, updated_at: stored.updated_at } }]
      : [{ table: 'price_book_entries', id: null, recordColumn: 'product_id', values: { price_book_id: book.value, unit_price_minor: amount.data, tiers: '[]', updated_at: ctx.now }, before: null }];
  }

  const fieldOf = (path: readonly PropertyKey[]): string | null => {
    const [head] = path;
    if (head === 'taxClassId') return 'taxClass';
    return typeof head === 'string' ? head : null;
  };

  const usedBy = (id: number, sku: string) => {
    const other = named.get(id) as { name: string; sku: string };
    return `SKU ${sku} is already used by ${other.name} (${other.sku})`;
  };

  return {
    entity: 'product',
    table: 'products',
    defaultKey: (spec) => (spec.columns.includes('externalId') ? 'externalId' : 'sku'),

    plan(raw, ctx): PlanOutcome {
      if (!checked) {
        refs.checkRole(ctx.userId, ctx.spec.columns.includes('listPrice'));
        checked = true;
      }
      const { values, errors } = typedValues('products', raw, ctx.spec);
      const sku = values.get('sku') as string | undefined;
      const externalId = (values.get('externalId') as string | undefined) ?? null;
      let id: number | null = null;
      if (ctx.spec.mode !== 'create') {
        const bySku = (ctx.spec.key ?? this.defaultKey(ctx.spec)) === 'sku';
        id = recordByKey(
          ctx,
          bySku
            ? { field: 'sku', what: 'SKU', value: sku, find: (v) => ctx.lookups.sku(v) }
            : { field: 'externalId', what: 'external id', value: externalId ?? undefined, find: (v) => ctx.lookups.external('product', v) },
          'product',
          errors,
        );
      }
      // An update that finds nothing has said so: the create checks would only add noise.
      if (id === null && ctx.spec.mode === 'update') return { ok: false, errors };
      // SKUs are unique among live products: one taken by another product is refused, on create and on a change of SKU.
      const skuHolder = sku === undefined ? null : ctx.lookups.sku(sku);
      if (sku !== undefined && skuHolder?.kind === 'one' && skuHolder.id !== id) {
        errors.push({ field: 'sku', message: id === null ? `${usedBy(skuHolder.id, sku)}: import with "update or create" to update it` : usedBy(skuHolder.id, sku) });
      }
      if (id === null && externalId !== null && ctx.lookups.external('product', externalId).kind !== 'none') {
        errors.push({ field: 'externalId', message: 'A product with this external id already exists' });
      }
      const given = Object.fromEntries(PLAIN.filter((k) => values.has(k)).map((k) => [k, values.get(k)]));

      if (id === null) {
        const taxClassId = taxClass(values, null, errors);
        const related = listPrice(values, null, ctx, errors);
        const parsed = ProductInput.safeParse({ ...given, taxClassId: taxClassId ?? null });
        const all = withSchemaErrors(errors, parsed.success ? null : parsed.error, fieldOf);
        if (all.length || !parsed.success) return { ok: false, errors: all };
        return { ok: true, plan: { action: 'create', columns: productColumns(parsed.data), externalId, newAccount: null, ownerFromRules: false, related } };
      }

      const row = current.get(id) as Record<string, unknown> & { tax_class_id: number | null };
      const taxClassId = taxClass(values, row.tax_class_id, errors);
      const related = listPrice(values, id, ctx, errors);
      const parsed = ProductPatch.safeParse(taxClassId === undefined ? given : { ...given, taxClassId });
      const all = withSchemaErrors(errors, parsed.success ? null : parsed.error, fieldOf);
      if (all.length || !parsed.success) return { ok: false, errors: all };
      const { columns, before } = changedColumns(productColumns(parsed.data), row);
      if (Object.keys(columns).length === 0 && externalId === null && related.length === 0) return { ok: true, plan: { action: 'unchanged', id } };
      return { ok: true, plan: { action: 'update', id, columns, before, externalId, related } };
    },
  };
}
