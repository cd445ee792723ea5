import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { openHost, type Host } from '../../electron/main/host/host';
import { sqliteHandle } from '../../electron/main/db/sqlite-handle';
import { seedDatabase, type SeedResult } from '../../electron/main/seed/seed-database';
import { seedSales, type SalesSeedResult } from '../../electron/main/seed/seed-sales';
import { BenchArgError, type BenchArgs } from './bench-args';

export const RESULTS_DIR = resolve(__dirname, '../../bench-results');

export interface BenchDatabase {
  path: string;
  host: Host;
  /** Null when an already seeded file was reused. */
  seeding: SeedResult | null;
  /** Null when the file already had its opportunities, leads and activities. */
  salesSeeding: SalesSeedResult | null;
}

/**
 * Sales data is added to a reused file whose sales tables are still empty
 * (files seeded before sales existed); a file with other sales counts is used as it is.
 */
function seedSalesIfMissing(host: Host, args: BenchArgs, log: (line: string) => void): SalesSeedResult | null {
  const n = sqliteHandle(host.dataSource)
    .prepare(`SELECT (SELECT COUNT(*) FROM opportunities) + (SELECT COUNT(*) FROM leads) + (SELECT COUNT(*) FROM activities)`)
    .pluck()
    .get() as number;
  if (n > 0 || args.opportunities + args.leads + args.activities === 0) return null;
  log(`Seeding ${args.opportunities} opportunities, ${args.leads} leads and ${args.activities} activities…`);
  return seedSales(host.dataSource, { opportunities: args.opportunities, leads: args.leads, activities: args.activities });
}

const counts = (host: Host) =>
  sqliteHandle(host.dataSource).prepare(`SELECT (SELECT COUNT(*) FROM accounts) AS accounts, (SELECT COUNT(*) FROM contacts) AS contacts`).get() as {
    accounts: number;
    contacts: number;
  };

function removeDatabase(path: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(path + suffix, { force: true });
}

/**
 * Seeding a million contacts takes minutes, so a file that already holds the
 * requested counts is reused. A file named with --db is never deleted; our
 * own file under bench-results/ is re-seeded when its counts differ.
 */
export async function prepareBenchDatabase(args: BenchArgs, log: (line: string) => void): Promise<BenchDatabase> {
  const own = args.db === null;
  const path = args.db ? resolve(args.db) : join(RESULTS_DIR, `bench-${args.contacts}c-${args.accounts}a.sqlite`);
  let host = await openHost({ database: path });
  const found = counts(host);
  if (found.accounts === args.accounts && found.contacts === args.contacts) {
    log(`Reusing ${path} (${found.accounts} accounts, ${found.contacts} contacts).`);
    return { path, host, seeding: null, salesSeeding: seedSalesIfMissing(host, args, log) };
  }
  if (found.accounts + found.contacts > 0) {
    await host.close();
    if (!own) {
      throw new BenchArgError(
        `${path} holds ${found.accounts} accounts and ${found.contacts} contacts, not ${args.accounts} and ${args.contacts}. ` +
          'Pass matching counts, another path, or no --db.',
      );
    }
    removeDatabase(path);
    host = await openHost({ database: path });
  }
  log(`Seeding ${path} with ${args.accounts} accounts and ${args.contacts} contacts…`);
  let shown = 0;
  const seeding = seedDatabase(host.dataSource, {
    accounts: args.accounts,
    contacts: args.contacts,
    onProgress: ({ table, done }) => {
      const overall = (table === 'contacts' ? args.accounts : 0) + done;
      if (Math.floor(overall / 100_000) > Math.floor(shown / 100_000)) log(`  ${overall.toLocaleString('en')} rows`);
      shown = overall;
    },
  });
  return { path, host, seeding, salesSeeding: seedSalesIfMissing(host, args, log) };
}

/** The file and its write-ahead log: together they are what the database occupies on disk. */
export function databaseBytes(path: string): number {
  return ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(path + suffix) ? statSync(path + suffix).size : 0), 0);
}
