import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { AssignmentBatch, MovePlanInput, MovePreview } from '../../../../../shared/contract/territories';
import { CrmError } from '../../../../../shared/errors';
import { loadModel, loadPickerState, loadRecords, loadSettings, openOpportunitiesByAccount } from './load';
import { OwnerPicker } from './owner-picker';
import { planRealignment, planRepLeaves, type Move } from './plan';

export type MovePlan = z.output<typeof MovePlanInput>;

export interface BulkContext {
  userId: number;
  now: string;
  progress?: (label: string, done: number, total: number | null) => void;
}

const MOVES = 'temp.assignment_moves';
const SAMPLE = 5;
const FOLLOWERS = [
  { entity: 'contact', table: 'contacts', open: '' },
  { entity: 'opportunity', table: 'opportunities', open: ' AND r.closed_at IS NULL' },
] as const;

function createMovesTable(db: Database): void {
  db.exec(`DROP TABLE IF EXISTS ${MOVES}`);
  db.exec(`CREATE TEMP TABLE assignment_moves (
    entity TEXT NOT NULL, record_id INTEGER NOT NULL, from_owner INTEGER NOT NULL, to_owner INTEGER NOT NULL,
    from_territory INTEGER, to_territory INTEGER, reason TEXT NOT NULL, rule_id INTEGER, PRIMARY KEY (entity, record_id))`);
}

function insertMoves(db: Database, moves: Move[], ctx: BulkContext): void {
  const perStatement = 500;
  const one = '(?, ?, ?, ?, ?, ?, ?, ?)';
  const full = db.prepare(`INSERT INTO ${MOVES} VALUES ${Array(perStatement).fill(one).join(', ')}`);
  for (let i = 0; i < moves.length; i += perStatement) {
    const chunk = moves.slice(i, i + perStatement);
    const values = chunk.flatMap((m) => [m.entity, m.id, m.fromOwnerId, m.toOwnerId, m.fromTerritoryId, m.toTerritoryId, m.reason, m.ruleId]);
    if (chunk.length === perStatement) full.run(values);
    else db.prepare(`INSERT INTO ${MOVES} VALUES ${Array(chunk.length).fill(one).join(', ')}`).run(values);
    ctx.progress?.('Planning moves', Math.min(i + perStatement, moves.length), moves.length);
  }
}

/** Contacts and open opportunities follow their account's new owner unless someone locked them. */
function addFollowers(db: Database): void {
  for (const f of FOLLOWERS) {
    db.prepare(
      `INSERT OR IGNORE INTO ${MOVES} (entity, record_id, from_owner, to_owner, from_territory, to_territory, reason, rule_id)
       SELECT '${f.entity}', r.id, r.owner_id, m.to_owner, NULL, NULL, 'follows_account', NULL
         FROM ${MOVES} m JOIN ${f.table} r ON r.account_id = m.record_id
        WHERE m.entity = 'account' AND m.to_owner <> m.from_owner
          AND r.deleted_at IS NULL AND r.owner_locked = 0 AND r.owner_id <> m.to_owner${f.open}`,
    ).run();
  }
}

/** A leaving rep's remaining contacts and open opportunities (locked, or of someone else's account): to the account's owner, else the successor or the queue. */
function addLeftovers(db: Database, leaving: number, successor: number | null, queueOwner: number | null): void {
  for (const f of FOLLOWERS) {
    const target = `COALESCE(?, (SELECT m.to_owner FROM ${MOVES} m WHERE m.entity = 'account' AND m.record_id = r.account_id),
                     (SELECT a.owner_id FROM accounts a WHERE a.id = r.account_id AND a.owner_id <> ? AND a.deleted_at IS NULL), ?)`;
    const where = `r.owner_id = ? AND r.deleted_at IS NULL${f.open} AND NOT EXISTS (SELECT 1 FROM ${MOVES} x WHERE x.entity = '${f.entity}' AND x.record_id = r.id)`;
    const stuck = db.prepare(`SELECT COUNT(*) FROM ${f.table} r WHERE ${where} AND ${target} IS NULL`).pluck().get(leaving, successor, leaving, queueOwner) as number;
    if (stuck > 0) {
      throw new CrmError('validation', `${stuck} ${f.table} of the leaving rep have no account owner to go to: name a successor or set the fallback queue owner.`);
    }
    db.prepare(
      `INSERT INTO ${MOVES} (entity, record_id, from_owner, to_owner, from_territory, to_territory, reason, rule_id)
       SELECT '${f.entity}', r.id, r.owner_id, ${target}, NULL, NULL, 'rep_leaves', NULL FROM ${f.table} r WHERE ${where}`,
    ).run(successor, leaving, queueOwner, leaving);
  }
}

