import { existsSync } from 'node:fs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { DataSource } from 'typeorm';
import { backupTo, timestampedBackupPath } from './backup';
import { createDataSource, type DataSourceConfig } from './data-source';
import { migrations } from './migrations';

export class DatabaseTooNewError extends Error {
  constructor(readonly unknownMigrations: string[]) {
    super(
      `This database was upgraded by a newer version of the CRM (it has ${unknownMigrations.join(', ')}). ` +
        'Install the newer version, or restore a backup made before the upgrade.',
    );
    this.name = 'DatabaseTooNewError';
  }
}

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  unknown: string[];
}

export interface OpenOptions extends DataSourceConfig {
  /** Apply pending migrations (after a backup); off for read-only status checks. */
  migrate?: boolean;
  now?: () => Date;
}

export interface OpenedDatabase {
  dataSource: DataSource;
  status: MigrationStatus;
  /** Where the pre-migration backup went, when one was made. */
  backupPath: string | null;
}

const knownNames = () => migrations.map((m) => new m().name ?? m.name);

export async function migrationStatus(dataSource: DataSource): Promise<MigrationStatus> {
  const hasTable = await dataSource.query(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'`);
  const applied: string[] = hasTable.length
    ? (await dataSource.query(`SELECT name FROM migrations ORDER BY id`)).map((r: { name: string }) => r.name)
    : [];
  const known = knownNames();
  return {
    applied,
    pending: known.filter((n) => !applied.includes(n)),
    unknown: applied.filter((n) => !known.includes(n)),
  };
}

/**
 * Opens the database, refuses one written by a newer build, and brings an
 * older one up to date inside one transaction after a backup of the file.
 */
export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const now = options.now ?? (() => new Date());
  const isNewFile = !existsSync(options.database);
  mkdirSync(dirname(options.database), { recursive: true });
  const dataSource = createDataSource(options);
  await dataSource.initialize();
  try {
    const status = await migrationStatus(dataSource);
    if (status.unknown.length) throw new DatabaseTooNewError(status.unknown);
    let backupPath: string | null = null;
    if (options.migrate !== false && status.pending.length) {
      if (!isNewFile && status.applied.length) {
        backupPath = await backupTo(dataSource, timestampedBackupPath(options.database, 'before-migrate', now()));
      }
      await dataSource.runMigrations({ transaction: 'all' });
      return { dataSource, status: await migrationStatus(dataSource), backupPath };
    }
    return { dataSource, status, backupPath };
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
}
