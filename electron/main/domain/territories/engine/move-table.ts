import type { Database } from 'better-sqlite3';
import { CrmError } from '../../../../../shared/errors';
import { ENTITY, REASON } from './log-codes';
import type { Move } from './plan';

/**
 * The planned moves of one bulk move, on the planning connection only. Keyed
 * like the log's index (entity, record) and without a rowid, so filling it in
 * plan order appends, and each table's UPDATE and the log's INSERT read it in
 * the order they write.
 */
export const MOVES = 'temp.planned_moves';

const FOLLOWERS = [
  { entity: 'contact', code: ENTITY.contact, table: 'contacts', open: '' },
  { entity: 'opportunity', code: ENTITY.opportunity, table: 'opportunities', open: ' AND r.closed_at IS NULL' },
] as const;

export function createMovesTable(db: Database): void {
  db.exec(`DROP TABLE IF EXISTS ${MOVES}`);
  db.exec(`CREATE TEMP TABLE planned_moves (
    entity INTEGER NOT NULL, record_id INTEGER NOT NULL, from_owner INTEGER NOT NULL, to_owner INTEGER NOT NULL,
    from_territory INTEGER, to_territory INTEGER, reason INTEGER NOT NULL, rule_id INTEGER, PRIMARY KEY (entity, record_id)) WITHOUT ROWID`);
}

export function dropMovesTable(db: Database): void {
  db.exec(`DROP TABLE IF EXISTS ${MOVES}`);
}

/** Moves in (entity, id) order append to the table; any order works. */
export function insertMoves(db: Database, moves: readonly Move[], progress?: (done: number, total: number) => void): void {
  const perStatement = 500;
  const one = '(?, ?, ?, ?, ?, ?, ?, ?)';
  const full = db.prepare(`INSERT INTO ${MOVES} VALUES ${Array(perStatement).fill(one).join(', ')}`);
  const values: unknown[] = [];
  for (let i = 0; i < moves.length; i += perStatement) {
    const end = Math.min(i + perStatement, moves.length);
    values.length = 0;
    for (let j = i; j < end; j++) {
      const m = moves[j]!;
      values.push(ENTITY[m.entity], m.id, m.fromOwnerId, m.toOwnerId, m.fromTerritoryId, m.toTerritoryId, REASON[m.reason], m.ruleId);
    }
    if (end - i === perStatement) full.run(values);
    else db.prepare(`INSERT INTO ${MOVES} VALUES ${Array(end - i).fill(one).join(', ')}`).run(values);
    progress?.(end, moves.length);
  }
}

type FollowerRow = [id: number, fromOwner: number, toOwner: number];

const follower = (entity: 'contact' | 'opportunity', reason: 'follows_account' | 'rep_leaves') =>
  ([id, fromOwnerId, toOwnerId]: FollowerRow): Move => ({ entity, id, fromOwnerId, toOwnerId, fromTerritoryId: null, toTerritoryId: null, reason, ruleId: null });

/*
 * Followers and leftovers come back to JavaScript before they go into the
 * moves table: the preview's counts and samples are then one pass over a
 * list instead of a GROUP BY that sorts ~190k rows.
 */

/** Contacts and open opportunities that follow their account's new owner (the accounts' moves are in the table) unless someone locked them. */
export function followersOf(db: Database): Move[] {
  return FOLLOWERS.flatMap((f) =>
    (
      db
        .prepare(
          // Reading the table in order and looking each row's account up in the moves beats probing the
          // account_id index per moved account and then fetching scattered rows; and it comes out in id order.
          `SELECT r.id, r.owner_id, m.to_owner
             FROM ${f.table} r CROSS JOIN ${MOVES} m ON m.entity = ${ENTITY.account} AND m.record_id = r.account_id
            WHERE m.to_owner <> m.from_owner
              AND r.deleted_at IS NULL AND r.owner_locked = 0 AND r.owner_id <> m.to_owner${f.open}`,
        )
        .raw()
        .all() as FollowerRow[]
    ).map(follower(f.entity, 'follows_account')),
  );
}

/** A leaving rep's remaining contacts and open opportunities (locked, or of someone else's account): to the account's owner, else the successor or the queue. */
export function leftoversOf(db: Database, leaving: number, successor: number | null, queueOwner: number | null): Move[] {
  return FOLLOWERS.flatMap((f) => {
    const target = `COALESCE(?, (SELECT m.to_owner FROM ${MOVES} m WHERE m.entity = ${ENTITY.account} AND m.record_id = r.account_id),
                     (SELECT a.owner_id FROM accounts a WHERE a.id = r.account_id AND a.owner_id <> ? AND a.deleted_at IS NULL), ?)`;
    const where = `r.owner_id = ? AND r.deleted_at IS NULL${f.open} AND NOT EXISTS (SELECT 1 FROM ${MOVES} x WHERE x.entity = ${f.code} AND x.record_id = r.id)`;
    const rows = db.prepare(`SELECT r.id, r.owner_id, ${target} FROM ${f.table} r WHERE ${where} ORDER BY r.id`).raw().all(successor, leaving, queueOwner, leaving) as (number | null)[][];
    const stuck = rows.filter((r) => r[2] === null).length;
    if (stuck > 0) {
      throw new CrmError('validation', `${stuck} ${f.table} of the leaving rep have no account owner to go to: name a successor or set the fallback queue owner.`);
    }
    return (rows as FollowerRow[]).map(follower(f.entity, 'rep_leaves'));
  });
}
