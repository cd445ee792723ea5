import type { ColDef } from 'ag-grid-community';
import { CONTACT_FILTERABLE, CONTACT_SORTABLE, type ContactRow } from '../../../../shared/contract/contacts';
import { countryName } from '../../../../shared/countries';
import { gridColumn } from '../../components/gridColumn';
import { formatDateTime } from '../../lib/format';

const col = gridColumn<ContactRow>({ sortable: CONTACT_SORTABLE, filterable: CONTACT_FILTERABLE });

const yesNo = (v: boolean | undefined) => (v ? 'Yes' : '');

export function contactColumns(options: { withAccount: boolean } = { withAccount: true }): ColDef<ContactRow>[] {
  return [
    col('lastName', 'Last name', { width: 150, sort: 'asc' }),
    col('firstName', 'First name', { width: 140 }),
    col('title', 'Title', { width: 170 }),
    ...(options.withAccount ? [col('accountName', 'Account', { width: 190 })] : []),
    col('email', 'E-mail', { width: 220 }),
    col('phone', 'Phone', { width: 150 }),
    col('city', 'City', { width: 130 }),
    col('country', 'Country', {
      width: 150,
      valueFormatter: (p) => (p.value ? countryName(String(p.value)) : ''),
      headerTooltip: 'Filter by the two-letter country code, e.g. DE',
    }),
    col('ownerName', 'Owner', { width: 150, hide: !options.withAccount }),
    col('emailOptOut', 'E-mail opt-out', { width: 120, hide: true, valueFormatter: (p) => yesNo(p.value) }),
    col('doNotCall', 'Do not call', { width: 110, hide: true, valueFormatter: (p) => yesNo(p.value) }),
    col('updatedAt', 'Updated', { width: 160, hide: true, valueFormatter: (p) => (p.value ? formatDateTime(String(p.value)) : '') }),
  ];
}
