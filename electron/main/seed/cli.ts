/**
 * `npm run seed -- --contacts 1000000`: fills a database with sample data
 * for demos and benchmarks. Opens it like the app does, so migrations run first.
 */
import { resolve } from 'node:path';
import { loadDeploymentConfig } from '../config/deployment-config';
import { openHost } from '../host/host';
import { ArgError, USAGE, parseSeedArgs, type SeedArgs } from './cli-args';
import { seedDatabase } from './seed-database';
import { seedSales } from './seed-sales';

const PROGRESS_EVERY = 100_000;

async function run(args: SeedArgs): Promise<void> {
  const database = args.db ? resolve(args.db) : loadDeploymentConfig().databasePath;
  console.log(`Seeding ${database} with ${args.accounts} accounts and ${args.contacts} contacts (seed ${args.seed})…`);
  const host = await openHost({ database, log: (m, e) => console.error(m, e) });
  try {
    let reported = 0;
    const result = seedDatabase(host.dataSource, {
      accounts: args.accounts,
      contacts: args.contacts,
      seed: args.seed,
      ...(args.now ? { now: args.now } : {}),
      onProgress: ({ table, done, total }) => {
        const overall = (table === 'contacts' ? args.accounts : 0) + done;
        if (Math.floor(overall / PROGRESS_EVERY) > Math.floor(reported / PROGRESS_EVERY) || done === total) {
          console.log(`  ${table}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
        }
        reported = overall;
      },
    });
    const rate = Math.round(result.rowsPerSecond).toLocaleString('en');
    console.log(
      `Done: ${result.accounts} accounts, ${result.contacts} contacts in ${result.seconds.toFixed(2)} s (${rate} rows/s).`,
    );
    if (args.opportunities + args.leads + args.activities > 0) {
      const sales = seedSales(host.dataSource, {
        opportunities: args.opportunities,
        leads: args.leads,
        activities: args.activities,
        seed: args.seed,
        ...(args.now ? { now: args.now } : {}),
        onProgress: ({ table, done, total }) => {
          if (done % PROGRESS_EVERY === 0 || done === total) console.log(`  ${table}: ${done.toLocaleString('en')} / ${total.toLocaleString('en')}`);
        },
      });
      console.log(
        `Done: ${sales.opportunities} opportunities (${sales.stageChanges} stage changes), ${sales.leads} leads, ` +
          `${sales.activities} activities in ${sales.seconds.toFixed(2)} s (${Math.round(sales.rowsPerSecond).toLocaleString('en')} rows/s).`,
      );
    }
  } finally {
    await host.close();
  }
}

function main(): void {
  let args: SeedArgs;
  try {
    args = parseSeedArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof ArgError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  if (args.help) {
    console.log(USAGE);
    return;
  }
  run(args).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}

main();
