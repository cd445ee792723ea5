import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { createDataSource } from '../../electron/main/db/data-source';
import { migrations } from '../../electron/main/db/migrations';
import { DatabaseTooNewError, openDatabase } from '../../electron/main/db/open-database';
import { openHost } from '../../electron/main/host/host';
import { tempDir } from '../support/temp-host';

/** A database as the very first release left it: only migration 1 applied. */
async function firstReleaseDatabase(file: string): Promise<void> {
  const ds: DataSource = createDataSource({ database: file });
  ds.setOptions({ migrations: [migrations[0]!] });
  await ds.initialize();
  await ds.runMigrations({ transaction: 'all' });
  const t = '2025-01-01T00:00:00.000Z';
  await ds.query(`INSERT INTO users (name, role, active, created_at, updated_at) VALUES ('Ana Lima', 'admin', 1, ?, ?)`, [t, t]);
  await ds.query(
    `INSERT INTO accounts (name, sort_name, owner_id, created_at, created_by_id, updated_at, updated_by_id, annual_revenue_minor, annual_revenue_currency)
     VALUES ('Açaí Ltda', 'acai ltda', 1, ?, 1, ?, 1, 9007199254740991, 'BRL')`,
    [t, t],
  );
  await ds.query(
    `INSERT INTO contacts (first_name, last_name, sort_name, emails, email, account_id, owner_id, created_at, created_by_id, updated_at, updated_by_id)
     VALUES ('João', 'Gonçalves', 'goncalves' || char(1) || 'joao', '[{"label":"work","address":"joao@acai.br"}]', 'joao@acai.br', 1, 1, ?, 1, ?, 1)`,
    [t, t],
  );
  await ds.destroy();
}

describe('migrations', () => {
  it('upgrade a first-release database to the latest with its data intact, after a backup', async () => {
    const dir = tempDir();
    const file = join(dir, 'crm.sqlite');
    await firstReleaseDatabase(file);
    const host = await openHost({ database: file, now: () => new Date('2026-02-03T04:05:06.000Z') });
    try {
      expect(host.migration.status.pending).toEqual([]);
      expect(host.migration.status.applied).toHaveLength(migrations.length);
      expect(host.migration.backupPath).toBe(join(dir, 'backups', 'crm-2026-02-03T04-05-06-000Z-before-migrate.sqlite'));
      const account = await host.dispatch('accounts.get', { id: 1 }, host.session);
      expect(account).toMatchObject({ ok: true, data: { name: 'Açaí Ltda', annualRevenue: { amountMinor: 9007199254740991, currency: 'BRL' }, owner: { name: 'Ana Lima' } } });
      const contact = await host.dispatch('contacts.get', { id: 1 }, host.session);
      expect(contact).toMatchObject({ ok: true, data: { lastName: 'Gonçalves', account: { name: 'Açaí Ltda' }, emails: [{ address: 'joao@acai.br' }] } });
      // Search survived the table rebuilds of later migrations, and owner changes no longer re-index a row.
      const found = await host.dispatch('search.global', { text: 'goncalves' }, host.session);
      expect(JSON.stringify(found)).toContain('João Gonçalves');
      const triggers = (await host.dataSource.query(`SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%' ORDER BY name`)) as { name: string; sql: string }[];
      expect(triggers.map((t) => t.name)).toHaveLength(13);
      for (const t of triggers.filter((x) => x.name.endsWith('_update'))) expect(t.sql).toMatch(/AFTER UPDATE OF [a-z_, ]+ ON/);
      // The new migration's table works on the upgraded file.
      expect((await host.dispatch('preferences.setGridState', { grid: 'accounts', columns: [{ colId: 'name', width: 200 }] }, host.session)).ok).toBe(true);
    } finally {
      await host.close();
    }
    // The backup is the database as it was: first migration only, same rows.
    const backup = new Database(host.migration.backupPath!, { readonly: true });
    expect(backup.prepare('SELECT name FROM migrations').all()).toEqual([{ name: new migrations[0]!().name }]);
    expect(backup.prepare('SELECT name FROM accounts').all()).toEqual([{ name: 'Açaí Ltda' }]);
    backup.close();
  });

  it('a new database needs no backup', async () => {
    const dir = tempDir();
    const { dataSource, backupPath } = await openDatabase({ database: join(dir, 'new.sqlite') });
    await dataSource.destroy();
    expect(backupPath).toBeNull();
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('refuses a database that a newer build has migrated, and leaves it untouched', async () => {
    const file = join(tempDir(), 'crm.sqlite');
    const { dataSource } = await openDatabase({ database: file });
    await dataSource.query(`INSERT INTO migrations (timestamp, name) VALUES (1999999999999, 'FromTheFuture1999999999999')`);
    await dataSource.destroy();
    await expect(openDatabase({ database: file })).rejects.toThrow(DatabaseTooNewError);
    await expect(openDatabase({ database: file })).rejects.toThrow(/upgraded by a newer version of the CRM .*FromTheFuture/);
    const raw = new Database(file, { readonly: true });
    expect(raw.prepare('SELECT COUNT(*) AS n FROM migrations').get()).toEqual({ n: migrations.length + 1 });
    raw.close();
  });

  it('entities and migrations agree: the schema builder finds nothing to change', async () => {
    const { dataSource } = await openDatabase({ database: join(tempDir(), 'drift.sqlite') });
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await dataSource.destroy();
    }
  });

  it('opens SQLite with WAL, foreign keys, a busy timeout and synchronous=NORMAL', async () => {
    const { dataSource } = await openDatabase({ database: join(tempDir(), 'pragmas.sqlite') });
    try {
      expect(await dataSource.query('PRAGMA journal_mode')).toEqual([{ journal_mode: 'wal' }]);
      expect(await dataSource.query('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
      expect(await dataSource.query('PRAGMA busy_timeout')).toEqual([{ timeout: 5000 }]);
      expect(await dataSource.query('PRAGMA synchronous')).toEqual([{ synchronous: 1 }]);
      await expect(
        dataSource.query(
          `INSERT INTO contacts (last_name, sort_name, owner_id, created_at, created_by_id, updated_at, updated_by_id) VALUES ('x', 'x', 999, 't', 999, 't', 999)`,
        ),
      ).rejects.toThrow(/FOREIGN KEY/);
    } finally {
      await dataSource.destroy();
    }
  });
});
