/**
 * A job runner in a process of its own on a shared SQLite file, for the tests of
 * two app instances and of a crash mid-run:
 *   node --import tsx test/support/jobs-child.ts <db> <record|mail> <runnerId> <leaseMs>
 * Prints "ready" once set up, starts on the first line it reads on stdin, prints
 * "ran <jobId>" after each job and "idle" when no job is left, then exits.
 *
 * record: runs `test.record` jobs; each run inserts a row into test_runs (every run,
 *   lease-checked) and, once per job, one into test_effects (the exactly-once ledger).
 * mail: runs `mail.send` jobs with the SMTP settings stored in the database.
 * campaign: runs `campaign.step` jobs (campaign journeys) with those settings.
 */
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { openDatabase } from '../../electron/main/db/open-database';
import { WriteQueue } from '../../electron/main/db/write-queue';
import { AppSettingsStore } from '../../electron/main/domain/settings/app-settings.store';
import { JobRegistry } from '../../electron/main/jobs/job-registry';
import { JobRunner } from '../../electron/main/jobs/job-runner';
import { JobStore } from '../../electron/main/jobs/job-store';
import { MAIL_SEND, mailSendJob } from '../../electron/main/jobs/kinds/mail-send.job';
import { createMailSender } from '../../electron/main/mail/mail-sender';
import { keyFileFor, localKeyCipher } from '../../electron/main/mail/secret-cipher';
import { campaignStepJob } from '../../electron/main/domain/campaigns/journey.job';
import { CAMPAIGN_STEP } from '../../electron/main/domain/campaigns/schedule';

const [database, mode, runnerId, leaseMs] = process.argv.slice(2) as [string, 'record' | 'mail' | 'campaign', string, string];

async function main(): Promise<void> {
  const { dataSource } = await openDatabase({ database, migrate: false });
  const registry = new JobRegistry();
  if (mode === 'record') {
    registry.register('test.record', {
      payload: z.object({ n: z.number().int(), ms: z.number().int() }).strict(),
      run: async (ctx) => {
        await ctx.transaction((em) => em.query(`INSERT INTO test_runs (job_id, runner) VALUES (?, ?)`, [ctx.job.id, runnerId]));
        await sleep(ctx.payload.ms);
        await ctx.once(`record:${ctx.payload.n}`, (em) => em.query(`INSERT INTO test_effects (job_id, runner) VALUES (?, ?)`, [ctx.job.id, runnerId]));
      },
    });
  } else if (mode === 'mail') {
    const settings = new AppSettingsStore(dataSource);
    registry.register(MAIL_SEND, mailSendJob({ sender: createMailSender({ store: settings, cipher: localKeyCipher(keyFileFor(database)) }), settings }));
  }
  const store = new JobStore(registry, () => new Date().toISOString());
  if (mode === 'campaign') {
    const settings = new AppSettingsStore(dataSource);
    const cipher = localKeyCipher(keyFileFor(database));
    registry.register(CAMPAIGN_STEP, campaignStepJob({ jobs: store, sender: createMailSender({ store: settings, cipher }), settings, cipher }));
  }
  const runner = new JobRunner({ dataSource, writes: new WriteQueue(dataSource), registry, store, now: () => new Date(), runnerId, leaseMs: Number(leaseMs) });

  process.stdout.write('ready\n');
  const lines = createInterface({ input: process.stdin });
  await new Promise<void>((resolve) => lines.once('line', () => resolve()));
  lines.close();

  const original = store.complete.bind(store);
  store.complete = async (em, id, owner) => {
    const done = await original(em, id, owner);
    process.stdout.write(`ran ${id}\n`);
    return done;
  };
  for (;;) {
    await runner.runUntilIdle();
    const [{ left }] = (await dataSource.query(`SELECT COUNT(*) AS left FROM jobs WHERE status IN ('queued', 'running')`)) as [{ left: number }];
    if (left === 0) break;
    await sleep(10);
  }
  process.stdout.write('idle\n');
  await runner.stop();
  await dataSource.destroy();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
