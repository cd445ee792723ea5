import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import type { Team, TeamInput } from '../../../../shared/contract/users';
import { CrmError } from '../../../../shared/errors';
import { foldForSort } from '../../../../shared/text';
import { Sql } from '../../db/sql';
import type { CallContext } from '../../host/call-context';
import { requireRole } from '../users/require-role';

interface TeamRow {
  id: number;
  name: string;
  manager_id: number | null;
  manager_name: string | null;
  member_count: number;
}

const TEAM_SELECT = `
  SELECT t.id, t.name, t.manager_id, m.name AS manager_name,
         (SELECT COUNT(*) FROM users u WHERE u.team_id = t.id AND u.active = 1) AS member_count
    FROM teams t
    LEFT JOIN users m ON m.id = t.manager_id`;

const toTeam = (r: TeamRow): Team => ({
  id: r.id,
  name: r.name,
  manager: r.manager_id !== null && r.manager_name !== null ? { id: r.manager_id, name: r.manager_name } : null,
  memberCount: r.member_count,
});

const invalid = (path: string, message: string, detail = message) => new CrmError('validation', message, [{ path, message: detail }]);

/** Teams of users, each with an optional manager. Membership is the user's team (users.update). */
export class TeamsService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async list(): Promise<Team[]> {
    const rows = await this.sql.all<TeamRow>(TEAM_SELECT);
    return rows.sort((a, b) => foldForSort(a.name).localeCompare(foldForSort(b.name)) || a.id - b.id).map(toTeam);
  }

  async get(id: number, em?: EntityManager): Promise<Team> {
    const row = await (em ? new Sql(em) : this.sql).get<TeamRow>(`${TEAM_SELECT} WHERE t.id = ?`, [id]);
    if (!row) throw new CrmError('not_found', `There is no team with id ${id}.`);
    return toTeam(row);
  }

  async save(em: EntityManager, input: z.output<typeof TeamInput>, ctx: CallContext): Promise<Team> {
    await requireRole(em, ctx.userId, ['admin', 'sales_manager'], 'change teams');
    const sql = new Sql(em);
    if (input.id !== undefined) await this.get(input.id, em);
    const names = await sql.all<{ id: number; name: string }>(`SELECT id, name FROM teams`);
    const twin = names.find((t) => t.id !== input.id && foldForSort(t.name) === foldForSort(input.name));
    if (twin) throw invalid('name', `A team named ${twin.name} already exists.`, `A team named ${twin.name} already exists`);
    if (input.managerId !== null) {
      const manager = await sql.get<{ name: string; active: number }>(`SELECT name, active FROM users WHERE id = ?`, [input.managerId]);
      if (!manager) throw invalid('managerId', `Manager ${input.managerId} does not exist.`, 'Manager does not exist');
      if (manager.active !== 1) throw invalid('managerId', `${manager.name} is no longer active and cannot manage a team.`, 'The manager must be an active user');
    }
    const now = ctx.now();
    let id = input.id;
    if (id === undefined) {
      ({ lastId: id } = await sql.run(`INSERT INTO teams (name, manager_id, created_at, updated_at) VALUES (?, ?, ?, ?)`, [input.name, input.managerId, now, now]));
    } else {
      await sql.run(`UPDATE teams SET name = ?, manager_id = ?, updated_at = ? WHERE id = ?`, [input.name, input.managerId, now, id]);
    }
    return this.get(id, em);
  }

  /** Deletes the team; its members (active or not) are left without a team. */
  async delete(em: EntityManager, id: number, ctx: CallContext): Promise<{ id: number; membersCleared: number }> {
    await requireRole(em, ctx.userId, ['admin'], 'delete teams');
    await this.get(id, em);
    const sql = new Sql(em);
    const { changes } = await sql.run(`UPDATE users SET team_id = NULL, updated_at = ? WHERE team_id = ?`, [ctx.now(), id]);
    await sql.run(`DELETE FROM teams WHERE id = ?`, [id]);
    return { id, membersCleared: changes };
  }
}
