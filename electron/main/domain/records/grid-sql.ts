import { CrmError } from '../../../../shared/errors';
import { foldForSort } from '../../../../shared/text';
import type { ColumnFilter, FilterCondition } from '../../../../shared/contract/grid';
import type { GridSeek } from './grid-positions';

export interface GridColumn {
  /** A trusted SQL expression, never text from the renderer. */
  sql: string;
  kind: 'text' | 'number';
  /** ORDER BY expression when it differs from `sql` (e.g. an indexed sort key). */
  sortSql?: string;
  /** A NOT NULL column sorts without the NULLs-last term, so an index can serve the order. */
  notNull?: boolean;
  /**
   * Name columns filter on their case- and accent-folded form, so "mu" finds
   * "Müller", and a prefix becomes a range on an indexed key.
   */
  folded?: FoldedText;
}

export interface FoldedText {
  /** SQL of the folded value alone, for LIKE. */
  sql: string;
  /** An indexed key that starts with the folded value. */
  rangeKey: string;
  /** What ends the value inside rangeKey when more follows it (a person's key: last name, U+0001, first name). */
  terminator?: string;
}

export interface GridSql {
  where: string[];
  params: unknown[];
  orderBy: string;
  /** The order as one row value, when every term is NOT NULL and all run one way: deep pages can then seek. */
  seek: GridSeek | null;
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

/** The smallest string greater than every string starting with `prefix` (BINARY order is code point order). */
export function prefixUpperBound(prefix: string): string | null {
  const points = [...prefix];
  const last = points.pop();
  if (last === undefined) return null;
  let next = last.codePointAt(0)! + 1;
  if (next === 0xd800) next = 0xe000;
  if (next > 0x10ffff) return null;
  return points.join('') + String.fromCodePoint(next);
}

function range(key: string, low: string, high: string | null, params: unknown[]): string {
  if (high === null) {
    params.push(low);
    return `${key} >= ?`;
  }
  params.push(low, high);
  return `(${key} >= ? AND ${key} < ?)`;
}

function foldedCondition(f: FoldedText, c: Extract<FilterCondition, { filterType: 'text' }>, params: unknown[]): string | null {
  const value = foldForSort(c.filter);
  if (!value) return null;
  const like = escapeLike(value);
  switch (c.type) {
    case 'contains':
      params.push(`%${like}%`);
      return `${f.sql} LIKE ? ESCAPE '\\'`;
    case 'notContains':
      params.push(`%${like}%`);
      return `${f.sql} NOT LIKE ? ESCAPE '\\'`;
    case 'endsWith':
      params.push(`%${like}`);
      return `${f.sql} LIKE ? ESCAPE '\\'`;
    case 'startsWith':
      return range(f.rangeKey, value, prefixUpperBound(value), params);
    case 'equals':
    case 'notEqual': {
      let match: string;
      if (f.terminator) match = range(f.rangeKey, value + f.terminator, value + prefixUpperBound(f.terminator), params);
      else {
        params.push(value);
        match = `${f.rangeKey} = ?`;
      }
      return c.type === 'equals' ? match : `NOT ${match}`;
    }
    default:
      return null;
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
  if (c.filterType === 'text') {
    const blankTest = c.type === 'blank' || c.type === 'notBlank';
    return column.folded && !blankTest ? foldedCondition(column.folded, c, params) : textCondition(column.sql, c, params);
  }
  return numberCondition(column.sql, c, params);
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
  const exprs = sort.map(({ colId }) => {
    const column = columns[colId]!;
    return column.sortSql ?? (column.kind === 'text' ? `${column.sql} COLLATE NOCASE` : column.sql);
  });
  const terms = sort.map(({ colId, sort: dir }, i) =>
    // NULLs last in both directions: a blank city is never the first thing a sort shows.
    columns[colId]!.notNull ? `${exprs[i]} ${dir.toUpperCase()}` : `${exprs[i]} IS NULL, ${exprs[i]} ${dir.toUpperCase()}`,
  );
  const lastDir = sort[sort.length - 1]!.sort;
  const seekable = sort.every((s) => columns[s.colId]!.notNull && s.sort === lastDir);
  return {
    where,
    params,
    orderBy: [...terms, `${idColumn} ${lastDir.toUpperCase()}`].join(', '),
    seek: seekable ? { keys: [...exprs, idColumn], desc: lastDir === 'desc' } : null,
  };
}
