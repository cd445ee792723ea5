import {
  CellStyleModule,
  ColumnApiModule,
  EventApiModule,
  InfiniteRowModelModule,
  ModuleRegistry,
  NumberFilterModule,
  RowApiModule,
  RowSelectionModule,
  ScrollApiModule,
  TextFilterModule,
  TooltipModule,
  ValidationModule,
  type ColDef,
  type GridApi,
  type GridReadyEvent,
  type IDatasource,
  type IGetRowsParams,
  type RowDoubleClickedEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { EventPayload } from '../../../shared/contract/events';
import type { GridColumnState } from '../../../shared/contract/preferences';
import { GRIDS } from '../../../shared/contract/preferences';
import { call } from '../lib/api';
import { formatCount } from '../lib/format';
import { useRecordChanged } from '../lib/useRecordChanged';
import { ColumnChooser, type ChooserColumn } from './ColumnChooser';
import { ExportMenu, type ExportGrid } from './ExportMenu';
import { MassUpdateDialog, type MassEntity } from './MassUpdateDialog';
import { useToast } from './ToastProvider';
import { gridTheme } from './gridTheme';

/*
 * Only what the grids use, not AllCommunityModule: the app's first chunk is
 * parsed before the first screen shows, and every module costs start-up time.
 * In development the validation module names any feature whose module is
 * missing here.
 */
ModuleRegistry.registerModules([
  InfiniteRowModelModule,
  CellStyleModule,
  TextFilterModule,
  NumberFilterModule,
  RowSelectionModule,
  TooltipModule,
  ColumnApiModule,
  RowApiModule,
  ScrollApiModule,
  EventApiModule,
  ...(import.meta.env.DEV ? [ValidationModule] : []),
]);

export type GridName = (typeof GRIDS)[number];

/** What the Infinite Row Model asks for, in the contract's list-query shape. */
export interface GridPageQuery {
  startRow: number;
  endRow: number;
  sort: { colId: string; sort: 'asc' | 'desc' }[];
  filter: Record<string, unknown>;
  withTotal: boolean;
}

export interface InfiniteGridProps<Row extends { id: number }> {
  /** Whose column choice, order and widths to remember. */
  gridId: GridName;
  label: string;
  columnDefs: ColDef<Row>[];
  fetchPage: (query: GridPageQuery) => Promise<{ rows: Row[]; total: number | null }>;
  onOpen: (row: Row) => void;
  /** Reload when a record of this kind changes anywhere in the app. */
  refreshOn?: EventPayload<'record.changed'>['entity'];
  noun: readonly [singular: string, plural: string];
  toolbar?: ReactNode;
  className?: string;
  /** Offer "Export CSV/XLSX" of the current view through this grid's list method. */
  exportAs?: ExportGrid;
  /** Rows can be selected (checkboxes) and changed together. */
  massUpdate?: MassEntity;
}

const PAGE = 100;
const SAVE_DELAY = 600;

function toSaved(state: ReturnType<GridApi['getColumnState']>): GridColumnState[] {
  return state
    .filter((c) => /^[A-Za-z0-9_.-]{1,60}$/.test(c.colId))
    .map((c) => ({
      colId: c.colId,
      ...(c.width ? { width: Math.min(2000, Math.max(20, Math.round(c.width))) } : {}),
      hide: Boolean(c.hide),
      pinned: c.pinned === 'left' || c.pinned === 'right' ? c.pinned : null,
    }));
}

/**
 * ag-grid's Infinite Row Model over a paged contract method: sorting, filtering
 * and paging happen in the main process, 100 rows a block. Column choice, order
 * and widths are saved per user.
 */
export function InfiniteGrid<Row extends { id: number }>(props: InfiniteGridProps<Row>) {
  const { gridId, label, columnDefs, onOpen, refreshOn, noun, toolbar, className, exportAs, massUpdate } = props;
  const toast = useToast();
  const [selected, setSelected] = useState<number[]>([]);
  const [changing, setChanging] = useState(false);
  const rowSelection = useMemo(() => (massUpdate ? { mode: 'multiRow' as const, checkboxes: true, headerCheckbox: false } : undefined), [massUpdate]);
  const [api, setApi] = useState<GridApi<Row> | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const fetchRef = useRef(props.fetchPage);
  fetchRef.current = props.fetchPage;
  const totalRef = useRef<number | null>(null);
  const restored = useRef(false);
  const saveTimer = useRef<number | undefined>(undefined);

  const datasource = useMemo<IDatasource>(
    () => ({
      getRows(params: IGetRowsParams) {
        const first = params.startRow === 0;
        const query: GridPageQuery = {
          startRow: params.startRow,
          endRow: params.endRow,
          sort: params.sortModel.map((s) => ({ colId: s.colId, sort: s.sort })),
          filter: (params.filterModel ?? {}) as Record<string, unknown>,
          withTotal: first,
        };
        fetchRef.current(query).then(
          ({ rows, total: t }) => {
            if (t !== null) totalRef.current = t;
            else if (first) totalRef.current = null;
            if (first || t !== null) setTotal(totalRef.current);
            setFailed(null);
            const lastRow = totalRef.current ?? (rows.length < params.endRow - params.startRow ? params.startRow + rows.length : undefined);
            params.successCallback(rows, lastRow);
          },
          (error: unknown) => {
            setFailed(error instanceof Error ? error.message : String(error));
            params.failCallback();
          },
        );
      },
    }),
    [],
  );

  const save = useCallback(() => {
    if (!api || !restored.current) return;
    window.clearTimeout(saveTimer.current);
    saveTimer.current = window.setTimeout(() => {
      if (api.isDestroyed()) return;
      void call('preferences.setGridState', { grid: gridId, columns: toSaved(api.getColumnState()) }).catch(() => undefined);
    }, SAVE_DELAY);
  }, [api, gridId]);

  useEffect(() => () => window.clearTimeout(saveTimer.current), []);

  const onGridReady = useCallback(
    (event: GridReadyEvent<Row>) => {
      setApi(event.api);
      call('preferences.getGridState', { grid: gridId })
        .then(({ columns }) => {
          if (columns && !event.api.isDestroyed()) {
            const known = new Set(event.api.getColumns()?.map((c) => c.getColId()) ?? []);
            const state = columns.filter((c) => known.has(c.colId));
            if (state.length) event.api.applyColumnState({ state, applyOrder: true });
          }
        })
        .catch(() => undefined)
        .finally(() => {
          restored.current = true;
        });
    },
    [gridId],
  );

  useRecordChanged((change) => {
    if (refreshOn && change.entity === refreshOn && api && !api.isDestroyed()) api.refreshInfiniteCache();
  });

  const defaultColDef = useMemo<ColDef<Row>>(
    () => ({ resizable: true, sortable: false, filter: false, floatingFilter: true, suppressHeaderMenuButton: true, minWidth: 70 }),
    [],
  );

  const getColumns = (): ChooserColumn[] =>
    (api?.getColumns() ?? []).map((c) => ({ colId: c.getColId(), label: c.getColDef().headerName ?? c.getColId(), visible: c.isVisible() }));

  return (
    <div className={`grid-panel${className ? ` ${className}` : ''}`}>
      <div className="grid-toolbar">
        <span className="grid-toolbar__count" aria-live="polite">
          {total === null ? '\u00a0' : formatCount(total, noun[0], noun[1])}
        </span>
        {failed ? (
          <span className="grid-toolbar__error" role="alert">
            Could not load rows: {failed}
          </span>
        ) : null}
        <div className="grid-toolbar__actions">
          <ColumnChooser
            getColumns={getColumns}
            onToggle={(colId, visible) => {
              api?.setColumnsVisible([colId], visible);
            }}
          />
          {massUpdate && selected.length ? (
            <button type="button" className="btn btn--small" onClick={() => setChanging(true)}>
              Change {selected.length} selected…
            </button>
          ) : null}
          {exportAs && api ? (
            <ExportMenu
              grid={exportAs}
              getView={() => ({
                sort: api.getColumnState().flatMap((c) => (c.sort ? [{ colId: c.colId, sort: c.sort, index: c.sortIndex ?? 0 }] : [])).sort((a, b) => a.index - b.index).map(({ colId, sort }) => ({ colId, sort })),
                filter: (api.getFilterModel() ?? {}) as Record<string, unknown>,
                // The checkbox column has no field: only data columns go into the file.
                columns: (api.getAllDisplayedColumns() ?? []).filter((c) => c.getColDef().field !== undefined).map((c) => ({ colId: c.getColId(), header: c.getColDef().headerName ?? c.getColId() })),
              })}
            />
          ) : null}
          {toolbar}
        </div>
      </div>
      {/* Enter on a focused row opens it (not in the filter inputs). */}
      <div
        className="grid-body"
        aria-label={label}
        role="region"
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || !api || !(e.target as HTMLElement).closest('.ag-row')) return;
          const focused = api.getFocusedCell();
          const row = focused ? api.getDisplayedRowAtIndex(focused.rowIndex) : undefined;
          if (row?.data) {
            e.preventDefault();
            onOpen(row.data);
          }
        }}
      >
        <AgGridReact<Row>
          theme={gridTheme}
          rowModelType="infinite"
          datasource={datasource}
          cacheBlockSize={PAGE}
          maxBlocksInCache={20}
          columnDefs={columnDefs}
          defaultColDef={defaultColDef}
          getRowId={(p) => String(p.data.id)}
          onGridReady={onGridReady}
          onColumnResized={(e) => {
            if (e.finished && e.source !== 'api') save();
          }}
          onColumnMoved={(e) => {
            if (e.finished) save();
          }}
          onColumnVisible={save}
          {...(rowSelection ? { rowSelection, onSelectionChanged: () => setSelected(api?.getSelectedRows().map((r) => r.id) ?? []) } : {})}
          onRowDoubleClicked={(e: RowDoubleClickedEvent<Row>) => {
            if (e.data) onOpen(e.data);
          }}
          overlayNoRowsTemplate="<span>No matching records</span>"
        />
      </div>
      {changing && massUpdate ? (
        <MassUpdateDialog
          entity={massUpdate}
          ids={selected}
          onCancel={() => setChanging(false)}
          onDone={(batchId, updated) => {
            setChanging(false);
            api?.deselectAll();
            api?.refreshInfiniteCache();
            toast.show({
              message: `Changed ${formatCount(updated, noun[0], noun[1])}`,
              action: {
                label: 'Undo',
                run: async () => {
                  await call('records.undoMassUpdate', { batchId });
                  api?.refreshInfiniteCache();
                },
              },
            });
          }}
        />
      ) : null}
    </div>
  );
}
