import type { DataSource, EntityManager } from 'typeorm';
import type { z } from 'zod';
import { Sql } from '../../db/sql';

/**
 * Office-wide settings as one JSON document per key, always read through a
 * zod schema: a value written by an older build that no longer fits falls back
 * to the schema's defaults instead of reaching a service half-valid.
 */
export class AppSettingsStore {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async read<S extends z.ZodType>(key: string, schema: S, em?: EntityManager): Promise<z.output<S>> {
    const sql = em ? new Sql(em) : this.sql;
    const row = await sql.get<{ value: string }>(`SELECT value FROM app_settings WHERE key = ?`, [key]);
    let stored: unknown = {};
    if (row) {
      try {
        stored = JSON.parse(row.value);
      } catch {
        stored = {};
      }
    }
    const parsed = schema.safeParse(stored);
    return parsed.success ? parsed.data : schema.parse({});
  }

  async write(em: EntityManager, key: string, value: unknown, userId: number, now: string): Promise<void> {
    await new Sql(em).run(
      `INSERT INTO app_settings (key, value, updated_at, updated_by_id) VALUES (?, ?, ?, ?)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by_id = excluded.updated_by_id`,
      [key, JSON.stringify(value), now, userId],
    );
  }
}