function userRefs(db: Database, ids: number[]): Map<number, { id: number; name: string }> {
  if (!ids.length) return new Map();
  const rows = db.prepare(`SELECT id, name FROM users WHERE id IN (${ids.map(() => '?').join(',')})`).all(...ids) as { id: number; name: string }[];
  return new Map(rows.map((r) => [r.id, r]));
}

const NAME_OF = {
  account: `SELECT name FROM accounts WHERE id = ?`,
  lead: `SELECT TRIM(COALESCE(company || ' – ', '') || COALESCE(first_name || ' ', '') || last_name) FROM leads WHERE id = ?`,
  contact: `SELECT TRIM(COALESCE(first_name || ' ', '') || last_name) FROM contacts WHERE id = ?`,
  opportunity: `SELECT name FROM opportunities WHERE id = ?`,
} as const;

function summarise(db: Database, unmatched: number): MovePreview {
  const byEntity = { account: 0, lead: 0, contact: 0, opportunity: 0 };
  for (const r of db.prepare(`SELECT entity, COUNT(*) AS n FROM ${MOVES} GROUP BY entity`).all() as { entity: keyof typeof byEntity; n: number }[]) byEntity[r.entity] = r.n;
  const pairs = db.prepare(`SELECT from_owner, to_owner, COUNT(*) AS n FROM ${MOVES} GROUP BY from_owner, to_owner ORDER BY n DESC, from_owner, to_owner`).all() as {
    from_owner: number;
    to_owner: number;
    n: number;
  }[];
  const users = userRefs(db, [...new Set(pairs.flatMap((p) => [p.from_owner, p.to_owner]))]);
  const sample = db.prepare(
    `SELECT entity, record_id FROM ${MOVES} WHERE from_owner = ? AND to_owner = ?
      ORDER BY CASE entity WHEN 'account' THEN 0 WHEN 'lead' THEN 1 WHEN 'contact' THEN 2 ELSE 3 END, record_id LIMIT ${SAMPLE}`,
  );
  const names = {
    account: db.prepare(NAME_OF.account).pluck(),
    lead: db.prepare(NAME_OF.lead).pluck(),
    contact: db.prepare(NAME_OF.contact).pluck(),
    opportunity: db.prepare(NAME_OF.opportunity).pluck(),
  };
  return {
    total: Object.values(byEntity).reduce((s, n) => s + n, 0),
    byEntity,
    unmatched,
    moves: pairs.map((p) => ({
      from: users.get(p.from_owner) ?? null,
      to: users.get(p.to_owner) ?? { id: p.to_owner, name: `User ${p.to_owner}` },
      count: p.n,
      sample: (sample.all(p.from_owner, p.to_owner) as { entity: keyof typeof NAME_OF; record_id: number }[]).map((s) => ({
        entity: s.entity,
        id: s.record_id,
        name: String(names[s.entity].get(s.record_id) ?? `#${s.record_id}`),
      })),
    })),
  };
}

