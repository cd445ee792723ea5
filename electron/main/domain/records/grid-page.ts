import type { Sql } from '../../db/sql';

export interface GridPageSpec {
  table: string;
  alias: string;
  /** The select list of a page row. */
  columns: string;
  /** Joins the page rows need for their columns. */
  rowJoins: string;
  /** Joins the filter and sort need (often none). */
  filterJoins: string;
  where: string[];
  params: unknown[];
  orderBy: string;
  startRow: number;
  endRow: number;
  withTotal: boolean;
}

/**
 * One page of a grid. The ids of the page are found first, on the narrowest
 * index that serves the filter and order (OFFSET has to step over every
 * earlier row, so those steps must be cheap); only then are the page's rows
 * read with their joins. Deep pages cost index steps, not row reads.
 */
export async function fetchGridPage<R>(sql: Sql, s: GridPageSpec): Promise<{ rows: R[]; total: number | null }> {
  const where = s.where.join(' AND ');
  const limit = s.endRow - s.startRow;
  const ids = `SELECT ${s.alias}.id FROM ${s.table} ${s.alias} ${s.filterJoins} WHERE ${where} ORDER BY ${s.orderBy} LIMIT ? OFFSET ?`;
  const rows = await sql.all<R>(
    `SELECT ${s.columns} FROM ${s.table} ${s.alias} ${s.rowJoins} WHERE ${s.alias}.id IN (${ids}) ORDER BY ${s.orderBy}`,
    [...s.params, limit, s.startRow],
  );
  let total: number | null = null;
  // A short page is the last one, so its end is the total and no count is needed.
  if (rows.length < limit && (rows.length > 0 || s.startRow === 0)) total = s.startRow + rows.length;
  else if (s.withTotal) {
    total = (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${s.table} ${s.alias} ${s.filterJoins} WHERE ${where}`, s.params))!.n;
  }
  return { rows, total };
}
