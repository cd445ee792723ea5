import { CrmError } from '../../../../shared/errors';
import type { ColumnFilter, FilterCondition } from '../../../../shared/contract/grid';

export interface GridColumn {
  /** A trusted SQL expression, never text from the renderer. */
  sql: string;
  kind: 'text' | 'number';
  /** ORDER BY expression when it differs from `sql` (e.g. an indexed sort key). */
  sortSql?: string;
  /** A NOT NULL column sorts without the NULLs-last term, so an index can serve the order. */
  notNull?: boolean;
}

export interface GridSql {
  where: string[];
  params: unknown[];
  orderBy: string;
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

function textCondition(col: string, c: Extract<FilterCondition, { filterType: 'text' }>, params: unknown[]): string | null {
  if (c.type === 'blank') return `(${col} IS NULL OR ${col} = '')`;
  if (c.type === 'notBlank') return `(${col} IS NOT NULL AND ${col} <> '')`;
  if (c.filter == null || c.filter === '') return null;
  const v = escapeLike(c.filter);
  switch (c.type) {
    case 'contains':
      params.push(`%${v}%`);
      return `${col} LIKE ? ESCAPE '\\'`;
    case 'notContains':
      params.push(`%${v}%`);
      return `(${col} IS NULL OR ${col} NOT LIKE ? ESCAPE '\\')`;
    case 'startsWith':
      params.push(`${v}%`);
      return `${col} LIKE ? ESCAPE '\\'`;
    case 'endsWith':
      params.push(`%${v}`);
      return `${col} LIKE ? ESCAPE '\\'`;
    case 'equals':
      params.push(c.filter);
      return `${col} = ? COLLATE NOCASE`;
    case 'notEqual':
      params.push(c.filter);
      return `(${col} IS NULL OR ${col} <> ? COLLATE NOCASE)`;
  }
}

function numberCondition(col: string, c: Extract<FilterCondition, { filterType: 'number' }>, params: unknown[]): string | null {
  if (c.type === 'blank') return `${col} IS NULL`;
  if (c.type === 'notBlank') return `${col} IS NOT NULL`;
  if (c.filter == null) return null;
  const ops = { equals: '=', notEqual: '<>', lessThan: '<', lessThanOrEqual: '<=', greaterThan: '>', greaterThanOrEqual: '>=' } as const;
  if (c.type === 'inRange') {
    if (c.filterTo == null) return null;
    params.push(Math.min(c.filter, c.filterTo), Math.max(c.filter, c.filterTo));
    return `${col} BETWEEN ? AND ?`;
  }
  params.push(c.filter);
  return c.type === 'notEqual' ? `(${col} IS NULL OR ${col} <> ?)` : `${col} ${ops[c.type]} ?`;
}

function condition(colId: string, column: GridColumn, c: FilterCondition, params: unknown[]): string | null {
  if (c.filterType !== column.kind) {
    throw new CrmError('validation', `Column ${colId} takes a ${column.kind} filter`, [
      { path: `filter.${colId}`, message: `Expected a ${column.kind} filter` },
    ]);
  }
  return c.filterType === 'text' ? textCondition(column.sql, c, params) : numberCondition(column.sql, c, params);
}

/** Turns a validated ag-grid sort and filter model into SQL over whitelisted columns. */
export function gridSql(
  columns: Record<string, GridColumn>,
  query: { sort: { colId: string; sort: 'asc' | 'desc' }[]; filter: Partial<Record<string, ColumnFilter>> },
  defaultSort: { colId: string; sort: 'asc' | 'desc' },
  idColumn: string,
): GridSql {
  const where: string[] = [];
  const params: unknown[] = [];
  for (const [colId, f] of Object.entries(query.filter)) {
    const column = columns[colId];
    if (!column || !f) continue;
    if ('conditions' in f) {
      const parts = f.conditions.map((c) => condition(colId, column, c, params)).filter((p): p is string => p !== null);
      if (parts.length) where.push(`(${parts.join(f.operator === 'OR' ? ' OR ' : ' AND ')})`);
    } else {
      const part = condition(colId, column, f, params);
      if (part) where.push(part);
    }
  }
  const sort = query.sort.length ? query.sort : [defaultSort];
  const terms = sort.map(({ colId, sort: dir }) => {
    const column = columns[colId]!;
    const expr = column.sortSql ?? (column.kind === 'text' ? `${column.sql} COLLATE NOCASE` : column.sql);
    // NULLs last in both directions: a blank city is never the first thing a sort shows.
    return column.notNull ? `${expr} ${dir.toUpperCase()}` : `${expr} IS NULL, ${expr} ${dir.toUpperCase()}`;
  });
  const lastDir = sort[sort.length - 1]!.sort.toUpperCase();
  return { where, params, orderBy: [...terms, `${idColumn} ${lastDir}`].join(', ') };
}