function writeMoves(db: Database, plan: MovePlan, picker: OwnerPicker, ctx: BulkContext, label: string, total: number): number {
  for (const [entity, table, territory] of [
    ['account', 'accounts', true],
    ['lead', 'leads', true],
    ['contact', 'contacts', false],
    ['opportunity', 'opportunities', false],
  ] as const) {
    ctx.progress?.(`Moving ${table}`, 0, total);
    db.prepare(
      `UPDATE ${table} SET owner_id = m.to_owner${territory ? ', territory_id = m.to_territory' : ''}, version = version + 1, updated_at = ?, updated_by_id = ?
         FROM ${MOVES} m WHERE m.entity = '${entity}' AND ${table}.id = m.record_id`,
    ).run(ctx.now, ctx.userId);
  }
  const deactivated = plan.kind === 'rep_leaves' && plan.deactivate ? plan.userId : null;
  const batchId = Number(
    db
      .prepare(`INSERT INTO assignment_batches (kind, label, status, move_count, created_at, created_by_id, deactivated_user_id) VALUES (?, ?, 'applied', ?, ?, ?, ?)`)
      .run(plan.kind, label, total, ctx.now, ctx.userId, deactivated).lastInsertRowid,
  );
  // In the history index's own order: the index grows at its end instead of splitting pages all over.
  db.prepare(
    `INSERT INTO assignments (entity, record_id, from_owner_id, to_owner_id, from_territory_id, to_territory_id, reason, rule_id, batch_id, at, by_id)
     SELECT entity, record_id, from_owner, to_owner, from_territory, to_territory, reason, rule_id, ?, ?, ? FROM ${MOVES} ORDER BY entity, record_id`,
  ).run(batchId, ctx.now, ctx.userId);
  const rr = db.prepare(`UPDATE territories SET round_robin_next = ? WHERE id = ? AND round_robin_next <> ?`);
  for (const [id, next] of picker.roundRobinNext) rr.run(next, id, next);
  if (deactivated !== null) db.prepare(`UPDATE users SET active = 0, updated_at = ? WHERE id = ?`).run(ctx.now, deactivated);
  return batchId;
}

/**
 * Plans a realignment or a rep leaving, and either shows it (preview: the
 * transaction is rolled back, only a temp table was written) or carries it
 * out in one transaction: records, followers, history, round-robin positions
 * and the batch together, or nothing.
 */
export function runMovePlan(db: Database, plan: MovePlan, apply: boolean, ctx: BulkContext): { preview: MovePreview; batchId: number | null } {
  // Apply takes the write lock first, so what it reads is what it changes; a preview reads in a plain transaction
  // and writes only to a temp table, so it blocks no one.
  db.exec(apply ? 'BEGIN IMMEDIATE' : 'BEGIN');
  try {
    const settings = loadSettings(db);
    const model = loadModel(db);
    const leaving = plan.kind === 'rep_leaves' ? checkRepLeaves(db, plan) : null;
    const picker = new OwnerPicker(model, loadPickerState(db, leaving ? [leaving.id] : [], settings.queueOwnerId));
    const openOpps = openOpportunitiesByAccount(db);
    ctx.progress?.('Matching records', 0, null);
    // A leaving rep's few records carry names for the message about any nobody can take.
    const records = loadRecords(db, leaving?.id ?? null, leaving !== null);
    let moves: Move[];
    let unmatched: number;
    if (plan.kind === 'rep_leaves') {
      const planned = planRepLeaves(records, model, picker, openOpps, plan.toUserId);
      if (planned.homeless.length) {
        const first = planned.homeless[0]!;
        throw new CrmError(
          'validation',
          `No one can take ${planned.homeless.length} of ${leaving!.name}'s records (such as ${first.entity} "${first.name}"): name a successor, add members to their territories, or set the fallback queue owner.`,
        );
      }
      ({ moves, unmatched } = planned);
    } else ({ moves, unmatched } = planRealignment(records, model, picker, openOpps));

    createMovesTable(db);
    insertMoves(db, moves, ctx);
    addFollowers(db);
    if (plan.kind === 'rep_leaves') addLeftovers(db, plan.userId, plan.toUserId, settings.queueOwnerId);
    const preview = summarise(db, unmatched);
    let batchId: number | null = null;
    if (apply) batchId = writeMoves(db, plan, picker, ctx, leaving?.label ?? 'Realignment by the territory rules', preview.total);
    db.exec(`DROP TABLE ${MOVES}`);
    db.exec(apply ? 'COMMIT' : 'ROLLBACK');
    ctx.progress?.(apply ? 'Moved' : 'Planned', preview.total, preview.total);
    return { preview, batchId };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}

function checkRepLeaves(db: Database, plan: Extract<MovePlan, { kind: 'rep_leaves' }>): { id: number; name: string; label: string } {
  const leaving = db.prepare(`SELECT id, name FROM users WHERE id = ?`).get(plan.userId) as { id: number; name: string } | undefined;
  if (!leaving) throw new CrmError('not_found', `There is no user with id ${plan.userId}.`);
  if (plan.toUserId === null) return { ...leaving, label: `${leaving.name} leaves: records by the territory rules` };
  const successor = db.prepare(`SELECT name, active FROM users WHERE id = ?`).get(plan.toUserId) as { name: string; active: number } | undefined;
  if (!successor || successor.active !== 1 || plan.toUserId === plan.userId) {
    throw new CrmError('validation', 'The successor must be another active user.', [{ path: 'toUserId', message: 'Choose another active user' }]);
  }
  return { ...leaving, label: `${leaving.name} leaves: records to ${successor.name}` };
}

export function loadBatch(db: Database, id: number): AssignmentBatch {
  const row = db
    .prepare(
      `SELECT b.id, b.kind, b.label, b.status, b.move_count, b.created_at, b.created_by_id, u.name AS created_by_name, b.undone_at
         FROM assignment_batches b JOIN users u ON u.id = b.created_by_id WHERE b.id = ?`,
    )
    .get(id) as
    | { id: number; kind: AssignmentBatch['kind']; label: string; status: AssignmentBatch['status']; move_count: number; created_at: string; created_by_id: number; created_by_name: string; undone_at: string | null }
    | undefined;
  if (!row) throw new CrmError('not_found', `There is no assignment batch with id ${id}.`);
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    status: row.status,
    moveCount: row.move_count,
    createdAt: row.created_at,
    createdBy: { id: row.created_by_id, name: row.created_by_name },
    undoneAt: row.undone_at,
  };
}

