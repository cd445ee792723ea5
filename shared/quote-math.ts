/**
 * How a quote's money is computed, written down once for the main process
 * (stored totals, the PDF) and the renderer (the live editor).
 *
 * The rules, in order:
 * 1. A line's gross is quantity × unit price, rounded to a whole minor unit
 *    per line. Rounding is half away from zero ("commercial rounding"):
 *    0.5 cent becomes 1 cent, −0.5 becomes −1.
 * 2. A line discount is a percentage of the line's gross (rounded the same way)
 *    or a fixed amount, never more than the gross. Net = gross − discount.
 * 3. The quote discount is a percentage of the subtotal (the sum of line nets,
 *    rounded) or a fixed amount, never more than the subtotal. It is spread
 *    over the lines in proportion to their nets by largest remainder, so the
 *    spread parts are whole minor units that add up to it exactly; tax is then
 *    charged on what the customer really pays.
 * 4. Tax is computed per rate on the sum of that rate's bases (and shipping,
 *    when shipping has a rate) and rounded once per rate, so the breakdown
 *    printed on the proposal is exactly what the total adds up.
 * 5. Total = subtotal − quote discount + shipping + the sum of rounded taxes.
 *
 * Integer arithmetic throughout (BigInt for products), so no float ever
 * touches an amount.
 */

export type Discount = { kind: 'percent'; basisPoints: number } | { kind: 'amount'; amountMinor: number };

export interface LineInput {
  /** Quantity × 1000 (three decimals). */
  quantityMilli: number;
  unitPriceMinor: number;
  discount: Discount | null;
  /** Tax rate in thousandths of a percent (19% → 19000); null when the line is not taxed. */
  taxRateMilli: number | null;
}

export interface QuoteInput {
  lines: LineInput[];
  discount: Discount | null;
  shippingMinor: number;
  shippingTaxRateMilli: number | null;
}

export interface LineTotals {
  grossMinor: number;
  discountMinor: number;
  netMinor: number;
  /** This line's part of the quote discount. */
  quoteDiscountShareMinor: number;
  /** What tax is charged on: net − share of the quote discount. */
  taxableMinor: number;
}

export interface TaxRow {
  rateMilli: number;
  baseMinor: number;
  taxMinor: number;
}

export interface QuoteTotals {
  lines: LineTotals[];
  subtotalMinor: number;
  quoteDiscountMinor: number;
  shippingMinor: number;
  /** One row per rate, ascending. */
  taxes: TaxRow[];
  taxMinor: number;
  totalMinor: number;
}

/** num / den rounded half away from zero; den > 0. */
export function divRound(num: bigint, den: bigint): bigint {
  const q = num / den;
  const r = num % den;
  if (2n * (r < 0n ? -r : r) >= den) return num < 0n ? q - 1n : q + 1n;
  return q;
}

const toNumber = (v: bigint): number => {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < -BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('Amount is too large');
  return Number(v);
};

/** Quantity (up to three decimals) as an integer number of thousandths. */
export function quantityToMilli(quantity: number): number {
  return Math.round(quantity * 1000);
}

export function milliToQuantity(milli: number): number {
  return milli / 1000;
}

/** Percent with up to two decimals (12.5) as basis points (1250). */
export function percentToBasisPoints(percent: number): number {
  return Math.round(percent * 100);
}

/** Rate percent with up to three decimals (8.875) as thousandths of a percent (8875). */
export function ratePercentToMilli(percent: number): number {
  return Math.round(percent * 1000);
}

export function lineGross(quantityMilli: number, unitPriceMinor: number): number {
  return toNumber(divRound(BigInt(quantityMilli) * BigInt(unitPriceMinor), 1000n));
}

function discountOf(base: number, discount: Discount | null): number {
  if (!discount) return 0;
  const raw = discount.kind === 'percent' ? toNumber(divRound(BigInt(base) * BigInt(discount.basisPoints), 10000n)) : discount.amountMinor;
  // A discount never turns a line (or the quote) around: it stops at the amount it applies to.
  if (base >= 0) return Math.min(Math.max(raw, 0), base);
  return Math.max(Math.min(raw, 0), base);
}

