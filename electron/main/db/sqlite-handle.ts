import type { Database } from 'better-sqlite3';
import type { DataSource } from 'typeorm';

/** The better-sqlite3 connection behind a DataSource: for backups and bulk paths that bypass TypeORM. */
export function sqliteHandle(dataSource: DataSource): Database {
  return (dataSource.driver as unknown as { databaseConnection: Database }).databaseConnection;
}
