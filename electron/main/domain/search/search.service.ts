import type { DataSource } from 'typeorm';
import type { z } from 'zod';
import {
  SEARCH_KINDS,
  SEARCH_KIND_LABELS,
  type GlobalSearchInput,
  type GlobalSearchResult,
  type SearchHit,
  type SearchKind,
} from '../../../../shared/contract/search';
import { Sql } from '../../db/sql';
import { toFtsQuery } from './fts-query';
import { subtitlesFor } from './subtitles';

/** search_index.kind, as the migration's triggers write it (rowid = id * 4 + kind). */
export const KIND_CODES: Record<SearchKind, number> = { account: 0, contact: 1, lead: 2, opportunity: 3 };
const KIND_BY_CODE = new Map(SEARCH_KINDS.map((k) => [KIND_CODES[k], k]));

/**
 * bm25 weights per column of search_index (kind, record_id, title, detail):
 * a word in the name counts ten times a word in the detail line.
 */
const BM25 = 'bm25(search_index, 0.0, 0.0, 10.0, 1.0)';

/** Where the renderer opens each kind; null until the kind has a page (leads and opportunities are being built). */
const ROUTES: Record<SearchKind, ((id: number) => string) | null> = {
  account: (id) => `/accounts/${id}`,
  contact: (id) => `/contacts/${id}`,
  lead: (id) => `/leads/${id}`,
  opportunity: (id) => `/opportunities/${id}`,
};

/** rowid = record id * 4 + kind code: the kind and id come from the rowid alone, without reading the row. */
const KIND_OF_ROWID = 'rowid % 4';

export class SearchService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  /**
   * The best `limit` matches of each kind, ranked by bm25. Kind and id come
   * from the rowid (id * 4 + kind), so ranking never reads the indexed rows
   * themselves: one top-N query per kind, one count for the kinds that have
   * more, then titles for the winners from the index and one subtitle query
   * per kind, never one per hit.
   */
  async global(input: z.output<typeof GlobalSearchInput>): Promise<GlobalSearchResult> {
    const kinds = SEARCH_KINDS.filter((k) => !input.kinds || input.kinds.includes(k));
    const empty = () => ({ groups: kinds.map((kind) => ({ kind, label: SEARCH_KIND_LABELS[kind], hits: [] as SearchHit[], total: 0 })) });
    const match = toFtsQuery(input.text);
    if (match === null) return empty();

    const ranked = new Map<SearchKind, number[]>();
    for (const kind of kinds) {
      const rows = await this.sql.all<{ rid: number }>(
        `SELECT rowid AS rid, ${BM25} AS score FROM search_index
          WHERE search_index MATCH ? AND ${KIND_OF_ROWID} = ? ORDER BY score, rowid LIMIT ?`,
        [match, KIND_CODES[kind], input.limit],
      );
      ranked.set(kind, rows.map((r) => Number(r.rid)));
    }

    const totals = new Map<SearchKind, number>(kinds.map((k) => [k, ranked.get(k)?.length ?? 0]));
    const full = kinds.filter((k) => (ranked.get(k)?.length ?? 0) === input.limit);
    if (full.length > 0) {
      const counts = await this.sql.all<{ kind: number; n: number }>(
        `SELECT ${KIND_OF_ROWID} AS kind, count(*) AS n FROM search_index
          WHERE search_index MATCH ? AND ${KIND_OF_ROWID} IN (${full.map(() => '?').join(', ')}) GROUP BY 1`,
        [match, ...full.map((k) => KIND_CODES[k])],
      );
      for (const c of counts) {
        const kind = KIND_BY_CODE.get(Number(c.kind));
        if (kind) totals.set(kind, Number(c.n));
      }
    }

    const rowids = [...ranked.values()].flat();
    const titles = new Map<number, string>();
    if (rowids.length > 0) {
      const rows = await this.sql.all<{ rid: number; title: string | null }>(
        `SELECT rowid AS rid, title FROM search_index WHERE rowid IN (${rowids.map(() => '?').join(', ')})`,
        rowids,
      );
      for (const r of rows) titles.set(Number(r.rid), r.title ?? '');
    }

    const groups = [];
    for (const kind of kinds) {
      const ids = (ranked.get(kind) ?? []).map((rid) => Math.floor(rid / 4));
      const subtitles = await subtitlesFor(this.sql, kind, ids);
      const route = ROUTES[kind];
      const hits: SearchHit[] = ids.map((id) => ({
        kind,
        id,
        title: titles.get(id * 4 + KIND_CODES[kind]) ?? '',
        subtitle: subtitles.get(id) ?? null,
        route: route ? route(id) : null,
      }));
      groups.push({ kind, label: SEARCH_KIND_LABELS[kind], hits, total: totals.get(kind) ?? 0 });
    }
    return { groups };
  }
}
