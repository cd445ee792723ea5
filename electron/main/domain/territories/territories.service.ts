import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { Territory, TerritoryInput, TerritoryRuleInput } from '../../../../shared/contract/territories';
import { CrmError } from '../../../../shared/errors';
import { compileModel, parseRule, type MemberRow, type RuleRow, type TerritoryRow } from './engine/territory-model';

type ParsedTerritory = z.output<typeof TerritoryInput>;
type ParsedRule = z.output<typeof TerritoryRuleInput>;

const ruleConfig = (rule: ParsedRule) => {
  const { field: _field, ...config } = rule;
  return JSON.stringify(config);
};

/**
 * The territory tree: plain synchronous SQL on the connection the caller's
 * transaction runs on (better-sqlite3 has one connection per process side).
 */
export class TerritoriesService {
  constructor(private readonly db: () => Database) {}

  list(): Territory[] {
    const db = this.db();
    const rows = db.prepare(`SELECT id, name, parent_id, position, method, fixed_owner_id, fallback_owner_id, round_robin_next, active FROM territories`).all() as TerritoryRow[];
    const rules = db.prepare(`SELECT id, territory_id, position, field, config FROM territory_rules ORDER BY position, id`).all() as RuleRow[];
    const members = db.prepare(`SELECT territory_id, user_id, position FROM territory_members ORDER BY position`).all() as MemberRow[];
    const model = compileModel(rows, rules, members);
    const users = new Map(
      (db.prepare(`SELECT id, name, active, capacity FROM users`).all() as { id: number; name: string; active: number; capacity: number }[]).map((u) => [u.id, u]),
    );
    const ref = (id: number | null) => (id !== null && users.has(id) ? { id, name: users.get(id)!.name } : null);
    const counts = (sql: string) => new Map((db.prepare(sql).all() as { t: number; n: number }[]).map((r) => [r.t, r.n]));
    const accounts = counts(`SELECT territory_id AS t, COUNT(*) AS n FROM accounts WHERE deleted_at IS NULL AND territory_id IS NOT NULL GROUP BY territory_id`);
    const leads = counts(
      `SELECT territory_id AS t, COUNT(*) AS n FROM leads WHERE deleted_at IS NULL AND status NOT IN ('converted', 'disqualified') AND territory_id IS NOT NULL GROUP BY territory_id`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    return [...model.territories.values()]
      .sort((a, b) => a.order - b.order)
      .map((t) => ({
        id: t.id,
        name: t.name,
        parentId: t.parentId,
        position: byId.get(t.id)!.position,
        depth: t.depth,
        method: t.method,
        fixedOwner: ref(t.fixedOwnerId),
        fallbackOwner: ref(t.fallbackOwnerId),
        active: byId.get(t.id)!.active === 1,
        members: t.memberIds.flatMap((id) => {
          const u = users.get(id);
          return u ? [{ id, name: u.name, active: u.active === 1, capacity: u.capacity }] : [];
        }),
        rules: rules.filter((r) => r.territory_id === t.id).flatMap((r) => {
          const rule = parseRule(r);
          return rule ? [{ id: r.id, rule }] : [];
        }),
        accountCount: accounts.get(t.id) ?? 0,
        leadCount: leads.get(t.id) ?? 0,
      }));
  }

  get(id: number): Territory {
    const t = this.list().find((x) => x.id === id);
    if (!t) throw new CrmError('not_found', `There is no territory with id ${id}.`);
    return t;
  }

  save(input: ParsedTerritory, now: string): Territory {
    const db = this.db();
    const existing = input.id !== undefined ? (db.prepare(`SELECT id, parent_id FROM territories WHERE id = ?`).get(input.id) as { id: number; parent_id: number | null } | undefined) : undefined;
    if (input.id !== undefined && !existing) throw new CrmError('not_found', `There is no territory with id ${input.id}.`);
    const parentId = input.parentId !== undefined ? input.parentId : (existing?.parent_id ?? null);
    if (parentId !== null) this.assertParent(parentId, input.id ?? null);
    const activeUsers = new Set(db.prepare(`SELECT id FROM users WHERE active = 1`).pluck().all() as number[]);
    for (const [path, ids] of [
      ['memberIds', input.memberIds],
      ['fixedOwnerId', input.fixedOwnerId !== null ? [input.fixedOwnerId] : []],
      ['fallbackOwnerId', input.fallbackOwnerId !== null ? [input.fallbackOwnerId] : []],
    ] as const) {
      const bad = ids.find((id) => !activeUsers.has(id));
      if (bad !== undefined) throw new CrmError('validation', `User ${bad} is not an active user.`, [{ path, message: 'Choose active users' }]);
    }
    const name = db.prepare(`SELECT id FROM territories WHERE parent_id IS ? AND lower(name) = lower(?) AND id IS NOT ?`).get(parentId, input.name, input.id ?? null);
    if (name) throw new CrmError('validation', `There is already a territory called ${input.name} here.`, [{ path: 'name', message: 'Name is taken' }]);

    let id = input.id;
    if (id === undefined) {
      const position = (db.prepare(`SELECT COALESCE(MAX(position) + 1, 0) FROM territories WHERE parent_id IS ?`).pluck().get(parentId) as number) ?? 0;
      id = Number(
        db
          .prepare(
            `INSERT INTO territories (name, parent_id, position, method, fixed_owner_id, fallback_owner_id, round_robin_next, active, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
          )
          .run(input.name, parentId, position, input.method, input.fixedOwnerId, input.fallbackOwnerId, input.active ? 1 : 0, now, now).lastInsertRowid,
      );
    } else {
      const moved = existing!.parent_id !== parentId;
      const position = moved ? (db.prepare(`SELECT COALESCE(MAX(position) + 1, 0) FROM territories WHERE parent_id IS ?`).pluck().get(parentId) as number) : null;
      db.prepare(
        `UPDATE territories SET name = ?, parent_id = ?, position = COALESCE(?, position), method = ?, fixed_owner_id = ?, fallback_owner_id = ?, active = ?, updated_at = ? WHERE id = ?`,
      ).run(input.name, parentId, position, input.method, input.fixedOwnerId, input.fallbackOwnerId, input.active ? 1 : 0, now, id);
    }
    db.prepare(`DELETE FROM territory_members WHERE territory_id = ?`).run(id);
    const member = db.prepare(`INSERT INTO territory_members (territory_id, user_id, position) VALUES (?, ?, ?)`);
    input.memberIds.forEach((userId, i) => member.run(id, userId, i));
    db.prepare(`DELETE FROM territory_rules WHERE territory_id = ?`).run(id);
    const rule = db.prepare(`INSERT INTO territory_rules (territory_id, position, field, config) VALUES (?, ?, ?, ?)`);
    input.rules.forEach((r, i) => rule.run(id, i, r.field, ruleConfig(r)));
    return this.get(id);
  }

  /** Drag in the tree: a new parent and a place among its children; the siblings close up around it. */
  move(id: number, parentId: number | null, position: number, now: string): Territory[] {
    const db = this.db();
    const row = db.prepare(`SELECT id, parent_id FROM territories WHERE id = ?`).get(id) as { id: number; parent_id: number | null } | undefined;
    if (!row) throw new CrmError('not_found', `There is no territory with id ${id}.`);
    if (parentId !== null) this.assertParent(parentId, id);
    const siblings = (db.prepare(`SELECT id FROM territories WHERE parent_id IS ? AND id <> ? ORDER BY position, id`).pluck().all(parentId, id) as number[]);
    siblings.splice(Math.min(position, siblings.length), 0, id);
    const update = db.prepare(`UPDATE territories SET parent_id = ?, position = ?, updated_at = ? WHERE id = ?`);
    siblings.forEach((sibling, i) => update.run(parentId, i, now, sibling));
    return this.list();
  }

  delete(id: number): void {
    const db = this.db();
    if (!db.prepare(`SELECT 1 FROM territories WHERE id = ?`).get(id)) throw new CrmError('not_found', `There is no territory with id ${id}.`);
    const child = db.prepare(`SELECT name FROM territories WHERE parent_id = ? LIMIT 1`).get(id) as { name: string } | undefined;
    if (child) throw new CrmError('validation', `Move or delete ${child.name} first: a territory with children cannot be deleted.`);
    db.prepare(`DELETE FROM territories WHERE id = ?`).run(id);
  }

  private assertParent(parentId: number, self: number | null): void {
    const db = this.db();
    let at: number | null = parentId;
    let first = true;
    while (at !== null) {
      const row = db.prepare(`SELECT id, parent_id FROM territories WHERE id = ?`).get(at) as { id: number; parent_id: number | null } | undefined;
      if (!row) throw new CrmError(first ? 'validation' : 'internal', `There is no territory with id ${at}.`, [{ path: 'parentId', message: 'Unknown territory' }]);
      if (self !== null && row.id === self) throw new CrmError('validation', 'A territory cannot sit under itself or one of its own children.', [{ path: 'parentId', message: 'That would make a loop' }]);
      at = row.parent_id;
      first = false;
    }
  }
}
