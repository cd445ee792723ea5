/**
 * Amounts, quantities, rates and dates as the customer's locale writes them.
 * The document carries integer minor units and calendar dates; nothing here
 * rounds money or moves a date across midnight. Minor digits per currency come
 * from shared/money.ts (minorDigits), the same source the rest of the app uses.
 */
import { minorDigits } from '../../../shared/money';

export interface QuoteFormatters {
  money(amountMinor: number): string;
  quantity(value: number): string;
  percent(ratePercent: number): string;
  /** "2024-03-31" → "31 March 2024" (en-GB); the date as written, whatever the machine's time zone. */
  date(isoDate: string): string;
}

export function quoteFormatters(locale: string, currency: string): QuoteFormatters {
  const digits = minorDigits(currency);
  // Pinned to the stored precision, so a BHD amount always shows three decimals and JPY none.
  const money = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: digits, maximumFractionDigits: digits });
  const quantity = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 });
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 });
  // A calendar date read as UTC midnight and printed in UTC is the same day everywhere.
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    money: (amountMinor) => money.format(decimalText(amountMinor, digits)),
    quantity: (value) => quantity.format(value),
    percent: (ratePercent) => percent.format(ratePercent / 100),
    date: (isoDate) => {
      const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
      const at = new Date(0);
      at.setUTCFullYear(y, m - 1, d); // unlike Date.UTC, does not read year 99 as 1999
      return date.format(at);
    },
  };
}

/**
 * The exact decimal text of an amount ("-1234.56"), which Intl formats without
 * going through a float: near 2^53, amountMinor / 100 loses a cent. (Not
 * shared/money's minorToDecimalText: that builds an Intl.NumberFormat per call,
 * which was most of the time of a 500-line render.)
 */
function decimalText(amountMinor: number, digits: number): `${number}` {
  const sign = amountMinor < 0 ? '-' : '';
  const abs = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return (digits === 0 ? `${sign}${abs}` : `${sign}${abs.slice(0, -digits)}.${abs.slice(-digits)}`) as `${number}`;
}
