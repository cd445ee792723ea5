import type { Database } from 'better-sqlite3';
import { DataSource, type EntityManager } from 'typeorm';
import { sqliteHandle } from './sqlite-handle';

/**
 * Plain SQL over TypeORM's connection: services use it for the hot paths and
 * for writes whose affected-row count matters (optimistic locking).
 */
export class Sql {
  constructor(private readonly target: DataSource | EntityManager) {}

  /** The connection itself, for reads outside any transaction; null when this Sql runs inside one. */
  connection(): Database | null {
    return this.target instanceof DataSource ? sqliteHandle(this.target) : null;
  }

  all<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.target.query(sql, params);
  }

  async get<T>(sql: string, params: unknown[] = []): Promise<T | undefined> {
    const rows: T[] = await this.target.query(sql, params);
    return rows[0];
  }

  async run(sql: string, params: unknown[] = []): Promise<{ changes: number; lastId: number }> {
    const manager = 'manager' in this.target ? this.target.manager : this.target;
    const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
    try {
      const result = await runner.query(sql, params, true);
      return { changes: result.affected ?? 0, lastId: Number(result.raw) };
    } finally {
      if (!manager.queryRunner) await runner.release();
    }
  }
}