/** Puts back every owner and territory the batch changed, exactly, and says so in the history. */
export function undoBatch(db: Database, batchId: number, ctx: BulkContext): { restored: number } {
  const batch = loadBatch(db, batchId);
  if (batch.status === 'undone') throw new CrmError('validation', `"${batch.label}" was already undone.`);
  const later = db.prepare(`SELECT label FROM assignment_batches WHERE id > ? AND status = 'applied' ORDER BY id LIMIT 1`).get(batchId) as { label: string } | undefined;
  if (later) throw new CrmError('validation', `Undo "${later.label}" first: it came after this one and may have moved the same records.`);
  const run = db.transaction(() => {
    const own = `a.batch_id = ? AND a.reason <> 'undo'`;
    for (const [entity, table, territory] of [
      ['account', 'accounts', true],
      ['lead', 'leads', true],
      ['contact', 'contacts', false],
      ['opportunity', 'opportunities', false],
    ] as const) {
      ctx.progress?.(`Restoring ${table}`, 0, batch.moveCount);
      db.prepare(
        `UPDATE ${table} SET owner_id = a.from_owner_id${territory ? ', territory_id = a.from_territory_id' : ''}, version = version + 1, updated_at = ?, updated_by_id = ?
           FROM assignments a WHERE ${own} AND a.entity = '${entity}' AND ${table}.id = a.record_id`,
      ).run(ctx.now, ctx.userId, batchId);
    }
    const { changes } = db
      .prepare(
        `INSERT INTO assignments (entity, record_id, from_owner_id, to_owner_id, from_territory_id, to_territory_id, reason, rule_id, batch_id, at, by_id)
         SELECT entity, record_id, to_owner_id, from_owner_id, to_territory_id, from_territory_id, 'undo', NULL, batch_id, ?, ? FROM assignments a WHERE ${own}`,
      )
      .run(ctx.now, ctx.userId, batchId);
    db.prepare(`UPDATE users SET active = 1, updated_at = ? WHERE id = (SELECT deactivated_user_id FROM assignment_batches WHERE id = ?)`).run(ctx.now, batchId);
    db.prepare(`UPDATE assignment_batches SET status = 'undone', undone_at = ?, undone_by_id = ? WHERE id = ?`).run(ctx.now, ctx.userId, batchId);
    return changes;
  });
  return { restored: run() };
}
