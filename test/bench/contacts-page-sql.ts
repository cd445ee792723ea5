import type { Host } from '../../electron/main/host/host';

export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

/** What foldForSort and prefixUpperBound make of an ASCII prefix: lower case, last letter + 1. */
const asciiRange = (prefix: string): [string, string] => {
  const low = prefix.toLowerCase();
  return [low, low.slice(0, -1) + String.fromCharCode(low.charCodeAt(low.length - 1) + 1)];
};

/**
 * contacts.list's statement for a lastName-sorted page, written out from
 * contacts.service.ts, grid-page.ts and grid-sql.ts: the page's ids on the
 * (sort_name, id) index first, then those rows. A page past the first block
 * seeks to its block's anchor (grid-positions.ts) and steps `offset` rows
 * from there; the anchor's values are whatever the positions hold, so they
 * are passed in. The total comes from the same positions, without a COUNT.
 * The bench also records what the service really ran and reports whether the
 * two still agree.
 */
export function handWrittenContactsPage(limit: number, lastNamePrefix: string | undefined, seek: { anchor: unknown[]; offset: number } | number): CapturedStatement[] {
  const where = ['c.deleted_at IS NULL'];
  const params: unknown[] = [];
  if (lastNamePrefix !== undefined) {
    where.push('(c.sort_name >= ? AND c.sort_name < ?)');
    params.push(...asciiRange(lastNamePrefix));
  }
  let offset = typeof seek === 'number' ? seek : seek.offset;
  if (typeof seek !== 'number') {
    where.push('(c.sort_name, c.id) > (?, ?)');
    params.push(...seek.anchor);
    offset = seek.offset;
  }
  const order = 'c.sort_name ASC, c.id ASC';
  const ids = `SELECT c.id FROM contacts c WHERE ${where.join(' AND ')} ORDER BY ${order} LIMIT ? OFFSET ?`;
  return [
    {
      sql: `SELECT c.id, c.version, c.first_name, c.last_name, c.title, c.email, c.phone, c.account_id,
              (SELECT a.name FROM accounts a WHERE a.id = c.account_id AND a.deleted_at IS NULL) AS account_name,
              c.address_city, c.address_country, c.email_opt_out, c.do_not_call, o.name AS owner_name, c.updated_at
         FROM contacts c JOIN users o ON o.id = c.owner_id WHERE c.id IN (${ids}) ORDER BY ${order}`,
      params: [...params, limit, offset],
    },
  ];
}

export const normalizeSql = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** Runs one dispatch while recording every statement the service sends through TypeORM. */
export async function captureStatements(host: Host, run: () => Promise<unknown>): Promise<CapturedStatement[]> {
  const ds = host.dataSource as unknown as { query: (sql: string, params?: unknown[], ...rest: unknown[]) => Promise<unknown> };
  const original = ds.query;
  const captured: CapturedStatement[] = [];
  ds.query = function (sql: string, params?: unknown[], ...rest: unknown[]) {
    captured.push({ sql, params: [...(params ?? [])] });
    return original.call(this, sql, params, ...rest);
  };
  try {
    await run();
  } finally {
    ds.query = original;
  }
  return captured;
}
