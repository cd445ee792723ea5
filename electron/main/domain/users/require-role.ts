import type { EntityManager } from 'typeorm';
import type { User } from '../../../../shared/contract/users';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';

const ROLE_LABELS: Record<User['role'], string> = {
  admin: 'an administrator',
  sales_manager: 'a sales manager',
  sales_rep: 'a sales rep',
  marketing: 'marketing',
  service_agent: 'a service agent',
};

/** Refuses the call unless the calling user is active and has one of the roles. */
export async function requireRole(em: EntityManager, userId: number, roles: readonly User['role'][], action: string): Promise<void> {
  const row = await new Sql(em).get<{ role: User['role']; active: number }>(`SELECT role, active FROM users WHERE id = ?`, [userId]);
  if (!row || row.active !== 1 || !roles.includes(row.role)) {
    const who = roles.map((r) => ROLE_LABELS[r]).join(' or ');
    throw new CrmError('forbidden', `Only ${who} can ${action}.`);
  }
}
