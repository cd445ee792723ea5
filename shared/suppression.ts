/**
 * Keys of the suppression list: what an entry and a record's address or number
 * are compared on. The main process writes entries with these functions; the
 * segment compiler computes the same keys in SQL (domain/segments/consent.ts).
 */
export const SUPPRESSION_KINDS = ['email', 'domain', 'phone'] as const;
export type SuppressionKind = (typeof SUPPRESSION_KINDS)[number];

/** "Ann@Example.COM " → "ann@example.com" (SQLite's lower() folds A–Z only, so non-ASCII letters stay as typed). */
export function emailKey(address: string): string {
  return asciiLower(address.trim());
}

/** "@Example.com" → "example.com": the part after the @ of an address, or a domain as typed. */
export function domainKey(text: string): string {
  const t = asciiLower(text.trim());
  const at = t.indexOf('@');
  return at >= 0 ? t.slice(at + 1) : t;
}

/** How many trailing digits identify a phone number, whatever its prefix (+49 89 …, 089 …). */
export const PHONE_KEY_DIGITS = 8;

/**
 * The last eight digits of a number, its extension left off: "+49 89 1234-567 ext. 12" → "91234567".
 * Cautious on purpose: "089 …" and "+49 89 …" are one number, and two numbers
 * that share their last eight digits are both kept from being called.
 */
export function phoneKey(number: string): string {
  const lower = asciiLower(number);
  const x = lower.indexOf('x');
  const base = x >= 0 ? lower.slice(0, x) : lower;
  return base.replace(/\D/g, '').slice(-PHONE_KEY_DIGITS);
}

export function asciiLower(s: string): string {
  return s.replace(/[A-Z]/g, (c) => c.toLowerCase());
}
