import type { SearchKind } from '../../../../shared/contract/search';
import type { Sql } from '../../db/sql';

/** Joins the parts that are there: ['München, DE', null, 'Machinery'] → 'München, DE · Machinery'. */
function line(parts: (string | null | undefined)[], separator = ' · '): string | null {
  const present = parts.map((p) => p?.trim()).filter((p): p is string => !!p);
  return present.length === 0 ? null : present.join(separator);
}

type Row = Record<string, string | number | null> & { id: number };
type Subtitler = { sql: string; subtitle: (row: Row) => string | null };

const str = (v: string | number | null | undefined) => (v === null || v === undefined ? null : String(v));

/**
 * One query per kind, for the few hits shown only. Leads and opportunities are
 * read with plain SQL from their tables until their modules offer a service.
 */
const SUBTITLERS: Record<SearchKind, Subtitler> = {
  account: {
    sql: `SELECT a.id, a.billing_city, a.billing_country, a.industry FROM accounts a WHERE a.id IN (?)`,
    subtitle: (r) => line([line([str(r.billing_city), str(r.billing_country)], ', '), str(r.industry)]),
  },
  contact: {
    sql: `SELECT c.id, c.email, c.title, a.name AS account_name FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id WHERE c.id IN (?)`,
    subtitle: (r) => line([str(r.account_name), str(r.email) ?? str(r.title)]),
  },
  lead: {
    sql: `SELECT l.id, l.company, l.email, l.status FROM leads l WHERE l.id IN (?)`,
    subtitle: (r) => line([str(r.company), str(r.email), str(r.status) ? `Lead: ${str(r.status)}` : null]),
  },
  opportunity: {
    sql: `SELECT o.id, a.name AS account_name, s.name AS stage_name FROM opportunities o
          LEFT JOIN accounts a ON a.id = o.account_id LEFT JOIN pipeline_stages s ON s.id = o.stage_id WHERE o.id IN (?)`,
    subtitle: (r) => line([str(r.account_name), str(r.stage_name)]),
  },
};

/** Subtitles of the given records of one kind, by id. */
export async function subtitlesFor(sql: Sql, kind: SearchKind, ids: number[]): Promise<Map<number, string | null>> {
  const out = new Map<number, string | null>();
  if (ids.length === 0) return out;
  const s = SUBTITLERS[kind];
  const rows = await sql.all<Row>(s.sql.replace('IN (?)', `IN (${ids.map(() => '?').join(', ')})`), ids);
  for (const row of rows) out.set(Number(row.id), s.subtitle(row));
  return out;
}
