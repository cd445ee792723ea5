/**
 * `npm run start:browser`: the real app in a browser, for machines without
 * Electron. A persistent sample database lives in the data folder.
 */
import { join, resolve } from 'node:path';
import { defaultDataDir } from '../../electron/main/config/data-dir';
import { openHost } from '../../electron/main/host/host';
import { seedIfEmpty } from '../../electron/main/seed/seed-if-empty';
import { startHarness } from './server';

async function main(): Promise<void> {
  const database = process.env.CRM_BROWSER_DB ?? join(defaultDataDir(), 'browser', 'sample.sqlite');
  const host = await openHost({ database, log: (m, e) => console.error(m, e) });
  const seeded = await seedIfEmpty(host.dataSource, { accounts: 200, contacts: 2000, opportunities: 400, leads: 300, activities: 3000 });
  if (seeded) {
    console.log(
      `Filled a new sample database with ${seeded.accounts} accounts, ${seeded.contacts} contacts, ` +
        `${seeded.opportunities} opportunities, ${seeded.leads} leads and ${seeded.activities} activities.`,
    );
  }
  const harness = await startHarness(host, resolve(__dirname, '../../out/renderer'), Number(process.env.PORT ?? 5199));
  console.log(`Office CRM (browser harness) on ${harness.url}`);
  console.log(`Database: ${database}`);
  const stop = async () => {
    await harness.close();
    await host.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