/**
 * Splits `amount` over `weights` in proportion, as whole units adding up to
 * `amount` exactly: floor shares first, then one unit each to the largest
 * remainders (earlier lines win ties, so the result never depends on luck).
 */
export function allocate(amount: number, weights: number[]): number[] {
  const total = weights.reduce((s, w) => s + Math.max(w, 0), 0);
  if (amount === 0 || total === 0) return weights.map(() => 0);
  const big = BigInt(amount);
  const bigTotal = BigInt(total);
  const shares = weights.map((w) => (BigInt(Math.max(w, 0)) * big) / bigTotal);
  const remainders = weights.map((w, i) => ({ i, r: (BigInt(Math.max(w, 0)) * big) % bigTotal }));
  let left = big - shares.reduce((s, v) => s + v, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    shares[i] = shares[i]! + 1n;
    left -= 1n;
  }
  return shares.map(toNumber);
}

export function computeQuoteTotals(input: QuoteInput): QuoteTotals {
  const partial = input.lines.map((line) => {
    const grossMinor = lineGross(line.quantityMilli, line.unitPriceMinor);
    const discountMinor = discountOf(grossMinor, line.discount);
    return { grossMinor, discountMinor, netMinor: grossMinor - discountMinor };
  });
  const subtotalMinor = partial.reduce((s, l) => s + l.netMinor, 0);
  const quoteDiscountMinor = subtotalMinor > 0 ? discountOf(subtotalMinor, input.discount) : 0;
  const shares = allocate(
    quoteDiscountMinor,
    partial.map((l) => l.netMinor),
  );
  const lines = partial.map((l, i) => {
    const quoteDiscountShareMinor = shares[i] ?? 0;
    return { ...l, quoteDiscountShareMinor, taxableMinor: l.netMinor - quoteDiscountShareMinor };
  });

  const bases = new Map<number, number>();
  input.lines.forEach((line, i) => {
    if (line.taxRateMilli === null) return;
    bases.set(line.taxRateMilli, (bases.get(line.taxRateMilli) ?? 0) + lines[i]!.taxableMinor);
  });
  if (input.shippingTaxRateMilli !== null && input.shippingMinor !== 0) {
    bases.set(input.shippingTaxRateMilli, (bases.get(input.shippingTaxRateMilli) ?? 0) + input.shippingMinor);
  }
  const taxes = [...bases.entries()]
    .sort(([a], [b]) => a - b)
    .map(([rateMilli, baseMinor]) => ({ rateMilli, baseMinor, taxMinor: toNumber(divRound(BigInt(baseMinor) * BigInt(rateMilli), 100000n)) }));
  const taxMinor = taxes.reduce((s, t) => s + t.taxMinor, 0);
  return {
    lines,
    subtotalMinor,
    quoteDiscountMinor,
    shippingMinor: input.shippingMinor,
    taxes,
    taxMinor,
    totalMinor: subtotalMinor - quoteDiscountMinor + input.shippingMinor + taxMinor,
  };
}

/**
 * The largest discount on the quote as basis points of what it applies to
 * (a line's gross, or the subtotal), amount discounts included, so one
 * threshold decides whether a manager must approve.
 */
export function largestDiscountBasisPoints(input: QuoteInput, totals: QuoteTotals = computeQuoteTotals(input)): number {
  const ratio = (part: number, whole: number) => (whole > 0 ? Math.ceil((part * 10000) / whole) : 0);
  const lineMax = totals.lines.reduce((m, l) => Math.max(m, ratio(l.discountMinor, l.grossMinor)), 0);
  return Math.max(lineMax, ratio(totals.quoteDiscountMinor, totals.subtotalMinor));
}

/** The unit price for a quantity: the tier with the highest minimum the quantity reaches, else the list price. */
export function tieredUnitPrice(listPriceMinor: number, tiers: { minQuantityMilli: number; unitPriceMinor: number }[], quantityMilli: number): number {
  let best: { minQuantityMilli: number; unitPriceMinor: number } | null = null;
  for (const tier of tiers) {
    if (tier.minQuantityMilli <= quantityMilli && (!best || tier.minQuantityMilli > best.minQuantityMilli)) best = tier;
  }
  return best ? best.unitPriceMinor : listPriceMinor;
}
