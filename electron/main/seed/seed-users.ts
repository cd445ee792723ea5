import type { Database } from 'better-sqlite3';

const SALES_REPS: [name: string, email: string][] = [
  ['Anna Schneider', 'anna.schneider'],
  ['Łukasz Nowak', 'lukasz.nowak'],
  ['Sophie Lefèvre', 'sophie.lefevre'],
  ['Åsa Lindqvist', 'asa.lindqvist'],
  ['Mehmet Çelik', 'mehmet.celik'],
  ['James Carter', 'james.carter'],
];

/**
 * A new database has only its administrator; sample records look real only
 * when several reps own them. Returns who should own seeded records.
 */
export function ensureSalesReps(db: Database, nowIso: string): number[] {
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM users`).get() as { n: number };
  if (n < 2) {
    const insert = db.prepare(
      `INSERT OR IGNORE INTO users (name, email, role, active, created_at, updated_at) VALUES (?, ?, 'sales_rep', 1, ?, ?)`,
    );
    db.transaction(() => {
      for (const [name, local] of SALES_REPS) insert.run(name, `${local}@office-crm.example`, nowIso, nowIso);
    })();
  }
  const reps = db.prepare(`SELECT id FROM users WHERE active = 1 AND role = 'sales_rep' ORDER BY id`).pluck().all() as number[];
  if (reps.length) return reps;
  return db.prepare(`SELECT id FROM users WHERE active = 1 ORDER BY id`).pluck().all() as number[];
}
