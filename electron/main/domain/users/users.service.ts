import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { User, UserInput, UserPatch } from '../../../../shared/contract/users';
import { CrmError } from '../../../../shared/errors';
import { foldForSort } from '../../../../shared/text';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { requireRole } from './require-role';
import { assertEmailFree, assertManagerAllowed, assertOfficeKeepsAdmin, assertTeamExists } from './user-rules';

interface UserRow {
  id: number;
  name: string;
  email: string | null;
  role: User['role'];
  active: number;
  capacity: number;
  manager_id: number | null;
  manager_name: string | null;
  team_id: number | null;
  team_name: string | null;
}

const USER_SELECT = `
  SELECT u.id, u.name, u.email, u.role, u.active, u.capacity,
         u.manager_id, m.name AS manager_name, u.team_id, t.name AS team_name
    FROM users u
    LEFT JOIN users m ON m.id = u.manager_id
    LEFT JOIN teams t ON t.id = u.team_id`;

const toUser = (r: UserRow): User => ({
  id: r.id,
  name: r.name,
  email: r.email,
  role: r.role,
  active: r.active === 1,
  capacity: r.capacity,
  manager: r.manager_id !== null && r.manager_name !== null ? { id: r.manager_id, name: r.manager_name } : null,
  team: r.team_id !== null && r.team_name !== null ? { id: r.team_id, name: r.team_name } : null,
});

/** By name as people read it ("Ávila" beside "Avila"), then by id. */
const byName = (a: UserRow, b: UserRow) => foldForSort(a.name).localeCompare(foldForSort(b.name)) || a.id - b.id;

export class UsersService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource, private readonly now: () => string) {
    this.sql = new Sql(dataSource);
  }

  async get(id: number, em?: EntityManager): Promise<User> {
    const row = await (em ? new Sql(em) : this.sql).get<UserRow>(`${USER_SELECT} WHERE u.id = ?`, [id]);
    if (!row) throw new CrmError('not_found', `There is no user with id ${id}.`);
    return toUser(row);
  }

  /** Active users, for owner pickers and the profile picker. */
  async listActive(): Promise<User[]> {
    return this.listAll(false);
  }

  async listAll(includeInactive: boolean): Promise<User[]> {
    const rows = await this.sql.all<UserRow>(`${USER_SELECT}${includeInactive ? '' : ' WHERE u.active = 1'}`);
    return rows.sort(byName).map(toUser);
  }

  async create(em: EntityManager, input: z.output<typeof UserInput>, ctx: CallContext): Promise<User> {
    await requireRole(em, ctx.userId, ['admin'], 'add users');
    const sql = new Sql(em);
    await assertEmailFree(sql, input.email, null, 'email');
    if (input.managerId !== null) await assertManagerAllowed(sql, null, input.managerId, 'managerId');
    if (input.teamId !== null) await assertTeamExists(sql, input.teamId, 'teamId');
    const now = ctx.now();
    const { lastId } = await sql.run(
      `INSERT INTO users (name, email, role, active, capacity, manager_id, team_id, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [input.name, input.email, input.role, input.active ? 1 : 0, input.capacity, input.managerId, input.teamId, now, now],
    );
    return this.get(lastId, em);
  }

  async update(em: EntityManager, id: number, patch: z.output<typeof UserPatch>, ctx: CallContext): Promise<User> {
    await requireRole(em, ctx.userId, ['admin'], 'change users');
    const sql = new Sql(em);
    const current = await sql.get<{ id: number; name: string; role: User['role']; active: number }>(`SELECT id, name, role, active FROM users WHERE id = ?`, [id]);
    if (!current) throw new CrmError('not_found', `There is no user with id ${id}.`);
    if (patch.email !== undefined) await assertEmailFree(sql, patch.email, id, 'patch.email');
    if (patch.managerId != null) await assertManagerAllowed(sql, id, patch.managerId, 'patch.managerId');
    if (patch.teamId != null) await assertTeamExists(sql, patch.teamId, 'patch.teamId');
    await assertOfficeKeepsAdmin(sql, { ...current, active: current.active === 1 }, patch, ctx.userId);

    const columns: Record<string, string | number | null> = {};
    if (patch.name !== undefined) columns.name = patch.name;
    if (patch.email !== undefined) columns.email = patch.email;
    if (patch.role !== undefined) columns.role = patch.role;
    if (patch.capacity !== undefined) columns.capacity = patch.capacity;
    if (patch.managerId !== undefined) columns.manager_id = patch.managerId;
    if (patch.teamId !== undefined) columns.team_id = patch.teamId;
    if (patch.active !== undefined) columns.active = patch.active ? 1 : 0;
    const names = Object.keys(columns);
    if (names.length) {
      await sql.run(`UPDATE users SET ${names.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE id = ?`, [
        ...names.map((c) => columns[c]),
        ctx.now(),
        id,
      ]);
    }
    return this.get(id, em);
  }

  /**
   * A single desktop starts with one administrator named after the OS account,
   * so the first record has an owner before real user management exists.
   */
  async ensureDefaultUser(name: string): Promise<User> {
    const first = await this.sql.get<{ id: number }>(`SELECT id FROM users WHERE active = 1 ORDER BY id LIMIT 1`);
    if (first) return this.get(first.id);
    const now = this.now();
    const { lastId } = await this.sql.run(
      `INSERT INTO users (name, email, role, active, created_at, updated_at) VALUES (?, NULL, 'admin', 1, ?, ?)`,
      [name, now, now],
    );
    return this.get(lastId);
  }
}
