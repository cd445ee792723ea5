import type { DataSource } from 'typeorm';
import type { User } from '../../../../shared/contract/users';
import { CrmError } from '../../../../shared/errors';
import { Sql } from '../../db/sql';

interface UserRow {
  id: number;
  name: string;
  email: string | null;
  role: User['role'];
  active: number;
}

const toUser = (r: UserRow): User => ({ id: r.id, name: r.name, email: r.email, role: r.role, active: r.active === 1 });

export class UsersService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource, private readonly now: () => string) {
    this.sql = new Sql(dataSource);
  }

  async get(id: number): Promise<User> {
    const row = await this.sql.get<UserRow>(`SELECT id, name, email, role, active FROM users WHERE id = ?`, [id]);
    if (!row) throw new CrmError('not_found', `There is no user with id ${id}.`);
    return toUser(row);
  }

  async listActive(): Promise<User[]> {
    const rows = await this.sql.all<UserRow>(`SELECT id, name, email, role, active FROM users WHERE active = 1 ORDER BY name`);
    return rows.map(toUser);
  }

  /**
   * A single desktop starts with one administrator named after the OS account,
   * so the first record has an owner before real user management exists.
   */
  async ensureDefaultUser(name: string): Promise<User> {
    const first = await this.sql.get<UserRow>(`SELECT id, name, email, role, active FROM users WHERE active = 1 ORDER BY id LIMIT 1`);
    if (first) return toUser(first);
    const now = this.now();
    const { lastId } = await this.sql.run(
      `INSERT INTO users (name, email, role, active, created_at, updated_at) VALUES (?, NULL, 'admin', 1, ?, ?)`,
      [name, now, now],
    );
    return this.get(lastId);
  }
}
