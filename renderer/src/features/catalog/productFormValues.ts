import { z } from 'zod';
import { ComponentInput, ProductFields, ProductInput, RuleInput, type Product } from '../../../../shared/contract/catalog';
import { Id } from '../../../../shared/contract/common';
import type { PickedRecord } from '../../components/RecordPicker';
import { productLabel } from './queries';

/** A row's product before one is picked is null; the save then asks for one instead of showing a type error. */
const PickedId = z
  .number()
  .nullable()
  .transform((v, ctx) => {
    if (v === null) {
      ctx.addIssue({ code: 'custom', message: 'Choose a product' });
      return z.NEVER;
    }
    return v;
  })
  .pipe(Id);

/**
 * The contract's ProductInput, with rows that may still lack a product, and
 * the service's list rules (no part twice, no rule twice, not both require and
 * exclude) checked before saving.
 */
export const ProductFormSchema = ProductInput.extend({
  components: z.array(ComponentInput.extend({ productId: PickedId })).max(100, 'At most 100 components').default([]),
  rules: z.array(RuleInput.extend({ targetId: PickedId })).max(100, 'At most 100 rules').default([]),
}).superRefine((v, ctx) => {
  const parts = new Set<number>();
  v.components.forEach((c, i) => {
    if (parts.has(c.productId)) ctx.addIssue({ code: 'custom', path: ['components', i, 'productId'], message: 'Already in the bundle; change its quantity instead' });
    parts.add(c.productId);
  });
  const rules = new Map<number, Set<string>>();
  v.rules.forEach((r, i) => {
    const kinds = rules.get(r.targetId) ?? new Set<string>();
    rules.set(r.targetId, kinds);
    if (kinds.has(r.kind)) ctx.addIssue({ code: 'custom', path: ['rules', i, 'targetId'], message: 'The same rule is there twice' });
    else if ((r.kind === 'excludes' && kinds.size) || (r.kind !== 'excludes' && kinds.has('excludes'))) {
      ctx.addIssue({ code: 'custom', path: ['rules', i, 'targetId'], message: 'A product cannot both require (or recommend) and exclude the same product' });
    }
    kinds.add(r.kind);
  });
});

export type ProductFormValues = z.input<typeof ProductFormSchema>;
export type ProductFormOutput = z.output<typeof ProductFormSchema>;

export const PRODUCT_FIELD_NAMES = Object.keys(ProductFields);

/** What the form edits, from a loaded product (or empty, for a new one). */
export function productFormValues(p?: Product): ProductFormValues {
  return {
    sku: p?.sku ?? '',
    name: p?.name ?? '',
    description: p?.description ?? '',
    unit: p?.unit ?? 'each',
    cost: p?.cost ?? null,
    category: p?.category ?? '',
    active: p?.active ?? true,
    taxClassId: p?.taxClass?.id ?? null,
    components: (p?.components ?? []).map((c) => ({ productId: c.product.id, quantity: c.quantity, optional: c.optional })),
    rules: (p?.rules ?? []).map((r) => ({ kind: r.kind, targetId: r.target.id, message: r.message ?? '' })),
  };
}

/** The names the pickers show for the products a loaded product points at. */
export function productPicks(p?: Product): Map<number, PickedRecord> {
  const picks = new Map<number, PickedRecord>();
  for (const c of p?.components ?? []) picks.set(c.product.id, { id: c.product.id, name: productLabel(c.product) });
  for (const r of p?.rules ?? []) picks.set(r.target.id, { id: r.target.id, name: productLabel(r.target) });
  return picks;
}
