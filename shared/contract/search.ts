import { z } from 'zod';
import { Id } from './common';
import { method, type MethodDef } from './define';

/** The record types the search index holds, in the order their groups are shown. */
export const SEARCH_KINDS = ['account', 'contact', 'lead', 'opportunity'] as const;
export const SearchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof SearchKind>;

/** Headings for the groups, by kind. */
export const SEARCH_KIND_LABELS: Record<SearchKind, string> = {
  account: 'Accounts',
  contact: 'Contacts',
  lead: 'Leads',
  opportunity: 'Opportunities',
};

export const SEARCH_TEXT_MAX = 1000;

export const GlobalSearchInput = z
  .object({
    /** What the user typed: any text, never FTS syntax (it is turned into a safe query). */
    text: z.string().max(SEARCH_TEXT_MAX, `At most ${SEARCH_TEXT_MAX} characters`),
    /** At most this many hits per group. */
    limit: z.number().int().min(1).max(50).default(5),
    /** Only these record types (all when left out). */
    kinds: z.array(SearchKind).min(1).max(SEARCH_KINDS.length).optional(),
  })
  .strict();
export type GlobalSearchInput = z.input<typeof GlobalSearchInput>;

export const SearchHit = z.object({
  kind: SearchKind,
  id: Id,
  title: z.string(),
  /** A line of context: a contact's account and e-mail, an account's city, … */
  subtitle: z.string().nullable(),
  /** Where the renderer opens the record; null while that record type has no page yet. */
  route: z.string().nullable(),
});
export type SearchHit = z.infer<typeof SearchHit>;

export const SearchGroup = z.object({
  kind: SearchKind,
  label: z.string(),
  hits: z.array(SearchHit),
  /** How many records of this kind match in all (hits holds the best `limit` of them). */
  total: z.number().int().min(0),
});
export type SearchGroup = z.infer<typeof SearchGroup>;

export const GlobalSearchResult = z.object({
  /** One group per requested kind, in SEARCH_KINDS order, empty when nothing matches. */
  groups: z.array(SearchGroup),
});
export type GlobalSearchResult = z.infer<typeof GlobalSearchResult>;

export const searchContract = {
  'search.global': method({
    summary: 'Accounts, contacts, leads and opportunities matching the typed words (prefix, accent- and case-free), best first, grouped by type',
    writes: false,
    input: GlobalSearchInput,
    output: GlobalSearchResult,
  }),
} satisfies Record<string, MethodDef>;
