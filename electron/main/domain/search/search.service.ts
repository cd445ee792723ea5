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
import { searchTokens, toFtsQuery } from './fts-query';
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

/**
 * bm25 costs ≈4–30 µs a match: beyond this many matches (of one kind, or of
 * all kinds in the one-pass case), ranking would cost more than the whole
 * answer may.
 */
export const RANKED_MATCHES = 2000;

/** Up to this many matches in all, one pass scores them all; a few ms of bm25 at most. */
const ONE_PASS_MATCHES = 500;

const TABLES: Record<SearchKind, string> = { account: 'accounts', contact: 'contacts', lead: 'leads', opportunity: 'opportunities' };

/** rowid = record id * 4 + kind code: the kind and id come from the rowid alone, without reading the row. */
const KIND_OF_ROWID = 'rowid % 4';

export class SearchService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  /**
   * The best `limit` matches of each kind. Kind and id come from the rowid
   * (id * 4 + kind), so neither counting nor ranking reads the indexed rows.
   * Each MATCH costs a pass over the words' lists (≈10 ms for a common word
   * at 1M records), so there are as few as the text allows:
   * - words of three letters or more often match a few hundred records:
   *   one pass fetches every match with its bm25 score, and the counts and
   *   the ranking per kind follow from it;
   * - a one- or two-letter word (or a longer one that turned out to match
   *   more than ONE_PASS_MATCHES) is counted per kind in one pass; a kind with
   *   at most RANKED_MATCHES matches is ranked by bm25, a kind with more
   *   shows its newest, which FTS5 hands out in rowid order without looking
   *   at the rest.
   * Then titles for the winners from the index and one subtitle query per
   * kind, never one per hit.
   */
  async global(input: z.output<typeof GlobalSearchInput>): Promise<GlobalSearchResult> {
    const kinds = SEARCH_KINDS.filter((k) => !input.kinds || input.kinds.includes(k));
    const empty = () => ({ groups: kinds.map((kind) => ({ kind, label: SEARCH_KIND_LABELS[kind], hits: [] as SearchHit[], total: 0 })) });
    const match = toFtsQuery(input.text);
    if (match === null) return empty();

    const totals = new Map<SearchKind, number>();
    const ranked = new Map<SearchKind, number[]>();
    const short = searchTokens(input.text).some((word) => [...word].length <= 2);
    const scored = short
      ? null
      : await this.sql.all<{ rid: number; score: number }>(`SELECT rowid AS rid, ${BM25} AS score FROM search_index WHERE search_index MATCH ? LIMIT ?`, [
          match,
          ONE_PASS_MATCHES + 1,
        ]);
    if (scored && scored.length <= ONE_PASS_MATCHES) {
      scored.sort((a, b) => a.score - b.score || a.rid - b.rid);
      for (const { rid } of scored) {
        const kind = KIND_BY_CODE.get(Number(rid) % 4);
        if (!kind) continue;
        totals.set(kind, (totals.get(kind) ?? 0) + 1);
        const hits = ranked.get(kind) ?? [];
        if (hits.length < input.limit) ranked.set(kind, [...hits, Number(rid)]);
      }
    } else {
      // One pass counts every kind (≈17 ms for "mu" at 1M: 56k matches).
      const counts = (await this.sql.get<Record<string, number | null>>(
        `SELECT ${SEARCH_KINDS.map((k) => `sum(${KIND_OF_ROWID} = ${KIND_CODES[k]}) AS ${k}`).join(', ')} FROM search_index WHERE search_index MATCH ?`,
        [match],
      ))!;
      for (const kind of SEARCH_KINDS) totals.set(kind, Number(counts[kind] ?? 0));
      for (const kind of kinds) {
        const total = totals.get(kind) ?? 0;
        if (total === 0) continue;
        let rows: { rid: number }[];
        if (total <= RANKED_MATCHES) {
          rows = await this.sql.all(
            `SELECT rowid AS rid FROM search_index WHERE search_index MATCH ? AND ${KIND_OF_ROWID} = ? ORDER BY ${BM25}, rowid LIMIT ?`,
            [match, KIND_CODES[kind], input.limit],
          );
        } else {
          // Newest first, from this kind's highest possible rowid down: FTS5 seeks there instead of walking past every
          // later record of the other kinds, but only when the bound is written into the SQL (a bound parameter is not
          // used for the seek: ≈4 ms instead of 0.1 for "mu" at 1M). It is an integer from max(id), never user text.
          const newest = Number((await this.sql.get<{ id: number | null }>(`SELECT max(id) AS id FROM ${TABLES[kind]}`))?.id ?? 0);
          if (!Number.isSafeInteger(newest)) throw new Error(`max(id) of ${TABLES[kind]} is not an integer`);
          rows = await this.sql.all(
            `SELECT rowid AS rid FROM search_index WHERE search_index MATCH ? AND rowid <= ${newest * 4 + KIND_CODES[kind]} AND ${KIND_OF_ROWID} = ? ORDER BY rowid DESC LIMIT ?`,
            [match, KIND_CODES[kind], input.limit],
          );
        }
        ranked.set(kind, rows.map((r) => Number(r.rid)));
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
