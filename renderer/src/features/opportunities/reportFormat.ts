import { minorDigits } from '../../../../shared/money';

/** Minor units as a plain number of major units, for a chart axis. */
export function toMajor(amountMinor: number, currency: string): number {
  return amountMinor / 10 ** minorDigits(currency);
}

/** "€1.2M", "€350K": short axis labels. */
export function compactMoney(major: number, currency: string): string {
  return new Intl.NumberFormat('en-US', { style: 'currency', currency, notation: 'compact', maximumFractionDigits: 1 }).format(major);
}

/** The first and last day of the current year, as ISO dates. */
export function thisYear(today = new Date()): { from: string; to: string } {
  const y = today.getFullYear();
  return { from: `${y}-01-01`, to: `${y}-12-31` };
}

/** The month or quarter a date falls in: '2026-03' or '2026-Q1'. */
export function periodOf(date: Date, period: 'month' | 'quarter'): string {
  const y = date.getFullYear();
  const m = date.getMonth() + 1;
  return period === 'month' ? `${y}-${String(m).padStart(2, '0')}` : `${y}-Q${Math.ceil(m / 3)}`;
}
