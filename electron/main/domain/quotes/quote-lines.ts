import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { DiscountInput, QuoteLineInput } from '../../../../shared/contract/quotes';
import { CrmError, type ErrorIssue } from '../../../../shared/errors';
import { formatMoney } from '../../../../shared/money';
import { computeQuoteTotals, largestDiscountBasisPoints, percentToBasisPoints, quantityToMilli, tieredUnitPrice, type Discount, type QuoteInput, type QuoteTotals } from '../../../../shared/quote-math';
import type { Sql } from '../../db/sql';
import { checkConfiguration } from '../catalog/configurator';
import { loadPrices } from '../catalog/pricing';
import { defaultTaxClass, loadTaxClasses } from '../catalog/tax-rates';

/** A quote line as stored in quote_lines (snake_case, ready for INSERT). */
export interface StoredLine {
  line_key: string;
  kind: 'item' | 'heading';
  parent_key: string | null;
  product_id: number | null;
  sku: string | null;
  name: string;
  description: string | null;
  quantity_milli: number;
  unit: string | null;
  list_price_minor: number | null;
  unit_price_minor: number;
  discount_kind: 'percent' | 'amount' | null;
  discount_value: number | null;
  tax_class_id: number | null;
  tax_rate_milli: number | null;
  net_minor: number;
}

export function discountToStored(d: z.output<typeof DiscountInput>): { kind: 'percent' | 'amount' | null; value: number | null } {
  if (!d) return { kind: null, value: null };
  return d.kind === 'percent' ? { kind: 'percent', value: percentToBasisPoints(d.percent) } : { kind: 'amount', value: d.amountMinor };
}

export function storedToDiscount(kind: string | null, value: number | null): Discount | null {
  if (kind === 'percent' && value !== null) return { kind: 'percent', basisPoints: Number(value) };
  if (kind === 'amount' && value !== null) return { kind: 'amount', amountMinor: Number(value) };
  return null;
}

interface ProductRow {
  id: number;
  sku: string;
  name: string;
  description: string | null;
  unit: string;
  active: number;
  deleted_at: string | null;
  tax_class_id: number | null;
}

export interface LineContext {
  priceBookId: number | null;
  currency: string;
  /** Lines already on the draft, by key: their products may have been retired since and still stay. */
  existing: Map<string, { productId: number | null }>;
  /** "lines" or "patch.lines", for issue paths. */
  path: string;
}

/**
 * Turns what the editor sent into stored lines: names, units and prices from
 * the catalog where the salesperson left them out, tax rates copied from the
 * classes, bundle structure and configurator rules checked. Every problem is
 * reported at once, each with the line it belongs to.
 */
