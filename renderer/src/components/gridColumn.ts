import type { ColDef, ColDefField } from 'ag-grid-community';

export interface GridColumnRules {
  /** The columns the main process can sort by; it refuses any other. */
  sortable: readonly string[];
  /** The columns it can filter on; the others get no filter at all. */
  filterable: readonly string[];
  /** Filtered as numbers and right-aligned; all others are text. */
  numeric?: readonly string[];
}

export type GridColumn<Row> = (field: ColDefField<Row>, headerName: string, extra?: ColDef<Row>) => ColDef<Row>;

/** The column helper of one grid, so each column only states its header and what is special about it. */
export function gridColumn<Row>({ sortable, filterable, numeric = [] }: GridColumnRules): GridColumn<Row> {
  const canSort = new Set(sortable);
  const canFilter = new Set(filterable);
  const isNumeric = new Set(numeric);
  return (field, headerName, extra = {}) => {
    const number = isNumeric.has(field);
    return {
      colId: field,
      field,
      headerName,
      sortable: canSort.has(field),
      ...(canFilter.has(field)
        ? {
            filter: number ? 'agNumberColumnFilter' : 'agTextColumnFilter',
            filterParams: { debounceMs: 300, maxNumConditions: 2, ...(number ? {} : { trimInput: true }) },
          }
        : { floatingFilter: false }),
      ...(number ? { type: 'rightAligned' } : {}),
      ...extra,
    };
  };
}
