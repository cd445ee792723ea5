import type { ColDef } from 'ag-grid-community';
import { QUOTE_FILTERABLE, QUOTE_SORTABLE, type QuoteRow, type QuoteStatus } from '../../../../shared/contract/quotes';
import { formatMoney } from '../../../../shared/money';
import { gridColumn } from '../../components/gridColumn';
import { formatDate, formatDateTime } from '../../lib/format';
import { statusLabel } from './labels';

const col = gridColumn<QuoteRow>({ sortable: QUOTE_SORTABLE, filterable: QUOTE_FILTERABLE, numeric: ['totalMinor', 'revision'] });

export function quoteColumns(): ColDef<QuoteRow>[] {
  return [
    col('number', 'Number', { width: 130 }),
    col('revision', 'Version', { width: 100 }),
    col('title', 'Title', { width: 240 }),
    col('status', 'Status', {
      width: 130,
      valueFormatter: (p) => (p.value ? statusLabel(p.value as QuoteStatus) : ''),
      cellClass: (p) => (p.value ? `quote-grid-status quote-grid-status--${String(p.value)}` : ''),
    }),
    col('opportunityName', 'Opportunity', { width: 220 }),
    col('accountName', 'Account', { width: 200 }),
    col('totalMinor', 'Total', {
      width: 150,
      valueFormatter: (p) => (p.value == null || !p.data?.currency ? '' : formatMoney({ amountMinor: p.value, currency: p.data.currency })),
    }),
    col('validUntil', 'Valid until', { width: 140, valueFormatter: (p) => (p.value ? formatDate(String(p.value)) : '') }),
    col('ownerName', 'Owner', { width: 150 }),
    col('updatedAt', 'Updated', { width: 160, sort: 'desc', valueFormatter: (p) => (p.value ? formatDateTime(String(p.value)) : '') }),
  ];
}
