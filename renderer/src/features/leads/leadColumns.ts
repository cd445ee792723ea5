import type { ColDef } from 'ag-grid-community';
import { LEAD_FILTERABLE, LEAD_SORTABLE, type LeadRow } from '../../../../shared/contract/leads';
import { countryName } from '../../../../shared/countries';
import { gridColumn } from '../../components/gridColumn';
import { formatDateTime } from '../../lib/format';
import { optionLabel } from './queries';

const col = gridColumn<LeadRow>({ sortable: LEAD_SORTABLE, filterable: LEAD_FILTERABLE, numeric: ['score'] });

const label = (v: unknown) => (v ? optionLabel(String(v)) : '');

export function leadColumns(): ColDef<LeadRow>[] {
  return [
    col('lastName', 'Last name', { width: 150 }),
    col('firstName', 'First name', { width: 130 }),
    col('company', 'Company', { width: 190 }),
    col('status', 'Status', { width: 120, valueFormatter: (p) => label(p.value), headerTooltip: 'Filter by new, working, qualified, disqualified or converted' }),
    col('rating', 'Rating', { width: 100, valueFormatter: (p) => label(p.value), headerTooltip: 'Filter by hot, warm or cold' }),
    col('score', 'Score', { width: 100, sort: 'desc' }),
    col('source', 'Source', { width: 130, valueFormatter: (p) => label(p.value), headerTooltip: 'Filter by e.g. web, referral, trade_show' }),
    col('title', 'Title', { width: 160, hide: true }),
    col('email', 'E-mail', { width: 210, hide: true }),
    col('phone', 'Phone', { width: 150, hide: true }),
    col('city', 'City', { width: 130, hide: true }),
    col('country', 'Country', {
      width: 140,
      hide: true,
      valueFormatter: (p) => (p.value ? countryName(String(p.value)) : ''),
      headerTooltip: 'Filter by the two-letter country code, e.g. DE',
    }),
    col('ownerName', 'Owner', { width: 150 }),
    col('createdAt', 'Created', { width: 160, valueFormatter: (p) => (p.value ? formatDateTime(String(p.value)) : '') }),
  ];
}
