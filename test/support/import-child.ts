/**
 * Runs one import in this process, printing its progress, so a test can
 * SIGKILL it halfway: `tsx test/support/import-child.ts <db> <csv> <columns JSON>`.
 */
import Database from 'better-sqlite3';
import { runImport } from '../../electron/main/domain/imports/engine/run-import';

const [database, path, columns] = process.argv.slice(2) as [string, string, string];
const db = new Database(database);
db.pragma('foreign_keys = ON');
db.pragma('busy_timeout = 5000');
const userId = db.prepare(`SELECT id FROM users ORDER BY id LIMIT 1`).pluck().get() as number;
void runImport({
  db,
  spec: {
    fileId: '00000000-0000-4000-8000-000000000000',
    format: 'csv',
    target: 'contacts',
    encoding: 'utf-8',
    delimiter: ',',
    columns: JSON.parse(columns) as (string | null)[],
    mode: 'create',
    locale: 'en-US',
    currency: 'EUR',
    policy: 'all_or_nothing',
    createAccounts: false,
  },
  file: { path, name: 'big.csv' },
  userId,
  now: new Date().toISOString(),
  dryRun: false,
  progress: (label, done) => process.stdout.write(`progress ${done} ${label}\n`),
}).then((r) => process.stdout.write(`done ${r.status}\n`));
