import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocate,
  computeQuoteTotals,
  divRound,
  largestDiscountBasisPoints,
  lineGross,
  tieredUnitPrice,
  type Discount,
  type LineInput,
  type QuoteInput,
} from '../../shared/quote-math';

const rate = fc.constantFrom(null, 0, 5000, 7000, 8875, 19000, 20000, 23000);
const discount: fc.Arbitrary<Discount | null> = fc.oneof(
  fc.constant(null),
  fc.record({ kind: fc.constant('percent' as const), basisPoints: fc.integer({ min: 0, max: 10000 }) }),
  fc.record({ kind: fc.constant('amount' as const), amountMinor: fc.integer({ min: 0, max: 5_000_000 }) }),
);
const line: fc.Arbitrary<LineInput> = fc.record({
  quantityMilli: fc.integer({ min: 1, max: 10_000_000 }),
  unitPriceMinor: fc.integer({ min: 0, max: 10_000_000 }),
  discount,
  taxRateMilli: rate,
});
const quote: fc.Arbitrary<QuoteInput> = fc.record({
  lines: fc.array(line, { maxLength: 40 }),
  discount,
  shippingMinor: fc.integer({ min: 0, max: 100_000 }),
  shippingTaxRateMilli: rate,
});

describe('divRound rounds half away from zero', () => {
  it.each([
    [5n, 2n, 3n],
    [-5n, 2n, -3n],
    [4n, 3n, 1n],
    [-4n, 3n, -1n],
    [149n, 100n, 1n],
    [150n, 100n, 2n],
    [-150n, 100n, -2n],
  ])('%d / %d → %d', (n, d, expected) => expect(divRound(n, d)).toBe(expected));

  it('is within half a unit of the exact quotient', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.bigInt({ min: 1n, max: 10n ** 6n }), (n, d) => {
        const r = divRound(n, d);
        const diff = r * d - n;
        expect(2n * (diff < 0n ? -diff : diff) <= d).toBe(true);
      }),
    );
  });
});

