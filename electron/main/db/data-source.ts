import { DataSource } from 'typeorm';
import { entities } from './entities';
import { migrations } from './migrations';
import { SnakeNamingStrategy } from './snake-naming';

export interface DataSourceConfig {
  /** Path of the SQLite file. */
  database: string;
  /** A better-sqlite3 binary built for another runtime (Electron), see build/electron-native.mjs. */
  nativeBinding?: string | undefined;
  /** Only for throwaway test databases. */
  synchronize?: boolean;
}

export function createDataSource(config: DataSourceConfig): DataSource {
  return new DataSource({
    type: 'better-sqlite3',
    database: config.database,
    ...(config.nativeBinding ? { nativeBinding: config.nativeBinding } : {}),
    entities,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'all',
    synchronize: config.synchronize ?? false,
    namingStrategy: new SnakeNamingStrategy(),
    enableWAL: true,
    // better-sqlite3's `timeout` is SQLite's busy timeout: wait for another writer instead of failing.
    timeout: 5000,
    statementCacheSize: 200,
    prepareDatabase: (db: { pragma(source: string): unknown }) => {
      db.pragma('synchronous = NORMAL');
    },
  });
}
