import type { DataSource, EntityManager } from 'typeorm';
import { GridColumnState, type GridState } from '../../../../shared/contract/preferences';
import { Sql } from '../../db/sql';

const gridKey = (grid: string) => `grid.${grid}`;

export class PreferencesService {
  private readonly sql: Sql;

  constructor(dataSource: DataSource) {
    this.sql = new Sql(dataSource);
  }

  async getGridState(userId: number, grid: GridState['grid']): Promise<GridState['columns'] | null> {
    const row = await this.sql.get<{ value: string }>(`SELECT value FROM user_preferences WHERE user_id = ? AND key = ?`, [userId, gridKey(grid)]);
    if (!row) return null;
    // A stored value from an older build that no longer fits is dropped, not shown half-applied.
    const parsed = GridColumnState.array().safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  }

  async setGridState(em: EntityManager, userId: number, state: GridState, now: string): Promise<void> {
    await new Sql(em).run(
      `INSERT INTO user_preferences (user_id, key, value, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      [userId, gridKey(state.grid), JSON.stringify(state.columns), now],
    );
  }
}
