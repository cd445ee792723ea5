import { Sql } from '../../db/sql';

export interface StoredPrice {
  unitPriceMinor: number;
  /** Ascending by minimum quantity. */
  tiers: { minQuantityMilli: number; unitPriceMinor: number }[];
}

/** Parses a stored tiers column; a damaged value prices at list price rather than failing the quote. */
export function parseTiers(text: string | null): StoredPrice['tiers'] {
  if (!text) return [];
  try {
    const raw: unknown = JSON.parse(text);
    if (!Array.isArray(raw)) return [];
    return raw
      .filter((t): t is { minQuantityMilli: number; unitPriceMinor: number } => Number.isSafeInteger(t?.minQuantityMilli) && Number.isSafeInteger(t?.unitPriceMinor))
      .sort((a, b) => a.minQuantityMilli - b.minQuantityMilli);
  } catch {
    return [];
  }
}

/** The price book's prices for the given products (products without an entry are absent). */
export async function loadPrices(sql: Sql, priceBookId: number, productIds: readonly number[]): Promise<Map<number, StoredPrice>> {
  const prices = new Map<number, StoredPrice>();
  const ids = [...new Set(productIds)];
  for (let i = 0; i < ids.length; i += 500) {
    const chunk = ids.slice(i, i + 500);
    const rows = await sql.all<{ product_id: number; unit_price_minor: number; tiers: string }>(
      `SELECT product_id, unit_price_minor, tiers FROM price_book_entries WHERE price_book_id = ? AND product_id IN (${chunk.map(() => '?').join(',')})`,
      [priceBookId, ...chunk],
    );
    for (const r of rows) prices.set(r.product_id, { unitPriceMinor: Number(r.unit_price_minor), tiers: parseTiers(r.tiers) });
  }
  return prices;
}

/**
 * The book a new quote uses: the default book in the quote's currency, else
 * any active book in that currency, else none (prices are then typed by hand).
 */
export async function defaultPriceBookId(sql: Sql, currency: string): Promise<number | null> {
  const row = await sql.get<{ id: number }>(
    `SELECT id FROM price_books WHERE active = 1 AND currency = ? ORDER BY is_default DESC, id LIMIT 1`,
    [currency],
  );
  return row?.id ?? null;
}
