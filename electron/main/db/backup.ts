import { mkdirSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import type { DataSource } from 'typeorm';
import { sqliteHandle } from './sqlite-handle';


/**
 * Copies the live database with SQLite's online backup API: consistent even
 * while WAL holds uncommitted pages, unlike a file copy.
 */
export async function backupTo(dataSource: DataSource, destination: string): Promise<string> {
  mkdirSync(dirname(destination), { recursive: true });
  await sqliteHandle(dataSource).backup(destination);
  return destination;
}

/** `<dir>/backups/<name>-<UTC stamp>-<reason>.sqlite` beside the database. */
export function timestampedBackupPath(databasePath: string, reason: string, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const name = basename(databasePath, extname(databasePath));
  return join(dirname(databasePath), 'backups', `${name}-${stamp}-${reason}.sqlite`);
}
