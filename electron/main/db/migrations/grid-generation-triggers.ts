import type { Database } from 'better-sqlite3';
import type { QueryRunner } from 'typeorm';

/** The tables whose changes move grid_generation on. */
export const GRID_GENERATION_TABLES = ['accounts', 'contacts', 'leads', 'opportunities', 'users'] as const;

/*
 * grid_generation moves on with every insert, update and delete in the tables
 * grids page through at scale (and users, whose names they sort and filter
 * by), so the positions kept for deep pages (grid-positions.ts) know when they
 * are out of date. A migration that rebuilds one of these tables drops its
 * triggers and must create them again, as with the search triggers.
 */
export const BUMP_GRID_GENERATION = `UPDATE grid_generation SET generation = generation + 1 WHERE id = 1;`;

function triggers(table: string): Record<string, string> {
  return {
    // A bulk import pauses this one (see search-indexing.ts) and moves the generation on once at its end.
    [`${table}_grid_ai`]: `AFTER INSERT ON ${table} WHEN NOT EXISTS (SELECT 1 FROM triggers_paused) BEGIN ${BUMP_GRID_GENERATION} END`,
    [`${table}_grid_au`]: `AFTER UPDATE ON ${table} BEGIN ${BUMP_GRID_GENERATION} END`,
    [`${table}_grid_ad`]: `AFTER DELETE ON ${table} BEGIN ${BUMP_GRID_GENERATION} END`,
  };
}

export async function createGridGenerationTriggers(queryRunner: QueryRunner, tables: readonly string[] = GRID_GENERATION_TABLES): Promise<void> {
  for (const table of tables) {
    for (const [name, body] of Object.entries(triggers(table))) await queryRunner.query(`CREATE TRIGGER ${name} ${body}`);
  }
}

export async function dropGridGenerationTriggers(queryRunner: QueryRunner, tables: readonly string[] = GRID_GENERATION_TABLES): Promise<void> {
  for (const table of tables) {
    for (const name of Object.keys(triggers(table))) await queryRunner.query(`DROP TRIGGER IF EXISTS ${name}`);
  }
}

/**
 * Inside a bulk write's own transaction only (a rollback or a crash puts them
 * back, and other connections keep their snapshot): drops the generation
 * triggers so that rewriting 190k owners does not also move the counter 190k
 * times. Returns what to run before the commit: the triggers back, and the
 * generation moved on once.
 */
export function pauseGridGeneration(db: Database): () => void {
  if (!db.inTransaction) throw new Error('pauseGridGeneration runs inside the bulk write\'s transaction');
  const names = GRID_GENERATION_TABLES.flatMap((table) => Object.keys(triggers(table)));
  const paused = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN (${names.map(() => '?').join(', ')}) ORDER BY name`)
    .all(...names) as { name: string; sql: string }[];
  for (const t of paused) db.exec(`DROP TRIGGER "${t.name}"`);
  return () => {
    for (const t of paused) db.exec(t.sql);
    db.exec(BUMP_GRID_GENERATION);
  };
}
