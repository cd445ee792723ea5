import type { Database } from 'better-sqlite3';
import { CrmError } from '../../../../../shared/errors';

/*
 * A bulk move writes three references per row (owner, territory, updated-by)
 * drawn from a handful of values: with foreign keys on, SQLite looks each one
 * up again for every one of ~190k rows (≈15% of the writes). The move's
 * statements run with the checks off instead, and every distinct value is
 * checked once beforehand, inside the same write transaction, so a missing
 * user or territory still fails the whole move.
 */

/** Runs `work` (which opens and ends its own transaction) with this connection's foreign-key checks off. */
export function withoutRowByRowForeignKeys<T>(db: Database, work: () => T): T {
  db.pragma('foreign_keys = OFF');
  try {
    return work();
  } finally {
    db.pragma('foreign_keys = ON');
  }
}

/** Owners and territories the rows will point to (`source` yields columns owner, territory), and the user making the change. */
export function assertReferencesExist(db: Database, source: string, params: unknown[], userId: number): void {
  // One pass over the rows gives the few distinct pairs; the CTE is read twice, so SQLite materializes it once.
  const missing = db
    .prepare(
      `WITH v AS MATERIALIZED (SELECT DISTINCT owner, territory FROM (${source}))
       SELECT (SELECT COUNT(*) FROM v WHERE NOT EXISTS (SELECT 1 FROM users u WHERE u.id = v.owner))
            + (SELECT COUNT(*) FROM v WHERE v.territory IS NOT NULL AND NOT EXISTS (SELECT 1 FROM territories t WHERE t.id = v.territory))
            + NOT EXISTS (SELECT 1 FROM users WHERE id = ?)`,
    )
    .pluck()
    .get(...params, userId) as number;
  if (missing > 0) throw new CrmError('conflict', 'A user or territory this move needs no longer exists: nothing was moved. Preview the move again.');
}
