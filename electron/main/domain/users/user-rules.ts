import type { z } from 'zod';
import type { User, UserPatch } from '../../../../shared/contract/users';
import { CrmError } from '../../../../shared/errors';
import type { Sql } from '../../db/sql';

const invalid = (path: string, message: string, detail = message) => new CrmError('validation', message, [{ path, message: detail }]);

/** One e-mail address per user, in any letter case (the stored column's UNIQUE is case-sensitive). */
export async function assertEmailFree(sql: Sql, email: string, selfId: number | null, path: string): Promise<void> {
  const twin = await sql.get<{ name: string }>(`SELECT name FROM users WHERE lower(email) = lower(?) AND id <> ?`, [email, selfId ?? 0]);
  if (twin) throw invalid(path, `The e-mail address ${email} is already used by ${twin.name}.`, `Already used by ${twin.name}`);
}

/**
 * A manager is an active user, and never the user themself nor anyone below
 * them: walking up from the new manager must not reach the user (A manages B
 * manages A is refused).
 */
export async function assertManagerAllowed(sql: Sql, userId: number | null, managerId: number, path: string): Promise<void> {
  const manager = await sql.get<{ name: string; active: number }>(`SELECT name, active FROM users WHERE id = ?`, [managerId]);
  if (!manager) throw invalid(path, `Manager ${managerId} does not exist.`, 'Manager does not exist');
  if (manager.active !== 1) throw invalid(path, `${manager.name} is no longer active and cannot be a manager.`, 'The manager must be an active user');
  if (userId === null) return;
  if (managerId === userId) throw invalid(path, 'A user cannot be their own manager.');
  const loop = await sql.get(
    `WITH RECURSIVE up(id) AS (
       SELECT ? UNION SELECT u.manager_id FROM users u JOIN up ON u.id = up.id WHERE u.manager_id IS NOT NULL
     )
     SELECT 1 FROM up WHERE id = ? LIMIT 1`,
    [managerId, userId],
  );
  if (loop) {
    throw invalid(path, `${manager.name} reports to this user, directly or through others: that would make a loop of managers.`, 'This would make a loop of managers');
  }
}

export async function assertTeamExists(sql: Sql, teamId: number, path: string): Promise<void> {
  const team = await sql.get(`SELECT 1 FROM teams WHERE id = ?`, [teamId]);
  if (!team) throw invalid(path, `Team ${teamId} does not exist.`, 'Team does not exist');
}

/**
 * The office must keep an active administrator: a change that would leave
 * none (only possible for the caller themself, who is an active admin) is refused.
 */
export async function assertOfficeKeepsAdmin(
  sql: Sql,
  current: { id: number; role: User['role']; active: boolean },
  patch: z.output<typeof UserPatch>,
  callerId: number,
): Promise<void> {
  const wasAdmin = current.role === 'admin' && current.active;
  const staysAdmin = (patch.role ?? current.role) === 'admin' && (patch.active ?? current.active);
  if (!wasAdmin || staysAdmin) return;
  const other = await sql.get(`SELECT 1 FROM users WHERE role = 'admin' AND active = 1 AND id <> ? LIMIT 1`, [current.id]);
  if (other) return;
  const self = current.id === callerId;
  const deactivating = patch.active === false;
  const path = deactivating ? 'patch.active' : 'patch.role';
  const what = self ? (deactivating ? 'make yourself inactive' : 'remove your own administrator role') : deactivating ? 'make the last administrator inactive' : 'remove the last administrator role';
  throw invalid(path, `You cannot ${what}: the office must keep an active administrator. Make someone else an administrator first.`, 'The office must keep an active administrator');
}
