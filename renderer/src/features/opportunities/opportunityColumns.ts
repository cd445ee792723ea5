import type { ColDef } from 'ag-grid-community';
import { OPPORTUNITY_FILTERABLE, OPPORTUNITY_SORTABLE, type OpportunityRow } from '../../../../shared/contract/opportunities';
import { formatMoney } from '../../../../shared/money';
import { gridColumn } from '../../components/gridColumn';
import { formatDate, formatDateTime } from '../../lib/format';

const col = gridColumn<OpportunityRow>({ sortable: OPPORTUNITY_SORTABLE, filterable: OPPORTUNITY_FILTERABLE, numeric: ['amountMinor', 'probability'] });

export function opportunityColumns(): ColDef<OpportunityRow>[] {
  return [
    col('name', 'Name', { width: 240, sort: 'asc' }),
    col('accountName', 'Account', { width: 200 }),
    col('stageName', 'Stage', { width: 150 }),
    col('amountMinor', 'Amount', {
      width: 150,
      valueFormatter: (p) => (p.value == null || !p.data?.currency ? '' : formatMoney({ amountMinor: p.value, currency: p.data.currency })),
    }),
    col('probability', 'Probability', { width: 120, valueFormatter: (p) => (p.value == null ? '' : `${p.value} %`) }),
    col('expectedCloseDate', 'Expected close', { width: 150, valueFormatter: (p) => (p.value ? formatDate(String(p.value)) : '') }),
    col('ownerName', 'Owner', { width: 150 }),
    col('pipelineName', 'Pipeline', { width: 140, hide: true }),
    col('forecastCategory', 'Forecast category', { width: 150, hide: true }),
    col('updatedAt', 'Updated', { width: 160, hide: true, valueFormatter: (p) => (p.value ? formatDateTime(String(p.value)) : '') }),
  ];
}
