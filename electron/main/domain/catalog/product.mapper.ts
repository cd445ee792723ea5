import type { z } from 'zod';
import type { Product, ProductInput, ProductPatch, RuleKind } from '../../../../shared/contract/catalog';
import { milliToQuantity } from '../../../../shared/quote-math';
import { foldForSort } from '../../../../shared/text';
import type { ColumnValues } from '../records/record-store';

type Parsed = z.output<typeof ProductPatch> | z.output<typeof ProductInput>;

/** The key that makes SKUs unique regardless of case: "abc-1" and "ABC-1" are the same SKU. */
export function skuKey(sku: string): string {
  return sku.trim().toUpperCase();
}

/** Contract fields → stored columns; the SKU key and the sort name follow the SKU and the name. */
export function productColumns(p: Parsed): ColumnValues {
  const c: ColumnValues = {};
  if (p.sku !== undefined) {
    c.sku = p.sku;
    c.sku_key = skuKey(p.sku);
  }
  if (p.name !== undefined) {
    c.name = p.name;
    c.sort_name = foldForSort(p.name);
  }
  if (p.description !== undefined) c.description = p.description;
  if (p.unit !== undefined) c.unit = p.unit;
  if (p.cost !== undefined) {
    c.cost_minor = p.cost?.amountMinor ?? null;
    c.cost_currency = p.cost?.currency ?? null;
  }
  if (p.category !== undefined) c.category = p.category;
  if (p.active !== undefined) c.active = p.active ? 1 : 0;
  if (p.taxClassId !== undefined) c.tax_class_id = p.taxClassId;
  return c;
}

/** Products have no owner: their bookkeeping is who created and last changed them. */
export const PRODUCT_SELECT = `
  SELECT p.*, cu.name AS created_by_name, uu.name AS updated_by_name, tc.name AS tax_class_name
    FROM products p
    JOIN users cu ON cu.id = p.created_by_id
    JOIN users uu ON uu.id = p.updated_by_id
    LEFT JOIN tax_classes tc ON tc.id = p.tax_class_id`;

export interface ComponentRow {
  bundle_id: number;
  component_id: number;
  quantity_milli: number;
  optional: number;
  sku: string;
  name: string;
}

export interface RuleRow {
  product_id: number;
  kind: RuleKind;
  target_id: number;
  message: string | null;
  sku: string;
  name: string;
}

export const COMPONENTS_SELECT = `
  SELECT c.bundle_id, c.component_id, c.quantity_milli, c.optional, p.sku, p.name
    FROM product_components c JOIN products p ON p.id = c.component_id`;

export const RULES_SELECT = `
  SELECT r.product_id, r.kind, r.target_id, r.message, t.sku, t.name
    FROM product_rules r JOIN products t ON t.id = r.target_id`;

export function productFromRow(r: Record<string, any>, components: ComponentRow[], rules: RuleRow[]): Product {
  return {
    id: r.id,
    version: r.version,
    createdAt: r.created_at,
    createdBy: { id: r.created_by_id, name: r.created_by_name },
    updatedAt: r.updated_at,
    updatedBy: { id: r.updated_by_id, name: r.updated_by_name },
    deletedAt: r.deleted_at,
    sku: r.sku,
    name: r.name,
    description: r.description,
    unit: r.unit,
    cost: r.cost_minor === null || r.cost_currency === null ? null : { amountMinor: Number(r.cost_minor), currency: r.cost_currency },
    category: r.category,
    active: r.active === 1,
    taxClass: r.tax_class_id === null ? null : { id: r.tax_class_id, name: r.tax_class_name },
    isBundle: components.length > 0,
    components: components.map((c) => ({
      product: { id: c.component_id, sku: c.sku, name: c.name },
      quantity: milliToQuantity(c.quantity_milli),
      optional: c.optional === 1,
    })),
    rules: rules.map((x) => ({ kind: x.kind, target: { id: x.target_id, sku: x.sku, name: x.name }, message: x.message })),
  };
}

/** A bundle's parts as one line of history: "2 × RACK-1, 1 × CABLE-2 (optional)". */
export function componentsText(components: { sku: string; quantityMilli: number; optional: boolean }[]): string {
  return components.map((c) => `${milliToQuantity(c.quantityMilli)} × ${c.sku}${c.optional ? ' (optional)' : ''}`).join(', ');
}

/** Configurator rules as one line of history: "requires RACK-1, recommends CARE-3". */
export function rulesText(rules: { kind: RuleKind; sku: string }[]): string {
  return rules.map((r) => `${r.kind} ${r.sku}`).join(', ');
}
