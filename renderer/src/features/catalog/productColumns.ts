import type { ColDef } from 'ag-grid-community';
import { PRODUCT_FILTERABLE, PRODUCT_SORTABLE, type ProductRow } from '../../../../shared/contract/catalog';
import { gridColumn } from '../../components/gridColumn';

const col = gridColumn<ProductRow>({ sortable: PRODUCT_SORTABLE, filterable: PRODUCT_FILTERABLE });

const yesNo = (v: unknown) => (v ? 'Yes' : 'No');

export function productColumns(): ColDef<ProductRow>[] {
  return [
    col('sku', 'SKU', { width: 150, sort: 'asc' }),
    col('name', 'Name', { width: 280 }),
    col('category', 'Category', { width: 170 }),
    col('unit', 'Unit', { width: 100 }),
    col('active', 'Active', { width: 100, valueFormatter: (p) => yesNo(p.value) }),
    col('isBundle', 'Bundle', { width: 100, valueFormatter: (p) => (p.value ? 'Bundle' : '') }),
  ];
}