export async function resolveLines(sql: Sql, input: z.output<typeof QuoteLineInput>[], ctx: LineContext): Promise<StoredLine[]> {
  const issues: ErrorIssue[] = [];
  const productIds = [...new Set(input.flatMap((l) => (l.kind === 'item' && l.productId !== null ? [l.productId] : [])))];
  const products = new Map<number, ProductRow>();
  for (let i = 0; i < productIds.length; i += 500) {
    const chunk = productIds.slice(i, i + 500);
    const rows = await sql.all<ProductRow>(
      `SELECT id, sku, name, description, unit, active, deleted_at, tax_class_id FROM products WHERE id IN (${chunk.map(() => '?').join(',')})`,
      chunk,
    );
    for (const r of rows) products.set(r.id, r);
  }
  const prices = ctx.priceBookId !== null ? await loadPrices(sql, ctx.priceBookId, productIds) : new Map();
  const taxClasses = await loadTaxClasses(sql);
  const fallbackTax = defaultTaxClass(taxClasses);

  const keys = new Set<string>();
  const itemKeys = new Map<string, { parent: string | null }>();
  const lines: StoredLine[] = [];
  input.forEach((line, i) => {
    const at = (field: string) => `${ctx.path}.${i}.${field}`;
    const key = line.key ?? randomUUID();
    if (keys.has(key)) issues.push({ path: at('key'), message: 'Two lines have the same key.' });
    keys.add(key);
    if (line.kind === 'heading') {
      lines.push(headingLine(key, line.text));
      return;
    }
    const product = line.productId !== null ? products.get(line.productId) : undefined;
    if (line.productId !== null) {
      const kept = ctx.existing.get(key)?.productId === line.productId;
      if (!product || (product.deleted_at && !kept)) {
        issues.push({ path: at('productId'), message: `Product ${line.productId} is not in the catalog.` });
        return;
      }
      if (!product.active && !kept) issues.push({ path: at('productId'), message: `${product.name} (${product.sku}) is no longer sold.` });
    }
    const name = line.name ?? product?.name ?? null;
    if (!name) issues.push({ path: at('name'), message: 'A free-text line needs a name.' });

    if (line.parentKey !== null) {
      const parent = itemKeys.get(line.parentKey);
      if (!parent) issues.push({ path: at('parentKey'), message: 'A bundle part must follow its bundle line.' });
      else if (parent.parent !== null) issues.push({ path: at('parentKey'), message: 'A bundle part cannot have parts of its own.' });
    }
    itemKeys.set(key, { parent: line.parentKey });

    const quantityMilli = quantityToMilli(line.quantity);
    const stored = product ? prices.get(product.id) : undefined;
    const listPrice = stored ? tieredUnitPrice(stored.unitPriceMinor, stored.tiers, quantityMilli) : null;
    let unitPrice = line.unitPriceMinor ?? listPrice;
    if (unitPrice === null) {
      issues.push({
        path: at('unitPriceMinor'),
        message: product ? `${product.name} has no price in this quote's price book: enter a unit price.` : 'Enter a unit price.',
      });
      unitPrice = 0;
    }

    let taxClassId: number | null;
    if (line.taxClassId === undefined) taxClassId = product?.tax_class_id ?? fallbackTax?.id ?? null;
    else taxClassId = line.taxClassId;
    const taxClass = taxClassId !== null ? taxClasses.get(taxClassId) : undefined;
    if (taxClassId !== null && !taxClass) issues.push({ path: at('taxClassId'), message: `There is no tax class with id ${taxClassId}.` });

    const discount = discountToStored(line.discount);
    const isNew = !ctx.existing.has(key);
    lines.push({
      line_key: key,
      kind: 'item',
      parent_key: line.parentKey,
      product_id: product?.id ?? null,
      sku: product?.sku ?? null,
      name: name ?? '',
      description: line.description ?? (isNew && product ? product.description : null),
      quantity_milli: quantityMilli,
      unit: line.unit ?? product?.unit ?? null,
      list_price_minor: listPrice,
      unit_price_minor: unitPrice,
      discount_kind: discount.kind,
      discount_value: discount.value,
      tax_class_id: taxClass ? taxClassId : null,
      tax_rate_milli: taxClass ? taxClass.rateMilli : null,
      net_minor: 0,
    });
  });

  if (issues.length === 0) {
    const check = await checkConfiguration(sql, lines.flatMap((l) => (l.product_id !== null ? [l.product_id] : [])));
    for (const e of check.errors) {
      const index = lines.findIndex((l) => l.product_id === e.productId);
      issues.push({ path: `${ctx.path}.${Math.max(index, 0)}.productId`, message: e.message });
    }
  }
  if (issues.length) throw new CrmError('validation', issues.length === 1 ? issues[0]!.message : `${issues[0]!.message} (and ${issues.length - 1} more problems)`, issues);
  return lines;
}

function headingLine(key: string, text: string): StoredLine {
  return {
    line_key: key,
    kind: 'heading',
    parent_key: null,
    product_id: null,
    sku: null,
    name: text,
    description: null,
    quantity_milli: 0,
    unit: null,
    list_price_minor: null,
    unit_price_minor: 0,
    discount_kind: null,
    discount_value: null,
    tax_class_id: null,
    tax_rate_milli: null,
    net_minor: 0,
  };
}

export interface QuoteMoney {
  discountKind: string | null;
  discountValue: number | null;
  shippingMinor: number;
  shippingTaxRateMilli: number | null;
}

/** Stored lines and quote money as shared/quote-math.ts takes them (headings left out). */
function mathInput(lines: StoredLine[], money: QuoteMoney): QuoteInput {
  return {
    lines: lines
      .filter((l) => l.kind === 'item')
      .map((l) => ({
        quantityMilli: l.quantity_milli,
        unitPriceMinor: Number(l.unit_price_minor),
        discount: storedToDiscount(l.discount_kind, l.discount_value),
        taxRateMilli: l.tax_rate_milli,
      })),
    discount: storedToDiscount(money.discountKind, money.discountValue),
    shippingMinor: money.shippingMinor,
    shippingTaxRateMilli: money.shippingTaxRateMilli,
  };
}

/** Totals of stored lines with shared/quote-math.ts; also writes each item's net into its line. */
export function totalsOf(lines: StoredLine[], money: QuoteMoney): QuoteTotals {
  const totals = computeQuoteTotals(mathInput(lines, money));
  lines.filter((l) => l.kind === 'item').forEach((l, i) => (l.net_minor = totals.lines[i]!.netMinor));
  return totals;
}

/** The largest line or quote discount in basis points, for the approval threshold. */
export function largestDiscountOf(lines: StoredLine[], money: QuoteMoney, totals: QuoteTotals): number {
  return largestDiscountBasisPoints(mathInput(lines, money), totals);
}

export function describeDiscount(kind: string | null, value: number | null, currency: string, locale: string): string | null {
  const d = storedToDiscount(kind, value);
  if (!d) return null;
  if (d.kind === 'percent') return `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(d.basisPoints / 100)}%`;
  return formatMoney({ amountMinor: d.amountMinor, currency }, locale);
}
