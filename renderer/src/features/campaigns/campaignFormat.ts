import { formatMoney } from '../../../../shared/money';
import { formatDate } from '../../lib/format';

/** Minor units in the campaign's currency: 150000 EUR → "€1,500.00". */
export function money(amountMinor: number, currency: string): string {
  return formatMoney({ amountMinor, currency });
}

/** "1 Mar 2026 – 31 Mar 2026", "from 1 Mar 2026", or "—". */
export function dateRange(start: string | null, end: string | null): string {
  if (start && end) return `${formatDate(start)} – ${formatDate(end)}`;
  if (start) return `from ${formatDate(start)}`;
  if (end) return `until ${formatDate(end)}`;
  return '—';
}

const percent = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/**
 * A response rate as "12.5%". The ROI report sends it as responded / reached, a share (0.125) that can
 * pass 1 when records that were never sent anything respond.
 */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${percent.format(rate * 100)}%`;
}

/** "+35%", "−12.5%", or "—" without a cost. */
export function formatRoi(roiPercent: number | null): string {
  if (roiPercent === null) return '—';
  return `${roiPercent > 0 ? '+' : roiPercent < 0 ? '−' : ''}${percent.format(Math.abs(roiPercent))}%`;
}

/** A wait in minutes as people say it: "right away", "2 days 3 hours", "45 minutes". */
export function formatWait(minutes: number): string {
  if (minutes <= 0) return 'right away';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days ? `${days} day${days === 1 ? '' : 's'}` : '', hours ? `${hours} hour${hours === 1 ? '' : 's'}` : '', rest ? `${rest} minute${rest === 1 ? '' : 's'}` : ''];
  return parts.filter(Boolean).join(' ');
}
