import type { Sql } from '../../db/sql';
import { gridPositions, seekAfter, viewIsTracked, type GridSeek, type Positions } from './grid-positions';

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
  /** The order as a seekable row value (gridSql gives it when the sort allows); null pages with OFFSET only. */
  seek: GridSeek | null;
  startRow: number;
  endRow: number;
  withTotal: boolean;
}

/**
 * One page of a grid. The ids of the page are found first, on the narrowest
 * index that serves the filter and order; only then are the page's rows read
 * with their joins. A deep page of a large view seeks to the nearest anchor
 * (grid-positions.ts) and steps from there, so it costs the same at row
 * 900,000 as at row 1,000; the same positions give the total without a COUNT.
 */
export async function fetchGridPage<R>(sql: Sql, s: GridPageSpec): Promise<{ rows: R[]; total: number | null }> {
  const where = s.where.join(' AND ');
  const limit = s.endRow - s.startRow;
  const positions = await positionsFor(sql, s, where);
  if (positions && s.startRow >= positions.total) return { rows: [], total: positions.total };

  let seekWhere = where;
  let seekParams = s.params;
  let offset = s.startRow;
  const block = positions ? Math.floor(s.startRow / positions.every) : 0;
  if (positions && s.seek && block > 0) {
    const anchor = positions.anchors[block - 1]!;
    seekWhere = `${where} AND ${seekAfter(s.seek)}`;
    seekParams = [...s.params, ...anchor];
    offset = s.startRow - block * positions.every;
  }
  const ids = `SELECT ${s.alias}.id FROM ${s.table} ${s.alias} ${s.filterJoins} WHERE ${seekWhere} ORDER BY ${s.orderBy} LIMIT ? OFFSET ?`;
  const rows = await sql.all<R>(
    `SELECT ${s.columns} FROM ${s.table} ${s.alias} ${s.rowJoins} WHERE ${s.alias}.id IN (${ids}) ORDER BY ${s.orderBy}`,
    [...seekParams, limit, offset],
  );
  let total: number | null = positions?.total ?? null;
  // A short page is the last one, so its end is the total and no count is needed.
  if (total === null && rows.length < limit && (rows.length > 0 || s.startRow === 0)) total = s.startRow + rows.length;
  else if (total === null && s.withTotal) {
    total = keptCount(sql, s, where) ?? (await sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM ${s.table} ${s.alias} ${s.filterJoins} WHERE ${where}`, s.params))!.n;
  }
  return { rows, total };
}

/**
 * Positions are worth building only where OFFSET would cost: a page past the
 * first block, or a total the grid asks for. Near the top, and for views over
 * tables that nothing tracks, the page is read as it is.
 */
async function positionsFor(sql: Sql, s: GridPageSpec, where: string): Promise<Positions | null> {
  const db = sql.connection();
  if (!db || !s.seek) return null;
  const positions = gridPositions(db);
  if (s.startRow < positions.every && !s.withTotal) return null;
  if (!viewIsTracked({ table: s.table, filterJoins: s.filterJoins, where })) return null;
  return positions.positions({ table: s.table, alias: s.alias, filterJoins: s.filterJoins, where, params: s.params, orderBy: s.orderBy, seek: s.seek });
}

/** A sort that cannot seek still gets its total counted once per change, not on every first page. */
function keptCount(sql: Sql, s: GridPageSpec, where: string): number | null {
  const db = sql.connection();
  if (!db || !viewIsTracked({ table: s.table, filterJoins: s.filterJoins, where })) return null;
  return gridPositions(db).count({ table: s.table, alias: s.alias, filterJoins: s.filterJoins, where, params: s.params });
}
