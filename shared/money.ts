/**
 * Money is stored and sent as integer minor units with an ISO 4217 code.
 * The number of minor digits comes from ICU (present in Node and Chromium), so
 * JPY has 0, EUR 2 and BHD 3 without a table of our own to keep current.
 */
import { z } from 'zod';

const supported = new Set(Intl.supportedValuesOf('currency'));

export const CurrencyCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'Use a three-letter ISO currency code such as EUR')
  .refine((c) => supported.has(c), 'Unknown currency code');
export type CurrencyCode = z.infer<typeof CurrencyCode>;

/** Amounts beyond ±2^53 minor units cannot be represented exactly in JS numbers. */
export const MinorUnits = z.number().int('Amounts are whole minor units').safe('Amount is too large');

export const Money = z.object({ amountMinor: MinorUnits, currency: CurrencyCode });
export type Money = z.infer<typeof Money>;

const digitsCache = new Map<string, number>();

/** Cached: building an Intl formatter costs far more than the lookup, and PDFs and grids ask thousands of times. */
export function minorDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** Formats for display in the given locale, e.g. 123456 EUR → "€1,234.56". */
export function formatMoney(money: Money, locale = 'en-US'): string {
  const digits = minorDigits(money.currency);
  return new Intl.NumberFormat(locale, { style: 'currency', currency: money.currency }).format(
    money.amountMinor / 10 ** digits,
  );
}

/**
 * Parses what a person types ("1,234.5", "1 234,50", "1234") into minor units.
 * The locale decides which of "," and "." is the decimal mark; the other is a
 * grouping mark and ignored. More decimals than the currency has is an error
 * rather than a silent rounding, so no cent is invented or lost.
 */
export function parseMoney(text: string, currency: string, locale = 'en-US'): { ok: true; amountMinor: number } | { ok: false; message: string } {
  const decimalMark = new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  const cleaned = text.trim().replace(/[\s\u00a0\u202f']/g, '').replace(/[^\d.,-]/g, '');
  if (cleaned === '' || cleaned === '-') return { ok: false, message: 'Enter an amount' };
  const groupMark = decimalMark === ',' ? '.' : ',';
  const normalised = cleaned.split(groupMark).join('').replace(decimalMark, '.');
  if (!/^-?\d+(\.\d+)?$/.test(normalised)) return { ok: false, message: 'Not a number' };
  const [whole, fraction = ''] = normalised.replace('-', '').split('.') as [string, string?];
  const digits = minorDigits(currency);
  if (fraction.length > digits) {
    return { ok: false, message: digits === 0 ? `${currency} has no minor units` : `At most ${digits} decimals for ${currency}` };
  }
  const minor = BigInt(whole + fraction.padEnd(digits, '0'));
  const signed = normalised.startsWith('-') ? -minor : minor;
  if (signed > BigInt(Number.MAX_SAFE_INTEGER) || signed < -BigInt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, message: 'Amount is too large' };
  }
  return { ok: true, amountMinor: Number(signed) };
}

/** The plain decimal text of an amount, for an edit field: 123456 EUR → "1234.56". */
export function minorToDecimalText(amountMinor: number, currency: string): string {
  const digits = minorDigits(currency);
  if (digits === 0) return String(amountMinor);
  const sign = amountMinor < 0 ? '-' : '';
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`;
}