describe('quote totals', () => {
  it('total is always the sum of rounded lines, minus the quote discount, plus shipping and rounded taxes', () => {
    fc.assert(
      fc.property(quote, (q) => {
        const t = computeQuoteTotals(q);
        const lineSum = t.lines.reduce((s, l) => s + l.netMinor, 0);
        expect(t.subtotalMinor).toBe(lineSum);
        expect(t.totalMinor).toBe(lineSum - t.quoteDiscountMinor + t.shippingMinor + t.taxes.reduce((s, x) => s + x.taxMinor, 0));
        for (const l of t.lines) {
          expect(Number.isSafeInteger(l.netMinor)).toBe(true);
          expect(l.netMinor).toBe(l.grossMinor - l.discountMinor);
          expect(l.netMinor).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('spreads the quote discount over the lines exactly, and taxes each rate once on its bases', () => {
    fc.assert(
      fc.property(quote, (q) => {
        const t = computeQuoteTotals(q);
        expect(t.lines.reduce((s, l) => s + l.quoteDiscountShareMinor, 0)).toBe(t.quoteDiscountMinor);
        expect(t.quoteDiscountMinor).toBeLessThanOrEqual(Math.max(t.subtotalMinor, 0));
        for (const row of t.taxes) {
          const lineBases = q.lines.reduce((s, l, i) => (l.taxRateMilli === row.rateMilli ? s + t.lines[i]!.taxableMinor : s), 0);
          const shipping = q.shippingTaxRateMilli === row.rateMilli ? q.shippingMinor : 0;
          expect(row.baseMinor).toBe(lineBases + shipping);
          expect(row.taxMinor).toBe(Number(divRound(BigInt(row.baseMinor) * BigInt(row.rateMilli), 100000n)));
        }
      }),
    );
  });

  it('does not depend on the order of the lines', () => {
    fc.assert(
      fc.property(quote, fc.integer(), (q, seed) => {
        const shuffled = [...q.lines].sort((a, b) => ((a.unitPriceMinor * 31 + seed) % 7) - ((b.unitPriceMinor * 31 + seed) % 7));
        const a = computeQuoteTotals(q);
        const b = computeQuoteTotals({ ...q, lines: shuffled });
        expect(b.subtotalMinor).toBe(a.subtotalMinor);
        expect(b.quoteDiscountMinor).toBe(a.quoteDiscountMinor);
        // Shares may land on other lines, but only by one unit per rate at most.
        for (const row of a.taxes) {
          const other = b.taxes.find((x) => x.rateMilli === row.rateMilli);
          expect(Math.abs((other?.baseMinor ?? 0) - row.baseMinor)).toBeLessThanOrEqual(q.lines.length);
        }
      }),
    );
  });

  it('works a known example by hand', () => {
    // 3 × 19.99 = 59.97; 10% off → 6.00 (5.997 rounds up), net 53.97.
    // 1.5 h × 80.00 = 120.00 at 7%. Quote discount 10.00 spread 53.97 : 120.00.
    const t = computeQuoteTotals({
      lines: [
        { quantityMilli: 3000, unitPriceMinor: 1999, discount: { kind: 'percent', basisPoints: 1000 }, taxRateMilli: 19000 },
        { quantityMilli: 1500, unitPriceMinor: 8000, discount: null, taxRateMilli: 7000 },
      ],
      discount: { kind: 'amount', amountMinor: 1000 },
      shippingMinor: 495,
      shippingTaxRateMilli: 19000,
    });
    expect(t.lines.map((l) => [l.grossMinor, l.discountMinor, l.netMinor])).toEqual([
      [5997, 600, 5397],
      [12000, 0, 12000],
    ]);
    expect(t.subtotalMinor).toBe(17397);
    // 1000 × 5397/17397 = 310.2 → 310; 1000 × 12000/17397 = 689.8 → 689 + the leftover unit = 690.
    expect(t.lines.map((l) => l.quoteDiscountShareMinor)).toEqual([310, 690]);
    expect(t.taxes).toEqual([
      { rateMilli: 7000, baseMinor: 11310, taxMinor: 792 }, // 791.7
      { rateMilli: 19000, baseMinor: 5087 + 495, taxMinor: 1061 }, // 5582 × 19% = 1060.58
    ]);
    expect(t.totalMinor).toBe(17397 - 1000 + 495 + 792 + 1061);
  });

  it('never discounts below zero', () => {
    const t = computeQuoteTotals({
      lines: [{ quantityMilli: 1000, unitPriceMinor: 500, discount: { kind: 'amount', amountMinor: 900 }, taxRateMilli: null }],
      discount: { kind: 'amount', amountMinor: 100 },
      shippingMinor: 0,
      shippingTaxRateMilli: null,
    });
    expect(t.lines[0]!.netMinor).toBe(0);
    expect(t.quoteDiscountMinor).toBe(0);
    expect(t.totalMinor).toBe(0);
  });
});

describe('allocate', () => {
  it('always hands out exactly the amount, never more than proportional plus one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 0, max: 10_000_000 }), { minLength: 1, maxLength: 30 }), (amount, weights) => {
        const parts = allocate(amount, weights);
        const total = weights.reduce((s, w) => s + w, 0);
        expect(parts.reduce((s, p) => s + p, 0)).toBe(total === 0 ? 0 : amount);
        parts.forEach((p, i) => {
          const exact = total === 0 ? 0 : (amount * weights[i]!) / total;
          expect(p).toBeGreaterThanOrEqual(Math.floor(exact) - 1e-9 - 0);
          expect(p).toBeLessThanOrEqual(Math.ceil(exact) + 1e-9);
        });
      }),
    );
  });
});

describe('discount threshold and tiers', () => {
  it('reports the largest discount as basis points, amount discounts included', () => {
    const input: QuoteInput = {
      lines: [
        { quantityMilli: 1000, unitPriceMinor: 10000, discount: { kind: 'amount', amountMinor: 2500 }, taxRateMilli: null },
        { quantityMilli: 1000, unitPriceMinor: 10000, discount: { kind: 'percent', basisPoints: 1000 }, taxRateMilli: null },
      ],
      discount: { kind: 'percent', basisPoints: 500 },
      shippingMinor: 0,
      shippingTaxRateMilli: null,
    };
    expect(largestDiscountBasisPoints(input)).toBe(2500);
  });

  it('picks the highest tier the quantity reaches', () => {
    const tiers = [
      { minQuantityMilli: 10_000, unitPriceMinor: 900 },
      { minQuantityMilli: 100_000, unitPriceMinor: 800 },
    ];
    expect(tieredUnitPrice(1000, tiers, 9_999)).toBe(1000);
    expect(tieredUnitPrice(1000, tiers, 10_000)).toBe(900);
    expect(tieredUnitPrice(1000, tiers, 250_000)).toBe(800);
    expect(lineGross(2500, 333)).toBe(833); // 832.5 → 833
  });
});
