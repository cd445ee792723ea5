import type { Database } from 'better-sqlite3';
import { BUMP_GRID_GENERATION } from '../../../db/migrations/grid-generation-triggers';
import { indexRowsSql } from '../../../db/migrations/search-triggers-v3';
import { createdRuns } from './change-log';

/** Triggers set aside for the length of an import, with the SQL that puts them back. */
export type PausedTriggers = { name: string; sql: string }[];

/**
 * Inside the import's transaction only (a rollback or a crash puts them back,
 * and other connections keep their snapshot): the insert triggers written to be
 * pausable (their WHEN names `triggers_paused`) are dropped, and the import does
 * their work in one statement per table at the end. Dropping them rather than
 * letting their WHEN say no saves the trigger program on every row: an insert
 * costs ≈11 µs instead of ≈25 (and ≈125 with the triggers indexing row by row).
 */
export function pauseSearchIndexing(db: Database): PausedTriggers {
  const paused = db.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND sql LIKE '%triggers_paused%' ORDER BY name`).all() as PausedTriggers;
  for (const t of paused) db.exec(`DROP TRIGGER "${t.name}"`);
  return paused;
}

/** The kinds of record in the search index, by the entity name import_changes uses. */
export const INDEXED = [
  ['account', 'accounts'],
  ['contact', 'contacts'],
  ['lead', 'leads'],
  ['opportunity', 'opportunities'],
] as const;

/**
 * An import that creates more records than this commits first and indexes
 * them right after, in chunks (search-catch-up.ts): the index costs ≈20 µs a
 * record, a third of a big import, and grids show the records at once anyway.
 * Smaller imports are searchable the moment they commit.
 */
export const SEARCH_INLINE_LIMIT = 20_000;

/**
 * The e-mail keys the paused insert trigger (contacts_keys_ai) writes, for a
 * run of new contacts, sorted so that the key index is written in order. A
 * contact's first address is its `email` column, so only contacts with more
 * than one need their JSON taken apart: ≈1 s less at a million contacts. The
 * `instr` test lets through every array with a second element (its first
 * object's `}` is not the end of the text) and a few without, which `e.key > 0`
 * then finds nothing in.
 */
const CONTACT_EMAIL_KEYS = `
  INSERT INTO record_keys (entity, kind, key, record_id)
  SELECT 'contact', 'email', lower(trim(c.email)), c.id
    FROM contacts c
   WHERE c.id BETWEEN @first AND @last AND trim(COALESCE(c.email, '')) <> ''
  UNION ALL
  SELECT 'contact', 'email', lower(trim(json_extract(e.value, '$.address'))), c.id
    FROM contacts c, json_each(c.emails) e
   WHERE c.id BETWEEN @first AND @last AND instr(c.emails, '}') < length(c.emails) - 1
     AND e.key > 0 AND trim(COALESCE(json_extract(e.value, '$.address'), '')) <> ''
  ORDER BY 3`;

/**
 * Puts the triggers back, writes the e-mail keys of every contact the import
 * created (duplicate checks need them at once), and indexes the created records
 * for search — or, past SEARCH_INLINE_LIMIT, marks the import as owing them to
 * the index. Returns whether it did mark it. Runs before the commit.
 */
export function indexCreatedRecords(db: Database, importId: number, paused: PausedTriggers, created: number): boolean {
  for (const t of paused) db.exec(t.sql);
  // The paused insert triggers did not move it on, row by row; once for the whole import does.
  if (created > 0) db.exec(BUMP_GRID_GENERATION);
  const keys = db.prepare(CONTACT_EMAIL_KEYS);
  for (const run of createdRuns(db, importId, 'contact')) keys.run(run);
  if (created > SEARCH_INLINE_LIMIT) {
    db.prepare(`UPDATE imports SET search_pending = 1 WHERE id = ?`).run(importId);
    return true;
  }
  for (const [entity, table] of INDEXED) {
    const index = db.prepare(indexRowsSql(table, `NEW.id BETWEEN ? AND ?`));
    for (const run of createdRuns(db, importId, entity)) index.run(run.first, run.last);
  }
  return false;
}
