import type { Database } from 'better-sqlite3';
import { behaviourCallsSql, behaviourCountsSql, behaviourOf, rescored, ruleFromRow, RULES_SQL, type StoredRule } from './scoring.service';

const BATCH = 500;

/**
 * The scoring service's rescore on a raw better-sqlite3 connection (the data
 * worker: imports and their undo), for many leads at once: the same rules,
 * behaviour and comparison, one query per 500 leads for each. Scores are
 * derived values: no version bump, no audit row.
 */
export function rescoreLeads(db: Database, ids: readonly number[], now: string): number {
  const rules = (db.prepare(RULES_SQL).all() as StoredRule[]).map(ruleFromRow);
  const update = db.prepare(`UPDATE leads SET score = ?, score_reasons = ?, last_touch_at = ? WHERE id = ?`);
  let changed = 0;
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    const marks = batch.map(() => '?').join(', ');
    const leads = db.prepare(`SELECT * FROM leads WHERE id IN (${marks})`).all(...batch) as (Record<string, unknown> & { id: number })[];
    const counts = db.prepare(behaviourCountsSql(marks)).all(now, ...batch) as Parameters<typeof behaviourOf>[0];
    const calls = db.prepare(behaviourCallsSql(marks)).all(...batch) as Parameters<typeof behaviourOf>[1];
    const behaviour = behaviourOf(counts, calls);
    for (const lead of leads) {
      const next = rescored(rules, lead, behaviour.get(lead.id), now);
      if (next) {
        update.run(next.score, next.score_reasons, next.last_touch_at, lead.id);
        changed++;
      }
    }
  }
  return changed;
}
