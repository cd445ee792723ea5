import type { ColDef } from 'ag-grid-community';
import { ACCOUNT_FILTERABLE, ACCOUNT_SORTABLE, type AccountRow } from '../../../../shared/contract/accounts';
import { countryName } from '../../../../shared/countries';
import { formatMoney } from '../../../../shared/money';
import { gridColumn } from '../../components/gridColumn';
import { formatDateTime } from '../../lib/format';

const col = gridColumn<AccountRow>({ sortable: ACCOUNT_SORTABLE, filterable: ACCOUNT_FILTERABLE, numeric: ['employees', 'annualRevenueMinor'] });

export function accountColumns(): ColDef<AccountRow>[] {
  return [
    col('name', 'Name', { width: 240, sort: 'asc' }),
    col('industry', 'Industry', { width: 150 }),
    col('city', 'City', { width: 140 }),
    col('country', 'Country', {
      width: 150,
      valueFormatter: (p) => (p.value ? countryName(String(p.value)) : ''),
      headerTooltip: 'Filter by the two-letter country code, e.g. DE',
    }),
    col('phone', 'Phone', { width: 150 }),
    col('website', 'Website', { width: 200, hide: true }),
    col('employees', 'Employees', { width: 120, valueFormatter: (p) => (p.value == null ? '' : new Intl.NumberFormat('en-US').format(p.value)) }),
    col('annualRevenueMinor', 'Annual revenue', {
      width: 160,
      valueFormatter: (p) => (p.value == null || !p.data?.currency ? '' : formatMoney({ amountMinor: p.value, currency: p.data.currency })),
    }),
    col('ownerName', 'Owner', { width: 150 }),
    col('updatedAt', 'Updated', { width: 160, hide: true, valueFormatter: (p) => (p.value ? formatDateTime(String(p.value)) : '') }),
  ];
}

export function accountContactColumns(): ColDef[] {
  const text = { filter: 'agTextColumnFilter', filterParams: { debounceMs: 300, trimInput: true } };
  return [
    { colId: 'lastName', field: 'lastName', headerName: 'Last name', sortable: true, sort: 'asc', width: 150, ...text },
    { colId: 'firstName', field: 'firstName', headerName: 'First name', sortable: true, width: 140, ...text },
    { colId: 'title', field: 'title', headerName: 'Title', sortable: true, width: 180, ...text },
    { colId: 'email', field: 'email', headerName: 'E-mail', sortable: true, width: 220, ...text },
    { colId: 'phone', field: 'phone', headerName: 'Phone', width: 150, ...text },
  ];
}
