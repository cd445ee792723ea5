import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AssignmentRecord } from '../../shared/contract/territories';
import { createDataSource } from '../../electron/main/db/data-source';
import { migrations } from '../../electron/main/db/migrations';
import { openHost } from '../../electron/main/host/host';
import { tempDir } from '../support/temp-host';

/** A database as the release with the `assignments` history table left it, with some history in it. */
async function databaseWithOldHistory(file: string): Promise<void> {
  const upTo = migrations.findIndex((m) => new m().name === 'TerritoriesAndAssignment1795365103089');
  const ds = createDataSource({ database: file });
  ds.setOptions({ migrations: migrations.slice(0, upTo + 1) });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  await ds.destroy();
  const db = new Database(file);
  const t = (h: number) => `2026-05-01T0${h}:00:00.000Z`;
  db.exec(`
    INSERT INTO users (id, name, role, active, created_at, updated_at) VALUES (1, 'Ana Admin', 'admin', 1, '${t(0)}', '${t(0)}'), (2, 'Rui Rep', 'sales_rep', 1, '${t(0)}', '${t(0)}'),
      (3, 'Mo Manager', 'sales_manager', 1, '${t(0)}', '${t(0)}');
    INSERT INTO accounts (id, name, sort_name, owner_id, created_at, created_by_id, updated_at, updated_by_id) VALUES (7, 'Lisboa Lda', 'lisboa lda', 1, '${t(0)}', 1, '${t(0)}', 1);
    INSERT INTO contacts (id, last_name, sort_name, account_id, owner_id, created_at, created_by_id, updated_at, updated_by_id) VALUES (9, 'Costa', 'costa', 7, 1, '${t(0)}', 1, '${t(0)}', 1);
    INSERT INTO territories (id, name, created_at, updated_at) VALUES (4, 'Portugal', '${t(0)}', '${t(0)}');
    INSERT INTO assignment_batches (id, kind, label, status, move_count, created_at, created_by_id, undone_at, undone_by_id) VALUES (5, 'realignment', 'Realignment', 'undone', 2, '${t(2)}', 1, '${t(3)}', 3);
    INSERT INTO assignments (id, entity, record_id, from_owner_id, to_owner_id, from_territory_id, to_territory_id, reason, rule_id, batch_id, at, by_id) VALUES
      (11, 'account', 7, 3, 1, NULL, 4, 'fallback', NULL, NULL, '${t(1)}', 3),
      (12, 'account', 7, 1, 2, NULL, 4, 'round_robin', 8, 5, '${t(2)}', 1),
      (13, 'contact', 9, 1, 2, NULL, NULL, 'follows_account', NULL, 5, '${t(2)}', 1),
      (14, 'account', 7, 2, 1, 4, NULL, 'undo', NULL, 5, '${t(3)}', 3),
      (15, 'contact', 9, 2, 1, NULL, NULL, 'undo', NULL, 5, '${t(3)}', 3),
      (16, 'account', 7, 1, 3, 4, 4, 'manual', NULL, 5, '${t(4)}', 2);
  `);
  db.close();
}

describe('the lean assignment log migration', () => {
  it('copies the old history with its ids; a batch’s rows take time and user from the batch unless they differed', async () => {
    const file = join(tempDir(), 'crm.sqlite');
    await databaseWithOldHistory(file);
    const host = await openHost({ database: file, log: () => undefined });
    try {
      expect(host.migration.status.pending).toEqual([]);
      const rows = await host.dataSource.query(`SELECT id, batch_id, entity, record_id, from_owner_id, to_owner_id, from_territory_id, to_territory_id, reason, rule_id, at, by_id FROM assignment_log ORDER BY id`);
      expect(rows).toEqual([
        { id: 11, batch_id: null, entity: 0, record_id: 7, from_owner_id: 3, to_owner_id: 1, from_territory_id: null, to_territory_id: 4, reason: 4, rule_id: null, at: '2026-05-01T01:00:00.000Z', by_id: 3 },
        { id: 12, batch_id: 5, entity: 0, record_id: 7, from_owner_id: 1, to_owner_id: 2, from_territory_id: null, to_territory_id: 4, reason: 1, rule_id: 8, at: null, by_id: null },
        { id: 13, batch_id: 5, entity: 2, record_id: 9, from_owner_id: 1, to_owner_id: 2, from_territory_id: null, to_territory_id: null, reason: 6, rule_id: null, at: null, by_id: null },
        { id: 14, batch_id: 5, entity: 0, record_id: 7, from_owner_id: 2, to_owner_id: 1, from_territory_id: 4, to_territory_id: null, reason: 8, rule_id: null, at: null, by_id: null },
        { id: 15, batch_id: 5, entity: 2, record_id: 9, from_owner_id: 2, to_owner_id: 1, from_territory_id: null, to_territory_id: null, reason: 8, rule_id: null, at: null, by_id: null },
        { id: 16, batch_id: 5, entity: 0, record_id: 7, from_owner_id: 1, to_owner_id: 3, from_territory_id: 4, to_territory_id: 4, reason: 5, rule_id: null, at: '2026-05-01T04:00:00.000Z', by_id: 2 },
      ]);
      // The old name stays as a read-only view in the old, readable shape.
      expect(await host.dataSource.query(`SELECT type FROM sqlite_master WHERE name = 'assignments'`)).toEqual([{ type: 'view' }]);
      expect(await host.dataSource.query(`SELECT id, entity, reason, at, by_id FROM assignments WHERE id IN (12, 15) ORDER BY id`)).toEqual([
        { id: 12, entity: 'account', reason: 'round_robin', at: '2026-05-01T02:00:00.000Z', by_id: 1 },
        { id: 15, entity: 'contact', reason: 'undo', at: '2026-05-01T03:00:00.000Z', by_id: 3 },
      ]);

      const history = await host.dispatch('assignment.history', { entity: 'account', recordId: 7 }, host.session);
      if (!history.ok) throw new Error(history.error.message);
      expect((history.data as AssignmentRecord[]).map((h) => [h.id, h.reason, h.at, h.by.name])).toEqual([
        [16, 'manual', '2026-05-01T04:00:00.000Z', 'Rui Rep'],
        [14, 'undo', '2026-05-01T03:00:00.000Z', 'Mo Manager'],
        [12, 'round_robin', '2026-05-01T02:00:00.000Z', 'Ana Admin'],
        [11, 'fallback', '2026-05-01T01:00:00.000Z', 'Mo Manager'],
      ]);
      // New rows continue after the copied ids.
      const created = await host.dispatch('accounts.create', { name: 'Porto SA' }, host.session);
      expect(created.ok).toBe(true);
      await host.dispatch('assignment.saveSettings', { queueOwnerId: 2, assignOnCreate: true }, host.session);
      await host.dispatch('accounts.create', { name: 'Braga SA' }, host.session);
      expect(await host.dataSource.query(`SELECT MIN(id) AS id FROM assignment_log WHERE id > 16`)).toEqual([{ id: 17 }]);
    } finally {
      await host.close();
    }
  });
});
