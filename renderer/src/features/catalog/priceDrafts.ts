import type { PriceEntry, PriceEntryInput } from '../../../../shared/contract/catalog';
import { minorToDecimalText, parseMoney, type Money } from '../../../../shared/money';

export interface TierDraft {
  key: string;
  /** As typed: "10", "2.5". */
  minQuantity: string;
  /** As typed, in the book's currency: "9.50". */
  unitPrice: string;
}

export interface PriceDraft {
  price: Money | null;
  tiers: TierDraft[];
}

let nextKey = 0;
export const newTierKey = () => `tier-${++nextKey}`;

export function draftOf(entry: PriceEntry, currency: string): PriceDraft {
  return {
    price: { amountMinor: entry.unitPriceMinor, currency },
    tiers: entry.tiers.map((t) => ({ key: newTierKey(), minQuantity: String(t.minQuantity), unitPrice: minorToDecimalText(t.unitPriceMinor, currency) })),
  };
}

/** A list price typed into MoneyInput, checked against the book's currency. */
export function priceProblem(price: Money | null, currency: string): string | null {
  if (!price) return 'Enter a list price';
  if (price.currency !== currency) return `Prices in this book are in ${currency}`;
  if (!Number.isFinite(price.amountMinor)) return 'The list price is not an amount';
  return null;
}

/**
 * The draft as the contract's input, or the problems to show first (the
 * contract checks the rest: decimals, duplicates, ranges).
 */
export function toPriceInput(
  draft: PriceDraft,
  currency: string,
  ids: { priceBookId: number; productId: number },
): { ok: true; input: PriceEntryInput } | { ok: false; problems: string[] } {
  const problems: string[] = [];
  const price = priceProblem(draft.price, currency);
  if (price) problems.push(price);
  const tiers = draft.tiers.map((t, i) => {
    const minQuantity = Number(t.minQuantity.trim().replace(',', '.'));
    if (t.minQuantity.trim() === '' || !Number.isFinite(minQuantity)) problems.push(`Tier ${i + 1}: enter the quantity it starts at`);
    const parsed = parseMoney(t.unitPrice, currency);
    if (!parsed.ok) problems.push(`Tier ${i + 1} unit price: ${parsed.message}`);
    return { minQuantity, unitPriceMinor: parsed.ok ? parsed.amountMinor : 0 };
  });
  if (problems.length) return { ok: false, problems };
  return { ok: true, input: { ...ids, unitPriceMinor: draft.price!.amountMinor, tiers } };
}

/** "tiers.1.minQuantity: At most three decimals" → "Tier 2 from quantity: At most three decimals". */
export function describePriceIssue(path: string, message: string): string {
  const m = /^tiers\.(\d+)\.?(\w*)/.exec(path);
  if (m) return `Tier ${Number(m[1]) + 1}${m[2] === 'minQuantity' ? ' from quantity' : m[2] === 'unitPriceMinor' ? ' unit price' : ''}: ${message}`;
  if (path === 'unitPriceMinor') return `List price: ${message}`;
  return message;
}
